// Suppression hygiene: NOLINT reasons, unknown-nolint and unused-nolint with their fix-its.
#include <gtest/gtest.h>

#include <algorithm>

#include "suppress/apply_nolint.h"
#include "suppress/nolint.h"
#include "suppress/nolint_audit.h"
#include "test_support.h"

namespace scopelint {
namespace {

Finding finding_at(const std::string& rule, SourceLocation location,
                   std::vector<SourceLocation> chain = {}) {
  Finding finding;
  finding.rule = rule;
  finding.location = std::move(location);
  finding.macro_chain = std::move(chain);
  return finding;
}

// `text` with the fix's replacements applied, checking that each replaces what it expects.
std::string apply_fix(std::string text, const Fix& fix) {
  std::vector<Replacement> replacements = fix.replacements;
  std::sort(replacements.begin(), replacements.end(),
            [](const auto& a, const auto& b) { return a.range.offset > b.range.offset; });
  for (const auto& r : replacements) {
    EXPECT_EQ(text.substr(r.range.offset, r.range.length), r.expected);
    text.replace(r.range.offset, r.range.length, r.text);
  }
  return text;
}

std::vector<Finding> audit(const std::string& file, const std::vector<Finding>& findings,
                           bool names = true, bool usage = true) {
  NolintFiles sources;
  NolintAudit which;
  if (names) which.name_files = {file};
  if (usage) which.usage_files = {file};
  return audit_nolint(findings, which, sources);
}

TEST(NolintReason, IsTheTextAfterTheListUpToTheEndOfTheComment) {
  NolintMap map(
      "a();  // NOLINT(unused-scope): kept for the Q3 rollout\n"
      "/* NOLINTNEXTLINE(missing-scope):  shown to admins */ b();\n"
      "c();  // NOLINT: everything here\n"
      "d();  // NOLINT(unused-scope) no colon, no reason\n");
  ASSERT_EQ(map.directives().size(), 4u);
  EXPECT_EQ(map.directives()[0].reason, "kept for the Q3 rollout");
  EXPECT_EQ(map.directives()[1].reason, "shown to admins");
  EXPECT_EQ(map.directives()[2].reason, "everything here");
  EXPECT_EQ(map.directives()[3].reason, "");
}

TEST(NolintReason, IsCarriedIntoTheSuppressedFinding) {
  test::TempDir dir;
  const std::string file = dir.write(
      "a.cpp", "x();\ny();  // NOLINT(unused-scope): kept for the Q3 rollout\nz();  // NOLINT\n");
  NolintResult result = apply_nolint(
      {finding_at("unused-scope", {file, 2, 1}), finding_at("missing-scope", {file, 3, 1}),
       finding_at("missing-scope", {file, 1, 1})},
      {});
  ASSERT_EQ(result.kept.size(), 1u);
  ASSERT_EQ(result.suppressed.size(), 2u);
  ASSERT_TRUE(result.suppressed[0].suppression);
  EXPECT_EQ(result.suppressed[0].suppression->reason, "kept for the Q3 rollout");
  EXPECT_EQ(result.suppressed[0].suppression->location, (SourceLocation{file, 2, 10}));
  EXPECT_EQ(result.suppressed[1].suppression->reason, "");
  EXPECT_FALSE(result.kept[0].suppression);
}

TEST(UnknownNolint, OnlyNamesCloseToAScopelintRule) {
  EXPECT_EQ(misspelt_rule("missing-scop"), "missing-scope");
  EXPECT_EQ(misspelt_rule("Missing-Scope"), "missing-scope");
  EXPECT_EQ(misspelt_rule("unused-scopes"), "unused-scope");
  EXPECT_EQ(misspelt_rule("unsued-nolint"), "unused-nolint");
  // Rules, globs, negative globs and other tools' checks are not misspellings.
  for (const char* name : {"missing-scope", "*-scop", "-missing-scop", "bugprone-use-after-move",
                           "clang-diagnostic-unused-variable", "readability-*", "cert-err58-cpp",
                           "misc-no-recursion", ""}) {
    EXPECT_EQ(misspelt_rule(name), "") << name;
  }
}

TEST(UnknownNolint, SuggestsTheRuleAndFixesTheName) {
  test::TempDir dir;
  const std::string text = "a();  // NOLINT(bugprone-foo, missing-scop)\n";
  const std::string file = dir.write("a.cpp", text);
  auto found = audit(file, {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "unknown-nolint");
  EXPECT_EQ(found[0].level, Level::Warning);
  EXPECT_EQ(found[0].message,
            "'missing-scop' in this NOLINT comment is not a scopelint rule; did you mean "
            "'missing-scope'?");
  EXPECT_EQ(found[0].location, (SourceLocation{file, 1, 31}));
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(apply_fix(text, *found[0].fix), "a();  // NOLINT(bugprone-foo, missing-scope)\n");
}

TEST(UnknownNolint, FixesBothEndsOfARangeSoTheyStillPair) {
  test::TempDir dir;
  const std::string text = "// NOLINTBEGIN(unused-scop)\na();\n// NOLINTEND(unused-scop)\n";
  const std::string file = dir.write("a.cpp", text);
  auto found = audit(file, {});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].fix);
  std::string fixed = apply_fix(text, *found[0].fix);
  EXPECT_EQ(fixed, "// NOLINTBEGIN(unused-scope)\na();\n// NOLINTEND(unused-scope)\n");
  NolintMap map(fixed);
  EXPECT_TRUE(map.problems().empty());
  EXPECT_TRUE(map.suppresses("unused-scope", 2));
}

TEST(UnusedNolint, TrailingCommentIsRemovedWithTheBlanksBeforeIt) {
  test::TempDir dir;
  const std::string text = "a();  // NOLINT(unused-scope): stale\nb();\n";
  const std::string file = dir.write("a.cpp", text);
  auto found = audit(file, {finding_at("missing-scope", {file, 1, 1})});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "unused-nolint");
  EXPECT_EQ(found[0].message,
            "'unused-scope' in this NOLINT comment suppresses no finding on its line");
  EXPECT_EQ(found[0].location, (SourceLocation{file, 1, 10}));
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->description, "remove the comment");
  EXPECT_EQ(apply_fix(text, *found[0].fix), "a();\nb();\n");
}

TEST(UnusedNolint, CommentAloneOnItsLineTakesTheLine) {
  test::TempDir dir;
  const std::string text = "a();\n  // NOLINTNEXTLINE(missing-scope)\nb();\n";
  const std::string file = dir.write("a.cpp", text);
  auto found = audit(file, {finding_at("missing-scope", {file, 2, 1})});  // not the next line
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("on the next line"), std::string::npos);
  EXPECT_EQ(apply_fix(text, *found[0].fix), "a();\nb();\n");
}

TEST(UnusedNolint, OnlyTheUnusedNamesLeaveAList) {
  test::TempDir dir;
  const std::string text = "a();  // NOLINT(unused-scope, missing-scope,global-scope): reason\n";
  const std::string file = dir.write("a.cpp", text);
  auto found = audit(file, {finding_at("missing-scope", {file, 1, 1})});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "'unused-scope' and 'global-scope' in this NOLINT comment suppress no finding on its "
            "line");
  EXPECT_EQ(apply_fix(text, *found[0].fix), "a();  // NOLINT(missing-scope): reason\n");
}

TEST(UnusedNolint, RangeIsJudgedOnceAndFixedAtBothEnds) {
  test::TempDir dir;
  const std::string text =
      "// NOLINTBEGIN(unused-scope, missing-scope)\na();\nb();\n// NOLINTEND(unused-scope, "
      "missing-scope)\n";
  const std::string file = dir.write("a.cpp", text);
  auto found = audit(file, {finding_at("missing-scope", {file, 3, 1})});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location.line, 1u);
  EXPECT_NE(found[0].message.find("in its range"), std::string::npos);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].location.line, 4u);
  std::string fixed = apply_fix(text, *found[0].fix);
  EXPECT_EQ(fixed, "// NOLINTBEGIN(missing-scope)\na();\nb();\n// NOLINTEND(missing-scope)\n");
  EXPECT_TRUE(NolintMap(fixed).problems().empty());

  // Nothing in the range: both comments go.
  found = audit(file, {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(apply_fix(text, *found[0].fix), "a();\nb();\n");
}

TEST(UnusedNolint, UsedThroughAMacroChain) {
  test::TempDir dir;
  const std::string header =
      dir.write("api.h", "#define GET(c) c.Get(\"/x\")  // NOLINT(missing-scope)\n");
  const std::string main = dir.write("main.cpp", "GET(cli);  // NOLINT(missing-scope)\n");
  NolintFiles sources;
  auto found =
      audit_nolint({finding_at("missing-scope", {main, 1, 1}, {{header, 1, 16}, {main, 1, 1}})},
                   {{main, header}, {main, header}}, sources);
  EXPECT_TRUE(found.empty()) << found[0].message;
}

TEST(UnusedNolint, NotJudgedForWhatMayBeAnotherToolsOrProse) {
  test::TempDir dir;
  const std::string file = dir.write(
      "a.cpp",
      "a();  // NOLINT\n"                                    // bare: clang-tidy's too
      "b();  // NOLINT(*-scope)\n"                           // a glob
      "c();  // NOLINT(bugprone-use-after-move)\n"           // another tool's check
      "// the docs explain NOLINT(unused-scope) comments\n"  // prose, not a directive of its own
      "d();  // NOLINT(unused-nolint)\n"                     // a suppression rule
      "// NOLINTBEGIN(unused-scope)\n");                     // unpaired: the nolint rule's
  auto found = audit(file, {});
  EXPECT_TRUE(found.empty()) << found[0].message;
}

TEST(UnusedNolint, OnlyInTheFilesListedForUsage) {
  test::TempDir dir;
  const std::string file =
      dir.write("a.h", "a();  // NOLINT(unused-scope)\nb();  // NOLINT(unused-scop)\n");
  auto found = audit(file, {}, /*names=*/true, /*usage=*/false);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "unknown-nolint");
  EXPECT_EQ(audit(file, {}, false, false).size(), 0u);
}

TEST(UnusedNolint, SameFileSpeltTwoWaysIsOneFile) {
  test::TempDir dir;
  const std::string file = dir.write("src/a.cpp", "a();  // NOLINT(missing-scope)\n");
  const std::string other_spelling = dir.path() + "/src/../src/./a.cpp";
  NolintFiles sources;
  auto found = audit_nolint({finding_at("missing-scope", {other_spelling, 1, 1})},
                            {{file, other_spelling}, {file}}, sources);
  EXPECT_TRUE(found.empty()) << found[0].message;
}

TEST(UnusedNolint, BuffersReplaceTheFilesOnDisk) {
  test::TempDir dir;
  const std::string file = dir.write("a.cpp", "a();\n");
  NolintFiles sources({{file, "\n\na();  // NOLINT(unused-scope)\n"}});
  auto found = audit_nolint({}, {{}, {file}}, sources);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location.line, 3u);
}

}  // namespace
}  // namespace scopelint

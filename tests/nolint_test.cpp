// NOLINT grammar as clang-tidy reads it, and suppression along macro expansion chains.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "extract/driver/extractor.h"
#include "suppress/apply_nolint.h"
#include "suppress/nolint.h"
#include "test_support.h"

namespace scopelint {
namespace {

TEST(Nolint, BareNolintSuppressesEverythingOnItsLine) {
  NolintMap map("a();  // NOLINT\nb();\n");
  EXPECT_TRUE(map.suppresses("missing-scope", 1));
  EXPECT_FALSE(map.suppresses("missing-scope", 2));
}

TEST(Nolint, ListWithGlobs) {
  NolintMap map("x // NOLINT(unused-scope, *-endpoint)\n");
  EXPECT_TRUE(map.suppresses("unused-scope", 1));
  EXPECT_TRUE(map.suppresses("unknown-endpoint", 1));
  EXPECT_FALSE(map.suppresses("missing-scope", 1));
  EXPECT_TRUE(NolintMap("// NOLINT(*)").suppresses("missing-scope", 1));
}

TEST(Nolint, SpaceBeforeParenthesisIsABareNolint) {
  NolintMap map("x // NOLINT (unused-scope)\n");
  EXPECT_TRUE(map.suppresses("missing-scope", 1));
}

TEST(Nolint, CaseSensitiveAndWholeWord) {
  EXPECT_FALSE(NolintMap("// nolint").suppresses("missing-scope", 1));
  EXPECT_FALSE(NolintMap("// NOLINTXYZ").suppresses("missing-scope", 1));
  EXPECT_FALSE(NolintMap("// NOLINT(Missing-Scope)").suppresses("missing-scope", 1));
  EXPECT_TRUE(NolintMap("// NOLINT: reason").suppresses("missing-scope", 1));
  EXPECT_TRUE(NolintMap("/* NOLINT */ x").suppresses("missing-scope", 1));
}

TEST(Nolint, EmptyListSuppressesNothing) {
  EXPECT_FALSE(NolintMap("// NOLINT()").suppresses("missing-scope", 1));
}

TEST(Nolint, NegativeGlobsAreIgnored) {
  NolintMap map("// NOLINT(-missing-scope)");
  EXPECT_FALSE(map.suppresses("missing-scope", 1));
}

TEST(Nolint, NextLine) {
  NolintMap map("// NOLINTNEXTLINE(missing-scope)\nx();\ny();\n");
  EXPECT_FALSE(map.suppresses("missing-scope", 1));
  EXPECT_TRUE(map.suppresses("missing-scope", 2));
  EXPECT_FALSE(map.suppresses("missing-scope", 3));
}

TEST(Nolint, BeginEndRange) {
  NolintMap map("a\n// NOLINTBEGIN(unused-scope)\nb\nc\n// NOLINTEND(unused-scope)\nd\n");
  EXPECT_TRUE(map.problems().empty());
  EXPECT_FALSE(map.suppresses("unused-scope", 1));
  EXPECT_TRUE(map.suppresses("unused-scope", 3));
  EXPECT_TRUE(map.suppresses("unused-scope", 4));
  EXPECT_FALSE(map.suppresses("missing-scope", 3));
  EXPECT_FALSE(map.suppresses("unused-scope", 6));
}

TEST(Nolint, UnmatchedBeginAndEndAreReportedAndSuppressNothing) {
  NolintMap begin("// NOLINTBEGIN\nx\n");
  ASSERT_EQ(begin.problems().size(), 1u);
  EXPECT_EQ(begin.problems()[0].line, 1u);
  EXPECT_NE(begin.problems()[0].message.find("unmatched 'NOLINTBEGIN'"), std::string::npos);
  EXPECT_FALSE(begin.suppresses("missing-scope", 2));
  NolintMap end("x\n// NOLINTEND\n");
  ASSERT_EQ(end.problems().size(), 1u);
  EXPECT_NE(end.problems()[0].message.find("unmatched 'NOLINTEND'"), std::string::npos);
}

TEST(Nolint, MismatchedArgumentsDoNotPair) {
  NolintMap map("// NOLINTBEGIN(a)\nx\n// NOLINTEND(b)\n");
  EXPECT_EQ(map.problems().size(), 2u);
}

TEST(Nolint, Glob) {
  EXPECT_TRUE(glob_matches("*", "x"));
  EXPECT_TRUE(glob_matches("*-scope", "unused-scope"));
  EXPECT_TRUE(glob_matches("un*-*e", "unused-scope"));
  EXPECT_FALSE(glob_matches("unused", "unused-scope"));
}

// A header whose macros make the calls; each line number is referred to below.
constexpr const char* kMacroHeader =
    "#pragma once\n"                                                                       // 1
    "#include <httplib.h>\n"                                                               // 2
    "#define GET_ALLERGIES(c) c.Get(\"/api/2.0/allergies/\")  // NOLINT(missing-scope)\n"  // 3
    "#define GET_PROBLEMS(c) c.Get(\"/api/2.0/problems/\")\n"                              // 4
    "// NOLINTBEGIN(missing-scope)\n"                                                      // 5
    "#define GET_VITALS(c) c.Get(\"/api/2.0/vitals/\")\n"                                  // 6
    "// NOLINTEND(missing-scope)\n"                                                        // 7
    "#define GET_MEDICATIONS(c) c.Get(\"/api/2.0/medications/\")\n"                        // 8
    "#define INNER_GET(c, path) c.Get(path)  // NOLINT\n"                                  // 9
    "#define OUTER_GET(c) INNER_GET(c, \"/api/2.0/clinical_documents/\")\n"                // 10
    "#define GET_ALLERGIES_UNSUPPRESSED(c) c.Get(\"/api/2.0/allergies/\")\n";              // 11

constexpr const char* kMacroMain =
    "#include \"api.h\"\n"                                               // 1
    "void run() {\n"                                                     // 2
    "  httplib::Client cli(\"https://app.elationemr.com\");\n"           // 3
    "  httplib::Params token{{\"scope\", \"system/patients.read\"}};\n"  // 4
    "  cli.Post(\"/api/2.0/oauth2/token/\", token);\n"                   // 5
    "  cli.Get(\"/api/2.0/patients/\");\n"                               // 6
    "  GET_ALLERGIES(cli);\n"                                            // 7
    "  GET_PROBLEMS(cli);  // NOLINT(missing-scope)\n"                   // 8
    "  GET_VITALS(cli);\n"                                               // 9
    "  // NOLINT(missing-scope): applies to this line only\n"            // 10
    "  GET_MEDICATIONS(cli);\n"                                          // 11
    "  OUTER_GET(cli);\n"                                                // 12
    "  GET_ALLERGIES_UNSUPPRESSED(cli);  // NOLINT(unused-scope)\n"      // 13
    "}\n";

Finding finding_at(const std::string& rule, SourceLocation location,
                   std::vector<SourceLocation> chain = {}) {
  Finding finding;
  finding.rule = rule;
  finding.location = std::move(location);
  finding.macro_chain = std::move(chain);
  return finding;
}

TEST(NolintMacros, AnyLocationOfTheMacroChainSuppresses) {
  test::TempDir dir;
  const std::string header = dir.write("api.h", kMacroHeader);
  const std::string main = dir.write("main.cpp", kMacroMain);
  // As the front end records a call in GET_xxx(cli): spelled in the header, expanded in main.cpp.
  auto in_macro = [&](unsigned definition_line, unsigned expansion_line) {
    return finding_at("missing-scope", {main, expansion_line, 3},
                      {{header, definition_line, 20}, {main, expansion_line, 3}});
  };
  std::vector<Finding> findings{
      in_macro(3, 7),    // NOLINT on the definition line
      in_macro(4, 8),    // NOLINT on the expansion line
      in_macro(6, 9),    // NOLINTBEGIN/END around the definition
      in_macro(8, 11),   // NOLINT on an unrelated line (10): kept
      in_macro(11, 13),  // NOLINT for another rule on the expansion line: kept
      finding_at("missing-scope", {main, 7, 3}),  // no chain: only its own line counts, kept
  };
  NolintResult result = apply_nolint(findings, {});
  EXPECT_EQ(result.suppressed.size(), 3u);
  std::vector<unsigned> kept;
  for (const auto& finding : result.kept) kept.push_back(finding.location.line);
  EXPECT_EQ(kept, (std::vector<unsigned>{11, 13, 7}));
}

TEST(NolintMacros, HeaderNolintSuppressesFindingsInTheHeader) {
  test::TempDir dir;
  const std::string header = dir.write("api.h", kMacroHeader);
  NolintResult result = apply_nolint(
      {finding_at("unused-scope", {header, 9, 1}), finding_at("unused-scope", {header, 6, 1}),
       finding_at("missing-scope", {header, 6, 1})},
      {});
  EXPECT_EQ(result.suppressed.size(), 2u);
  ASSERT_EQ(result.kept.size(), 1u);
  EXPECT_EQ(result.kept[0].rule, "unused-scope");
  EXPECT_EQ(result.kept[0].location.line, 6u);
}

// A library header reached only through a macro chain is read for NOLINT, but its unpaired
// NOLINTBEGIN is not reported: it holds no finding and the user did not name it.
TEST(NolintMacros, UnpairedDirectivesAreReportedOnlyWhereFindingsAre) {
  test::TempDir dir;
  const std::string library =
      dir.write("lib.h", "#define GET(c) c.Get(\"/x\")  // NOLINT\n// NOLINTBEGIN\n");
  const std::string main = dir.write("main.cpp", "GET(cli);\n// NOLINTEND(unused-scope)\n");
  NolintResult result =
      apply_nolint({finding_at("missing-scope", {main, 1, 1}, {{library, 1, 16}, {main, 1, 1}}),
                    finding_at("missing-scope", {main, 5, 1})},
                   {});
  EXPECT_EQ(result.suppressed.size(), 1u);
  std::vector<std::string> kept;
  for (const auto& finding : result.kept) {
    kept.push_back(std::filesystem::path(finding.location.file).filename().string() + ":" +
                   std::to_string(finding.location.line) + " " + finding.rule);
  }
  EXPECT_EQ(kept, (std::vector<std::string>{"main.cpp:5 missing-scope", "main.cpp:2 nolint"}));
}

// The front end records where each call in a macro is written and where it is expanded.
TEST(NolintMacros, FrontEndRecordsTheMacroChain) {
  test::TempDir dir;
  dir.write("api.h", kMacroHeader);
  const std::string main = dir.write("main.cpp", kMacroMain);
  ExtractOptions options;
  options.paths = {main};
  options.has_fixed_args = true;
  options.fixed_args = {"-std=c++17"};
  const ExtractResult result = extract_facts(options);
  auto call_to = [&](const std::string& url, unsigned line) -> const HttpCall* {
    for (const auto& call : result.facts.calls) {
      if (call.url == url && call.location.line == line) return &call;
    }
    return nullptr;
  };
  auto lines = [](const HttpCall& call) {
    std::vector<std::string> out;
    for (const auto& place : call.macro_chain) {
      out.push_back(std::filesystem::path(place.file).filename().string() + ":" +
                    std::to_string(place.line));
    }
    return out;
  };
  const HttpCall* plain = call_to("/api/2.0/patients/", 6);
  ASSERT_TRUE(plain) << result.facts.calls.size();
  EXPECT_TRUE(plain->macro_chain.empty());
  const HttpCall* allergies = call_to("/api/2.0/allergies/", 7);
  ASSERT_TRUE(allergies);
  EXPECT_EQ(lines(*allergies), (std::vector<std::string>{"api.h:3", "main.cpp:7"}));
  EXPECT_EQ(allergies->macro_chain.back(), allergies->location);
  // Nested: the callee's name is written in INNER_GET, the object is the argument of OUTER_GET.
  const HttpCall* documents = call_to("/api/2.0/clinical_documents/", 12);
  ASSERT_TRUE(documents);
  const auto nested = lines(*documents);
  EXPECT_NE(std::find(nested.begin(), nested.end(), "api.h:9"), nested.end());
  EXPECT_EQ(nested.back(), "main.cpp:12");
}

TEST(NolintMacros, CommandSuppressesCallsInHeaderMacros) {
  test::TempDir dir;
  dir.write("api.h", kMacroHeader);
  const std::string main = dir.write("main.cpp", kMacroMain);
  auto result = test::run_scopelint({"--format=json", "--no-cache", main, "--", "-std=c++17"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  auto json = nlohmann::json::parse(result.out);
  std::vector<std::string> reported;
  for (const auto& f : json["findings"]) {
    reported.push_back(std::to_string(f["line"].get<unsigned>()) + " " +
                       f["rule"].get<std::string>());
  }
  // 7 (definition line), 8 (expansion line), 9 (BEGIN/END) and 12 (nested, inner definition) are
  // suppressed; 11 has a NOLINT only on the line above, 13 one for another rule: both of those
  // NOLINTs suppress nothing (unused-nolint; the header's are not judged).
  EXPECT_EQ(reported, (std::vector<std::string>{"10 unused-nolint", "11 missing-scope",
                                                "13 missing-scope", "13 unused-nolint"}))
      << result.out;
  EXPECT_NE(result.err.find("Suppressed 4 findings (4 NOLINT)."), std::string::npos) << result.err;
}

}  // namespace
}  // namespace scopelint

// Fix-its: locating scope values in literals, applying them (--fix), exporting them
// (--export-fixes).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "checks/scope_fix.h"
#include "fix/apply_fixes.h"
#include "fix/export_fixes.h"
#include "fix/scope_edits.h"
#include "fix/snapshots.h"
#include "test_support.h"

namespace scopelint {
namespace {

using test::read_text;
using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// A token request whose scope value `value` sits in the first occurrence of `literal` in `file`
// (after "scope=" in a Wire literal, the whole literal value otherwise).
TokenRequest token_in(const std::string& file, const std::string& text, const std::string& literal,
                      const std::string& value, ScopeEncoding encoding) {
  TokenRequest token;
  token.sends_scope = token.scope_known = true;
  token.scope_text = value;
  token.encoding = encoding;
  token.parsed = parse_scope_string(value, encoding);
  size_t at = text.find(literal);
  SourceRange range;
  range.begin = {file, 1, static_cast<unsigned>(at + 1)};
  range.end = {file, 1, static_cast<unsigned>(at + 1 + literal.size())};
  range.offset = static_cast<unsigned>(at);
  range.length = static_cast<unsigned>(literal.size());
  const size_t quote = literal.find('"');
  const size_t scope = literal.find("scope=");
  ScopeLiteral place;
  place.literal = range;
  place.encoding = encoding;
  place.value_offset = encoding == ScopeEncoding::Wire && scope != std::string::npos
                           ? static_cast<unsigned>(scope + 6 - quote - 1)
                           : 0;
  place.value_length = static_cast<unsigned>(value.size());
  token.scope_literal = place;
  return token;
}

// The edit the checks plan for `token`, made into a replacement as lint() does after suppression.
std::optional<Replacement> scope_value_replacement(const TokenRequest& token,
                                                   const std::vector<std::string>& scopes) {
  return scope_edit_replacement(plan_scope_edit(token, scopes));
}

TEST(FixLocate, PlainLiteralValueIsReplacedWhole) {
  TempDir dir;
  std::string text = "auto s = \"system/a.read system/b.write\";\n";
  std::string file = dir.write("a.cpp", text);
  auto token = token_in(file, text, "\"system/a.read system/b.write\"",
                        "system/a.read system/b.write", ScopeEncoding::Plain);
  auto r = scope_value_replacement(token, {"system/a.read"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->range.offset, text.find("system/a.read"));
  EXPECT_EQ(r->range.length, std::string("system/a.read system/b.write").size());
  EXPECT_EQ(r->range.begin.column, text.find("system/a.read") + 1);
  EXPECT_EQ(r->text, "system/a.read");
}

TEST(FixLocate, WireBodyReplacesOnlyTheScopeParameterInItsOwnSeparator) {
  TempDir dir;
  std::string text =
      "post(u8\"grant_type=client_credentials&scope=x.read%20y.read&client_id=1\");\n";
  std::string file = dir.write("a.cpp", text);
  auto token =
      token_in(file, text, "u8\"grant_type=client_credentials&scope=x.read%20y.read&client_id=1\"",
               "x.read%20y.read", ScopeEncoding::Wire);
  auto r = scope_value_replacement(token, {"a.read", "b.write"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->range.offset, text.find("x.read%20"));
  EXPECT_EQ(r->range.length, std::string("x.read%20y.read").size());
  EXPECT_EQ(r->text, "a.read%20b.write");

  auto plus = token_in(file, text, "u8\"grant", "x.read+y.read", ScopeEncoding::Wire);
  plus.parsed.separator = "+";
  // The recorded value differs from the source text: no fix rather than a wrong one.
  EXPECT_FALSE(scope_value_replacement(plus, {"a.read"}));
}

TEST(FixLocate, NoFixForEscapesRawStringsOrChangedText) {
  TempDir dir;
  std::string escaped = "auto s = \"scope=a\\x2eread\";\n";
  std::string f1 = dir.write("e.cpp", escaped);
  EXPECT_FALSE(scope_value_replacement(
      token_in(f1, escaped, "\"scope=a\\x2eread\"", "a\\x2eread", ScopeEncoding::Wire),
      {"b.read"}));
  std::string raw = "auto s = R\"(scope=a.read)\";\n";
  std::string f2 = dir.write("r.cpp", raw);
  EXPECT_FALSE(scope_value_replacement(
      token_in(f2, raw, "R\"(scope=a.read)\"", "a.read", ScopeEncoding::Wire), {"b.read"}));
  std::string plain = "auto s = \"a.read\";\n";
  std::string f4 = dir.write("p.cpp", plain);
  auto token = token_in(f4, plain, "\"a.read\"", "a.read", ScopeEncoding::Plain);
  dir.write("p.cpp", "auto s = \"b.read\";\n");  // edited after the scan
  EXPECT_FALSE(scope_value_replacement(token, {"c.read"}));
  token.scope_literal.reset();  // split over literals or built at run time
  EXPECT_FALSE(scope_value_replacement(token, {"c.read"}));
}

TEST(FixPlanned, ThePlanBecomesAFixOrTheLastReasonAnEditCouldNotBeMade) {
  TempDir dir;
  const std::string text = "auto s = \"a.read b.read\";\n";
  const std::string file = dir.write("p.cpp", text);
  const TokenRequest token = token_in(file, text, "\"a.read b.read\"", "a.read b.read", ScopeEncoding::Plain);
  TokenRequest unwritten = token;
  unwritten.scope_literal.reset();  // the value is not one literal: planned with its reason
  Finding planned;
  planned.planned_fix = PlannedFix{"request only 'a.read'", {plan_scope_edit(unwritten, {"a.read"}),
                                                             plan_scope_edit(token, {"a.read"})}};
  EXPECT_FALSE(planned.planned_fix->edits[0].why_not.empty());
  Finding stale = planned;
  std::vector<Finding> findings = {planned};
  make_planned_fixes(findings);
  ASSERT_TRUE(findings[0].fix);
  EXPECT_FALSE(findings[0].planned_fix);
  EXPECT_EQ(findings[0].fix->description, "request only 'a.read'");
  ASSERT_EQ(findings[0].fix->replacements.size(), 1u);
  EXPECT_EQ(findings[0].fix->replacements[0].text, "a.read");
  EXPECT_TRUE(findings[0].no_fix_reason.empty());

  dir.write("p.cpp", "auto s = \"x.read b.read\";\n");  // edited after the scan
  findings = {stale};
  make_planned_fixes(findings);
  EXPECT_FALSE(findings[0].fix);
  EXPECT_EQ(findings[0].no_fix_reason, "the file changed since it was scanned");
}

TEST(FixPlanned, ASuppressedFindingCostsNoReadAndGetsNoFix) {
  // --format=json reports suppressed findings too; their fix-it is never made.
  TempDir dir;
  dir.write("client.cpp",
            "#include <httplib.h>\n"
            "void f(httplib::Client& cli) {\n"
            "  httplib::Params params{{\"grant_type\", \"client_credentials\"},\n"
            "                         {\"scope\", \"system/patients.read system/vitals.read\"}};\n"
            "  cli.Post(\"/api/2.0/oauth2/token/\", params);  // NOLINT(unused-scope)\n"
            "  cli.Get(\"/api/2.0/patients/\");\n"
            "}\n");
  const auto suppressed = run_scopelint({"--format=json", "client.cpp"}, dir.path());
  EXPECT_EQ(suppressed.exit_code, 0) << suppressed.err;
  EXPECT_NE(suppressed.out.find("\"suppressed\""), std::string::npos) << suppressed.out;
  EXPECT_EQ(suppressed.out.find("\"fix\""), std::string::npos) << suppressed.out;
  dir.write("client.cpp", read_text(dir.path() + "/client.cpp").replace(
                              read_text(dir.path() + "/client.cpp").find("  // NOLINT(unused-scope)"),
                              std::string("  // NOLINT(unused-scope)").size(), ""));
  const auto reported = run_scopelint({"--format=json", "client.cpp"}, dir.path());
  EXPECT_NE(reported.out.find("\"fix\""), std::string::npos) << reported.out;
}

// A fix replacing [offset, offset + length) of `file` (as it is now) with `text`.
Finding finding_with_edit(const std::string& file, unsigned offset, unsigned length,
                          const std::string& text) {
  Finding f;
  f.rule = "unused-scope";
  f.location = {file, 1, 1};
  Replacement r;
  r.range.begin = {file, 1, offset + 1};
  r.range.offset = offset;
  r.range.length = length;
  r.text = text;
  r.expected = read_text(file).substr(offset, length);
  f.fix = Fix{"test", {r}};
  return f;
}

TEST(FixApply, AppliesFromTheEndDedupesAndKeepsPermissions) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "AAAA BBBB CCCC\n");
  ::chmod(file.c_str(), 0640);
  record_fix_snapshot(file, content_hash(read_text(file)));
  std::vector<Finding> findings = {finding_with_edit(file, 0, 4, "x"),
                                   finding_with_edit(file, 10, 4, "zzzzzz"),
                                   finding_with_edit(file, 0, 4, "x"),  // the same edit again
                                   finding_with_edit(file, 2, 4, "overlap")};
  std::ostringstream err;
  FixOutcome outcome = apply_fixes(findings, dir.path(), err);
  EXPECT_EQ(read_text(file), "x BBBB zzzzzz\n");
  EXPECT_EQ(outcome.fixes_applied, 3u);
  EXPECT_EQ(outcome.files_changed, 1u);
  EXPECT_EQ(outcome.fixed, (std::vector<bool>{true, true, true, false}));
  EXPECT_NE(err.str().find("overlaps"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST(FixApply, RefusesAFileChangedSinceTheScan) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "AAAA\n");
  record_fix_snapshot(file, content_hash(read_text(file)));
  const Finding fix = finding_with_edit(file, 0, 4, "x");
  dir.write("a.cpp", "AAAA changed\n");
  std::ostringstream err;
  FixOutcome outcome = apply_fixes({fix}, dir.path(), err);
  EXPECT_EQ(outcome.fixes_applied, 0u);
  EXPECT_EQ(read_text(file), "AAAA changed\n");
  EXPECT_NE(err.str().find("changed since it was scanned"), std::string::npos);
}

TEST(FixApply, DropsAFixWhoseRangeDoesNotHoldWhatItReplaces) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "AAAA BBBB\n");
  record_fix_snapshot(file, content_hash(read_text(file)));
  Finding forged = finding_with_edit(file, 0, 4, "x");
  forged.fix->replacements[0].expected = "ZZZZ";  // the facts say another literal is there
  Finding unrecorded = finding_with_edit(file, 5, 4, "y");
  unrecorded.fix->replacements[0].expected.clear();  // no expectation: nothing to verify against
  Finding good = finding_with_edit(file, 5, 4, "z");
  std::ostringstream err;
  FixOutcome outcome = apply_fixes({forged, unrecorded, good}, dir.path(), err);
  EXPECT_EQ(outcome.fixed, (std::vector<bool>{false, false, true}));
  EXPECT_EQ(read_text(file), "AAAA z\n");
  EXPECT_NE(err.str().find("not applying the fix for " + file +
                           ":1:1 [unused-scope]: its range no longer holds"),
            std::string::npos)
      << err.str();
}

TEST(FixApply, NeverEditsOutsideTheProjectRoot) {
  TempDir dir;
  std::string inside = dir.write("project/a.cpp", "AAAA\n");
  std::string outside = dir.write("elsewhere/b.cpp", "BBBB\n");
  record_fix_snapshot(inside, content_hash(read_text(inside)));
  record_fix_snapshot(outside, content_hash(read_text(outside)));
  std::ostringstream err;
  FixOutcome outcome = apply_fixes(
      {finding_with_edit(outside, 0, 4, "x"), finding_with_edit(inside, 0, 4, "y")},
      dir.path() + "/project", err);
  EXPECT_EQ(outcome.fixed, (std::vector<bool>{false, true}));
  EXPECT_EQ(read_text(outside), "BBBB\n");
  EXPECT_EQ(read_text(inside), "y\n");
  EXPECT_NE(err.str().find("outside the project"), std::string::npos) << err.str();
}

TEST(FixExport, YamlScalarsQuoteWhatYamlWouldMisread) {
  EXPECT_EQ(yaml_scalar("unused-scope"), "unused-scope");
  EXPECT_EQ(yaml_scalar("it's"), "it's");
  EXPECT_EQ(yaml_scalar("scope 'a' is: unused"), "'scope ''a'' is: unused'");
  EXPECT_EQ(yaml_scalar("'a'"), "'''a'''");
  EXPECT_EQ(yaml_scalar(""), "''");
  EXPECT_EQ(yaml_scalar("yes"), "'yes'");
  EXPECT_EQ(yaml_scalar("12"), "'12'");
  EXPECT_EQ(yaml_scalar("a\nb\t\"c\"\\\x01"), "\"a\\nb\\t\\\"c\\\"\\\\\\x01\"");
  EXPECT_EQ(yaml_scalar("/tmp/é.cpp"), "'/tmp/é.cpp'");
}

// A cpp-httplib client: one token asks for apiv2 in a raw form body, another for too much with '+'.
const char* kClient = R"(#include <httplib.h>

int main() {
  httplib::Client cli("https://app.elationemr.com");
  auto global = cli.Post("/api/2.0/oauth2/token/", "grant_type=client_credentials&scope=apiv2&client_id=x",
                         "application/x-www-form-urlencoded");
  auto extra = cli.Post("/api/2.0/oauth2/token/",
                        "grant_type=client_credentials&scope=system/patients.read+system/appointments.write",
                        "application/x-www-form-urlencoded");
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", "system/patients.read"}};
  auto third = cli.Post("/api/2.0/oauth2/token/", form);
  auto p = cli.Get("/api/2.0/patients/1/");
  auto a = cli.Get("/api/2.0/appointments/");
  return 0;
}
)";

int count_rule(const std::string& json_report, const std::string& rule) {
  int n = 0;
  for (size_t at = 0;
       (at = json_report.find("\"rule\": \"" + rule + "\"", at)) != std::string::npos; ++at)
    ++n;
  return n;
}

TEST(FixEndToEnd, ExportedFixesApplyWithClangApplyReplacements) {
  TempDir dir;
  dir.write("src/client.cpp", kClient);
  std::filesystem::create_directories(dir.path() + "/fixes");
  auto before =
      run_scopelint({"src", "--format=json", "--export-fixes=fixes/client.yaml"}, dir.path());
  ASSERT_EQ(before.exit_code, 1) << before.err;
  ASSERT_GT(count_rule(before.out, "global-scope"), 0) << before.out;
  ASSERT_GT(count_rule(before.out, "unused-scope") + count_rule(before.out, "missing-scope"), 0)
      << before.out;
  std::string yaml = read_text(dir.path() + "/fixes/client.yaml");
  EXPECT_NE(yaml.find("MainSourceFile:"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("DiagnosticName:  global-scope"), std::string::npos) << yaml;
  auto applied = run_shell("clang-apply-replacements-14 " + shell_quote(dir.path() + "/fixes"));
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  std::string fixed = read_text(dir.path() + "/src/client.cpp");
  EXPECT_NE(fixed.find("scope=system/appointments.read%20system/patients.read&client_id=x"),
            std::string::npos)
      << fixed;
  EXPECT_NE(fixed.find("scope=system/appointments.read+system/patients.read\""), std::string::npos)
      << fixed;
  // The third token asks for nothing more than is needed: no finding, no edit.
  EXPECT_NE(fixed.find("{\"scope\", \"system/patients.read\"}"), std::string::npos) << fixed;
  auto after = run_scopelint({"src", "--format=json"}, dir.path());
  EXPECT_EQ(after.exit_code, 0) << after.out;
  EXPECT_EQ(count_rule(after.out, "global-scope") + count_rule(after.out, "unused-scope") +
                count_rule(after.out, "missing-scope"),
            0)
      << after.out;
}

TEST(FixEndToEnd, FixAppliesInPlaceAndSarifCarriesTheFixes) {
  TempDir dir;
  std::string file = dir.write("client.cpp", kClient);
  auto sarif = run_scopelint({".", "--format=sarif"}, dir.path());
  EXPECT_NE(sarif.out.find("\"fixes\""), std::string::npos);
  EXPECT_NE(sarif.out.find("\"insertedContent\""), std::string::npos);
  auto fixed = run_scopelint({".", "--fix", "--no-source"}, dir.path());
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  EXPECT_NE(fixed.err.find("scopelint: fixed "), std::string::npos) << fixed.err;
  EXPECT_NE(fixed.err.find(" findings in 1 file; 0 remain\n"), std::string::npos) << fixed.err;
  // What was fixed is not reported as a finding any more.
  EXPECT_EQ(fixed.out, "") << fixed.out;
  EXPECT_NE(fixed.err.find("\nno findings; "), std::string::npos) << fixed.err;
  auto again = run_scopelint({".", "--no-source"}, dir.path());
  EXPECT_EQ(again.exit_code, 0) << again.out;
}

TEST(FixEndToEnd, FixStillFailsWhenUnfixableFindingsRemain) {
  TempDir dir;
  // The scope is built at run time: missing-scope has no literal to rewrite.
  dir.write("client.cpp", R"(#include <httplib.h>
#include <string>
int main(int argc, char** argv) {
  httplib::Client cli("https://app.elationemr.com");
  std::string scope = std::string("system/patients.read") + (argc > 5 ? "" : "");
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", "system/patients.read"}};
  auto t = cli.Post("/api/2.0/oauth2/token/", form);
  auto a = cli.Post("/api/2.0/allergies/", "{}", "application/json");
  auto u = cli.Get(argv[1]);
  return 0;
}
)");
  auto result = run_scopelint({".", "--fix", "--no-source"}, dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("[missing-scope]"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("scopelint: fixed 0 findings in 0 files; "), std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace scopelint

// NOLINT hygiene through the command and lint(): reports, --fix, what is judged where, SARIF.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/lint.h"
#include "config/apply_config.h"
#include "catalog/catalog.h"
#include "test_support.h"

namespace scopelint {
namespace {

using nlohmann::json;

// One component: a token request, three calls, each line with a NOLINT of a kind.
constexpr const char* kClient =
    "#include <httplib.h>\n"                                                              // 1
    "void run(httplib::Client& cli) {\n"                                                  // 2
    "  httplib::Params p{{\"scope\", \"system/patients.read system/vitals.read\"}};\n"    // 3
    "  cli.Post(\"/api/2.0/oauth2/token/\", p);  // NOLINT(unused-scope): nightly job\n"  // 4
    "  cli.Get(\"/api/2.0/patients/\");  // NOLINT(unused-scope)\n"                       // 5
    "  cli.Get(\"/api/2.0/allergies/\");  // NOLINT(missing-scop)\n"                      // 6
    "  cli.Get(\"/api/2.0/problems/\");  // NOLINT(bugprone-unused-return-value)\n"       // 7
    "  cli.Get(\"/api/2.0/appointments/\");  // NOLINT\n"                                 // 8
    "}\n";

std::vector<std::string> rules_and_lines(const json& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    out.push_back(std::to_string(f["line"].get<unsigned>()) + " " + f["rule"].get<std::string>());
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    out.push_back(text.substr(start, end - start));
  }
  return out;
}

TEST(NolintCommand, ReportsUnknownAndUnusedAndCarriesReasonsIntoJson) {
  test::TempDir dir;
  const std::string file = dir.write("client.cpp", kClient);
  auto result = test::run_scopelint({"--format=json", "--no-cache", file, "--", "-std=c++17"});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  json report = json::parse(result.out);
  EXPECT_EQ(rules_and_lines(report["findings"]),
            (std::vector<std::string>{"5 unused-nolint", "6 missing-scope", "6 unknown-nolint",
                                      "7 missing-scope"}))
      << result.out;
  ASSERT_EQ(report["suppressed"].size(), 2u) << result.out;
  EXPECT_EQ(report["suppressed"][0]["rule"], "unused-scope");
  EXPECT_EQ(report["suppressed"][0]["suppression"]["reason"], "nightly job");
  EXPECT_EQ(report["suppressed"][0]["suppression"]["line"], 4);
  EXPECT_EQ(report["suppressed"][1]["line"], 8);
  EXPECT_EQ(report["suppressed"][1]["suppression"]["reason"], "");

  // The text report is unchanged by suppressed findings: they are only counted.
  auto text = test::run_scopelint({"--no-cache", "--no-source", file, "--", "-std=c++17"});
  EXPECT_EQ(text.out.find("[unused-scope]"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("appointments"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("[unknown-nolint]"), std::string::npos) << text.out;
  EXPECT_NE(text.err.find("Suppressed 2 findings"), std::string::npos) << text.err;
}

TEST(NolintCommand, FixRemovesTheUnusedNameAndCorrectsTheMisspeltOne) {
  test::TempDir dir;
  const std::string file = dir.write("client.cpp", kClient);
  auto result = test::run_scopelint({"--fix", "--no-cache", file, "--", "-std=c++17"});
  EXPECT_LE(result.exit_code, 1) << result.err;
  std::vector<std::string> fixed = lines_of(test::read_text(file));
  ASSERT_EQ(fixed.size(), 9u);
  EXPECT_EQ(fixed[4], "  cli.Get(\"/api/2.0/patients/\");");
  EXPECT_EQ(fixed[5], "  cli.Get(\"/api/2.0/allergies/\");  // NOLINT(missing-scope)");
  EXPECT_EQ(fixed[6],
            "  cli.Get(\"/api/2.0/problems/\");  // NOLINT(bugprone-unused-return-value)");
}

TEST(NolintCommand, SarifMarksSuppressedFindingsWithTheirReason) {
  test::TempDir dir;
  const std::string file = dir.write("client.cpp", kClient);
  auto result =
      test::run_scopelint({"--format=sarif", "--no-cache", file, "--", "-std=c++17"}, dir.path());
  ASSERT_EQ(result.exit_code, 1) << result.err;
  json sarif = json::parse(result.out);
  std::vector<json> suppressed;
  for (const auto& r : sarif["runs"][0]["results"]) {
    if (r.contains("suppressions")) suppressed.push_back(r);
  }
  ASSERT_EQ(suppressed.size(), 2u) << result.out;
  EXPECT_EQ(suppressed[0]["ruleId"], "unused-scope");
  EXPECT_EQ(suppressed[0]["suppressions"],
            json::parse(R"([{"kind": "inSource", "justification": "nightly job",
                "location": {"physicalLocation": {"artifactLocation": {"uri": "client.cpp",
                "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 4, "startColumn": 46}}}}])"));
  EXPECT_FALSE(suppressed[1]["suppressions"][0].contains("justification"));
}

TEST(NolintCommand, RulesAreListedAndExplained) {
  auto list = test::run_scopelint({"--list-rules"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("unknown-nolint (warning): a nolint comment names a rule that does not "
                          "exist\n"),
            std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("unused-nolint (warning): a nolint comment suppresses no finding\n"),
            std::string::npos)
      << list.out;
  for (const char* rule : {"unknown-nolint", "unused-nolint"}) {
    auto explain = test::run_scopelint({"--explain", rule});
    EXPECT_EQ(explain.exit_code, 0);
    EXPECT_EQ(explain.out.rfind(std::string(rule) + " (default: warning)", 0), 0u) << explain.out;
  }
}

// lint() directly, as the pre-commit mode and the editor call it.
LintResult lint_directory(const std::string& dir, bool pre_commit) {
  Options options;
  options.paths = {dir};
  options.has_fixed_args = true;
  options.fixed_args = {"-std=c++17"};
  options.no_cache = true;
  options.pre_commit = pre_commit;
  ConfigSet configs(dir);
  return lint(options, default_catalog(), configs);
}

std::vector<std::string> rules_of(const LintResult& result) {
  std::vector<std::string> out;
  for (const auto& f : result.findings) out.push_back(f.rule);
  return out;
}

TEST(NolintCommand, UnusedIsNotJudgedInPreCommitOrHeadersOrFailedUnits) {
  test::TempDir dir;
  dir.write("api.h",
            "#pragma once\n#include <httplib.h>\n"
            "inline void list(httplib::Client& c) { c.Get(\"/api/2.0/patients/\"); }  "
            "// NOLINT(unused-scope)\n");
  dir.write("main.cpp",
            "#include \"api.h\"\n"
            "void run(httplib::Client& cli) {\n"
            "  cli.Post(\"/api/2.0/oauth2/token/\", httplib::Params{{\"scope\", "
            "\"system/patients.read\"}});  // NOLINT(global-scope)\n"
            "  list(cli);\n"
            "}\n");
  // A header that cannot be found: the calls through it are not seen, so nothing is unused here.
  dir.write("broken.cpp", "#include \"not_there.h\"\nvoid f() {}  // NOLINT(missing-scope)\n");
  auto whole = rules_of(lint_directory(dir.path(), false));
  EXPECT_EQ(whole, (std::vector<std::string>{"scan-error", "unused-nolint"}));
  LintResult judged = lint_directory(dir.path(), false);
  ASSERT_EQ(judged.findings.size(), 2u);
  EXPECT_NE(judged.findings[1].location.file.find("main.cpp"), std::string::npos);
  EXPECT_EQ(rules_of(lint_directory(dir.path(), true)), (std::vector<std::string>{"scan-error"}));
}

TEST(NolintCommand, NolintForARuleTheConfigTurnsOffIsNotUnused) {
  test::TempDir dir;
  dir.write(".scopelint.json", R"({"rules": {"unused-scope": "off"}})");
  dir.write("main.cpp",
            "#include <httplib.h>\n"
            "void run(httplib::Client& cli) {\n"
            "  cli.Post(\"/api/2.0/oauth2/token/\", httplib::Params{{\"scope\", "
            "\"system/patients.read system/vitals.read\"}});  // NOLINT(unused-scope)\n"
            "  cli.Get(\"/api/2.0/patients/\");  // NOLINT(unused-scope)\n"
            "}\n");
  LintResult result = lint_directory(dir.path(), false);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, "unused-nolint");
  EXPECT_EQ(result.findings[0].location.line, 4u);
}

TEST(NolintCommand, ConfigTurnsTheHygieneRulesOff) {
  test::TempDir dir;
  dir.write(".scopelint.json", R"({"rules": {"unused-nolint": "off", "unknown-nolint": "off"}})");
  dir.write("main.cpp", kClient);
  auto rules = rules_of(lint_directory(dir.path(), false));
  EXPECT_EQ(rules, (std::vector<std::string>{"missing-scope", "missing-scope"}));
}

// A NOLINT in a library header outside the project suppresses the calls its macro makes, but its
// text does not reach the report.
TEST(NolintCommand, ReasonsFromOutsideTheProjectAreNotReported) {
  test::TempDir dir;
  dir.write("lib/api.h",
            "#pragma once\n#include <httplib.h>\n"
            "#define GET_VITALS(c) (c).Get(\"/api/2.0/vitals/\")  // NOLINT(missing-scope): "
            "SECRET-FROM-OUTSIDE\n");
  const std::string main =
      dir.write("project/main.cpp",
                "#include <api.h>\n"
                "void run(httplib::Client& cli) {\n"
                "  cli.Post(\"/api/2.0/oauth2/token/\", httplib::Params{{\"scope\", "
                "\"system/patients.read\"}});\n"
                "  cli.Get(\"/api/2.0/patients/\");\n"
                "  GET_VITALS(cli);\n"
                "  cli.Get(\"/api/2.0/allergies/\");  // NOLINT(missing-scope): inside\n"
                "}\n");
  for (const char* format : {"--format=json", "--format=sarif"}) {
    auto result = test::run_scopelint(
        {format, "--no-cache", main, "--", "-std=c++17", "-I" + dir.path() + "/lib"});
    EXPECT_EQ(result.exit_code, 0) << result.err << result.out;
    EXPECT_EQ(result.out.find("SECRET-FROM-OUTSIDE"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("inside"), std::string::npos) << result.out;
  }
}

}  // namespace
}  // namespace scopelint

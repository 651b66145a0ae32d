// SARIF for GitHub code scanning: stable fingerprints, rule metadata, linked related locations.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "checks/rule_registry.h"
#include "report/fingerprint.h"
#include "report/report.h"
#include "test_support.h"

namespace scopelint {
namespace {

using nlohmann::json;

constexpr const char* kClient =
    "void run() {\n"
    "  cli.Get(\"/api/2.0/patients/\");\n"
    "  cli.Get(\"/api/2.0/allergies/\");\n"
    "  cli.Get(\"/api/2.0/allergies/\");\n"
    "}\n";

Finding missing_at(const std::string& file, unsigned line, const std::string& scope) {
  Finding f;
  f.rule = "missing-scope";
  f.level = Level::Error;
  f.message = "GET needs scope '" + scope + "', which no token request asks for";
  f.location = {file, line, 3};
  return f;
}

std::vector<std::string> fingerprints_of(const std::string& sarif) {
  std::vector<std::string> out;
  const json log = json::parse(sarif);
  for (const auto& result : log["runs"][0]["results"]) {
    out.push_back(result["partialFingerprints"]["scopelint/v1"].get<std::string>());
  }
  return out;
}

// Three findings of a file; then lines are inserted above them and the lines they are on move.
TEST(SarifFingerprints, StayTheSameWhenLinesAreInsertedAbove) {
  test::TempDir dir;
  const std::string file = dir.write("src/client.cpp", kClient);
  ReportOptions options;
  options.base_directory = dir.path();
  auto before = fingerprints_of(format_sarif(
      {missing_at(file, 2, "system/patients.read"), missing_at(file, 3, "system/allergies.read"),
       missing_at(file, 4, "system/allergies.read")},
      options));
  dir.write("src/client.cpp", std::string("#include <string>\n\n// moved down\n") + kClient);
  auto after = fingerprints_of(format_sarif(
      {missing_at(file, 5, "system/patients.read"), missing_at(file, 6, "system/allergies.read"),
       missing_at(file, 7, "system/allergies.read")},
      options));
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(before, after);
  // Unique in the run: identical lines and messages differ by their occurrence index.
  EXPECT_NE(before[1], before[2]);
  EXPECT_NE(before[0], before[1]);
  EXPECT_EQ(before[0].size(), 64u);  // SHA-256, hex
}

TEST(SarifFingerprints, ChangeWhenTheLineOrRuleOrFileChanges) {
  test::TempDir dir;
  const std::string file = dir.write("a.cpp", kClient);
  const std::string other = dir.write("b.cpp", kClient);
  ReportOptions options;
  options.base_directory = dir.path();
  auto print = [&](const Finding& f) { return fingerprints_of(format_sarif({f}, options))[0]; };
  const std::string base = print(missing_at(file, 2, "system/patients.read"));
  Finding unused = missing_at(file, 2, "system/patients.read");
  unused.rule = "unused-scope";
  EXPECT_NE(print(unused), base);
  EXPECT_NE(print(missing_at(other, 2, "system/patients.read")), base);
  dir.write("a.cpp", "void run() {\n  cli.Get(\"/api/2.0/patients/42/\");\n}\n");
  EXPECT_NE(print(missing_at(file, 2, "system/patients.read")), base);
}

TEST(SarifFingerprints, MessagesLoseTheirLineAndColumnNumbers) {
  EXPECT_EQ(message_without_positions("wrapper at src/a.cpp:12:5 and line 40, column 7"),
            "wrapper at src/a.cpp:#:# and line #, column #");
  EXPECT_EQ(message_without_positions("GET /api/2.0/patients/ needs 'system/x.read'"),
            "GET /api/2.0/patients/ needs 'system/x.read'");
}

TEST(SarifRules, HaveHelpUriAndSecuritySeverity) {
  json run = json::parse(format_sarif({}, {}))["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), all_rules().size());
  for (const auto& rule : rules) {
    const std::string id = rule["id"];
    SCOPED_TRACE(id);
    EXPECT_EQ(rule["helpUri"],
              "https://github.com/scopelint/scopelint/blob/main/docs/rules.md#" + id);
    const std::string severity = rule["properties"]["security-severity"];
    size_t used = 0;
    double value = std::stod(severity, &used);
    EXPECT_EQ(used, severity.size());
    EXPECT_GT(value, 0.0);
    EXPECT_LE(value, 10.0);
  }
  auto severity = [&](const char* id) {
    return std::stod(std::string(find_rule(id)->security_severity));
  };
  EXPECT_GE(severity("missing-scope"), 7.0);  // high
  for (const char* over_privilege : {"unused-scope", "global-scope"}) {
    EXPECT_GE(severity(over_privilege), 4.0);  // medium
    EXPECT_LT(severity(over_privilege), 7.0);
  }
  EXPECT_LT(severity("unresolved-call"), 4.0);  // low: a blind spot, not a problem found
}

TEST(SarifMessages, LinkTheirRelatedLocations) {
  Finding f = missing_at("/src/a.cpp", 2, "system/patients.read");
  f.message += " [sic]";
  f.notes = {{{"/src/token.cpp", 7, 3}, "token requested here with scope 'system/vitals.read'"},
             {{}, "no place: not linked"},
             {{"/src/wrap.cpp", 3, 1}, "fetch calls cli.Get here"}};
  json result = json::parse(format_sarif({f}, {}))["runs"][0]["results"][0];
  EXPECT_EQ(result["message"]["text"],
            "GET needs scope 'system/patients.read', which no token request asks for \\[sic\\] "
            "(see [token requested here with scope 'system/vitals.read'](1), [fetch calls cli.Get "
            "here](3))");
  ASSERT_EQ(result["relatedLocations"].size(), 3u);
  EXPECT_EQ(result["relatedLocations"][0]["id"], 1);
  EXPECT_EQ(result["relatedLocations"][2]["id"], 3);
  EXPECT_EQ(result["relatedLocations"][2]["physicalLocation"]["region"]["startLine"], 3);
}

// Suppressed findings: marked in JSON and SARIF, left out of the formats people read as failures.
TEST(ReportFormats, SuppressedFindingsOnlyInJsonAndSarif) {
  Finding kept = missing_at("/src/a.cpp", 2, "system/patients.read");
  Finding suppressed = missing_at("/src/a.cpp", 3, "system/allergies.read");
  suppressed.suppression = Suppression{{"/src/a.cpp", 3, 40}, "kept for the Q3 rollout"};
  const std::vector<Finding> both{kept, suppressed};
  for (ReportFormat format : {ReportFormat::Text, ReportFormat::Github, ReportFormat::Gitlab}) {
    EXPECT_EQ(format_report(format, both, {}), format_report(format, {kept}, {}));
  }
  json report = json::parse(format_report(ReportFormat::Json, both, {}));
  ASSERT_EQ(report["findings"].size(), 1u);
  ASSERT_EQ(report["suppressed"].size(), 1u);
  EXPECT_EQ(report["suppressed"][0]["line"], 3);
  EXPECT_EQ(report["suppressed"][0]["suppression"],
            json::parse(R"({"kind": "nolint", "file": "/src/a.cpp", "line": 3, "column": 40,
                            "reason": "kept for the Q3 rollout"})"));
  EXPECT_FALSE(json::parse(format_report(ReportFormat::Json, {kept}, {})).contains("suppressed"));
  json sarif = json::parse(format_report(ReportFormat::Sarif, both, {}));
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 2u);
}

}  // namespace
}  // namespace scopelint

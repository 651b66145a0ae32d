// Project-wide behaviour from the command line: declared scopes, components, suggest, --config.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace scopelint {
namespace {

using test::run_scopelint;
using test::TempDir;

// Facts for calls in two files of `dir`: reporting/job.cpp reads patients, writer/svc.cpp writes vitals.
std::string two_component_facts(const TempDir& dir, bool with_tokens) {
  std::string job = dir.write("reporting/job.cpp", "// job\n");
  std::string svc = dir.write("writer/svc.cpp", "// svc\n");
  std::string tokens = with_tokens ? R"(
    {"file": ")" + job + R"(", "line": 1, "method": "POST", "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
     "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read"}},
    {"file": ")" + svc + R"(", "line": 1, "method": "POST", "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
     "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/vitals.write"}},)"
                                  : "";
  return dir.write("facts.json", R"({"calls": [)" + tokens + R"(
    {"file": ")" + job + R"(", "line": 5, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patients/"},
    {"file": ")" + svc + R"(", "line": 7, "method": "POST", "url": "https://app.elationemr.com/api/2.0/vitals/"},
    {"file": ")" + svc + R"(", "line": 8, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patients/"}]})");
}

TEST(Project, OneGrantByDefault) {
  TempDir dir;
  auto result = run_scopelint({"--facts", two_component_facts(dir, true), "--no-source"}, dir.path());
  // Together the two tokens cover every call.
  EXPECT_EQ(result.exit_code, 0) << result.out;
}

TEST(Project, ComponentsAreJudgedOnTheirOwn) {
  TempDir dir;
  dir.write(".scopelint.json", R"({"components": [
    {"name": "reporting", "paths": ["reporting/**"]}, {"name": "writer", "paths": ["writer/**"]}]})");
  auto result = run_scopelint({"--facts", two_component_facts(dir, true), "--no-source"}, dir.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("writer/svc.cpp:8: error: GET /api/2.0/patients/ needs scope 'system/patients.read'"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("reporting/job.cpp:5"), std::string::npos) << result.out;
}

TEST(Project, GrantedScopesFromTheCommandLine) {
  TempDir dir;
  std::string facts = two_component_facts(dir, false);
  auto result = run_scopelint({"--facts", facts, "--no-source", "--granted-scopes",
                               "system/patients.read system/vitals.write"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.out;
  auto missing = run_scopelint({"--facts", facts, "--no-source", "--granted-scopes=system/patients.read"}, dir.path());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("needs scope 'system/vitals.write'"), std::string::npos) << missing.out;
  EXPECT_NE(missing.out.find("note: scopes granted by configuration: 'system/patients.read'"), std::string::npos)
      << missing.out;
}

TEST(Project, GrantedScopesFromConfigPointAtTheConfigLine) {
  TempDir dir;
  dir.write(".scopelint.json", "{\n  \"granted_scopes\": \"system/patients.read system/vitals.read\"\n}\n");
  auto result = run_scopelint({"--facts", two_component_facts(dir, false), "--no-source"}, dir.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find(".scopelint.json:2: note: scopes granted by configuration"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("unused-scope"), std::string::npos) << result.out;  // vitals.read is never used
}

TEST(Project, WithoutTokensItSaysSoOnceAndSuggests) {
  TempDir dir;
  auto result = run_scopelint({"--facts", two_component_facts(dir, false), "--no-source"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.out;  // a note does not fail
  EXPECT_NE(result.out.find("no token request or granted scopes found"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("'system/patients.read system/vitals.write'"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("[missing-scope]"), std::string::npos) << result.out;
}

TEST(Project, SuggestPrintsOneLine) {
  TempDir dir;
  auto result = run_scopelint({"suggest", "--facts", two_component_facts(dir, true)}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "system/patients.read system/vitals.write\n");
}

TEST(Project, SuggestJsonPerComponentWithCalls) {
  TempDir dir;
  dir.write(".scopelint.json", R"({"components": [
    {"name": "reporting", "paths": ["reporting/**"]}, {"name": "writer", "paths": ["writer/**"]}]})");
  auto result = run_scopelint({"suggest", "--format=json", "--facts", two_component_facts(dir, true)}, dir.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["components"].size(), 2u);
  EXPECT_EQ(json["components"][0]["name"], "reporting");
  EXPECT_EQ(json["components"][0]["scope"], "system/patients.read");
  EXPECT_EQ(json["components"][1]["scope"], "system/patients.read system/vitals.write");
  auto calls = json["components"][1]["scopes"][1]["calls"];
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0]["file"], "writer/svc.cpp");
  EXPECT_EQ(calls[0]["line"], 7);
}

TEST(Project, ExplicitConfigAndBrokenConfig) {
  TempDir dir;
  std::string facts = two_component_facts(dir, false);
  std::string config = dir.write("ci.json", R"({"granted_scopes": "system/patients.read system/vitals.write"})");
  EXPECT_EQ(run_scopelint({"--facts", facts, "--config", config}, dir.path()).exit_code, 0);
  dir.write(".scopelint.json", "{\n  \"granted\": \"x\"\n}");
  auto broken = run_scopelint({"--facts", facts}, dir.path());
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find(".scopelint.json:2: /granted: unknown key 'granted'"), std::string::npos) << broken.err;
}

TEST(Project, RuleLevelsFromConfig) {
  TempDir dir;
  dir.write(".scopelint.json", R"({"rules": {"no-token-request": "off"}})");
  auto result = run_scopelint({"--facts", two_component_facts(dir, false), "--no-source"}, dir.path());
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
}

}  // namespace
}  // namespace scopelint

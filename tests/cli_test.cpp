// The command line end to end: informational commands, --facts, exit codes, bad input.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <sstream>

#include "test_support.h"

namespace scopelint {
namespace {

using test::run_scopelint;
using test::TempDir;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// One line "scopelint: error: ..." and exit code 2.
void expect_usage_error(const test::CommandResult& result, const std::string& part) {
  EXPECT_EQ(result.exit_code, 2) << result.err;
  auto lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result.err;
  EXPECT_EQ(lines[0].rfind("scopelint: error: ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find(part), std::string::npos) << lines[0];
  EXPECT_TRUE(result.out.empty()) << result.out;
}

const char* kFacts = R"({"calls": [
  {"file": "auth.cpp", "line": 3, "column": 5, "method": "POST",
   "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
   "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read"}},
  {"file": "api.cpp", "line": 10, "column": 3, "method": "POST",
   "url": "https://app.elationemr.com/api/2.0/allergies/"},
  {"file": "api.cpp", "line": 12, "column": 3, "method": "GET",
   "url": "https://app.elationemr.com/api/2.0/patients/{}/"}
]})";

TEST(Cli, ListScopesPrintsEverySortedScope) {
  auto result = run_scopelint({"--list-scopes"});
  EXPECT_EQ(result.exit_code, 0);
  auto lines = lines_of(result.out);
  EXPECT_EQ(lines.size(), 152u);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
  EXPECT_NE(std::find(lines.begin(), lines.end(), "system/vaccine.write"), lines.end());
  // Impersonation's scope is no resource scope, but a token may ask for it.
  EXPECT_NE(std::find(lines.begin(), lines.end(), "act_as_user"), lines.end());
}

TEST(Cli, ExplainAndListRules) {
  auto explain = run_scopelint({"--explain", "missing-scope"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("Why it matters"), std::string::npos);
  auto list = run_scopelint({"--list-rules"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("unresolved-call"), std::string::npos);
  expect_usage_error(run_scopelint({"--explain=no-such-rule"}), "unknown rule 'no-such-rule'");
}

TEST(Cli, FactsGiveClangStyleFindingsAndExitOne) {
  TempDir dir;
  std::string facts = dir.write("facts.json", kFacts);
  auto result = run_scopelint({"--facts", facts, "--no-source"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("api.cpp:10:3: error: POST /api/2.0/allergies/ needs scope "
                            "'system/allergies.write', which no token request asks for [missing-scope]"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("auth.cpp:3:5: note: token requested here with scope 'system/patients.read'"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.err.find("1 error"), std::string::npos) << result.err;
}

TEST(Cli, FailLevelDecidesTheExitCode) {
  TempDir dir;
  std::string facts = dir.write("facts.json", R"({"calls": [
    {"file": "a.cpp", "line": 1, "method": "POST", "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
     "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read%20system/vitals.read"}},
    {"file": "a.cpp", "line": 2, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patients/"}]})");
  EXPECT_EQ(run_scopelint({"--facts", facts}).exit_code, 1);  // unused-scope is a warning
  EXPECT_EQ(run_scopelint({"--facts", facts, "--fail-level=error"}).exit_code, 0);
}

// A token request, a call whose scope is known and one whose URL is built at run time.
const char* kOneUnresolvedFacts = R"({"calls": [
  {"file": "a.cpp", "line": 1, "method": "POST", "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
   "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read"}},
  {"file": "a.cpp", "line": 2, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patients/"},
  {"file": "a.cpp", "line": 3, "method": "GET", "base": "https://app.elationemr.com",
   "unresolved": {"url": "built-at-run-time"}}]})";

TEST(Cli, SummaryCountsApiCallsAndResolvedOnes) {
  TempDir dir;
  std::string facts = dir.write("facts.json", kOneUnresolvedFacts);
  auto result = run_scopelint({"--facts", facts, "--no-source"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // The token request is not an API call.
  EXPECT_EQ(result.err, "1 note generated; 2 Elation API calls, 1 resolved (50%).\n");
  auto quiet = run_scopelint({"--facts", facts, "--quiet"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  std::string clean = dir.write("clean.json", kFacts);
  EXPECT_NE(run_scopelint({"--facts", clean}).err.find(
                "; 2 Elation API calls, 2 resolved (100%).\n"),
            std::string::npos);
}

TEST(Cli, MaxUnresolvedFailsARunWithMoreUnresolvedCalls) {
  TempDir dir;
  std::string facts = dir.write("facts.json", kOneUnresolvedFacts);
  const std::string why =
      "scopelint: 1 Elation API call could not be resolved (more than --max-unresolved=0)\n";
  auto below = run_scopelint({"--facts", facts, "--max-unresolved=0"});
  EXPECT_EQ(below.exit_code, 1) << below.err;
  EXPECT_EQ(below.err, "1 note generated; 2 Elation API calls, 1 resolved (50%).\n" + why);
  auto quiet = run_scopelint({"--facts", facts, "--max-unresolved", "0", "--quiet"});
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_EQ(quiet.err, why);  // why the run fails is said even with --quiet
  for (const char* limit : {"--max-unresolved=1", "--max-unresolved=2"}) {
    auto within = run_scopelint({"--facts", facts, limit});
    EXPECT_EQ(within.exit_code, 0) << limit << within.err;
    EXPECT_EQ(within.err.find("could not be resolved"), std::string::npos) << within.err;
  }
  // Findings at the fail level still fail a run within the limit.
  std::string failing = dir.write("failing.json", kFacts);
  EXPECT_EQ(run_scopelint({"--facts", failing, "--max-unresolved=5"}).exit_code, 1);
}

TEST(Cli, MaxUnresolvedTakesANonNegativeNumber) {
  for (const char* bad : {"--max-unresolved=-1", "--max-unresolved=many", "--max-unresolved=",
                          "--max-unresolved=1.5", "--max-unresolved=9999999999"}) {
    expect_usage_error(run_scopelint({bad, "x.cpp"}), "--max-unresolved takes a number");
  }
  expect_usage_error(run_scopelint({"--max-unresolved"}), "needs a value");
  EXPECT_NE(run_scopelint({"--help"}).out.find("--max-unresolved=N"), std::string::npos);
}

TEST(Cli, OutputFileAndJsonFormat) {
  TempDir dir;
  std::string facts = dir.write("facts.json", kFacts);
  std::string report = dir.path() + "/report.json";
  auto result = run_scopelint({"--facts", facts, "--format=json", "-o", report, "--quiet"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(result.out.empty());
  EXPECT_TRUE(result.err.empty());
  std::string json = test::read_text(report);
  EXPECT_NE(json.find("\"version\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"rule\": \"missing-scope\""), std::string::npos);
}

TEST(Cli, BadInputIsOneLineAndExitTwo) {
  TempDir dir;
  expect_usage_error(run_scopelint({"--no-such-option"}), "unknown option '--no-such-option'");
  expect_usage_error(run_scopelint({"--format=xml", "x"}), "unknown --format 'xml'");
  expect_usage_error(run_scopelint({"--format"}), "needs a value");
  expect_usage_error(run_scopelint({}), "no input paths");
  expect_usage_error(run_scopelint({dir.path() + "/missing.cpp"}), "missing.cpp");
  expect_usage_error(run_scopelint({"--facts", dir.path() + "/none.json"}), "cannot read file");
  std::string broken = dir.write("broken.json", "{\"calls\": [");
  expect_usage_error(run_scopelint({"--facts", broken}), "invalid JSON");
  std::string wrong = dir.write("wrong.json", R"({"calls": [{"method": "FETCH"}]})");
  expect_usage_error(run_scopelint({"--facts", wrong}), "/calls/0/method");
}

TEST(Cli, BrokenCatalogFileIsOneLineAndExitTwo) {
  TempDir dir;
  std::string rules = dir.write("rules.json", "{\"schema_version\": 1,");
  expect_usage_error(run_scopelint({"--catalog", rules, "--list-scopes"}), "rules.json:1:22: invalid JSON");
  expect_usage_error(run_scopelint({"--catalog", dir.path() + "/none.json", "--list-scopes"}),
                     "cannot read file");
  std::string wrong = dir.write("wrong.json", "[]");
  expect_usage_error(run_scopelint({"--catalog", wrong, "--list-scopes"}), "wrong.json");
}

TEST(Cli, UnreadableCatalogFile) {
  if (geteuid() == 0) {
    // root reads any file; a directory stands in for an unreadable file.
    TempDir dir;
    expect_usage_error(run_scopelint({"--catalog", dir.path(), "--list-scopes"}), "cannot read file");
    return;
  }
  TempDir dir;
  std::string rules = dir.write("rules.json", "{}");
  chmod(rules.c_str(), 0);
  expect_usage_error(run_scopelint({"--catalog", rules, "--list-scopes"}), "cannot read file");
}

TEST(Cli, AnotherCatalogIsUsedAlsoByTheOldOptionName) {
  TempDir dir;
  std::string rules = dir.write("tiny.json", R"({
    "schema_version": 1, "api": "tiny", "title": "Tiny API", "hosts": ["api.tiny.test"],
    "base_path": "/v1", "scope_prefix": "tiny/",
    "global_scope": {"name": "all", "description": "everything"},
    "permissions": {"read": ["GET"], "write": ["POST"]},
    "token_endpoint": {"path": "/token/"},
    "apis": [{"name": "Things", "resources": [{"name": "things", "read_only": false,
      "scopes": {"tiny/things.read": "read things", "tiny/things.write": "write things"},
      "endpoints": [{"path": "/things/", "methods": ["GET", "POST"]}]}]}],
    "unscoped_endpoints": [], "signing": []})");
  auto list = run_scopelint({"--catalog", rules, "--list-scopes"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, "tiny/things.read\ntiny/things.write\n");
  std::string facts = dir.write("facts.json", R"({"calls": [
    {"file": "t.c", "line": 1, "method": "POST", "url": "https://api.tiny.test/v1/token/",
     "body": {"kind": "raw", "raw": "scope=tiny/things.read"}},
    {"file": "t.c", "line": 2, "method": "POST", "url": "https://api.tiny.test/v1/things/"}]})");
  auto result = run_scopelint({"--catalog", rules, "--facts", facts, "--no-source"});
  // --rules, the option's old name, is the same option.
  auto old_name = run_scopelint({"--rules", rules, "--facts", facts, "--no-source"});
  EXPECT_EQ(old_name.exit_code, result.exit_code);
  EXPECT_EQ(old_name.out, result.out);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("needs scope 'tiny/things.write'"), std::string::npos) << result.out;
}

TEST(Cli, VersionAndHelp) {
  auto version = run_scopelint({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("scopelint version ", 0), 0u);
  auto help = run_scopelint({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("EXIT STATUS"), std::string::npos);
}

}  // namespace
}  // namespace scopelint

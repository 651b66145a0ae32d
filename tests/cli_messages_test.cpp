// Command-line mistakes and how they are reported: did-you-mean, unsupported formats, typos in
// --granted-scopes, broken config JSON, and the rule list as printed.
#include <gtest/gtest.h>

#include "test_support.h"

namespace scopelint {
namespace {

using test::run_scopelint;
using test::TempDir;

// One finding-free token request and a patients read, so that a run without mistakes exits 0.
std::string clean_facts(const TempDir& dir) {
  const std::string api = dir.write("api.cpp", "// api\n");
  return dir.write("facts.json", R"({"calls": [
    {"file": ")" + api + R"(", "line": 1, "method": "POST", "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
     "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read"}},
    {"file": ")" + api + R"(", "line": 2, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patients/"}]})");
}

void expect_error(const test::CommandResult& result, const std::string& message) {
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_EQ(result.err, "scopelint: error: " + message + "\n");
  EXPECT_EQ(result.out, "");
}

TEST(CliMessages, ExplainSuggestsTheRuleMeant) {
  expect_error(run_scopelint({"--explain", "missing-scop"}),
               "unknown rule 'missing-scop' (did you mean 'missing-scope'?)");
  expect_error(run_scopelint({"--explain=scope"}), "unknown rule 'scope' (see --list-rules)");
}

TEST(CliMessages, ListRulesKeepsTheCaseOfNolintDirectives) {
  auto result = run_scopelint({"--list-rules"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("nolint (error): a NOLINTBEGIN without its NOLINTEND, or the reverse\n"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("nolintbegin"), std::string::npos) << result.out;
}

TEST(CliMessages, SuggestRefusesFormatsItCannotPrint) {
  TempDir dir;
  const std::string facts = clean_facts(dir);
  for (const std::string format : {"sarif", "github", "gitlab"}) {
    SCOPED_TRACE(format);
    expect_error(run_scopelint({"suggest", "--facts", facts, "--format=" + format}),
                 "scopelint suggest prints --format=text or json, not '" + format + "'");
  }
  auto text = run_scopelint({"suggest", "--facts", facts, "--format=text"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, "system/patients.read\n");
  auto json = run_scopelint({"suggest", "--facts", facts, "--format", "json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"scope\": \"system/patients.read\""), std::string::npos) << json.out;
}

TEST(CliMessages, ATypoInGrantedScopesIsAUsageError) {
  TempDir dir;
  const std::string facts = clean_facts(dir);
  expect_error(run_scopelint({"--facts", facts, "--granted-scopes", "system/vitals.read system/patient.read"}),
               "--granted-scopes: unknown scope 'system/patient.read' (did you mean 'system/patients.read'?)");
  expect_error(run_scopelint({"--facts", facts, "--granted-scopes=patients.read"}),
               "--granted-scopes: unknown scope 'patients.read' (did you mean 'system/patients.read'?)");
  expect_error(run_scopelint({"suggest", "--facts", facts, "--granted-scopes=system/pharmacies.write"}),
               "--granted-scopes: scope 'system/pharmacies.write' does not exist: the resource is "
               "read-only reference data");
  auto fine = run_scopelint({"--facts", facts, "--granted-scopes", "system/vitals.read"});
  EXPECT_NE(fine.exit_code, 2) << fine.err;
}

TEST(CliMessages, InvalidConfigJsonNamesLineAndColumnInPlainWords) {
  TempDir dir;
  const std::string facts = clean_facts(dir);
  const std::string config = dir.write(".scopelint.json", "{\n  \"rules\": {,}\n}\n");
  auto result = run_scopelint({"--facts", facts, "--config", config});
  expect_error(result, config + ":2:13: invalid JSON: unexpected ',', expected a quoted string");
  EXPECT_EQ(result.err.find("json.exception"), std::string::npos);

  dir.write(".scopelint.json", "{\"exclude\": [\"gen\",\n  ]}");
  expect_error(run_scopelint({"--facts", facts, "--config", config}),
               config + ":2:3: invalid JSON: a trailing comma before ']' (JSON allows none)");
  dir.write(".scopelint.json", "{\"exclude\": ['gen']}");
  expect_error(run_scopelint({"--facts", facts, "--config", config}),
               config + ":1:14: invalid JSON: not a JSON value (strings need double quotes)");
  dir.write(".scopelint.json", "{\"exclude\": [\"gen\"");
  expect_error(run_scopelint({"--facts", facts, "--config", config}),
               config + ":1:19: invalid JSON: the text ends too early, expected ']'");
}

}  // namespace
}  // namespace scopelint

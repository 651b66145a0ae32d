// The SARIF reports against the SARIF 2.1.0 JSON schema, checked by an external validator.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report_samples.h"

namespace scopelint {
namespace {

using namespace report_samples;

// Single-quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string sarif_schema_path() {
  std::string shared = SCOPELINT_SOURCE_DIR "/../shared/schemas/sarif-schema-2.1.0.json";
  if (std::filesystem::exists(shared)) return shared;
  return std::string(SCOPELINT_TEST_DATA) +
         "/sarif-schema-2.1.0.json";  // a copy for other checkouts
}

constexpr int kSchemaViolation = 3;  // the validator's exit status for a log the schema rejects

// Validates with python3-jsonschema (formats too, where rfc3987 is installed). A missing python3
// or jsonschema is a failure, not a skip: the README lists python3-jsonschema as a test dependency.
testing::AssertionResult sarif_exit_status(const std::string& sarif, int expected) {
  // Unique per process: ctest -j runs the tests of this file in parallel processes.
  std::string instance =
      testing::TempDir() + "scopelint_report_test_" + std::to_string(getpid()) + ".sarif";
  std::ofstream(instance, std::ios::binary) << sarif;
  const std::string script =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "log = json.load(open(sys.argv[2], encoding='utf-8'))\n"
      "cls = jsonschema.validators.validator_for(schema)\n"
      "errors = list(cls(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log))\n"
      "for e in errors: print(list(e.absolute_path), e.message)\n"
      "sys.exit(3 if errors else 0)\n";
  std::string command = "/usr/bin/python3 -c " + shell_quote(script) + " " +
                        shell_quote(sarif_schema_path()) + " " + shell_quote(instance) + " 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return testing::AssertionFailure() << "cannot run /usr/bin/python3";
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  int status = pclose(pipe);
  std::remove(instance.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code != expected) {
    return testing::AssertionFailure()
           << "validator exited with " << code << ", expected " << expected << ":\n"
           << output;
  }
  return testing::AssertionSuccess();
}

TEST(SarifSchema, SampleReportIsValid) {
  EXPECT_TRUE(sarif_exit_status(format_sarif(sample_findings(), sample_options()), 0));
}

// Suppressed findings (NOLINT with and without a reason, a place and no place) are results with
// suppressions; the sample's notes are linked from the messages.
TEST(SarifSchema, SuppressedFindingsAreValid) {
  std::vector<Finding> findings = sample_findings();
  findings[1].suppression =
      Suppression{{data_file("client.cpp"), 6, 70}, "kept for the Q3 rollout"};
  findings[2].suppression = Suppression{{data_file("client.cpp"), 7, 90}, ""};
  findings[7].suppression = Suppression{{}, "[no] place"};
  const std::string sarif = format_sarif(findings, sample_options());
  EXPECT_TRUE(sarif_exit_status(sarif, 0));
  auto results = nlohmann::json::parse(sarif)["runs"][0]["results"];
  EXPECT_EQ(results[1]["suppressions"][0]["justification"], "kept for the Q3 rollout");
  EXPECT_EQ(results[1]["suppressions"][0]["location"]["physicalLocation"]["region"]["startLine"],
            6);
  EXPECT_FALSE(results[2]["suppressions"][0].contains("justification"));
  EXPECT_FALSE(results[7]["suppressions"][0].contains("location"));
  EXPECT_FALSE(results[0].contains("suppressions"));
  EXPECT_NE(results[1]["message"]["text"].get<std::string>().find("](1)"), std::string::npos);
}

TEST(SarifSchema, EmptyReportIsValid) { EXPECT_TRUE(sarif_exit_status(format_sarif({}, {}), 0)); }

TEST(SarifSchema, ValidatorRejectsABrokenLog) {
  const std::string broken = "{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}";
  EXPECT_TRUE(sarif_exit_status(broken, kSchemaViolation));
}

}  // namespace
}  // namespace scopelint

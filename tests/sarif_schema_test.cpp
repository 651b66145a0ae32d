// The SARIF reports against the SARIF 2.1.0 JSON schema, checked by an external validator.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report_samples.h"
#include "test_support.h"

namespace scopelint {
namespace {

using namespace report_samples;

constexpr int kSchemaViolation = 3;  // the validator's exit status for a log the schema rejects

testing::AssertionResult sarif_exit_status(const std::string& sarif, int expected) {
  test::TempDir dir;
  const test::CommandResult result = test::validate_sarif_file(dir.write("report.sarif", sarif));
  if (result.exit_code != expected) {
    return testing::AssertionFailure() << "validator exited with " << result.exit_code << ", expected "
                                       << expected << ":\n" << result.out << result.err;
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

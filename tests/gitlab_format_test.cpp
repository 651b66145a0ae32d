// --format gitlab: Code Quality JSON with repo-relative paths and stable, unique fingerprints.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "report/md5.h"
#include "report/report.h"
#include "test_support.h"

namespace scopelint {
namespace {

using Json = nlohmann::json;

Finding finding(const std::string& file, unsigned line, Level level, const std::string& rule,
                const std::string& message) {
  Finding f;
  f.rule = rule;
  f.level = level;
  f.message = message;
  f.location = {file, line, 3};
  return f;
}

TEST(GitlabFormat, Md5MatchesRfc1321) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(
      md5_hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
      "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(GitlabFormat, GoldenIssueFields) {
  test::TempDir dir;
  std::string file = dir.write("src/a.cpp", "int x;\n  auto t = get(\"/api\");\n");
  ReportOptions options;
  options.base_directory = dir.path();
  std::vector<Finding> findings = {
      finding(file, 2, Level::Error, "missing-scope", "needs 'x'"),
      finding(file, 2, Level::Warning, "unused-scope", "scope 'y' unused"),
      finding(file, 1, Level::Note, "unresolved-call", "unknown url")};
  Json report = Json::parse(format_gitlab(findings, options));
  ASSERT_TRUE(report.is_array());
  ASSERT_EQ(report.size(), 3u);
  EXPECT_EQ(report[0]["description"], "needs 'x'");
  EXPECT_EQ(report[0]["check_name"], "missing-scope");
  EXPECT_EQ(report[0]["severity"], "major");
  EXPECT_EQ(report[1]["severity"], "minor");
  EXPECT_EQ(report[2]["severity"], "info");
  EXPECT_EQ(report[0]["location"], Json::parse(R"({"path": "src/a.cpp", "lines": {"begin": 2}})"));
  // rule + relative path + normalised line text + message + occurrence index
  EXPECT_EQ(report[0]["fingerprint"],
            md5_hex(std::string("missing-scope") + '\0' + "src/a.cpp" + '\0' +
                    "auto t = get(\"/api\");" + '\0' + "needs 'x'" + '\0' + "0"));
}

TEST(GitlabFormat, FingerprintsAreUniqueAndSurviveMovedLines) {
  test::TempDir dir;
  std::string file = dir.write("a.cpp", "call();\ncall();\n");
  ReportOptions options;
  options.base_directory = dir.path();
  std::vector<Finding> twins = {finding(file, 1, Level::Error, "missing-scope", "m"),
                                finding(file, 2, Level::Error, "missing-scope", "m")};
  Json before = Json::parse(format_gitlab(twins, options));
  EXPECT_NE(before[0]["fingerprint"], before[1]["fingerprint"]);
  dir.write("a.cpp", "// new line\n\ncall();\n   call();\n");
  twins[0].location.line = 3;
  twins[1].location.line = 4;
  Json after = Json::parse(format_gitlab(twins, options));
  EXPECT_EQ(before[0]["fingerprint"], after[0]["fingerprint"]);
  EXPECT_EQ(before[1]["fingerprint"], after[1]["fingerprint"]);
}

TEST(GitlabFormat, HostileFileNamesStayValidJson) {
  test::TempDir dir;
  std::string name = dir.path() + "/q\"uo'te\n,co:lon%é\xff.cpp";
  ReportOptions options;
  options.base_directory = dir.path();
  std::string out =
      format_gitlab({finding(name, 1, Level::Warning, "unused-scope", "bad \xfe byte")}, options);
  EXPECT_EQ(out.rfind("\xEF\xBB\xBF", 0), std::string::npos);  // no BOM
  Json report = Json::parse(out);                              // throws on invalid JSON or UTF-8
  EXPECT_EQ(report[0]["location"]["path"], "q\"uo'te\n,co:lon%é\xEF\xBF\xBD.cpp");
  EXPECT_EQ(report[0]["description"], "bad \xEF\xBF\xBD byte");
}

TEST(GitlabFormat, EmptyReportIsAnEmptyArray) {
  EXPECT_EQ(Json::parse(format_gitlab({}, {})), Json::array());
}

}  // namespace
}  // namespace scopelint

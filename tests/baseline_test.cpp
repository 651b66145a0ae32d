// Baselines: recorded findings are not reported again, even when edits move their lines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "baseline/baseline.h"
#include "test_support.h"

namespace scopelint {
namespace {

using test::read_text;
using test::run_scopelint;
using test::TempDir;

// Facts whose POST /allergies/ call (missing-scope) sits on line `api_line` of api.cpp.
std::string facts_with_call_at(unsigned api_line) {
  return R"({"calls": [
  {"file": "auth.cpp", "line": 1, "column": 1, "method": "POST",
   "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
   "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read"}},
  {"file": "api.cpp", "line": )" +
         std::to_string(api_line) + R"(, "column": 3, "method": "POST",
   "url": "https://app.elationemr.com/api/2.0/allergies/"},
  {"file": "api.cpp", "line": 1, "column": 3, "method": "GET",
   "url": "https://app.elationemr.com/api/2.0/patients/{}/"}
]})";
}

class BaselineProject : public testing::Test {
 protected:
  void SetUp() override {
    dir_.write("auth.cpp", "post_token();\n");
    dir_.write("api.cpp", "get_patient();\n  post_allergy(body);\n");
    dir_.write("facts.json", facts_with_call_at(2));
  }
  test::CommandResult lint(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--facts=facts.json", "--no-source"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_scopelint(args, dir_.path());
  }
  TempDir dir_;
};

TEST_F(BaselineProject, WrittenBaselineSilencesTheCurrentFindings) {
  auto before = lint();
  ASSERT_EQ(before.exit_code, 1);
  ASSERT_NE(before.out.find("[missing-scope]"), std::string::npos);
  auto written = lint({"--write-baseline=scopelint-baseline.json"});
  EXPECT_EQ(written.exit_code, 0) << written.err;
  auto json = nlohmann::json::parse(read_text(dir_.path() + "/scopelint-baseline.json"));
  EXPECT_EQ(json["version"], 1);
  ASSERT_EQ(json["findings"].size(), 1u);
  EXPECT_EQ(json["findings"][0]["rule"], "missing-scope");
  EXPECT_EQ(json["findings"][0]["file"], "api.cpp");
  EXPECT_FALSE(json["findings"][0].contains("line"));
  auto after = lint({"--baseline=scopelint-baseline.json"});
  EXPECT_EQ(after.exit_code, 0) << after.out;
  EXPECT_EQ(after.out.find("[missing-scope]"), std::string::npos) << after.out;
  EXPECT_NE(after.err.find("Baseline: 1 known finding not reported."), std::string::npos)
      << after.err;
}

TEST_F(BaselineProject, EntrySurvivesLinesInsertedAboveAndGoesWhenTheLineChanges) {
  ASSERT_EQ(lint({"--write-baseline=b.json"}).exit_code, 0);
  dir_.write("api.cpp", "// a comment\n\nget_patient();\n\n\tpost_allergy(body);   \n");
  dir_.write("facts.json", facts_with_call_at(5));
  auto moved = lint({"--baseline=b.json"});
  EXPECT_EQ(moved.exit_code, 0) << moved.out;
  dir_.write("api.cpp", "get_patient();\n  post_allergy(other_body);\n");
  dir_.write("facts.json", facts_with_call_at(2));
  auto changed = lint({"--baseline=b.json"});
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.out.find("api.cpp:2:3: error:"), std::string::npos) << changed.out;
}

TEST_F(BaselineProject, MissingOrBrokenBaselineIsAnError) {
  for (const std::string& content :
       {std::string("{not json"), std::string(R"({"version": 9, "findings": []})"),
        std::string(R"({"version": 1, "findings": [{"rule": 1}]})")}) {
    dir_.write("bad.json", content);
    auto result = lint({"--baseline=bad.json"});
    EXPECT_EQ(result.exit_code, 2) << content;
    EXPECT_EQ(result.err.rfind("scopelint: error: bad.json: invalid baseline: ", 0), 0u)
        << result.err;
  }
  auto missing = lint({"--baseline=nowhere.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err.rfind("scopelint: error: nowhere.json: cannot read file", 0), 0u)
      << missing.err;
}

TEST(Baseline, IdenticalFindingsNeedOneEntryEach) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "call();\ncall();\n");
  Finding f;
  f.rule = "missing-scope";
  f.message = "m";
  f.location = {file, 1, 1};
  Finding g = f;
  g.location.line = 2;
  auto entries = baseline_entries({f}, dir.path());
  ASSERT_EQ(entries.size(), 1u);
  size_t dropped = 0;
  auto kept = filter_baselined({f, g}, entries, dir.path(), dropped);
  EXPECT_EQ(dropped, 1u);
  EXPECT_EQ(kept.size(), 1u);
  auto both = baseline_entries({f, g}, dir.path());
  EXPECT_TRUE(
      filter_baselined({f, g}, parse_baseline(format_baseline(both), "b"), dir.path(), dropped)
          .empty());
  EXPECT_EQ(dropped, 2u);
}

}  // namespace
}  // namespace scopelint

// --format github: workflow-command annotations with actions/toolkit escaping, plus the text
// report.
#include <gtest/gtest.h>

#include "report/report.h"
#include "test_support.h"

namespace scopelint {
namespace {

Finding finding(const std::string& file, Level level, const std::string& rule,
                const std::string& message) {
  Finding f;
  f.rule = rule;
  f.level = level;
  f.message = message;
  f.location = {file, 12, 5};
  return f;
}

ReportOptions options_at(const std::string& base) {
  ReportOptions options;
  options.base_directory = base;
  options.show_source = false;
  return options;
}

TEST(GithubFormat, GoldenAnnotationsThenTheTextReportInAGroup) {
  Finding error = finding("/repo/src/api.cpp", Level::Error, "missing-scope",
                          "POST /api/2.0/allergies/ needs scope 'system/allergies.write', which no "
                          "token request asks for");
  error.end = SourceLocation{"/repo/src/api.cpp", 12, 40};
  error.notes.push_back({{"/repo/src/auth.cpp", 3, 7}, "token requested here with scope 'a'"});
  Finding note = finding("/repo/src/api.cpp", Level::Note, "unresolved-call", "url unknown");
  std::string out = format_github({error, note}, options_at("/repo"));
  const std::string expected_head =
      "::error file=src/api.cpp,line=12,col=5,endLine=12,endColumn=40,title=missing-scope::"
      "POST /api/2.0/allergies/ needs scope 'system/allergies.write', which no token request asks "
      "for"
      "%0Asrc/auth.cpp:3:7: note: token requested here with scope 'a'\n"
      "::notice file=src/api.cpp,line=12,col=5,title=unresolved-call::url unknown\n"
      "::group::scopelint\n"
      "::stop-commands::";
  ASSERT_EQ(out.substr(0, expected_head.size()), expected_head) << out;
  EXPECT_NE(out.find("\nsrc/api.cpp:12:5: error: POST /api/2.0/allergies/"), std::string::npos)
      << out;
  size_t token_at = expected_head.size();
  std::string token = out.substr(token_at, out.find('\n', token_at) - token_at);
  EXPECT_NE(out.find("\n::" + token + "::\n::endgroup::\n"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.size() - 13), "::endgroup::\n");
}

TEST(GithubFormat, HostileFileNamesAndMessagesAreEscaped) {
  std::string name = "/repo/we,ird:na%me\n::error::x\r'\"é\xff.cpp";
  Finding f = finding(name, Level::Warning, "unused-scope", "100% of\nscope: a,b");
  std::string out = format_github({f}, options_at("/repo"));
  std::string first = out.substr(0, out.find('\n'));
  EXPECT_EQ(
      first,
      "::warning file=we%2Cird%3Ana%25me%0A%3A%3Aerror%3A%3Ax%0D'\"é\xEF\xBF\xBD.cpp,line=12,col=5,"
      "title=unused-scope::100%25 of%0Ascope: a,b")
      << out;
  // Every line outside the stopped region is a workflow command; the raw name cannot start one.
  size_t stop = out.find("::stop-commands::");
  ASSERT_NE(stop, std::string::npos);
  std::string token = out.substr(stop + 17, out.find('\n', stop) - stop - 17);
  size_t resume = out.find("\n::" + token + "::\n");
  ASSERT_NE(resume, std::string::npos);
  EXPECT_LT(out.find("::error::x"), resume);
  EXPECT_GT(out.find("::error::x"), stop);
}

// The token that resumes workflow commands is 128 bits of the guarded text's SHA-256: the same for
// the same report, different for another, and never a short guessable value.
TEST(GithubFormat, StopTokenIsAHashOfTheReport) {
  auto token_of = [](const std::string& message) {
    const std::string out =
        format_github({finding("/repo/a.cpp", Level::Warning, "unused-scope", message)}, options_at("/repo"));
    const size_t stop = out.find("::stop-commands::") + 17;
    return out.substr(stop, out.find('\n', stop) - stop);
  };
  const std::string token = token_of("scope 'a' is requested but no call needs it");
  EXPECT_EQ(token, token_of("scope 'a' is requested but no call needs it"));
  EXPECT_NE(token, token_of("scope 'b' is requested but no call needs it"));
  ASSERT_EQ(token.size(), 10u + 32u) << token;
  EXPECT_EQ(token.rfind("scopelint-", 0), 0u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef", 10), std::string::npos) << token;
}

TEST(GithubFormat, CommandLineUsesRepoRelativePaths) {
  test::TempDir dir;
  dir.write("facts.json", R"({"calls": []})");
  auto result = test::run_scopelint({"--facts=facts.json", "--format=github"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("::group::scopelint\n"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace scopelint

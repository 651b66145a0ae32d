// The text output parses with the editor patterns docs/editors.md gives: VS Code $gcc, Vim
// errorformat.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "test_support.h"

namespace scopelint {
namespace {

using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// vscode-cpptools' $gcc pattern, and the custom matcher of docs/editors.md.
const std::regex kGcc(R"(^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$)");
const std::regex kCustom(
    R"(^(.*?):(\d+):(\d+):\s+(warning|error|note):\s+(.*?)(?:\s+\[([\w.,*-]+)\])?$)");
const char* kVimErrorformat =
    R"(%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m,%-G%.%#)";

const char* kFacts = R"({"calls": [
  {"file": "auth.cpp", "line": 2, "column": 3, "method": "POST",
   "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
   "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read%20system/labs.read"}},
  {"file": "api.cpp", "line": 2, "column": 3, "method": "POST",
   "url": "https://app.elationemr.com/api/2.0/allergies/"},
  {"file": "api.cpp", "line": 3, "column": 3, "method": "GET",
   "url": "https://app.elationemr.com/api/2.0/patients/{}/"}
]})";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class EditorFormat : public testing::Test {
 protected:
  void SetUp() override {
    dir_.write("auth.cpp", "void login() {\n  post(\"/api/2.0/oauth2/token/\", body);\n}\n");
    dir_.write(
        "api.cpp",
        "void sync() {\n  post(\"/api/2.0/allergies/\");\n  get(\"/api/2.0/patients/1/\");\n}\n");
    dir_.write("facts.json", kFacts);
  }
  std::string report(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--facts=facts.json", "--color=never"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = run_scopelint(args, dir_.path());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    return result.out;
  }
  TempDir dir_;
};

TEST_F(EditorFormat, VsCodeGccMatcherSeesEveryFindingAndNothingElse) {
  for (const auto& extra : {std::vector<std::string>{}, std::vector<std::string>{"--no-source"}}) {
    std::string out = report(extra);
    size_t findings = 0, notes = 0;
    for (const std::string& line : lines_of(out)) {
      bool header =
          std::regex_search(line, std::regex(R"(^[a-z]+\.cpp:\d+:\d+: (error|warning|note): )"));
      std::smatch m;
      bool gcc = std::regex_match(line, m, kGcc);
      if (header && line.find(": note: ") == std::string::npos) {
        ++findings;
        ASSERT_TRUE(gcc) << line;
        EXPECT_TRUE(m[1] == "api.cpp" || m[1] == "auth.cpp") << line;
        EXPECT_NE(m[3].str(), "");
        std::smatch c;
        ASSERT_TRUE(std::regex_match(line, c, kCustom)) << line;
        EXPECT_TRUE(c[6].matched) << "no rule code in: " << line;
      } else if (header) {
        ++notes;
        EXPECT_FALSE(gcc) << line;  // $gcc shows warnings and errors only
        std::smatch c;
        ASSERT_TRUE(std::regex_match(line, c, kCustom)) << line;
        EXPECT_FALSE(c[6].matched) << line;
      } else {
        EXPECT_FALSE(gcc) << "source/caret line taken for a problem: " << line;
        EXPECT_FALSE(std::regex_match(line, kCustom)) << line;
      }
    }
    EXPECT_GE(findings, 2u) << out;
    EXPECT_GE(notes, 1u) << out;
  }
}

TEST_F(EditorFormat, VimErrorformatFillsTheQuickfixList) {
  if (run_shell("command -v vim").exit_code != 0) {
    GTEST_SKIP() << "vim is not installed: the Vim errorformat part of this test is skipped "
                    "(the VS Code pattern test still runs)";
  }
  std::string out = report({});  // with source lines and carets, which the format must drop
  dir_.write("report.txt", out);
  std::string script = "set errorformat=" + std::string(kVimErrorformat) +
                       "\n"
                       "cgetfile report.txt\n"
                       "call writefile(map(filter(getqflist(), 'v:val.valid'), "
                       "'bufname(v:val.bufnr) . \"|\" . v:val.lnum . \"|\" . v:val.col . \"|\" . "
                       "v:val.type . \"|\" . v:val.text'), "
                       "'qf.txt')\n"
                       "qall!\n";
  dir_.write("qf.vim", script);
  auto vim =
      run_shell("cd " + shell_quote(dir_.path()) + " && vim -es -N -u NONE -i NONE -S qf.vim");
  ASSERT_EQ(vim.exit_code, 0) << vim.out << vim.err;
  auto entries = lines_of(test::read_text(dir_.path() + "/qf.txt"));
  std::vector<std::string> expected;
  for (const std::string& line : lines_of(out)) {
    std::smatch c;
    if (!std::regex_match(line, c, kCustom)) continue;
    std::string type = c[4] == "error" ? "e" : c[4] == "warning" ? "w" : "n";
    expected.push_back(c[1].str() + "|" + c[2].str() + "|" + c[3].str() + "|" + type + "|" +
                       c[5].str() + (c[6].matched ? " [" + c[6].str() + "]" : ""));
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(entries, expected);
}

TEST(EditorDocs, ShowTheTestedPatterns) {
  std::string docs = test::read_text(std::string(SCOPELINT_SOURCE_DIR) + "/docs/editors.md");
  EXPECT_NE(docs.find(kVimErrorformat), std::string::npos);
  EXPECT_NE(docs.find(R"("problemMatcher": "$gcc")"), std::string::npos);
  EXPECT_NE(
      docs.find(
          R"(^(.*?):(\\d+):(\\d+):\\s+(warning|error|note):\\s+(.*?)(?:\\s+\\[([\\w.,*-]+)\\])?$)"),
      std::string::npos);
  EXPECT_NE(docs.find("compilation-mode"), std::string::npos);
  EXPECT_NE(docs.find("efm-langserver"), std::string::npos);
}

}  // namespace
}  // namespace scopelint

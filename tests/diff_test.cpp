// scopelint diff BASE_REF: the scope-change report on a two-commit git repository made here.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace scopelint {
namespace {

using test::CommandResult;
using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// The base commit: the token asks for patients.read and allergies.read, which its calls need.
const char* kBaseApi = R"(// API calls of the chart sync.
#include <httplib.h>
#include <string>

void sync(httplib::Client& cli, long id) {
  cli.Get("/api/2.0/patients/" + std::to_string(id) + "/");
  cli.Get("/api/2.0/allergies/");
}
)";

// The working tree: the allergies read is gone, a problem update is new.
const char* kHeadApi = R"(// API calls of the chart sync.
#include <httplib.h>
#include <string>

void sync(httplib::Client& cli, long id) {
  cli.Get("/api/2.0/patients/" + std::to_string(id) + "/");

  cli.Patch("/api/2.0/problems/" + std::to_string(id) + "/", "{}", "application/json");
}
)";

const char* kToken = R"(// Token request of the chart sync.
#include <httplib.h>

void login(httplib::Client& cli) {
  httplib::Params form{{"grant_type", "client_credentials"},
                       {"scope", "system/patients.read system/allergies.read"}};
  cli.Post("/api/2.0/oauth2/token/", form);
}
)";

// <dir>/repo: a git repository with the base commit, then the head commit; a private HOME and
// TMPDIR for everything run in it.
class DiffRepo : public testing::Test {
 protected:
  void SetUp() override {
    dir_.write("home/.keep", "");
    dir_.write("tmp/.keep", "");
    std::filesystem::remove(dir_.path() + "/tmp/.keep");
    dir_.write("repo/src/token.cpp", kToken);
    dir_.write("repo/src/api.cpp", kBaseApi);
    ASSERT_EQ(git("init -q . && git add -A && git commit -qm base").exit_code, 0);
    dir_.write("repo/src/api.cpp", kHeadApi);
    ASSERT_EQ(git("commit -qam head").exit_code, 0);
  }
  std::vector<std::string> env() const {
    return {"HOME=" + dir_.path() + "/home", "TMPDIR=" + dir_.path() + "/tmp",
            "GIT_CONFIG_NOSYSTEM=1"};
  }
  CommandResult git(const std::string& command) {
    return run_shell("cd " + shell_quote(dir_.path() + "/repo") +
                     " && export HOME=" + shell_quote(dir_.path() + "/home") +
                     " GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid "
                     "GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid && git " +
                     command);
  }
  CommandResult diff(std::vector<std::string> args, const std::string& subdir = "repo") {
    args.insert(args.begin(), "diff");
    return run_scopelint(args, dir_.path() + "/" + subdir, env());
  }
  // The private temporary directory is gone once scopelint is done.
  void expect_no_temporary_files() { EXPECT_TRUE(std::filesystem::is_empty(dir_.path() + "/tmp")); }
  TempDir dir_;
};

TEST_F(DiffRepo, TextNamesTheScopesGainedAndLostWithTheirCalls) {
  auto result = diff({"HEAD~1"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "adds system/problems.write: PATCH /api/2.0/problems/{}/ at src/api.cpp:8\n"
            "removes system/allergies.read: was needed by GET /api/2.0/allergies/ at "
            "src/api.cpp:7\n");
  expect_no_temporary_files();
  // Paths are printed relative to the current directory, in both trees.
  auto from_src = diff({"HEAD~1", "."}, "repo/src");
  EXPECT_EQ(from_src.exit_code, 0) << from_src.err;
  EXPECT_NE(from_src.out.find("PATCH /api/2.0/problems/{}/ at api.cpp:8\n"), std::string::npos)
      << from_src.out;
  EXPECT_NE(from_src.out.find("GET /api/2.0/allergies/ at api.cpp:7\n"), std::string::npos)
      << from_src.out;
}

TEST_F(DiffRepo, MarkdownIsATableForAPullRequest) {
  auto result = diff({"HEAD~1", "--format=markdown"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "### scopelint: scope changes against `HEAD~1`\n\n"
            "| component | change | scope | calls |\n|---|---|---|---|\n"
            "| `(default)` | adds | `system/problems.write` | `PATCH /api/2.0/problems/{}/` at "
            "`src/api.cpp:8` |\n"
            "| `(default)` | removes | `system/allergies.read` | was needed by "
            "`GET /api/2.0/allergies/` at `src/api.cpp:7` |\n");
  auto same = diff({"HEAD", "--format=markdown"});
  EXPECT_EQ(same.out, "### scopelint: no scope changes against `HEAD`\n");
  auto same_text = diff({"HEAD"});
  EXPECT_EQ(same_text.out, "no scope changes against HEAD\n");
  expect_no_temporary_files();
}

TEST_F(DiffRepo, ComponentsFromEachTreesConfigAreReportedByName) {
  dir_.write("repo/.scopelint.json", R"({"components": [{"name": "chart", "paths": ["src/**"]}]})");
  auto result = diff({"HEAD~1", "-o", "report.txt"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string report = test::read_text(dir_.path() + "/repo/report.txt");
  // The base has no config (one unnamed component): everything moved to "chart".
  EXPECT_NE(report.find("chart:\n  adds system/patients.read: GET /api/2.0/patients/{}/ at "
                        "src/api.cpp:6\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("(default):\n  removes system/allergies.read"), std::string::npos)
      << report;
}

TEST_F(DiffRepo, RunsNoFilterHookOrFsmonitorConfiguredInGit) {
  // A filter driver selected by .gitattributes in the archived tree, an fsmonitor and hooks: each
  // would leave a marker file if git ran it.
  const std::string marker = dir_.path() + "/ran";
  dir_.write("repo/.gitattributes", "*.cpp filter=evil\n");
  ASSERT_EQ(git("add .gitattributes && git commit -qm attributes").exit_code, 0);
  ASSERT_EQ(
      git("config filter.evil.smudge " + shell_quote("touch " + marker + "-smudge; cat") +
          " && git config filter.evil.process " + shell_quote("touch " + marker + "-process") +
          " && git config core.fsmonitor " + shell_quote("touch " + marker + "-fsmonitor") +
          " && git config filter.evil.required true")
          .exit_code,
      0);
  dir_.write("repo/.git/hooks/post-checkout", "#!/bin/sh\ntouch " + marker + "-hook\n");
  std::filesystem::permissions(dir_.path() + "/repo/.git/hooks/post-checkout",
                               std::filesystem::perms::owner_all);
  // HEAD holds the .gitattributes that selects the filter for every archived .cpp file.
  auto result = diff({"HEAD"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "no scope changes against HEAD\n");
  for (const char* kind : {"-smudge", "-process", "-fsmonitor", "-hook"}) {
    EXPECT_FALSE(std::filesystem::exists(marker + kind)) << kind;
  }
  expect_no_temporary_files();
}

TEST_F(DiffRepo, ErrorsAreOneLineAndLeaveNoTemporaryFiles) {
  auto unknown = diff({"no-such-branch"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "scopelint: error: unknown git revision 'no-such-branch'\n");
  // A revision that git would take as an option never reaches it.
  auto option = diff({"--output=/tmp/x"});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_NE(option.err.find("scopelint diff needs a git revision"), std::string::npos);
  // A base whose config is broken fails after the base tree was extracted: it is removed too.
  dir_.write("repo/.scopelint.json", "{\"rulez\": {}}\n");
  ASSERT_EQ(git("add -A && git commit -qm config && git rm -q .scopelint.json && git commit -qm "
                "no-config")
                .exit_code,
            0);
  auto broken = diff({"HEAD~1"});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("unknown key 'rulez'"), std::string::npos) << broken.err;
  expect_no_temporary_files();
  // Outside a git work tree.
  auto outside = diff({"HEAD"}, "home");
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_EQ(outside.err.rfind("scopelint: error: scopelint diff needs a git work tree", 0), 0u)
      << outside.err;
}

TEST(DiffOptions, MarkdownIsOnlyForDiffAndDiffOnlyTextOrMarkdown) {
  auto lint = run_scopelint({"--format=markdown", "."});
  EXPECT_EQ(lint.exit_code, 2);
  EXPECT_EQ(lint.err, "scopelint: error: --format=markdown is for 'scopelint diff' only\n");
  auto sarif = run_scopelint({"diff", "main", "--format=sarif"});
  EXPECT_EQ(sarif.exit_code, 2);
  EXPECT_EQ(sarif.err,
            "scopelint: error: scopelint diff writes --format=text or --format=markdown\n");
}

}  // namespace
}  // namespace scopelint

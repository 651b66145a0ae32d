// --fix on a hostile or awkward tree: all or nothing across files, read-only files, symlinked files
// and directories, modes, and no temporary file left behind, even after SIGKILL.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <random>

#include "test_support.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// A token request asking for one scope too many: an unused-scope warning whose fix edits this file.
std::string token_source(const std::string& name) {
  return "#include <curl/curl.h>\nvoid " + name +
         "(CURL* h) {\n"
         "  curl_easy_setopt(h, CURLOPT_URL, "
         "\"https://app.elationemr.com/api/2.0/oauth2/token/\");\n"
         "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "
         "\"grant_type=client_credentials&scope=system/patients.read%20system/vitals.read\");\n"
         "  curl_easy_perform(h);\n}\n";
}
const char* kApi =
    "#include <curl/curl.h>\nvoid api(CURL* h) {\n"
    "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/patients/\");\n"
    "  curl_easy_perform(h);\n}\n";

bool is_fixed(const std::string& text) {
  return text.find("scope=system/patients.read\"") != std::string::npos;
}

class FixSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root() + "/.git");  // the project root, whatever symlinks lead out of it
    dir_.write("project/api.c", kApi);
  }
  std::string root() const { return dir_.path() + "/project"; }
  std::string add_token(const std::string& name) {
    return dir_.write("project/" + name + ".c", token_source(name));
  }
  test::CommandResult fix(std::vector<std::string> paths = {"."}) const {
    std::vector<std::string> args{"--fix", "--no-source"};
    args.insert(args.end(), paths.begin(), paths.end());
    return run_scopelint(args, root());
  }
  // No `.scopelint-*` file anywhere under the test directory.
  void expect_no_temporaries() const {
    for (auto it = fs::recursive_directory_iterator(dir_.path());
         it != fs::recursive_directory_iterator(); ++it) {
      EXPECT_NE(it->path().filename().string().rfind(".scopelint-", 0), 0u) << it->path();
    }
  }
  TempDir dir_;
};

unsigned mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

TEST_F(FixSafety, OneUnwritableFileMeansNoFileChanges) {
  const std::string a = add_token("a"), b = add_token("b"), c = add_token("c");
  // No write permission for the owner: never written, even by root.
  ::chmod(b.c_str(), 0444);
  ::chmod(c.c_str(), 0444);
  auto result = fix();
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;  // the findings stay unfixed
  EXPECT_EQ(read_text(a), token_source("a"));
  EXPECT_EQ(read_text(b), token_source("b"));
  EXPECT_EQ(read_text(c), token_source("c"));
  for (const auto& refused : {b, c}) {
    EXPECT_NE(result.err.find("scopelint: warning: not fixing " + refused + ": it is read-only\n"),
              std::string::npos)
        << result.err;
  }
  EXPECT_EQ(result.err.find("not fixing " + a), std::string::npos) << result.err;
  EXPECT_NE(
      result.err.find("scopelint: fixed 0 findings in 0 files; 3 remain (2 files could not be fixed safely"),
      std::string::npos)
      << result.err;
  EXPECT_EQ(result.out.find("[unused-scope]") != std::string::npos, true) << result.out;
  expect_no_temporaries();
}

TEST_F(FixSafety, ReadOnlyFileIsNotRewritten) {
  const std::string a = add_token("a");
  ::chmod(a.c_str(), 0444);
  struct stat before {};
  ::stat(a.c_str(), &before);
  auto result = fix();
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(read_text(a), token_source("a"));
  struct stat after {};
  ::stat(a.c_str(), &after);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(mode_of(a), 0444u);
}

TEST_F(FixSafety, SymlinkedSourceFileStaysASymlinkAndItsTargetIsFixed) {
  const std::string target = dir_.write("project/vendor/token.inc", token_source("t"));
  const std::string link = root() + "/token.c";
  fs::create_symlink("vendor/token.inc", link);
  auto result = fix();
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(fs::read_symlink(link), "vendor/token.inc");
  EXPECT_TRUE(is_fixed(read_text(target))) << read_text(target);
  expect_no_temporaries();
}

TEST_F(FixSafety, SymlinkedDirectoryLeavingTheProjectIsNeverWritten) {
  const std::string outside = dir_.write("outside/ext/t.c", token_source("t"));
  fs::create_directory_symlink(dir_.path() + "/outside/ext", root() + "/ext");
  const std::string inside = add_token("a");
  auto result = fix({".", "ext/t.c"});
  EXPECT_EQ(read_text(outside), token_source("t")) << result.err;
  EXPECT_NE(result.err.find("outside the project"), std::string::npos) << result.err;
  EXPECT_TRUE(is_fixed(read_text(inside)))
      << result.err;  // the fix inside the project still applies
  expect_no_temporaries();
}

TEST_F(FixSafety, ModeAndOwnerAreKept) {
  const std::string a = add_token("a");
  ::chmod(a.c_str(), 0640);
  struct stat before {};
  ::stat(a.c_str(), &before);
  auto result = fix();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(is_fixed(read_text(a)));
  EXPECT_EQ(mode_of(a), 0640u);
  struct stat after {};
  ::stat(a.c_str(), &after);
  EXPECT_EQ(after.st_uid, before.st_uid);
  EXPECT_EQ(after.st_gid, before.st_gid);
  EXPECT_NE(result.err.find("scopelint: fixed 1 finding in 1 file; 0 remain\n"), std::string::npos)
      << result.err;
  expect_no_temporaries();
}

TEST_F(FixSafety, KilledAtRandomMomentsLeavesNoTemporaryFile) {
  std::vector<std::string> tokens;
  for (int i = 0; i < 40; ++i) tokens.push_back(add_token("t" + std::to_string(i)));
  const auto restore = [&] {
    for (int i = 0; i < 40; ++i)
      dir_.write("project/t" + std::to_string(i) + ".c", token_source("t" + std::to_string(i)));
  };
  ASSERT_EQ(fix().exit_code, 0);  // primes the cache: the kills below land mostly in the fixing
  restore();
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(fix().exit_code, 0);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const unsigned seed = static_cast<unsigned>(std::random_device{}());
  std::mt19937 random(seed);
  for (int round = 0; round < 6; ++round) {
    restore();
    const double at = std::uniform_real_distribution<double>(0.0, seconds)(random);
    run_shell("cd " + shell_quote(root()) + " && { " + shell_quote(test::scopelint_binary()) +
              " --fix --quiet --no-source . & pid=$!; sleep " + std::to_string(at) +
              "; kill -9 $pid; wait $pid; } 2>/dev/null");
    expect_no_temporaries();
    for (int i = 0; i < 40; ++i) {
      const std::string text = read_text(tokens[static_cast<size_t>(i)]);
      EXPECT_TRUE(text == token_source("t" + std::to_string(i)) || is_fixed(text))
          << "a half-written file after a kill at " << at << " s (seed " << seed << ")";
    }
  }
}

}  // namespace
}  // namespace scopelint

// The README's set-up for a stranger: demo and test commands, install, pre-commit config, version.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint {
namespace {

using test::read_text;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

const std::string kSource = SCOPELINT_SOURCE_DIR;

// The fenced code blocks of a Markdown text with the given info string (`sh`, `yaml`), each
// without its fence lines and without the indentation of its opening fence.
std::vector<std::string> code_blocks(const std::string& markdown, const std::string& language) {
  std::vector<std::string> blocks;
  std::istringstream lines(markdown);
  std::string line, block, indent;
  bool inside = false;
  while (std::getline(lines, line)) {
    size_t fence = line.find("```");
    if (!inside && fence != std::string::npos && line.substr(fence + 3) == language &&
        line.find_first_not_of(' ') == fence) {
      inside = true;
      indent = line.substr(0, fence);
      block.clear();
    } else if (inside && line.find_first_not_of(' ') == line.find("```") &&
               line.find("```") != std::string::npos) {
      inside = false;
      blocks.push_back(block);
    } else if (inside) {
      block += (line.rfind(indent, 0) == 0 ? line.substr(indent.size()) : line) + "\n";
    }
  }
  return blocks;
}

// The one `sh` block of the README that contains `needle`, as a single line.
std::string readme_command(const std::string& needle) {
  std::vector<std::string> found;
  for (const std::string& block : code_blocks(read_text(kSource + "/README.md"), "sh")) {
    if (block.find(needle) != std::string::npos) found.push_back(block);
  }
  EXPECT_EQ(found.size(), 1u) << "README blocks containing " << needle;
  if (found.empty()) return "";
  std::string command = found[0];
  while (!command.empty() && command.back() == '\n') command.pop_back();
  EXPECT_EQ(command.find('\n'), std::string::npos) << command;
  return command;
}

std::string first_match(const std::string& text, const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(pattern))) return "";
  return match[1];
}

TEST(Release, VersionAgreesInCmakeChangelogReadmeAndTheBinary) {
  std::string version =
      first_match(read_text(kSource + "/CMakeLists.txt"), R"(project\(scopelint VERSION (\S+))");
  ASSERT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+)"))) << version;
  auto result = test::run_scopelint({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "scopelint version " + version + "\n");
  // The newest release in the changelog (after Unreleased) is this version, with a date.
  std::string changelog = read_text(kSource + "/CHANGELOG.md");
  EXPECT_EQ(first_match(changelog, R"(\n## \[(\d[^\]]*)\] - \d{4}-\d{2}-\d{2}\n)"), version);
  EXPECT_LT(changelog.find("## [Unreleased]"), changelog.find("## [" + version + "]"));
  EXPECT_NE(changelog.find("\n[" + version + "]: "), std::string::npos);
  // The pre-commit example names the tag of this release.
  EXPECT_EQ(first_match(read_text(kSource + "/README.md"), R"(\n\s+rev: (\S+))"), "v" + version);
}

TEST(Release, CiRunIsExactlyTheReadmeTestCommand) {
  std::string readme = readme_command("ctest");
  EXPECT_EQ(readme.rfind("scripts/install-deps --tests && ", 0), 0u) << readme;
  // Configured with tests on, even in a build directory the demo configured without them.
  EXPECT_NE(readme.find("cmake -S . -B build -DSCOPELINT_BUILD_TESTS=ON && "), std::string::npos);
  std::istringstream run(read_text(kSource + "/.ci/run"));
  std::string line, last;
  while (std::getline(run, line)) {
    if (!line.empty() && line[0] != '#') last = line;
  }
  EXPECT_EQ(last, readme);
}

TEST(Release, DemoCommandInstallsAndBuildsOnlyTheTool) {
  std::string demo = readme_command("fixtures/demo/");
  const std::string configure = "cmake -S . -B build -DSCOPELINT_BUILD_TESTS=OFF";
  EXPECT_EQ(demo, "scripts/install-deps && " + configure +
                      " && cmake --build build -j2 --target scopelint && ./build/scopelint "
                      "fixtures/demo/");
  // The demo's configure step works without GoogleTest (which only --tests installs) and makes
  // no test target.
  TempDir build;
  auto configured =
      run_shell("cd " + shell_quote(kSource) + " && " +
                configure.substr(0, configure.find(" -B ")) + " -B " + shell_quote(build.path()) +
                " -DSCOPELINT_BUILD_TESTS=OFF" + " -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON");
  ASSERT_EQ(configured.exit_code, 0) << configured.out << configured.err;
  auto targets = run_shell("cmake --build " + shell_quote(build.path()) + " --target help");
  EXPECT_NE(targets.out.find("scopelint"), std::string::npos) << targets.out;
  EXPECT_EQ(targets.out.find("scopelint_tests"), std::string::npos) << targets.out;
  EXPECT_EQ(targets.out.find("gtest"), std::string::npos) << targets.out;
}

std::vector<std::string> install_deps_list(const std::string& arguments) {
  auto result = run_shell(shell_quote(kSource + "/scripts/install-deps") + " --list" + arguments);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> packages;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) packages.push_back(line);
  return packages;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Release, InstallDepsInstallsTestPackagesOnlyWithTests) {
  std::vector<std::string> tool = install_deps_list(""), all = install_deps_list(" --tests");
  for (const char* needed : {"g++", "cmake", "libclang-dev", "nlohmann-json3-dev"}) {
    EXPECT_TRUE(contains(tool, needed)) << needed;
  }
  for (const std::string& package : tool) EXPECT_TRUE(contains(all, package)) << package;
  for (const char* test_only :
       {"libgtest-dev", "qtbase5-dev", "libpoco-dev", "libboost-dev", "libcpprest-dev", "neovim",
        "pre-commit", "clang", "python3-jsonschema", "libcurl4-doc"}) {
    EXPECT_FALSE(contains(tool, test_only)) << test_only;
    EXPECT_TRUE(contains(all, test_only)) << test_only;
  }
  auto bad = run_shell(shell_quote(kSource + "/scripts/install-deps") + " --test");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown argument '--test'"), std::string::npos) << bad.err;
}

// The README's install step into a private prefix, then its .pre-commit-config.yaml, as written
// except for the repository URL (a local copy of this hook repository, tagged as `rev:` names),
// run by pre-commit in a project whose compile database is in build/.
class ReadmePreCommit : public testing::Test {
 protected:
  void SetUp() override {
    dir_.write("home/.keep", "");
    std::string build_dir = std::filesystem::path(test::kBuiltScopelintBinary).parent_path().string();
    auto installed = run_shell("cmake --install " + shell_quote(build_dir) + " --prefix " +
                               shell_quote(dir_.path() + "/prefix"));
    ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
  }
  test::CommandResult in(const std::string& subdir, const std::string& command) {
    std::string home = dir_.path() + "/home";
    return run_shell("cd " + shell_quote(dir_.path() + "/" + subdir) + " && export HOME=" +
                     shell_quote(home) + " PRE_COMMIT_HOME=" + shell_quote(home + "/pre-commit") +
                     " XDG_CACHE_HOME=" + shell_quote(home + "/cache") +
                     " GIT_CONFIG_NOSYSTEM=1 PATH=" + shell_quote(dir_.path() + "/prefix/bin") +
                     ":\"$PATH\" && " + command);
  }
  static std::string git_commit() {
    return "git init -q . && git add -A && git -c user.email=t@example.invalid -c user.name=t "
           "commit -qm init";
  }
  TempDir dir_;
};

TEST_F(ReadmePreCommit, ConfigRunsTheInstalledScopelint) {
  auto version = in("home", "command -v scopelint && scopelint --version");
  EXPECT_EQ(version.out,
            dir_.path() + "/prefix/bin/scopelint\nscopelint version " SCOPELINT_VERSION "\n");

  std::vector<std::string> configs;
  for (const std::string& block : code_blocks(read_text(kSource + "/README.md"), "yaml")) {
    if (block.find("repos:") != std::string::npos) configs.push_back(block);
  }
  ASSERT_EQ(configs.size(), 1u);
  std::string config = configs[0];
  const std::string url = "https://github.com/scopelint/scopelint";
  ASSERT_NE(config.find("repo: " + url + "\n"), std::string::npos) << config;
  config.replace(config.find(url), url.size(), dir_.path() + "/hooks");
  std::string rev = first_match(config, R"(rev: (\S+))");

  dir_.write("hooks/.pre-commit-hooks.yaml", read_text(kSource + "/.pre-commit-hooks.yaml"));
  auto tagged = in("hooks", git_commit() + " && git tag " + shell_quote(rev));
  ASSERT_EQ(tagged.exit_code, 0) << tagged.err;

  dir_.write("project/.pre-commit-config.yaml", config);
  dir_.write("project/src/sync.cpp",
             "// Allergy sync: a token for patients only, then an allergy write.\n"
             "#include <httplib.h>\n"
             "void sync(httplib::Client& cli) {\n"
             "  httplib::Params form{{\"grant_type\", \"client_credentials\"},\n"
             "                       {\"scope\", \"system/patients.read\"}};\n"
             "  cli.Post(\"/api/2.0/oauth2/token/\", form);\n"
             "  cli.Get(\"/api/2.0/patients/1/\");\n"
             "  cli.Post(\"/api/2.0/allergies/\", \"{}\", \"application/json\");\n"
             "}\n");
  dir_.write("project/build/compile_commands.json",
             "[{\"directory\": \"" + dir_.path() +
                 "/project\", \"file\": \"src/sync.cpp\", "
                 "\"arguments\": [\"c++\", \"-std=c++17\", \"-c\", \"src/sync.cpp\"]}]\n");
  auto valid = in("project", "pre-commit validate-config .pre-commit-config.yaml");
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  ASSERT_EQ(in("project", git_commit()).exit_code, 0);

  auto hook = in("project", "pre-commit run --all-files --color=never");
  EXPECT_EQ(hook.exit_code, 1) << hook.out << hook.err;
  EXPECT_NE(hook.out.find("Failed"), std::string::npos) << hook.out << hook.err;
  EXPECT_NE(hook.out.find("src/sync.cpp:8:3: error: POST /api/2.0/allergies/ needs scope "
                          "'system/allergies.write'"),
            std::string::npos)
      << hook.out << hook.err;
}

}  // namespace
}  // namespace scopelint

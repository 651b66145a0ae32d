// Real code nobody here wrote: libcurl's example programs and Qt's network examples, scanned with
// their real headers. None of it talks to Elation: no crash, no hang, no finding but scan-error.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint::test {
namespace {

namespace fs = std::filesystem;

// Debian's libcurl4-doc has moved its examples between versions; maybe gzipped.
const std::vector<std::string> kCurlExampleDirs = {"/usr/share/doc/libcurl4-doc/examples",
                                                   "/usr/share/doc/libcurl4/examples"};
const std::string kQtExamples = "/usr/lib/x86_64-linux-gnu/qt5/examples/network";
const std::string kQtInclude = "/usr/include/x86_64-linux-gnu/qt5";

// Copies (or gunzips) the C and C++ sources of `from` into `to`; returns how many.
int copy_sources(const std::string& from, const std::string& to) {
  int count = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(from, ec)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    bool gz = name.size() > 3 && name.substr(name.size() - 3) == ".gz";
    if (gz) name.resize(name.size() - 3);
    std::string ext = entry.path().extension().string();
    if (gz) ext = fs::path(name).extension().string();
    if (ext != ".c" && ext != ".cpp" && ext != ".h") continue;
    fs::path relative = fs::relative(entry.path().parent_path(), from) / name;
    fs::path target = fs::path(to) / relative;
    fs::create_directories(target.parent_path());
    if (gz) {
      run_shell("gunzip -c " + shell_quote(entry.path().string()) + " > " +
                shell_quote(target.string()));
    } else {
      fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing);
    }
    if (ext != ".h") ++count;
  }
  return count;
}

// Runs one scan of `dir` in JSON; prints scan errors, fails on anything else.
void expect_only_scan_errors(const std::string& dir, const std::vector<std::string>& flags) {
  // `timeout` turns a hang into exit code 124 instead of a stuck suite (generous: CI machines are slow).
  std::string command = "timeout 1200 " + shell_quote(scopelint_binary()) + " --no-cache --format=json " +
                        shell_quote(dir) + " --";
  for (const auto& flag : flags) command += " " + shell_quote(flag);
  CommandResult result = run_shell(command);
  ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1)
      << "exit code " << result.exit_code << " (124: hang; 128+N: signal N)\n"
      << result.err.substr(0, 4000);
  ASSERT_TRUE(nlohmann::json::accept(result.out)) << result.out.substr(0, 4000);
  nlohmann::json report = nlohmann::json::parse(result.out);
  int scan_errors = 0;
  for (const auto& finding : report.at("findings")) {
    std::string where = finding.value("file", "") + ": " + finding.value("message", "");
    if (finding.value("rule", "") == "scan-error") {
      ++scan_errors;
      std::cout << "[ scan-error ] " << where << "\n";
    } else {
      ADD_FAILURE() << "unexpected finding [" << finding.value("rule", "") << "] " << where;
    }
  }
  std::cout << "[ corpus ] " << dir << ": " << scan_errors << " file(s) did not parse\n";
}

TEST(Corpus, LibcurlExamplePrograms) {
  TempDir dir;
  int count = 0;
  for (const auto& from : kCurlExampleDirs) {
    if (fs::is_directory(from)) count += copy_sources(from, dir.path());
  }
  ASSERT_GE(count, 100) << "libcurl's examples are missing: scripts/install-deps installs libcurl4-doc";
  expect_only_scan_errors(dir.path(), {"-w"});
}

TEST(Corpus, QtNetworkExamples) {
  TempDir dir;
  ASSERT_TRUE(fs::is_directory(kQtExamples))
      << "Qt's network examples are missing: scripts/install-deps installs qtbase5-examples";
  int count = copy_sources(kQtExamples, dir.path());
  ASSERT_GE(count, 30);
  std::vector<std::string> flags = {"-std=c++17", "-fPIC", "-w", "-I" + kQtInclude};
  for (const char* module : {"QtCore", "QtNetwork", "QtWidgets", "QtGui"}) {
    flags.push_back("-I" + kQtInclude + "/" + module);
  }
  expect_only_scan_errors(dir.path(), flags);
}

}  // namespace
}  // namespace scopelint::test

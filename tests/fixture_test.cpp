// Runs scopelint over every annotated fixture and compares with the expectations in the file:
// every `expect-LEVEL [rule] {{text}}` must be reported on its line, and nothing else may be.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "test_support.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  unsigned line = 0;
  std::string level;
  std::string rule;
  std::string text;
  bool todo = false;
};

struct Reported {
  std::string file;
  unsigned line = 0;
  std::string level;
  std::string rule;
  std::string message;
};

std::vector<Expectation> read_expectations(const std::string& path) {
  static const std::regex kExpect(
      R"re((todo-)?expect-(error|warning|note)(@([+-]\d+))? \[([a-z-]+)\] \{\{(.*?)\}\})re");
  std::vector<Expectation> out;
  std::istringstream in(test::read_text(path));
  unsigned number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    for (std::sregex_iterator it(line.begin(), line.end(), kExpect), end; it != end; ++it) {
      const auto& m = *it;
      Expectation e;
      e.todo = m[1].matched;
      e.level = m[2];
      e.line = number + (m[3].matched ? std::stoi(m[4]) : 0);
      e.rule = m[5];
      e.text = m[6];
      out.push_back(e);
    }
  }
  return out;
}

// The fixture folder holding a `PROJECT` file that `file` is part of, or "" when it is scanned alone.
std::string project_of(const fs::path& file) {
  const fs::path root = fs::path(SCOPELINT_FIXTURES).lexically_normal();
  for (fs::path dir = file.parent_path(); !dir.empty() && dir != root && dir != dir.parent_path();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "PROJECT")) return dir.string();
  }
  return "";
}

std::vector<std::string> fixture_files() {
  std::vector<std::string> files;
  fs::path root(SCOPELINT_FIXTURES);
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext != ".c" && ext != ".cc" && ext != ".cpp" && ext != ".cxx" && ext != ".m" && ext != ".mm") continue;
    // The demo is one multi-file program: it is checked as a whole below.
    if (entry.path().string().find("/demo/") != std::string::npos) continue;
    // So is every folder with a PROJECT file (FixtureProject below).
    if (!project_of(entry.path()).empty()) continue;
    files.push_back(fs::relative(entry.path(), root).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<Reported> scan(const std::vector<std::string>& args) {
  auto result = test::run_scopelint(args);
  EXPECT_LE(result.exit_code, 1) << result.err;
  std::vector<Reported> out;
  auto json = nlohmann::json::parse(result.out, nullptr, false);
  if (json.is_discarded()) {
    ADD_FAILURE() << "not JSON: " << result.out << result.err;
    return out;
  }
  for (const auto& f : json["findings"]) {
    out.push_back({f["file"], f["line"], f["level"], f["rule"], f["message"]});
  }
  return out;
}

// Matches findings of `file` against its expectations; reports every difference.
void compare(const std::string& file, const std::vector<Reported>& reported) {
  auto expectations = read_expectations(file);
  std::vector<bool> used(reported.size(), false);
  for (const auto& e : expectations) {
    bool found = false;
    for (size_t i = 0; i < reported.size() && !found; ++i) {
      const auto& r = reported[i];
      if (used[i] || fs::path(r.file).filename() != fs::path(file).filename()) continue;
      if (r.line == e.line && r.level == e.level && r.rule == e.rule &&
          r.message.find(e.text) != std::string::npos) {
        used[i] = found = true;
      }
    }
    if (!found && !e.todo) {
      ADD_FAILURE() << file << ":" << e.line << ": expected " << e.level << " [" << e.rule << "] {{"
                    << e.text << "}} was not reported";
    }
  }
  for (size_t i = 0; i < reported.size(); ++i) {
    if (used[i]) continue;
    const auto& r = reported[i];
    ADD_FAILURE() << r.file << ":" << r.line << ": unexpected " << r.level << ": " << r.message << " ["
                  << r.rule << "]";
  }
}

class Fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixture, FindingsMatchAnnotations) {
  std::string file = std::string(SCOPELINT_FIXTURES) + "/" + GetParam();
  compare(file, scan({"--format=json", "--quiet", file}));
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Fixture, ::testing::ValuesIn(fixture_files()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Fixture);

TEST(Fixtures, EveryLibraryHasFixtures) {
  auto files = fixture_files();
  for (const char* library : {"libcurl", "cpr", "cpp-httplib", "qt", "poco", "cpprestsdk", "boost-beast"}) {
    size_t count = std::count_if(files.begin(), files.end(), [&](const std::string& f) {
      return f.rfind(std::string(library) + "/", 0) == 0;
    });
    EXPECT_GE(count, 3u) << library;
  }
}

// Folders with a `PROJECT` file: multi-file programs (wrappers called from other files).
std::vector<std::string> fixture_projects() {
  std::vector<std::string> dirs;
  fs::path root(SCOPELINT_FIXTURES);
  if (!fs::exists(root)) return dirs;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().filename() == "PROJECT") {
      dirs.push_back(fs::relative(entry.path().parent_path(), root).string());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// Every file of a scanned project is compared with the findings reported in it.
void compare_project(const std::string& dir, const std::vector<Reported>& reported) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::vector<Reported> of_file;
    for (const auto& r : reported) {
      if (fs::path(r.file).filename() == entry.path().filename()) of_file.push_back(r);
    }
    compare(entry.path().string(), of_file);
  }
}

class FixtureProject : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureProject, FindingsMatchAnnotations) {
  const std::string dir = std::string(SCOPELINT_FIXTURES) + "/" + GetParam();
  compare_project(dir, scan({"--format=json", "--quiet", "--no-cache", dir}));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureProject, ::testing::ValuesIn(fixture_projects()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureProject);

TEST(Fixtures, DemoProjectAsAWhole) {
  std::string dir = std::string(SCOPELINT_FIXTURES) + "/demo";
  auto reported = scan({"--format=json", "--quiet", dir});
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::vector<Reported> of_file;
    for (const auto& r : reported) {
      if (fs::path(r.file).filename() == entry.path().filename()) of_file.push_back(r);
    }
    compare(entry.path().string(), of_file);
  }
  EXPECT_FALSE(reported.empty()) << "the demo exists to show findings";
}

}  // namespace
}  // namespace scopelint

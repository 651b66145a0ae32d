// Runs scopelint over every annotated fixture and compares with the expectations in the file:
// every `expect-LEVEL [rule] {{text}}` must be reported on its line, and nothing else may be. An
// `expect-note` may also name a note attached to a finding of that rule (`token request here`);
// attached notes are not a closed world. Then, like clang-tidy's CHECK-FIXES, `--fix` on a copy:
// every file it rewrites must equal the `<file>.fixed` beside the original.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "extract/models/library_models.h"
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

struct AttachedNote {
  std::string file;
  unsigned line = 0;
  std::string message;
};

struct Reported {
  std::string file;
  unsigned line = 0;
  std::string level;
  std::string rule;
  std::string message;
  std::vector<AttachedNote> notes;
  bool has_fix = false;
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
    Reported r{f["file"], f["line"], f["level"], f["rule"], f["message"], {}, f.contains("fix")};
    for (const auto& note : f.value("notes", nlohmann::json::array())) {
      r.notes.push_back({note["file"], note["line"], note["message"]});
    }
    out.push_back(std::move(r));
  }
  return out;
}

bool any_fix(const std::vector<Reported>& reported) {
  return std::any_of(reported.begin(), reported.end(), [](const Reported& r) { return r.has_fix; });
}

// Whether a finding of `rule` carries a note at `file`:`line` whose message contains `text`.
bool attached_note(const std::vector<Reported>& all, const std::string& file, unsigned line,
                   const std::string& rule, const std::string& text) {
  for (const auto& r : all) {
    if (r.rule != rule) continue;
    for (const auto& note : r.notes) {
      if (note.line == line && fs::path(note.file).filename() == fs::path(file).filename() &&
          note.message.find(text) != std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

// `--fix` on a copy of `folder`, scanning `target` (relative to it): every file the fix rewrites
// must equal the `<file>.fixed` beside its original, and `fixed_expected` (relative: the fixture
// itself, or "" for a project) must be rewritten when it has a `.fixed` file.
void compare_fixes(const fs::path& folder, const std::string& target, const std::string& fixed_expected) {
  test::TempDir copy;
  fs::copy(folder, copy.path(), fs::copy_options::recursive);
  const auto result = test::run_scopelint({"--fix", "--quiet", "--no-cache", target}, copy.path());
  EXPECT_LE(result.exit_code, 1) << result.out << result.err;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".fixed") continue;
    const fs::path relative = fs::relative(entry.path(), folder);
    const std::string before = test::read_text(entry.path().string());
    const std::string after = test::read_text((fs::path(copy.path()) / relative).string());
    const std::string fixed_path = entry.path().string() + ".fixed";
    const bool has_fixed = fs::exists(fixed_path);
    if (after != before) {
      EXPECT_TRUE(has_fixed) << "--fix rewrote " << entry.path().string() << " but there is no "
                             << fixed_path << "; it would read:\n" << after;
      if (has_fixed) EXPECT_EQ(after, test::read_text(fixed_path)) << entry.path().string();
    } else if (has_fixed && relative.string() == fixed_expected) {
      ADD_FAILURE() << "--fix left " << entry.path().string() << " unchanged, but "
                    << fixed_path << " exists";
    }
  }
}

// Matches findings of `file` against its expectations (notes also against the notes attached to
// any finding of `all`); reports every difference.
void compare(const std::string& file, const std::vector<Reported>& reported,
             const std::vector<Reported>& all) {
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
    if (!found && e.level == "note") found = attached_note(all, file, e.line, e.rule, e.text);
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
  const auto reported = scan({"--format=json", "--quiet", file});
  compare(file, reported, reported);
  if (any_fix(reported) || fs::exists(file + ".fixed")) {
    const fs::path name = fs::path(file).filename();
    compare_fixes(fs::path(file).parent_path(), name.string(), name.string());
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Fixture, ::testing::ValuesIn(fixture_files()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Fixture);

TEST(Fixtures, EveryFixedFileHasItsOriginal) {
  for (const auto& entry : fs::recursive_directory_iterator(SCOPELINT_FIXTURES)) {
    if (entry.path().extension() != ".fixed") continue;
    fs::path original = entry.path();
    original.replace_extension();
    EXPECT_TRUE(fs::exists(original)) << entry.path().string() << " has no original";
  }
}

TEST(Fixtures, EveryLibraryHasFixtures) {
  auto files = fixture_files();
  for (const auto& model : extract::builtin_library_models().libraries) {
    const std::string& library = model.library;
    size_t count = std::count_if(files.begin(), files.end(), [&](const std::string& f) {
      return f.rfind(library + "/", 0) == 0;
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
    if (!entry.is_regular_file() || entry.path().extension() == ".fixed") continue;
    std::vector<Reported> of_file;
    for (const auto& r : reported) {
      if (fs::path(r.file).filename() == entry.path().filename()) of_file.push_back(r);
    }
    compare(entry.path().string(), of_file, reported);
  }
}

class FixtureProject : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureProject, FindingsMatchAnnotations) {
  const std::string dir = std::string(SCOPELINT_FIXTURES) + "/" + GetParam();
  const auto reported = scan({"--format=json", "--quiet", "--no-cache", dir});
  compare_project(dir, reported);
  if (any_fix(reported)) compare_fixes(dir, ".", "");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureProject, ::testing::ValuesIn(fixture_projects()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureProject);

TEST(Fixtures, DemoProjectAsAWhole) {
  std::string dir = std::string(SCOPELINT_FIXTURES) + "/demo";
  auto reported = scan({"--format=json", "--quiet", dir});
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".fixed") continue;
    std::vector<Reported> of_file;
    for (const auto& r : reported) {
      if (fs::path(r.file).filename() == entry.path().filename()) of_file.push_back(r);
    }
    compare(entry.path().string(), of_file, reported);
  }
  EXPECT_FALSE(reported.empty()) << "the demo exists to show findings";
  if (any_fix(reported)) compare_fixes(dir, ".", "");
}

}  // namespace
}  // namespace scopelint

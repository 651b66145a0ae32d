// The terminal progress line: only after a delay, only on a terminal, erased at the end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "extract/driver/extractor.h"
#include "report/progress.h"
#include "test_support.h"

namespace scopelint {
namespace {

using namespace std::chrono_literals;

TEST(EditorProgress, DrawsPerFileProgressAndClearsIt) {
  std::ostringstream out;
  {
    ProgressLine progress(out, true, 0ms);
    progress.update(3, 40, "src/file.cpp");
    progress.start("src");
    std::this_thread::sleep_for(300ms);
    progress.finish();
  }
  std::string text = out.str();
  EXPECT_NE(text.find("\r\033[K[3/40] src/file.cpp"), std::string::npos) << text;
  EXPECT_EQ(text.substr(text.size() - 4), "\r\033[K");
}

TEST(EditorProgress, ElapsedTimeWithoutPerFileUpdatesAndLongNamesAreCut) {
  std::ostringstream out;
  ProgressLine progress(out, true, 0ms);
  progress.start("fixtures/demo");
  std::this_thread::sleep_for(250ms);
  progress.update(1, 2, std::string(200, 'x') + ".cpp");
  std::this_thread::sleep_for(250ms);
  progress.finish();
  std::string text = out.str();
  EXPECT_NE(text.find("scopelint: scanning fixtures/demo (0s)"), std::string::npos) << text;
  EXPECT_NE(text.find("\r\033[K..." + std::string(71, 'x') + ".cpp"), std::string::npos) << text;
}

TEST(EditorProgress, NothingForFastScansOrWhenDisabled) {
  std::ostringstream fast, off;
  {
    ProgressLine progress(fast, true, 1000ms);
    progress.start("src");
    progress.finish();  // done before the delay
  }
  {
    ProgressLine progress(off, false, 0ms);
    progress.start("src");
    std::this_thread::sleep_for(250ms);
  }
  EXPECT_EQ(fast.str(), "");
  EXPECT_EQ(off.str(), "");
}

TEST(EditorProgress, CommandShowsItOnlyOnATerminal) {
  std::string demo = std::string(SCOPELINT_FIXTURES) + "/demo";
  auto piped = test::run_scopelint({demo, "--no-source"});
  EXPECT_EQ(piped.err.find('\r'), std::string::npos) << piped.err;
  // util-linux script(1) gives the command a pseudo-terminal; the demo scan takes over a second
  // when every unit is parsed (no cache, one job).
  // scopelint_command: the ThreadSanitizer stage runs these two tests against its binary (the
  // progress line's thread, fed by the scan's worker loop).
  std::string command = test::scopelint_command({demo, "--no-source", "--color=never", "--no-cache", "-j1"});
  auto tty =
      test::run_shell("script -qec " + test::shell_quote(command + " >/dev/null") + " /dev/null");
  EXPECT_EQ(tty.exit_code, 1) << tty.out << tty.err;
  // The line names the scan until a unit is done, then counts units: which one is drawn first
  // depends on how fast the first unit parses.
  EXPECT_TRUE(std::regex_search(tty.out, std::regex("\r\033\\[K(scopelint: scanning |\\[[0-9]+/[0-9]+\\] )")))
      << tty.out;
  EXPECT_NE(tty.out.find("\r\033[K1 error and 1 warning generated;"), std::string::npos) << tty.out;
}

struct UnitReport {
  unsigned done;
  unsigned total;
  std::string file;
};

// Scans `paths` with `jobs` workers and records every on_unit_done call.
std::vector<UnitReport> unit_reports(const std::vector<std::string>& paths, unsigned jobs) {
  std::vector<UnitReport> reports;
  std::mutex mutex;  // the extractor promises one call at a time; the test does not rely on it
  ExtractOptions options;
  options.paths = paths;
  options.has_fixed_args = true;
  options.fixed_args = {"-std=c++17"};
  options.jobs = jobs;
  options.on_unit_done = [&](unsigned done, unsigned total, const std::string& file) {
    std::lock_guard<std::mutex> lock(mutex);
    reports.push_back({done, total, file});
  };
  extract_facts(options);
  return reports;
}

class UnitProgressTest : public ::testing::TestWithParam<unsigned> {};

TEST_P(UnitProgressTest, CalledOncePerUnitWithIncreasingCounts) {
  test::TempDir dir;
  std::vector<std::string> units;
  for (const char* name : {"a.cpp", "b.cpp", "c.cpp", "d.c"}) {
    units.push_back(dir.write(name, "int f() { return 1; }\n"));
  }
  const auto reports = unit_reports({dir.path()}, GetParam());
  ASSERT_EQ(reports.size(), units.size());
  std::set<std::string> files;
  for (size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(reports[i].done, i + 1);
    EXPECT_EQ(reports[i].total, units.size());
    files.insert(std::filesystem::path(reports[i].file).filename().string());
  }
  EXPECT_EQ(files, (std::set<std::string>{"a.cpp", "b.cpp", "c.cpp", "d.c"}));
}

// A named header that no source file includes is scanned after the sources: the total grows then.
TEST_P(UnitProgressTest, LoneHeadersRaiseTheTotal) {
  test::TempDir dir;
  const std::string a = dir.write("a.cpp", "#include \"used.h\"\nint f() { return g(); }\n");
  const std::string b = dir.write("b.cpp", "int h() { return 2; }\n");
  const std::string used = dir.write("used.h", "inline int g() { return 1; }\n");
  const std::string lone = dir.write("lone.h", "inline int k() { return 3; }\n");
  const auto reports = unit_reports({a, b, used, lone}, GetParam());
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports[0].done, 1u);
  EXPECT_EQ(reports[0].total, 2u);
  EXPECT_EQ(reports[1].done, 2u);
  EXPECT_EQ(reports[1].total, 2u);
  EXPECT_EQ(reports[2].done, 3u);
  EXPECT_EQ(reports[2].total, 3u);
  EXPECT_EQ(reports[2].file, lone);
}

INSTANTIATE_TEST_SUITE_P(Jobs, UnitProgressTest, ::testing::Values(1u, 2u),
                         [](const ::testing::TestParamInfo<unsigned>& info) {
                           return "j" + std::to_string(info.param);
                         });

TEST(EditorProgress, CommandShowsEachUnitOnATerminal) {
  // Three copies of the demo's units, parsed one at a time without the cache: well over a second,
  // with every unit taking longer than one redraw.
  test::TempDir dir;
  const std::string demo = std::string(SCOPELINT_FIXTURES) + "/demo";
  for (const char* name : {"elation_config.h", "reminder_client.h"}) {
    dir.write(name, test::read_text(demo + "/" + name));
  }
  for (const char* copy : {"one", "two", "three"}) {
    dir.write(std::string(copy) + "_main.cpp", test::read_text(demo + "/main.cpp"));
    dir.write(std::string(copy) + "_reminder_client.cpp",
              test::read_text(demo + "/reminder_client.cpp"));
  }
  std::string command = test::scopelint_command({dir.path(), "--no-source", "--color=never", "--no-cache", "-j1"});
  auto tty =
      test::run_shell("script -qec " + test::shell_quote(command + " >/dev/null") + " /dev/null");
  // "[n/6] <dir>/<unit>", cut from the left to fit 78 columns.
  const std::string prefix = "\r\033[K";
  bool per_unit = false;
  for (size_t at = tty.out.find(prefix); at != std::string::npos && !per_unit;
       at = tty.out.find(prefix, at + 1)) {
    const std::string line =
        tty.out.substr(at + prefix.size(),
                       tty.out.find_first_of("\r\n", at + prefix.size()) - (at + prefix.size()));
    per_unit =
        (line.rfind("[", 0) == 0 && line.find("/6] ") != std::string::npos &&
         line.find(".cpp") == line.size() - 4) ||
        (line.rfind("...", 0) == 0 && line.size() == 78 && line.find(".cpp") == line.size() - 4);
  }
  EXPECT_TRUE(per_unit) << tty.out;
}

}  // namespace
}  // namespace scopelint

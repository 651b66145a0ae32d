// The terminal progress line: only after a delay, only on a terminal, erased at the end.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

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
  std::string command = test::shell_quote(SCOPELINT_BINARY) + " " + test::shell_quote(demo) +
                        " --no-source --color=never --no-cache -j1";
  auto tty =
      test::run_shell("script -qec " + test::shell_quote(command + " >/dev/null") + " /dev/null");
  EXPECT_EQ(tty.exit_code, 1) << tty.out << tty.err;
  EXPECT_NE(tty.out.find("\r\033[Kscopelint: scanning "), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("\r\033[K1 error and 1 warning generated."), std::string::npos) << tty.out;
}

}  // namespace
}  // namespace scopelint

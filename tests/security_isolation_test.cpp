// One translation unit that crashes or hangs libclang costs only its own facts: it is parsed in a
// worker process (extract/driver/worker_pool.h), becomes a scan-error, and the scan goes on; no worker
// outlives the run and no core file lands in the scanned tree. Every run here is killed by the
// harness after kHarnessLimit seconds: without isolation these inputs hang the scan forever.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint::test {
namespace {

constexpr int kHarnessLimit = 90;

// A unit with one known finding (a POST that needs a scope the granted one is not).
constexpr const char* kGoodSource =
    "#include <cpr/cpr.h>\n"
    "void f() { cpr::Post(cpr::Url{\"https://app.elationemr.com/api/2.0/allergies/\"}); }\n";

// The same finding in a unit that includes nothing: parsed in milliseconds, so that it is far
// inside a 3 s limit even on a loaded machine (the time limit is wall time).
constexpr const char* kQuickGoodSource =
    "typedef void CURL;\n"
    "typedef enum { CURLOPT_URL = 10002 } CURLoption;\n"
    "int curl_easy_setopt(CURL* handle, CURLoption option, ...);\n"
    "int curl_easy_perform(CURL* handle);\n"
    "void f(CURL* h) {\n"
    "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/allergies/\");\n"
    "  curl_easy_perform(h);\n"
    "}\n";

struct LimitedRun {
  CommandResult result;
  double seconds = 0;
  std::string leftovers;  // processes of the run's group still alive after it ended
};

// Live (not zombie) processes of process group `group`, one "pid cmdline" per line.
std::string live_processes_of_group(const std::string& group) {
  return run_shell("for p in $(pgrep -g " + group + "); do "
                   "[ \"$(cut -d' ' -f3 /proc/$p/stat 2>/dev/null)\" = Z ] || "
                   "echo \"$p $(tr '\\0' ' ' </proc/$p/cmdline 2>/dev/null)\"; done")
      .out;
}

// Runs scopelint in `dir` with core files allowed, under timeout(1), which gives it (and every
// process it starts) a process group of its own: what is left of that group after the run is a
// process that outlived it.
LimitedRun run_limited(const TempDir& dir, const std::vector<std::string>& args, const std::string& tmpdir = "") {
  TempDir scratch;
  const std::string group_file = scratch.path() + "/group";
  const std::string env = tmpdir.empty() ? "" : "env TMPDIR=" + shell_quote(tmpdir) + " ";
  const std::string command = "cd " + shell_quote(dir.path()) + " && ulimit -c unlimited && { " + env +
                              "timeout -s KILL " + std::to_string(kHarnessLimit) + " " +
                              scopelint_command(args) + " & echo $! >" +
                              shell_quote(group_file) + "; wait $!; }";
  LimitedRun run;
  const auto start = std::chrono::steady_clock::now();
  run.result = run_shell(command);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string group = read_text(group_file);
  if (!group.empty()) run.leftovers = live_processes_of_group(group.substr(0, group.find('\n')));
  return run;
}

std::vector<std::string> core_files(const std::string& directory) {
  std::vector<std::string> cores;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
    const std::string name = entry.path().filename().string();
    if (name == "core" || name.rfind("core.", 0) == 0 || name.rfind("vgcore", 0) == 0) cores.push_back(name);
  }
  return cores;
}

// The finding of the first line of `out` that mentions `file` and holds `text`.
bool reports(const CommandResult& result, const std::string& file, const std::string& text) {
  size_t at = result.out.find(file + ":");
  for (; at != std::string::npos; at = result.out.find(file + ":", at + 1)) {
    const std::string line = result.out.substr(at, result.out.find('\n', at) - at);
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> scan_args(const std::vector<std::string>& options) {
  std::vector<std::string> args = {"--granted-scopes", "system/patients.read", "--no-source", "--no-cache"};
  args.insert(args.end(), options.begin(), options.end());
  args.insert(args.end(), {".", "--", "-std=c++17"});
  return args;
}

void write_crashing_project(const TempDir& dir) {
  dir.write("fatal.cpp", "#pragma clang __debug llvm_fatal_error\nint x;\n");  // LLVM aborts
  dir.write("crash.cpp", "#pragma clang __debug crash\nint y;\n");  // a trap inside clang
  dir.write("good.cpp", kGoodSource);
}

TEST(SecurityIsolation, CrashingUnitsBecomeScanErrorsAndTheScanGoesOn) {
  TempDir dir;
  write_crashing_project(dir);
  const LimitedRun run = run_limited(dir, scan_args({"-j2"}));
  EXPECT_EQ(run.result.exit_code, 1) << run.result.out << run.result.err;
  EXPECT_TRUE(reports(run.result, "fatal.cpp", "libclang crashed while parsing this file (signal 6) [scan-error]"))
      << run.result.out;
  EXPECT_TRUE(reports(run.result, "crash.cpp", "libclang crashed while parsing this file")) << run.result.out;
  EXPECT_TRUE(reports(run.result, "crash.cpp", "[scan-error]")) << run.result.out;
  EXPECT_TRUE(reports(run.result, "good.cpp", "[missing-scope]")) << run.result.out;
  EXPECT_EQ(run.leftovers, "");
  EXPECT_EQ(core_files(dir.path()), std::vector<std::string>{});
}

TEST(SecurityIsolation, HangingUnitsAreStoppedAtTheTimeLimit) {
  TempDir dir;
  dir.write("overflow.cpp", "#pragma clang __debug overflow_stack\nint x;\n");
  dir.write("fifo.cpp", "#include \"pipe.h\"\nint y;\n");
  ASSERT_EQ(::mkfifo((dir.path() + "/pipe.h").c_str(), 0600), 0);  // opening it blocks forever
  // Last in scan order: with -j2 it is parsed by a fresh worker after both hanging ones are killed.
  dir.write("zgood.cpp", kQuickGoodSource);
  const std::string cache = dir.path() + "/.scopelint-test-cache";
  std::vector<std::string> args = scan_args({"-j2", "--unit-timeout=3", "-v", "--cache-dir", cache});
  args.erase(std::find(args.begin(), args.end(), "--no-cache"));
  for (const char* round : {"cold", "warm"}) {
    SCOPED_TRACE(round);
    const LimitedRun run = run_limited(dir, args);
    EXPECT_LT(run.seconds, 30.0) << run.result.err;
    EXPECT_EQ(run.result.exit_code, 1) << run.result.out << run.result.err;
    for (const char* file : {"overflow.cpp", "fifo.cpp"}) {
      EXPECT_TRUE(reports(run.result, file, "parsing took longer than 3 s (--unit-timeout) [scan-error]"))
          << run.result.out;
    }
    EXPECT_TRUE(reports(run.result, "zgood.cpp", "[missing-scope]")) << run.result.out;
    EXPECT_EQ(run.leftovers, "");
  }
  // A time limit depends on the machine's load: a unit that hit it is never served from the cache.
  const LimitedRun again = run_limited(dir, args);
  EXPECT_NE(again.result.err.find("(2 parsed, 1 from the cache)"), std::string::npos) << again.result.err;
}

// libclang writes a unit's precompiled preamble to TMPDIR; a worker killed at the time limit
// cannot remove it, so the workers get a directory of the scan's own, removed after it.
TEST(SecurityIsolation, KilledWorkersLeaveNoTemporaryFiles) {
  TempDir dir, tmp;
  dir.write("slow.cpp", "#include <string>\n#pragma clang __debug overflow_stack\nint x;\n");
  dir.write("good.cpp", kQuickGoodSource);
  const LimitedRun run = run_limited(dir, scan_args({"-j2", "--unit-timeout=3"}), tmp.path());
  EXPECT_TRUE(reports(run.result, "slow.cpp", "parsing took longer than 3 s (--unit-timeout) [scan-error]"))
      << run.result.out << run.result.err;
  EXPECT_TRUE(reports(run.result, "good.cpp", "[missing-scope]")) << run.result.out;
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(tmp.path())) {
    left.push_back(entry.path().string());
  }
  EXPECT_TRUE(left.empty()) << left.size() << " files left, the first " << left.front();
}

TEST(SecurityIsolation, OutputIsTheSameForAnyJobCount) {
  TempDir dir;
  write_crashing_project(dir);
  dir.write("more.cpp", kGoodSource);
  const LimitedRun one = run_limited(dir, scan_args({"-j1", "--format=json"}));
  EXPECT_EQ(one.result.exit_code, 1) << one.result.err;
  const auto findings = nlohmann::json::parse(one.result.out, nullptr, false);
  ASSERT_FALSE(findings.is_discarded()) << one.result.out;
  EXPECT_NE(one.result.out.find("fatal.cpp"), std::string::npos);
  for (const char* jobs : {"-j2", "-j3"}) {
    const LimitedRun many = run_limited(dir, scan_args({jobs, "--format=json"}));
    EXPECT_EQ(many.result.exit_code, 1) << jobs;
    EXPECT_EQ(many.result.out, one.result.out) << jobs;
  }
}

TEST(SecurityIsolation, BadTimeLimitIsAUsageErrorAndTheWorkerModeIsNotForUsers) {
  const CommandResult bad = run_scopelint({"--unit-timeout=soon", "x.cpp"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--unit-timeout takes a number of seconds"), std::string::npos) << bad.err;
  // Started by hand, without the scan's socket on fd 3, the worker mode refuses to run.
  const CommandResult by_hand = run_scopelint({"--internal-worker", "1"});
  EXPECT_EQ(by_hand.exit_code, 2);
  EXPECT_NE(by_hand.err.find("started by scopelint itself"), std::string::npos) << by_hand.err;
}

// A scan killed from outside takes its workers with it (PR_SET_PDEATHSIG), even one stuck in a unit.
TEST(SecurityIsolation, WorkersDieWithTheScan) {
  TempDir dir;
  dir.write("overflow.cpp", "#pragma clang __debug overflow_stack\nint x;\n");
  const std::string script =
      "cd " + shell_quote(dir.path()) + " && { timeout -s KILL " + std::to_string(kHarnessLimit) + " " +
      scopelint_command(scan_args({"-j1", "--unit-timeout=0"})) +
      " & group=$!; worker=; "
      "for i in $(seq 1 400); do worker=$(pgrep -g $group -f internal-worker) && break; sleep 0.05; done; "
      "if [ -z \"$worker\" ]; then echo 'no worker'; kill -9 -$group; exit 3; fi; sleep 0.5; "
      "kill -9 $(pgrep -P $group); "
      "for i in $(seq 1 100); do "
      "  [ \"$(cut -d' ' -f3 /proc/$worker/stat 2>/dev/null || echo gone)\" = gone ] && break; "
      "  [ \"$(cut -d' ' -f3 /proc/$worker/stat 2>/dev/null)\" = Z ] && break; sleep 0.05; done; "
      "if [ -e /proc/$worker ] && [ \"$(cut -d' ' -f3 /proc/$worker/stat)\" != Z ]; then "
      "  echo 'worker left'; kill -9 -$group; exit 4; fi; wait; echo ok; }";
  const CommandResult result = run_shell(script);
  EXPECT_EQ(result.out, "ok\n") << result.err;
}

// `scopelint lsp` parses through workers too: a file that crashes libclang is a diagnostic, and the
// server keeps running and answers.
TEST(SecurityIsolation, LanguageServerSurvivesAUnitThatCrashesLibclang) {
  TempDir dir;
  write_crashing_project(dir);
  const std::string root = "file://" + dir.path();
  const std::vector<nlohmann::json> messages = {
      {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"rootUri", root}, {"capabilities", nlohmann::json::object()}}}},
      {{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", nlohmann::json::object()}},
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params", {{"textDocument", {{"uri", root + "/fatal.cpp"}, {"languageId", "cpp"}, {"version", 1}, {"text", read_text(dir.path() + "/fatal.cpp")}}}}}},
      {{"jsonrpc", "2.0"},
       {"id", 2},
       {"method", "textDocument/codeAction"},
       {"params",
        {{"textDocument", {{"uri", root + "/fatal.cpp"}}},
         {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
         {"context", {{"diagnostics", nlohmann::json::array()}}}}}},
      {{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}},
      {{"jsonrpc", "2.0"}, {"method", "exit"}},
  };
  std::string input;
  for (const auto& message : messages) {
    const std::string body = message.dump();
    input += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }
  TempDir scratch;
  const std::string input_file = scratch.write("input", input);
  const CommandResult result =
      run_shell("cd " + shell_quote(dir.path()) + " && timeout -s KILL " + std::to_string(kHarnessLimit) + " " +
                scopelint_command({"lsp", "--granted-scopes", "system/patients.read", "--no-cache"}) + " <" +
                shell_quote(input_file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("libclang crashed while parsing this file (signal 6)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("missing-scope"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"id\":3"), std::string::npos) << "shutdown answered";
}

}  // namespace
}  // namespace scopelint::test

// Inputs the scanned repository or a hostile path controls, through the real binary: files that
// never end, a config nested 60,000 deep, configs above the project or symlinked out of it, and
// wrapper declarations out of range. Every run is bounded (timeout, ulimit -v) so the suite never
// hangs.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "config/config.h"
#include "test_support.h"

namespace scopelint::test {
namespace {

namespace fs = std::filesystem;

// A token request for vitals and a call that needs patients: one missing-scope error (exit 1).
constexpr const char* kMissingScopeSource = R"(#include <curl/curl.h>
void token() {
  CURL* c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, "https://app.elationemr.com/api/2.0/oauth2/token/");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, "grant_type=client_credentials&scope=system/vitals.read");
  curl_easy_perform(c);
}
void fetch() {
  CURL* c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, "https://app.elationemr.com/api/2.0/vitals/");
  curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_URL, "https://app.elationemr.com/api/2.0/patients/");
  curl_easy_perform(c);
}
)";

struct TimedResult {
  CommandResult result;
  double seconds = 0;      // wall time: bounds waiting (a FIFO)
  double cpu_seconds = 0;  // of the shell, timeout and scopelint: bounds work, whatever the load
};

double children_cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// ASan and TSan reserve terabytes of address space for their shadow memory: no address-space limit
// then (the time limit stays).
std::string address_space_limit() { return sanitized_build() ? "" : "ulimit -v 2000000 && "; }

// scopelint with a fake HOME and cache, at most 2 GB of address space and 10 s (a run of today's
// code that reads /dev/zero or waits on a FIFO ends there instead of hanging the suite).
TimedResult scopelint(const TempDir& home, const std::vector<std::string>& args,
                      const std::string& cwd) {
  std::string command =
      "cd " + shell_quote(cwd) + " && " + address_space_limit() + "HOME=" + shell_quote(home.path()) +
      " XDG_CACHE_HOME=" + shell_quote(home.path() + "/cache") + " timeout -k 2 10 " +
      shell_quote(scopelint_binary());
  for (const auto& arg : args) command += " " + shell_quote(arg);
  const auto started = std::chrono::steady_clock::now();
  const double cpu_before = children_cpu_seconds();
  TimedResult timed{run_shell(command)};
  timed.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  timed.cpu_seconds = children_cpu_seconds() - cpu_before;
  return timed;
}

// A project: <dir>/parent/repo with a .git folder and one source file with a missing scope.
struct Project {
  TempDir home;
  TempDir dir;
  std::string parent, repo, source;
  Project() {
    parent = fs::canonical(dir.path()).string() + "/parent";
    source = dir.write("parent/repo/a.cpp", kMissingScopeSource);
    fs::create_directories(parent + "/repo/.git");
    repo = parent + "/repo";
  }
  TimedResult scan(std::vector<std::string> args = {}) const {
    args.insert(args.begin(), "--no-cache");
    args.push_back(source);
    return scopelint(home, args, repo);
  }
};

void expect_one_error_line(const TimedResult& run, const std::string& message) {
  EXPECT_EQ(run.result.exit_code, 2) << run.result.out << run.result.err;
  EXPECT_EQ(run.result.err, "scopelint: error: " + message + "\n");
  // Today's code took 15 s of CPU on the deep config and waited for a FIFO until killed at 10 s.
  // Starting scopelint takes about 0.1 s of CPU, but up to a second of wall time on a loaded
  // machine.
  EXPECT_LT(run.cpu_seconds, 1.0 * slowdown()) << "used " << run.cpu_seconds << " s of CPU";
  EXPECT_LT(run.seconds, 5.0 * slowdown()) << "took " << run.seconds << " s";
}

TEST(SecurityInputs, FilesThatNeverEndAreRefusedAtOnce) {
  Project project;
  const std::string zero = project.dir.path() + "/zero.json";
  fs::create_symlink("/dev/zero", zero);
  const std::string fifo = project.dir.path() + "/fifo.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const std::string flag : {"--baseline", "--config", "--catalog", "--rules", "--facts"}) {
    for (const std::string& input : {zero, fifo}) {
      SCOPED_TRACE(flag + " " + input);
      expect_one_error_line(project.scan({flag, input}),
                            input + ": cannot read file: not a regular file");
    }
  }
}

TEST(SecurityInputs, ADeepConfigFailsFastInLittleMemory) {
  Project project;
  // 120 KB nested 60,000 deep: it took 7.3 GB and 15 s (line numbers were kept per full pointer).
  project.dir.write("parent/repo/.scopelint.json",
                    std::string(60000, '[') + std::string(60000, ']'));
  expect_one_error_line(project.scan(),
                        project.repo + "/.scopelint.json: JSON nested deeper than 64 levels");
}

TEST(SecurityInputs, DeepRulesBaselineAndFactsFailFast) {
  Project project;
  const std::string deep = project.dir.write(
      "deep.json", "{\"a\": " + std::string(60000, '[') + std::string(60000, ']') + "}");
  for (const std::string flag : {"--baseline", "--catalog", "--facts"}) {
    SCOPED_TRACE(flag);
    const std::string name = flag == "--baseline" ? deep + ": invalid baseline" : deep;
    expect_one_error_line(project.scan({flag, deep}), name + ": JSON nested deeper than 64 levels");
  }
}

TEST(SecurityInputs, AConfigAboveTheProjectRootDoesNotApply) {
  Project project;
  project.dir.write("parent/.scopelint.json", R"({"rules": {"*": "off"}})");
  TimedResult run = project.scan();
  EXPECT_EQ(run.result.exit_code, 1) << run.result.err;
  EXPECT_NE(run.result.out.find(
                "a.cpp:12:3: error: GET /api/2.0/patients/ needs scope 'system/patients.read'"),
            std::string::npos)
      << run.result.out;
  // Without a .git folder the root is the directory of the scanned paths: the same.
  fs::remove_all(project.repo + "/.git");
  EXPECT_EQ(scopelint(project.home, {"--no-cache", "repo"}, project.parent).result.exit_code, 1);
  // Chosen on the command line, the same file applies from anywhere.
  EXPECT_EQ(project.scan({"--config", project.parent + "/.scopelint.json"}).result.exit_code, 0);
}

TEST(SecurityInputs, AConfigInsideTheProjectStillApplies) {
  Project project;
  project.dir.write("parent/repo/.scopelint.json", R"({"rules": {"missing-scope": "off"}})");
  EXPECT_EQ(project.scan().result.exit_code, 0);
  // A symlink to a file in the project is followed.
  project.dir.write("parent/repo/configs/real.json", R"({"rules": {"missing-scope": "off"}})");
  fs::remove(project.repo + "/.scopelint.json");
  fs::create_symlink("configs/real.json", project.repo + "/.scopelint.json");
  EXPECT_EQ(project.scan().result.exit_code, 0);
}

TEST(SecurityInputs, AConfigSymlinkOutOfTheProjectIsNotRead) {
  Project project;
  // Its contents would show in the error ("unknown rule 'TOPSECRET-...'"): not read at all.
  const std::string secret =
      project.dir.write("secret.json", R"({"rules": {"TOPSECRET-hunter2": "off"}})");
  fs::create_symlink(secret, project.repo + "/.scopelint.json");
  const TimedResult run = project.scan();
  expect_one_error_line(
      run, project.repo +
               "/.scopelint.json: the configuration is a symlink that points outside the "
               "project; not read");
  EXPECT_EQ(run.result.err.find("TOPSECRET"), std::string::npos);
  EXPECT_EQ(run.result.err.find("secret.json"), std::string::npos);
  EXPECT_EQ(run.result.out, "");
}

std::string config_error(const std::string& text) {
  try {
    parse_config(text, "w/.scopelint.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(SecurityInputs, WrapperDeclarationsAreValidated) {
  // get<int>() of 4294967296 was 0: accepted as the first argument.
  EXPECT_EQ(config_error("{\"wrappers\": [\n{\"function\": \"f\", \"method\": \"GET\",\n "
                         "\"path_arg\": 4294967296}]}"),
            "w/.scopelint.json:3: /wrappers/0/path_arg: expected an argument index from 0 to 64");
  EXPECT_EQ(config_error("{\"wrappers\": [{\"function\": \"f\", \"method_arg\": 65}]}"),
            "w/.scopelint.json:1: /wrappers/0/method_arg: expected an argument index from 0 to 64");
  EXPECT_EQ(config_error(
                "{\"wrappers\": [{\"function\": \"f\", \"method\": \"GET\", \"body_arg\": -1}]}"),
            "w/.scopelint.json:1: /wrappers/0/body_arg: expected an argument index from 0 to 64");
  EXPECT_EQ(config_error(
                "{\"wrappers\": [{\"function\": \"f\", \"method\": \"GET\", \"path_arg\": 1.0}]}"),
            "w/.scopelint.json:1: /wrappers/0/path_arg: expected an argument index from 0 to 64");
  EXPECT_EQ(config_error("{\"wrappers\": [\n{\"function\": \"\", \"method\": \"GET\"}]}"),
            "w/.scopelint.json:2: /wrappers/0/function: must name a function, not be empty");
  EXPECT_EQ(
      config_error(
          "{\"wrappers\": [{\"function\": \"f\",\n \"method\": \"GET\",\n \"method_arg\": 0}]}"),
      "w/.scopelint.json:3: /wrappers/0/method_arg: give either 'method' or 'method_arg', not both");
  EXPECT_EQ(
      config_error("{\"wrappers\": [{\"function\": \"f\", \"method_arg\": 64, \"path_arg\": 0}]}"),
      "");
  // Found while there: a second declaration of a function was ignored, an empty base meant nothing.
  EXPECT_EQ(config_error("{\"wrappers\": [{\"function\": \"f\", \"method\": \"GET\"},\n"
                         " {\"function\": \"f\", \"method\": \"POST\"}]}"),
            "w/.scopelint.json:2: /wrappers/1/function: wrapper 'f' is declared twice");
  EXPECT_EQ(config_error("{\"elation_bases\": [\"gw.internal\",\n \"\"]}"),
            "w/.scopelint.json:2: /elation_bases/1: an Elation base must be a URL or a host, not empty");
}

TEST(SecurityInputs, AnInvalidWrapperStopsTheRun) {
  Project project;
  project.dir.write(
      "parent/repo/.scopelint.json",
      "{\"wrappers\": [\n{\"function\": \"f\", \"method\": \"GET\", \"path_arg\": 4294967296}]}");
  expect_one_error_line(
      project.scan(),
      project.repo + "/.scopelint.json:2: /wrappers/0/path_arg: expected an argument index from 0 to 64");
}

}  // namespace
}  // namespace scopelint::test

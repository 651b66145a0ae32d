// docs/ci: the GitHub and GitLab templates configure a project and scan it as written.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace scopelint {
namespace {

using Json = nlohmann::json;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

const std::string kDocs = std::string(SCOPELINT_SOURCE_DIR) + "/docs/ci/";

// What a CI file runs, read with PyYAML: {"env": {...}, "lines": [every shell line, in order],
// "commands": [the scopelint lines], "uses": [...], "checkouts": [the `with` of each
// actions/checkout]}.
Json ci_commands(const std::string& file, const std::string& kind) {
  const std::string script = R"(
import json, shlex, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
env, lines, uses, checkouts = {}, [], [], []
if sys.argv[2] == "github":
    env.update(doc.get("env") or {})
    for job in doc["jobs"].values():
        env.update(job.get("env") or {})
        for step in job["steps"]:
            if "uses" in step: uses.append(step["uses"])
            if step.get("uses", "").startswith("actions/checkout@"):
                checkouts.append(step.get("with") or {})
            lines += (step.get("run") or "").splitlines()
else:
    for name, job in doc.items():
        if not isinstance(job, dict) or "script" not in job: continue
        env.update(job.get("variables") or {})
        lines += (job.get("before_script") or []) + job["script"]
lines = [l.strip() for l in lines if l.strip()]
commands = [l for l in lines if shlex.split(l)[0].split("/")[-1] == "scopelint"]
print(json.dumps({"env": env, "lines": lines, "commands": commands, "uses": uses,
                  "checkouts": checkouts}))
)";
  auto result = run_shell("/usr/bin/python3 -c " + shell_quote(script) + " " + shell_quote(file) +
                          " " + kind);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return Json::parse(result.out);
}

// Runs a CI command line in `cwd` with bash -e, the documented binary replaced by the built one,
// with the step summary file of GitHub and the merge request base of GitLab set.
test::CommandResult run_ci_command(std::string command, const std::string& cwd) {
  size_t space = command.find(' ');
  command = shell_quote(test::scopelint_binary()) + command.substr(space);
  return run_shell("cd " + shell_quote(cwd) + " && GITHUB_STEP_SUMMARY=summary.md " +
                   "CI_MERGE_REQUEST_DIFF_BASE_SHA=HEAD~1 bash -e -c " + shell_quote(command));
}

// The one scopelint command line of a CI file that contains `needle`.
std::string ci_command(const Json& ci, const std::string& needle) {
  std::vector<std::string> found;
  for (const std::string command : ci["commands"]) {
    if (command.find(needle) != std::string::npos) found.push_back(command);
  }
  EXPECT_EQ(found.size(), 1u) << needle << " in " << ci.dump();
  return found.empty() ? "" : found[0];
}

// A checkout of a CMake project holding the demo client at fixtures/demo, configured by the CI
// file's own configure line (the one cmake line on the project, `-S .`), which must come before
// the scans and make build/compile_commands.json.
void configure_demo_project(const TempDir& dir, const Json& ci) {
  std::filesystem::create_directories(dir.path() + "/fixtures");
  std::filesystem::copy(std::string(SCOPELINT_FIXTURES) + "/demo", dir.path() + "/fixtures/demo",
                        std::filesystem::copy_options::recursive);
  dir.write("CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.20)\nproject(demo CXX)\n"
            "add_executable(demo fixtures/demo/main.cpp fixtures/demo/reminder_client.cpp)\n");
  // Two commits, as a pull request checkout: the base posts to appointments, the head (the demo as
  // it is) to message threads.
  const std::string client = dir.path() + "/fixtures/demo/reminder_client.cpp",
                    head = test::read_text(client);
  std::string base = head;
  const std::string threads = "/api/2.0/message_threads/";
  base.replace(base.find(threads), threads.size(), "/api/2.0/appointments/");
  dir.write("fixtures/demo/reminder_client.cpp", base);
  const std::string git = "git -c user.email=t@example.invalid -c user.name=t ";
  ASSERT_EQ(run_shell("cd " + shell_quote(dir.path()) + " && export GIT_CONFIG_NOSYSTEM=1 && " +
                      git + "init -q . && " + git + "add -A && " + git + "commit -qm base")
                .exit_code,
            0);
  dir.write("fixtures/demo/reminder_client.cpp", head);
  ASSERT_EQ(
      run_shell("cd " + shell_quote(dir.path()) + " && " + git + "commit -qam head").exit_code, 0);
  std::vector<std::string> lines = ci["lines"];
  auto configure = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.rfind("cmake -S . ", 0) == 0;
  });
  ASSERT_NE(configure, lines.end());
  EXPECT_NE(configure->find(" -B build"), std::string::npos) << *configure;
  EXPECT_NE(configure->find(" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON"), std::string::npos)
      << *configure;
  EXPECT_LT(configure - lines.begin(),
            std::find(lines.begin(), lines.end(), ci["commands"][0]) - lines.begin());
  auto configured = run_shell("cd " + shell_quote(dir.path()) + " && " + *configure);
  ASSERT_EQ(configured.exit_code, 0) << configured.out << configured.err;
  ASSERT_TRUE(std::filesystem::exists(dir.path() + "/build/compile_commands.json"));
}

// Each scan names the compile database and no paths: the whole project as the database lists it
// (the scope-change report walks the whole tree with the database's flags).
void expect_whole_project_scans(const Json& ci) {
  for (const std::string command : ci["commands"]) {
    EXPECT_NE(command.find(" -p build "), std::string::npos) << command;
    if (command.find(" diff ") != std::string::npos) continue;
    EXPECT_EQ(command.find("$SCOPELINT_PATHS"), std::string::npos) << command;
    EXPECT_EQ(command.find(" ."), std::string::npos) << command;
  }
}

// The scope-change report against the base commit of configure_demo_project, in Markdown.
void expect_scope_changes(const std::string& markdown) {
  EXPECT_NE(
      markdown.find("| adds | `system/message_threads.write` | `POST /api/2.0/message_threads/` "
                    "at `fixtures/demo/reminder_client.cpp:39` |"),
      std::string::npos)
      << markdown;
  EXPECT_NE(
      markdown.find("| removes | `system/appointments.write` | was needed by "
                    "`POST /api/2.0/appointments/` at `fixtures/demo/reminder_client.cpp:39` |"),
      std::string::npos)
      << markdown;
}

testing::AssertionResult valid_sarif(const std::string& path) {
  const std::string script =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "log = json.load(open(sys.argv[2], encoding='utf-8'))\n"
      "errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))\n"
      "for e in errors: print(list(e.absolute_path), e.message)\n"
      "sys.exit(3 if errors else 0)\n";
  auto result =
      run_shell("/usr/bin/python3 -c " + shell_quote(script) + " " +
                shell_quote(std::string(SCOPELINT_TEST_DATA) + "/sarif-schema-2.1.0.json") + " " +
                shell_quote(path));
  if (result.exit_code == 0) return testing::AssertionSuccess();
  return testing::AssertionFailure() << result.out << result.err;
}

TEST(CiDocs, GithubWorkflowCommandsProduceValidSarifAndAnnotations) {
  Json ci = ci_commands(kDocs + "github-actions.yml", "github");
  ASSERT_EQ(ci["commands"].size(), 3u) << ci.dump();
  std::vector<std::string> uses = ci["uses"];
  EXPECT_NE(std::find(uses.begin(), uses.end(), "github/codeql-action/upload-sarif@v4"),
            uses.end());
  for (const std::string& action : uses) {
    EXPECT_EQ(action.find("upload-sarif@v3"), std::string::npos) << action;
  }
  ASSERT_EQ(ci["checkouts"].size(), 2u);
  for (const Json& with : ci["checkouts"]) {
    EXPECT_EQ(with.value("persist-credentials", Json()), Json(false)) << with.dump();
  }
  EXPECT_NE(test::read_text(kDocs + "github-actions.yml").find("security-events: write"),
            std::string::npos);
  expect_whole_project_scans(ci);

  TempDir dir;
  configure_demo_project(dir, ci);
  std::string sarif_command = ci_command(ci, "--format=sarif"),
              annotate_command = ci_command(ci, "--format=github"),
              diff_command = ci_command(ci, " diff ");
  auto scan = run_ci_command(sarif_command, dir.path());
  EXPECT_EQ(scan.exit_code, 0) << scan.err;  // findings do not fail the upload step
  EXPECT_TRUE(valid_sarif(dir.path() + "/scopelint.sarif"));
  Json sarif = Json::parse(test::read_text(dir.path() + "/scopelint.sarif"));
  ASSERT_FALSE(sarif["runs"][0]["results"].empty());
  // Sorted by file: the unused scope is reported where the demo writes its scopes.
  EXPECT_EQ(
      sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "fixtures/demo/elation_config.h");
  EXPECT_EQ(sarif["runs"][0]["results"][0]["ruleId"], "unused-scope");
  EXPECT_EQ(
      sarif["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "fixtures/demo/reminder_client.cpp");

  auto diff = run_ci_command(diff_command, dir.path());
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  expect_scope_changes(test::read_text(dir.path() + "/summary.md"));

  auto annotate = run_ci_command(annotate_command, dir.path());
  EXPECT_EQ(annotate.exit_code, 1);  // the annotation step fails the job on findings
  EXPECT_NE(annotate.out.find("::error file=fixtures/demo/reminder_client.cpp,line=39,"),
            std::string::npos)
      << annotate.out;
}

TEST(CiDocs, GitlabJobWritesACodeQualityReport) {
  Json ci = ci_commands(kDocs + "gitlab-ci.yml", "gitlab");
  ASSERT_EQ(ci["commands"].size(), 3u) << ci.dump();
  std::string text = test::read_text(kDocs + "gitlab-ci.yml");
  EXPECT_NE(text.find("codequality: gl-code-quality-report.json"), std::string::npos);
  expect_whole_project_scans(ci);

  TempDir dir;
  configure_demo_project(dir, ci);
  auto scan = run_ci_command(ci_command(ci, "--format=gitlab"), dir.path());
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
  auto diff = run_ci_command(ci_command(ci, " diff "), dir.path());
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  expect_scope_changes(test::read_text(dir.path() + "/scope-changes.md"));
  Json report = Json::parse(test::read_text(dir.path() + "/gl-code-quality-report.json"));
  ASSERT_TRUE(report.is_array());
  ASSERT_FALSE(report.empty());
  std::set<std::string> fingerprints;
  for (const Json& issue : report) {
    for (const char* key : {"description", "check_name", "fingerprint", "severity"}) {
      EXPECT_TRUE(issue.contains(key) && issue[key].is_string() &&
                  !issue[key].get<std::string>().empty())
          << key << " in " << issue.dump();
    }
    EXPECT_TRUE(std::set<std::string>({"info", "minor", "major", "critical", "blocker"})
                    .count(issue["severity"]));
    EXPECT_EQ(issue["location"]["path"].get<std::string>().rfind("fixtures/demo/", 0), 0u);
    EXPECT_TRUE(issue["location"]["lines"]["begin"].is_number_integer());
    fingerprints.insert(issue["fingerprint"].get<std::string>());
  }
  EXPECT_EQ(fingerprints.size(), report.size());
  auto log = run_ci_command(ci_command(ci, "--no-source"), dir.path());
  EXPECT_EQ(log.exit_code, 1);
  EXPECT_NE(log.out.find("[missing-scope]"), std::string::npos) << log.out;
}

}  // namespace
}  // namespace scopelint

// docs/ci: the GitHub Actions workflow and GitLab CI job run their scopelint commands as written.
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

// The scopelint command lines of a CI file and its variables, read with PyYAML:
// {"env": {...}, "commands": [...], "uses": [...]}.
Json ci_commands(const std::string& file, const std::string& kind) {
  const std::string script = R"(
import json, shlex, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
env, lines, uses = {}, [], []
if sys.argv[2] == "github":
    env.update(doc.get("env") or {})
    for job in doc["jobs"].values():
        env.update(job.get("env") or {})
        for step in job["steps"]:
            if "uses" in step: uses.append(step["uses"])
            lines += (step.get("run") or "").splitlines()
else:
    for name, job in doc.items():
        if not isinstance(job, dict) or "script" not in job: continue
        env.update(job.get("variables") or {})
        lines += job["script"]
commands = [l.strip() for l in lines if l.strip() and shlex.split(l)[0].split("/")[-1] == "scopelint"]
print(json.dumps({"env": env, "commands": commands, "uses": uses}))
)";
  auto result = run_shell("/usr/bin/python3 -c " + shell_quote(script) + " " + shell_quote(file) +
                          " " + kind);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return Json::parse(result.out);
}

// Runs a CI command line in `cwd` with bash -e, the documented binary replaced by the built one.
test::CommandResult run_ci_command(std::string command, const std::string& cwd) {
  size_t space = command.find(' ');
  command = shell_quote(SCOPELINT_BINARY) + command.substr(space);
  return run_shell("cd " + shell_quote(cwd) + " && SCOPELINT_PATHS=fixtures/demo bash -e -c " +
                   shell_quote(command));
}

// A checkout-like directory holding the demo client at fixtures/demo.
void copy_demo(const TempDir& dir) {
  std::filesystem::create_directories(dir.path() + "/fixtures");
  std::filesystem::copy(std::string(SCOPELINT_FIXTURES) + "/demo", dir.path() + "/fixtures/demo",
                        std::filesystem::copy_options::recursive);
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
  ASSERT_EQ(ci["commands"].size(), 2u) << ci.dump();
  EXPECT_TRUE(ci["env"].contains("SCOPELINT_PATHS"));
  EXPECT_NE(std::find(ci["uses"].begin(), ci["uses"].end(), "github/codeql-action/upload-sarif@v3"),
            ci["uses"].end());
  EXPECT_NE(test::read_text(kDocs + "github-actions.yml").find("security-events: write"),
            std::string::npos);

  TempDir dir;
  copy_demo(dir);
  std::string sarif_command = ci["commands"][0], annotate_command = ci["commands"][1];
  ASSERT_NE(sarif_command.find("--format=sarif"), std::string::npos);
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

  auto annotate = run_ci_command(annotate_command, dir.path());
  EXPECT_EQ(annotate.exit_code, 1);  // the annotation step fails the job on findings
  EXPECT_NE(annotate.out.find("::error file=fixtures/demo/reminder_client.cpp,line=39,"),
            std::string::npos)
      << annotate.out;
}

TEST(CiDocs, GitlabJobWritesACodeQualityReport) {
  Json ci = ci_commands(kDocs + "gitlab-ci.yml", "gitlab");
  ASSERT_EQ(ci["commands"].size(), 2u) << ci.dump();
  std::string text = test::read_text(kDocs + "gitlab-ci.yml");
  EXPECT_NE(text.find("codequality: gl-code-quality-report.json"), std::string::npos);

  TempDir dir;
  copy_demo(dir);
  auto scan = run_ci_command(ci["commands"][0], dir.path());
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
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
  auto log = run_ci_command(ci["commands"][1], dir.path());
  EXPECT_EQ(log.exit_code, 1);
  EXPECT_NE(log.out.find("[missing-scope]"), std::string::npos) << log.out;
}

}  // namespace
}  // namespace scopelint

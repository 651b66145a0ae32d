// Rule selection: --checks and "checks" globs, per_file_ignores and config inheritance.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "config/apply_config.h"
#include "config/config.h"
#include "config/rule_selection.h"
#include "test_support.h"

namespace scopelint {
namespace {

using test::run_scopelint;
using test::TempDir;

// Facts for three findings: unused-scope at tests/auth_test.cpp:1 (vitals.write is never used),
// missing-scope at src/api.cpp:5 and unknown-endpoint at src/api.cpp:7.
std::string three_rule_facts(const TempDir& dir) {
  dir.write("tests/auth_test.cpp", "// token\n");
  dir.write("src/api.cpp", "// api\n");
  // Relative paths: resolved against the directory scopelint runs in (dir).
  return dir.write("facts.json", R"({"calls": [
    {"file": "tests/auth_test.cpp", "line": 1, "method": "POST",
     "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
     "body": {"kind": "raw",
              "raw": "grant_type=client_credentials&scope=system/patients.read%20system/vitals.write"}},
    {"file": "src/api.cpp", "line": 3, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patients/"},
    {"file": "src/api.cpp", "line": 5, "method": "POST", "url": "https://app.elationemr.com/api/2.0/allergies/"},
    {"file": "src/api.cpp", "line": 7, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patient/"}]})");
}

// "rule file:line" of every finding a --format=json run reports, sorted.
std::vector<std::string> reported(const test::CommandResult& result) {
  EXPECT_NE(result.exit_code, 2) << result.err;
  std::vector<std::string> out;
  if (result.exit_code == 2) return out;
  const auto report = nlohmann::json::parse(result.out);
  for (const auto& finding : report.at("findings")) {
    out.push_back(finding.at("rule").get<std::string>() + " " +
                  finding.at("file").get<std::string>() + ":" +
                  std::to_string(finding.at("line").get<int>()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

test::CommandResult scan(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> all = {"--facts", three_rule_facts(dir), "--format=json", "--quiet"};
  all.insert(all.end(), args.begin(), args.end());
  return run_scopelint(all, dir.path());
}

const std::vector<std::string> kAllThree = {"missing-scope src/api.cpp:5",
                                            "unknown-endpoint src/api.cpp:7",
                                            "unused-scope tests/auth_test.cpp:1"};

TEST(RuleSelection, ChecksListsApplyLeftToRight) {
  std::string problem;
  auto checks = parse_check_list(" -* , missing-scope,*-scope,-unknown-scope ,", problem);
  ASSERT_TRUE(checks) << problem;
  ASSERT_EQ(checks->size(), 4u);
  EXPECT_FALSE(checks_enable(*checks, "unused-endpoint", true));
  EXPECT_FALSE(checks_enable(*checks, "unknown-endpoint", true));
  EXPECT_TRUE(checks_enable(*checks, "missing-scope", false));
  EXPECT_TRUE(checks_enable(*checks, "unused-scope", false));
  EXPECT_FALSE(checks_enable(*checks, "unknown-scope", true));
  EXPECT_TRUE(checks_enable({}, "unknown-scope", true));
}

TEST(RuleSelection, AnEntryMatchingNoRuleIsAnErrorWithDidYouMean) {
  std::string problem;
  EXPECT_FALSE(parse_check_list("-*,missing-scop", problem));
  EXPECT_EQ(problem, "'missing-scop' matches no rule (did you mean 'missing-scope'?)");
  EXPECT_FALSE(parse_check_list("-nothing-*", problem));
  EXPECT_EQ(problem, "'-nothing-*' matches no rule (see scopelint --list-rules)");
  EXPECT_FALSE(parse_check_list("-", problem));

  TempDir dir;
  auto result = scan(dir, {"--checks=-*,misisng-scope"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "scopelint: error: --checks: 'misisng-scope' matches no rule (did you mean "
            "'missing-scope'?)\n");
  EXPECT_EQ(result.out, "");
}

TEST(RuleSelection, CommandLineGlobsSelectRules) {
  TempDir dir;
  EXPECT_EQ(reported(scan(dir, {})), kAllThree);
  EXPECT_EQ(reported(scan(dir, {"--checks=-*,missing-scope"})),
            std::vector<std::string>{"missing-scope src/api.cpp:5"});
  EXPECT_EQ(reported(scan(dir, {"--checks", "-*,*-scope"})),
            (std::vector<std::string>{"missing-scope src/api.cpp:5",
                                      "unused-scope tests/auth_test.cpp:1"}));
  EXPECT_EQ(reported(scan(dir, {"--checks=-unknown-endpoint"})),
            (std::vector<std::string>{"missing-scope src/api.cpp:5",
                                      "unused-scope tests/auth_test.cpp:1"}));
  // Repeated, the lists are applied one after the other.
  EXPECT_EQ(reported(scan(dir, {"--checks=-*", "--checks=unused-scope"})),
            std::vector<std::string>{"unused-scope tests/auth_test.cpp:1"});
  auto none = scan(dir, {"--checks=-*"});
  EXPECT_EQ(none.exit_code, 0) << none.out;
  EXPECT_EQ(reported(none), std::vector<std::string>{});
}

TEST(RuleSelection, TheCommandLineExtendsTheConfigChecks) {
  TempDir dir;
  dir.write(".scopelint.json", R"({"checks": "-*,unused-scope,unknown-endpoint",
                                   "rules": {"unknown-endpoint": "off"}})");
  // Within the config, "rules": "off" and "checks" both turn a rule off.
  EXPECT_EQ(reported(scan(dir, {})),
            std::vector<std::string>{"unused-scope tests/auth_test.cpp:1"});
  // The command line comes after the config: it adds to it and can turn rules on again.
  EXPECT_EQ(reported(scan(dir, {"--checks=missing-scope,-unused-scope"})),
            std::vector<std::string>{"missing-scope src/api.cpp:5"});
  EXPECT_EQ(reported(scan(dir, {"--checks=unknown-endpoint"})),
            (std::vector<std::string>{"unknown-endpoint src/api.cpp:7",
                                      "unused-scope tests/auth_test.cpp:1"}));
}

TEST(RuleSelection, PerFileIgnoresMatchThePrimaryLocation) {
  TempDir dir;
  dir.write(".scopelint.json",
            R"({"per_file_ignores": {"tests/**": ["unused-scope", "missing-scope"],
                                                        "src/*.cpp": ["*-endpoint"]}})");
  EXPECT_EQ(reported(scan(dir, {})), std::vector<std::string>{"missing-scope src/api.cpp:5"});
  // An ignore is not a selection: --checks cannot bring the finding back for those files.
  EXPECT_EQ(reported(scan(dir, {"--checks=*"})),
            std::vector<std::string>{"missing-scope src/api.cpp:5"});
}

// [nolint] findings are made after the configuration is applied; selection applies to them too.
TEST(RuleSelection, NolintFindingsAreSelectedLikeTheOthers) {
  TempDir dir;
  const std::string facts = three_rule_facts(dir);
  dir.write("src/api.cpp", "// api\n// NOLINTBEGIN(unknown-endpoint)\n");
  const std::vector<std::string> base = {"--facts", facts, "--format=json", "--quiet"};
  auto with = [&](std::vector<std::string> more) {
    more.insert(more.begin(), base.begin(), base.end());
    return reported(run_scopelint(more, dir.path()));
  };
  // NOLINT comments are read in the files that hold findings: missing-scope stays on.
  const std::string rest = "--checks=-unknown-endpoint,-unused-scope";
  EXPECT_EQ(with({rest}),
            (std::vector<std::string>{"missing-scope src/api.cpp:5", "nolint src/api.cpp:2"}));
  EXPECT_EQ(with({rest, "--checks=-nolint"}),
            std::vector<std::string>{"missing-scope src/api.cpp:5"});
  dir.write(".scopelint.json", R"({"per_file_ignores": {"src": ["nolint"]}})");
  EXPECT_EQ(with({rest}), std::vector<std::string>{"missing-scope src/api.cpp:5"});
  dir.write(".scopelint.json", R"({"rules": {"nolint": "warning"}})");
  auto level = run_scopelint({"--facts", facts, rest, "--no-source"}, dir.path());
  EXPECT_NE(level.out.find("src/api.cpp:2:4: warning: "), std::string::npos) << level.out;
}

TEST(RuleSelection, PerFileIgnoreGlobsAreRelativeToTheirConfigAndSpanDirectories) {
  TempDir dir;
  dir.write(
      "src/.scopelint.json",
      R"({"per_file_ignores": {"**/api.cpp": ["missing-scope"], "api.cpp": ["unknown-endpoint"]}})");
  dir.write(
      ".scopelint.json",
      R"({"per_file_ignores": {"src/**": ["unused-scope"], "deep/**/x.cpp": ["missing-scope"]}})");
  Config top = load_config_file(dir.path() + "/.scopelint.json");
  EXPECT_TRUE(top.ignores("unused-scope", dir.path() + "/src/a/b/c.cpp"));
  EXPECT_FALSE(top.ignores("unused-scope", dir.path() + "/tests/src.cpp"));
  EXPECT_FALSE(top.ignores("missing-scope", dir.path() + "/src/c.cpp"));
  EXPECT_TRUE(top.ignores("missing-scope", dir.path() + "/deep/x.cpp"));
  EXPECT_TRUE(top.ignores("missing-scope", dir.path() + "/deep/a/b/x.cpp"));
  // src/.scopelint.json applies to src/api.cpp and does not inherit: only its own ignores count.
  EXPECT_EQ(reported(scan(dir, {})),
            std::vector<std::string>{"unused-scope tests/auth_test.cpp:1"});
}

TEST(RuleSelection, BadChecksAndIgnoresInTheConfigNameTheLine) {
  auto error_of = [](const std::string& text) {
    try {
      parse_config(text, "cfg/.scopelint.json");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(error_of("{\n\"checks\": \"-*,unused-scop\"}"),
            "cfg/.scopelint.json:2: /checks: 'unused-scop' matches no rule (did you mean "
            "'unused-scope'?)");
  EXPECT_EQ(error_of("{\"checks\": [\"-*\"]}"), "cfg/.scopelint.json:1: /checks: expected a string, found array");
  EXPECT_EQ(
      error_of("{\"per_file_ignores\": {\"tests/**\":\n [\"unused-scope\", \"unsued-scope\"]}}"),
      "cfg/.scopelint.json:2: /per_file_ignores/tests~1**/1: unknown rule 'unsued-scope' (did you "
            "mean 'unused-scope'?)");
  EXPECT_EQ(error_of("{\"per_file_ignores\": {\"tests/**\": \"unused-scope\"}}"),
            "cfg/.scopelint.json:1: /per_file_ignores/tests~1**: expected an array of strings, found string");
  EXPECT_EQ(
      error_of("{\"per_file_ignores\": [\"tests/**\"]}"),
      "cfg/.scopelint.json:1: /per_file_ignores: expected an object, found array");
  EXPECT_EQ(error_of("{\"inherit\": \"yes\"}"),
            "cfg/.scopelint.json:1: /inherit: expected true or false, found string");
  EXPECT_EQ(error_of("{\"rules\": {\"missing-scop\": \"off\"}}"),
            "cfg/.scopelint.json:1: /rules/missing-scop: unknown rule 'missing-scop' (did you mean "
            "'missing-scope'?)");
}

TEST(RuleSelection, ANestedConfigInheritsItsParent) {
  TempDir dir;
  dir.write(".scopelint.json", R"({"rules": {"unknown-endpoint": "note"}, "exclude": ["gen"],
    "per_file_ignores": {"tests/**": ["unused-scope"]}, "elation_bases": ["gw.internal"],
    "wrappers": [{"function": "Api::get", "method": "GET"}, {"function": "Api::post", "method": "POST"}]})");
  dir.write("sub/.scopelint.json", R"({"inherit": true, "checks": "-missing-scope",
    "wrappers": [{"function": "Api::post", "method": "PUT"}]})");
  dir.write("sub/deeper/.scopelint.json",
            R"({"inherit": true, "rules": {"unknown-endpoint": "error"}})");
  dir.write("other/.scopelint.json", R"({"checks": "-missing-scope"})");
  ConfigSet configs(dir.path());
  const Config& sub = configs.for_file(dir.path() + "/sub/a.cpp");
  ASSERT_NE(sub.parent, nullptr);
  EXPECT_EQ(sub.parent->file, dir.path() + "/.scopelint.json");
  EXPECT_EQ(sub.level_for("unknown-endpoint", Level::Warning), Level::Note);
  EXPECT_FALSE(sub.enables("missing-scope"));
  EXPECT_TRUE(sub.enables("unused-scope"));
  // The parent's paths stay relative to the parent's directory.
  EXPECT_TRUE(sub.excludes(dir.path() + "/sub/gen/x.cpp"));
  EXPECT_TRUE(sub.ignores("unused-scope", dir.path() + "/tests/x.cpp"));
  EXPECT_FALSE(sub.ignores("unused-scope", dir.path() + "/sub/x.cpp"));
  EXPECT_EQ(sub.elation_bases, std::vector<std::string>{"gw.internal"});
  ASSERT_EQ(sub.wrappers.size(), 2u);
  EXPECT_EQ(sub.wrappers[0].function, "Api::get");
  EXPECT_EQ(sub.wrappers[1].method,
            HttpMethod::Put);  // the child's declaration replaces the parent's

  const Config& deeper = configs.for_file(dir.path() + "/sub/deeper/b.cpp");
  EXPECT_EQ(deeper.parent, &sub);
  EXPECT_EQ(deeper.level_for("unknown-endpoint", Level::Warning), Level::Error);
  EXPECT_FALSE(deeper.enables("missing-scope"));
  EXPECT_TRUE(deeper.excludes(dir.path() + "/gen/y.cpp"));

  const Config& other = configs.for_file(dir.path() + "/other/c.cpp");  // no "inherit"
  EXPECT_EQ(other.parent, nullptr);
  EXPECT_EQ(other.level_for("unknown-endpoint", Level::Warning), Level::Warning);
  EXPECT_FALSE(other.excludes(dir.path() + "/other/gen/x.cpp"));
}

TEST(RuleSelection, InheritanceNeverReadsAConfigAboveTheProject) {
  TempDir dir;
  // Above the project: it would turn every rule off, and it is broken, so reading it would fail.
  dir.write(".scopelint.json", R"({"checks": "-*", "rules": {"*": "off"}, oops)");
  dir.write("project/.git/HEAD", "ref: refs/heads/main\n");
  dir.write("project/.scopelint.json", R"({"inherit": true})");
  dir.write("project/sub/.scopelint.json", R"({"inherit": true, "checks": "-unknown-endpoint"})");
  ConfigSet configs(dir.path() + "/project");
  const Config& sub = configs.for_file(dir.path() + "/project/sub/a.cpp");
  ASSERT_NE(sub.parent, nullptr);
  EXPECT_EQ(sub.parent->parent, nullptr);
  EXPECT_TRUE(sub.enables("missing-scope"));
  EXPECT_FALSE(sub.enables("unknown-endpoint"));

  // End to end: a scan of the project reports what the project's configs leave on.
  const std::string facts = dir.write("project/facts.json", R"({"calls": [
    {"file": "sub/a.cpp", "line": 1, "method": "POST", "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
     "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read"}},
    {"file": "sub/a.cpp", "line": 2, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patient/"},
    {"file": "sub/a.cpp", "line": 3, "method": "POST", "url": "https://app.elationemr.com/api/2.0/allergies/"},
    {"file": "sub/a.cpp", "line": 4, "method": "GET", "url": "https://app.elationemr.com/api/2.0/patients/"}]})");
  dir.write("project/sub/a.cpp", "\n");
  auto result =
      run_scopelint({"--facts", facts, "--format=json", "--quiet"}, dir.path() + "/project");
  EXPECT_EQ(reported(result), std::vector<std::string>{"missing-scope sub/a.cpp:3"});
}

TEST(RuleSelection, ASymlinkedParentOutsideTheProjectIsRefused) {
  TempDir dir;
  dir.write("outside/.scopelint.json", R"({"rules": {"*": "off"}})");
  dir.write("project/.git/HEAD", "ref: refs/heads/main\n");
  dir.write("project/sub/.scopelint.json", R"({"inherit": true})");
  ASSERT_EQ(::symlink((dir.path() + "/outside/.scopelint.json").c_str(),
                      (dir.path() + "/project/.scopelint.json").c_str()),
            0);
  ConfigSet configs(dir.path() + "/project");
  try {
    configs.for_file(dir.path() + "/project/sub/a.cpp");
    ADD_FAILURE() << "the parent symlink was followed out of the project";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("points outside the project"), std::string::npos)
        << e.what();
  }
}

TEST(RuleSelection, AnExplicitConfigInheritsTheProjectConfigBesideIt) {
  TempDir dir;
  dir.write(".git/HEAD", "ref: refs/heads/main\n");
  dir.write(".scopelint.json", R"({"rules": {"unused-scope": "off"}})");
  dir.write("ci.json", R"({"inherit": true, "checks": "-unknown-endpoint"})");
  EXPECT_EQ(reported(scan(dir, {"--config", dir.path() + "/ci.json"})),
            std::vector<std::string>{"missing-scope src/api.cpp:5"});
}

}  // namespace
}  // namespace scopelint

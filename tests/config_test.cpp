// .scopelint.json: keys, validation errors with file and line, globs, rule levels, components.
#include <gtest/gtest.h>

#include <filesystem>

#include "config/apply_config.h"
#include "config/config.h"
#include "test_support.h"
#include "util/json_lines.h"

namespace scopelint {
namespace {

using test::TempDir;

std::string error_of(const std::string& text) {
  try {
    parse_config(text, "cfg/.scopelint.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, FullExample) {
  Config config = parse_config(R"({
    "rules": {"unused-scope": "error", "unresolved-call": "off", "*-endpoint": "note"},
    "elation_bases": ["https://proxy.corp/elation", "elation-gw.internal"],
    "exclude": ["third_party", "gen/**"],
    "granted_scopes": "system/patients.read",
    "components": [{"name": "reporting", "paths": ["reporting/**"], "granted_scopes": "system/reports.read"}],
    "wrappers": [{"function": "ElationApi::get", "path_arg": 0, "method": "GET"}]
  })", "/x/.scopelint.json");
  EXPECT_EQ(config.level_for("unused-scope", Level::Warning), Level::Error);
  EXPECT_EQ(config.level_for("unresolved-call", Level::Note), std::nullopt);
  EXPECT_EQ(config.level_for("unknown-endpoint", Level::Warning), Level::Note);
  EXPECT_EQ(config.level_for("missing-scope", Level::Error), Level::Error);
  EXPECT_EQ(config.elation_bases.size(), 2u);
  EXPECT_EQ(config.granted_scopes, "system/patients.read");
  EXPECT_EQ(config.granted_scopes_line, 5u);
  ASSERT_EQ(config.components.size(), 1u);
  EXPECT_EQ(config.components[0].line, 6u);
  EXPECT_EQ(config.component_for("/x/reporting/jobs/daily.cpp"), "reporting");
  EXPECT_EQ(config.component_for("/x/writer/main.cpp"), "");
  EXPECT_TRUE(config.excludes("/x/third_party/httplib.h"));
  EXPECT_TRUE(config.excludes("/x/src/third_party/a.cpp"));
  EXPECT_TRUE(config.excludes("/x/gen/deep/a.cpp"));
  EXPECT_FALSE(config.excludes("/x/src/a.cpp"));
  ASSERT_EQ(config.wrappers.size(), 1u);
  EXPECT_EQ(config.wrappers[0].method, HttpMethod::Get);
}

TEST(Config, UnknownKeyNamesFileLineAndKey) {
  EXPECT_EQ(error_of("{\n  \"rules\": {},\n  \"rulez\": {}\n}"), "cfg/.scopelint.json:3: /rulez: unknown key 'rulez' (expected one of: inherit, checks, rules, "
            "per_file_ignores, elation_bases, exclude, granted_scopes, components, wrappers)");
  EXPECT_EQ(error_of("{\"components\": [{\"name\": \"a\",\n \"paths\": [], \"path\": 1}]}"),
            "cfg/.scopelint.json:2: /components/0/path: unknown key 'path' (expected one of: name, paths, "
            "granted_scopes)");
}

TEST(Config, WrongTypes) {
  EXPECT_EQ(error_of("{\n\"exclude\": \"build\"}"), "cfg/.scopelint.json:2: /exclude: expected an array of strings, found string");
  EXPECT_EQ(error_of("{\"exclude\": [\n 1]}"), "cfg/.scopelint.json:2: /exclude/0: expected a string, found number");
  EXPECT_EQ(error_of("{\"granted_scopes\": 3}"), "cfg/.scopelint.json:1: /granted_scopes: expected a string, found number");
  EXPECT_EQ(error_of("[]"), "cfg/.scopelint.json:1: /: expected an object, found array");
}

TEST(Config, BadValues) {
  EXPECT_NE(error_of("{\"rules\": {\"missing-scope\": \"loud\"}}").find("rule level must be off, note, warning or error"),
            std::string::npos);
  EXPECT_NE(error_of("{\"rules\": {\"no-such-rule\": \"off\"}}").find("unknown rule 'no-such-rule'"), std::string::npos);
  EXPECT_NE(error_of("{\"wrappers\": [{\"function\": \"f\"}]}").find("needs 'method' or 'method_arg'"),
            std::string::npos);
  EXPECT_NE(error_of("{\"wrappers\": [{\"function\": \"f\", \"method\": \"FETCH\"}]}").find("unknown HTTP method"),
            std::string::npos);
  EXPECT_NE(error_of("{\"components\": [{\"name\": \"a\", \"paths\": []}, {\"name\": \"a\", \"paths\": []}]}")
                .find("unique"),
            std::string::npos);
}

TEST(Config, InvalidJsonHasALine) {
  EXPECT_EQ(error_of("{\n\"rules\": {,}\n}"),
            "cfg/.scopelint.json:2:11: invalid JSON: unexpected ',', expected a quoted string");
  // No text of the JSON library ("[json.exception...") in messages, whatever the error.
  EXPECT_EQ(error_of("{\"granted_scopes\": 1e999}"),
            "cfg/.scopelint.json: invalid JSON: a number out of range");
}

TEST(Config, JsonLinesByPointer) {
  const JsonLines lines(
      "{\n \"a\": [\n  1,\n  {\"b\": \"x\"}\n ],\n \"c/d\": true,\n \"e\\n~\": null\n}");
  EXPECT_EQ(lines.line_of(""), 1u);
  EXPECT_EQ(lines.line_of("/a"), 2u);
  EXPECT_EQ(lines.line_of("/a/0"), 3u);
  EXPECT_EQ(lines.line_of("/a/1/b"), 4u);
  EXPECT_EQ(lines.line_of("/c~1d"), 6u);
  EXPECT_EQ(lines.line_of("/e\n~0"), 7u);  // keys compared decoded, as nlohmann gives them
  EXPECT_EQ(lines.line_of("/a/2"), 0u);
  EXPECT_EQ(lines.line_of("/x"), 0u);
}

TEST(Config, PathGlobs) {
  EXPECT_TRUE(path_glob_matches("src/*.cpp", "src/a.cpp"));
  EXPECT_FALSE(path_glob_matches("src/*.cpp", "src/x/a.cpp"));
  EXPECT_TRUE(path_glob_matches("src/**/*.cpp", "src/x/y/a.cpp"));
  EXPECT_TRUE(path_glob_matches("src/**", "src/x/a.cpp"));
  EXPECT_TRUE(path_glob_matches("src", "src/x/a.cpp"));
  EXPECT_TRUE(path_glob_matches("vendor/", "vendor/a.h"));
  EXPECT_FALSE(path_glob_matches("sr?/a", "src/b"));
}

TEST(Config, DiscoveryFindsTheNearestFile) {
  TempDir dir;
  dir.write(".scopelint.json", "{}");
  dir.write("sub/.scopelint.json", "{\"granted_scopes\": \"system/vitals.read\"}");
  std::string deep = dir.write("sub/deeper/a.cpp", "");
  std::string top = dir.write("b.cpp", "");
  EXPECT_EQ(find_config_for(deep, dir.path()), dir.path() + "/sub/.scopelint.json");
  EXPECT_EQ(find_config_for(top, dir.path()), dir.path() + "/.scopelint.json");
  // Discovery stops at the project root: the config above a root of sub/deeper is not seen.
  EXPECT_EQ(find_config_for(deep, dir.path() + "/sub/deeper"), "");
  EXPECT_EQ(find_config_for(deep, dir.path() + "/sub"), dir.path() + "/sub/.scopelint.json");
  EXPECT_EQ(find_config_for(top, dir.path() + "/sub"), "");  // outside the project
  ConfigSet configs(dir.path());
  EXPECT_EQ(configs.for_file(deep).granted_scopes, "system/vitals.read");
  EXPECT_FALSE(configs.for_file(top).granted_scopes);
}

TEST(Config, ElationBasesRebaseProxyCalls) {
  TempDir dir;
  dir.write(".scopelint.json", R"({"elation_bases": ["https://proxy.corp/elation", "gw.internal"]})");
  std::string file = dir.write("a.cpp", "");
  Facts facts;
  HttpCall proxied;
  proxied.location = {file, 1, 1};
  proxied.method = HttpMethod::Get;
  proxied.url = "https://proxy.corp/elation/api/2.0/patients/";
  HttpCall by_host = proxied;
  by_host.url = "/api/2.0/vitals/";
  by_host.base = "http://gw.internal:8080";
  HttpCall other = proxied;
  other.url = "https://proxy.corp/other/patients/";
  facts.calls = {proxied, by_host, other};
  ConfigSet configs(dir.path());
  apply_config_to_facts(facts, configs, "system/x.read");
  EXPECT_TRUE(facts.calls[0].base_is_elation);
  EXPECT_EQ(facts.calls[0].url, "/api/2.0/patients/");
  EXPECT_TRUE(facts.calls[1].base_is_elation);
  EXPECT_EQ(facts.calls[1].url, "/api/2.0/vitals/");
  EXPECT_FALSE(facts.calls[2].base_is_elation);
  ASSERT_EQ(facts.granted.size(), 1u);
  EXPECT_EQ(facts.granted[0].scopes, "system/x.read");
}

TEST(Config, ExcludedFilesAndRuleLevelsApplyToFindings) {
  TempDir dir;
  dir.write(".scopelint.json", R"({"exclude": ["gen"], "rules": {"unused-scope": "off", "missing-scope": "warning"}})");
  std::string kept_file = dir.write("src/a.cpp", "");
  std::string gen_file = dir.write("gen/b.cpp", "");
  Finding missing;
  missing.rule = "missing-scope";
  missing.level = Level::Error;
  missing.location = {kept_file, 1, 1};
  Finding unused = missing;
  unused.rule = "unused-scope";
  Finding generated = missing;
  generated.location.file = gen_file;
  ConfigSet configs(dir.path());
  auto kept = apply_config_to_findings({missing, unused, generated}, configs);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].rule, "missing-scope");
  EXPECT_EQ(kept[0].level, Level::Warning);
}

}  // namespace
}  // namespace scopelint

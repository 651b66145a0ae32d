// Reporter tests: hand-built findings printed as text, JSON and SARIF, compared with goldens.
//
// Goldens live in tests/data/report/. To regenerate them after an intended change, run the tests
// with SCOPELINT_UPDATE_GOLDENS=1 (those tests then fail once, so an update is never silent),
// review the diff, and run again.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/report_common.h"

namespace scopelint {
namespace {

std::string data_file(const std::string& name) {
  return std::string(SCOPELINT_TEST_DATA) + "/report/" + name;
}

// Outside the base directory, with every character a URI or a JSON string must treat specially.
const std::string kOddPath = "/nonexistent/dir with space/it's \"q\"\nnew\xffline#1?%.cpp";

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Replacement replacement(const std::string& file, unsigned line, unsigned column,
                        unsigned end_column, unsigned offset, const std::string& text) {
  return {{{file, line, column}, {file, line, end_column}, offset, end_column - column}, text};
}

// One finding per case the reporters must handle; in a fixed order, since reporters do not sort.
std::vector<Finding> sample_findings() {
  const std::string client = data_file("client.cpp");
  std::vector<Finding> out;

  Finding tab_line;  // line 5 is indented with a tab; the fix replaces the path literal's text
  tab_line.rule = "unknown-endpoint";
  tab_line.level = Level::Warning;
  tab_line.message = "GET /api/2.0/patient/ matches no documented endpoint";
  tab_line.location = {client, 5, 26};
  tab_line.end = SourceLocation{client, 5, 45};
  tab_line.method = "GET";
  tab_line.path = "/api/2.0/patient/";
  tab_line.fix =
      Fix{"use the documented path", {replacement(client, 5, 27, 44, 231, "/api/2.0/patients/")}};
  out.push_back(tab_line);

  Finding accented;  // line 6 has an 'é' (two bytes) before the call
  accented.rule = "missing-scope";
  accented.level = Level::Error;
  accented.message =
      "POST /api/2.0/allergies/ needs scope 'system/allergies.write', which no token request asks "
      "for";
  accented.location = {client, 6, 29};
  accented.end = SourceLocation{client, 6, 59};
  accented.scope = "system/allergies.write";
  accented.method = "POST";
  accented.path = "/api/2.0/allergies/";
  accented.notes = {{{client, 7, 16}, "add 'system/allergies.write' to this token request"}};
  out.push_back(accented);

  Finding global;
  global.rule = "global-scope";
  global.level = Level::Warning;
  global.message = "token request asks for the global scope 'apiv2'";
  global.location = {client, 7, 77};
  global.end = SourceLocation{client, 7, 84};
  global.suggested_scopes = {"system/allergies.write", "system/patients.read"};
  global.notes = {
      {{client, 7, 77}, "the calls need only 'system/allergies.write system/patients.read'"}};
  global.fix =
      Fix{"ask for the scopes the calls need",
          {replacement(client, 7, 78, 83, 425, "system/allergies.write system/patients.read")}};
  out.push_back(global);

  Finding astral;  // line 9 has a four-byte character (a UTF-16 surrogate pair) before the call
  astral.rule = "unresolved-call";
  astral.level = Level::Note;
  astral.message =
      "the URL of this GET comes from 'make_path()', which cannot be worked out statically";
  astral.location = {client, 9, 14};
  astral.end = SourceLocation{client, 9, 33};
  astral.method = "GET";
  out.push_back(astral);

  Finding no_column;
  no_column.rule = "scope-encoding";
  no_column.level = Level::Warning;
  no_column.message = "scope list has a raw space";
  no_column.location = {client, 3, 0};
  out.push_back(no_column);

  Finding odd;  // unreadable file outside the base, bytes that are not UTF-8 in path and message
  odd.rule = "unknown-scope";
  odd.level = Level::Error;
  odd.message = "scope 'system/patient\xe9.read' is not in the catalog";
  odd.location = {kOddPath, 3, 12};
  odd.end = SourceLocation{kOddPath, 3, 31};
  odd.scope = "system/patient\xe9.read";
  odd.suggested_scopes = {"system/patients.read"};
  odd.notes = {{{}, "did you mean 'system/patients.read'?"}};
  odd.fix = Fix{"", {replacement(kOddPath, 3, 13, 30, 57, "system/patients.read")}};
  out.push_back(odd);

  Finding file_only;
  file_only.rule = "unused-scope";
  file_only.level = Level::Warning;
  file_only.message = "granted scope 'system/vitals.read' is needed by no call";
  file_only.location = {data_file("config dir/scopes.json"), 0, 0};
  file_only.scope = "system/vitals.read";
  out.push_back(file_only);

  Finding nowhere;
  nowhere.rule = "unknown-scope";
  nowhere.level = Level::Error;
  nowhere.message = "scope 'system/foo.read' given by --granted-scopes is not in the catalog";
  out.push_back(nowhere);
  return out;
}

ReportOptions sample_options() {
  ReportOptions options;
  options.base_directory = data_file("");
  return options;
}

// The SARIF base URI names this checkout and the version changes with releases; goldens hold
// placeholders instead.
std::string portable_sarif(std::string sarif) {
  std::string base = "file://" + percent_encode_path(absolute_directory(data_file(""))) + "/";
  std::string version = "\"semanticVersion\": \"" SCOPELINT_VERSION "\"";
  for (size_t at; (at = sarif.find(base)) != std::string::npos;) {
    sarif.replace(at, base.size(), "file:///@BASE@/");
  }
  size_t at = sarif.find(version);
  if (at != std::string::npos)
    sarif.replace(at, version.size(), "\"semanticVersion\": \"@VERSION@\"");
  return sarif;
}

testing::AssertionResult matches_golden(const std::string& name, const std::string& actual) {
  std::optional<std::string> expected = read_file(data_file(name));
  if (!expected) return testing::AssertionFailure() << "missing golden " << data_file(name);
  if (actual != *expected) {
    return testing::AssertionFailure() << "differs from " << name << ":\n--- actual\n" << actual;
  }
  return testing::AssertionSuccess();
}

void expect_golden(const std::string& name, const std::string& actual) {
  if (std::getenv("SCOPELINT_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(data_file(name), std::ios::binary) << actual;
    ADD_FAILURE() << "rewrote " << data_file(name) << "; unset SCOPELINT_UPDATE_GOLDENS and rerun";
    return;
  }
  EXPECT_TRUE(matches_golden(name, actual));
}

TEST(ReportText, MatchesGolden) {
  expect_golden("findings.txt", format_text(sample_findings(), sample_options()));
}

TEST(ReportText, MatchesGoldenWithoutSource) {
  ReportOptions options = sample_options();
  options.show_source = false;
  expect_golden("findings_nosource.txt", format_text(sample_findings(), options));
}

TEST(ReportText, MatchesGoldenInColor) {
  ReportOptions options = sample_options();
  options.color = true;
  expect_golden("findings_color.txt", format_text(sample_findings(), options));
}

TEST(ReportJson, MatchesGolden) {
  expect_golden("findings.json", format_json(sample_findings(), sample_options()));
}

TEST(ReportSarif, MatchesGolden) {
  expect_golden("findings.sarif",
                portable_sarif(format_sarif(sample_findings(), sample_options())));
}

// The goldens are not vacuous: moving one column changes every format.
TEST(ReportGolden, DetectsAChangedColumn) {
  std::vector<Finding> findings = sample_findings();
  findings[1].location.column += 1;
  EXPECT_FALSE(matches_golden("findings.txt", format_text(findings, sample_options())));
  EXPECT_FALSE(matches_golden("findings.json", format_json(findings, sample_options())));
  EXPECT_FALSE(
      matches_golden("findings.sarif", portable_sarif(format_sarif(findings, sample_options()))));
}

TEST(ReportText, CaretCopiesTabsAndCountsCharacters) {
  std::string text = format_text(sample_findings(), sample_options());
  // Line 5 starts with a tab: the caret line must too, then 24 blanks to reach column 26.
  EXPECT_NE(text.find("\n\t" + std::string(24, ' ') + "^" + std::string(18, '~') + "\n"),
            std::string::npos);
  EXPECT_NE(text.find("\n\t" + std::string(25, ' ') + "/api/2.0/patients/\n"), std::string::npos);
  // Line 6: each 'é' is two bytes but one column, so 28 bytes before the caret are 26 blanks.
  EXPECT_NE(text.find("\n" + std::string(26, ' ') + "^" + std::string(29, '~') + "\n"),
            std::string::npos);
}

TEST(ReportText, LocationForms) {
  std::string text = format_text(sample_findings(), sample_options());
  EXPECT_NE(text.find("client.cpp:3: warning: scope list has a raw space [scope-encoding]\n"),
            std::string::npos);
  EXPECT_NE(text.find("config dir/scopes.json: warning: granted scope"), std::string::npos);
  EXPECT_NE(text.find("\nscopelint: error: scope 'system/foo.read'"), std::string::npos);
  EXPECT_NE(text.find("\nscopelint: note: did you mean"), std::string::npos);
}

TEST(ReportText, SkipsSourceItCannotShow) {
  Finding past_end;
  past_end.rule = "missing-scope";
  past_end.message = "m";
  past_end.location = {data_file("client.cpp"), 400, 3};
  Finding missing = past_end;
  missing.location = {data_file("no such file.cpp"), 1, 1};
  std::string text = format_text({past_end, missing}, sample_options());
  EXPECT_EQ(text,
            "client.cpp:400:3: warning: m [missing-scope]\n"
            "no such file.cpp:1:1: warning: m [missing-scope]\n");
}

TEST(ReportText, PathsOutsideTheBaseStayAbsolute) {
  Finding f;
  f.rule = "unknown-scope";
  f.message = "m";
  f.location = {"/elsewhere/x.cpp", 1, 1};
  ReportOptions options = sample_options();
  options.show_source = false;
  EXPECT_EQ(format_text({f}, options), "/elsewhere/x.cpp:1:1: warning: m [unknown-scope]\n");
  options.base_directory = "/elsewhere/";
  EXPECT_EQ(format_text({f}, options), "x.cpp:1:1: warning: m [unknown-scope]\n");
  options.base_directory.clear();
  f.location.file = "rel/../x.cpp";
  EXPECT_EQ(format_text({f}, options), "rel/../x.cpp:1:1: warning: m [unknown-scope]\n");
}

TEST(ReportJson, IsValidJsonForAnyBytes) {
  std::string json = format_json(sample_findings(), sample_options());
  nlohmann::json parsed = nlohmann::json::parse(json);  // throws on invalid UTF-8
  const auto& odd = parsed["findings"][5];
  EXPECT_EQ(odd["file"], "/nonexistent/dir with space/it's \"q\"\nnew\xEF\xBF\xBDline#1?%.cpp");
  EXPECT_EQ(odd["scope"], "system/patient\xEF\xBF\xBD.read");
  EXPECT_EQ(parsed["findings"][0]["file"], "client.cpp");
  EXPECT_FALSE(parsed["findings"][4].contains("end_line"));
  EXPECT_FALSE(parsed["findings"][4].contains("fix"));
}

nlohmann::json sample_sarif_results() {
  return nlohmann::json::parse(
      format_sarif(sample_findings(), sample_options()))["runs"][0]["results"];
}

TEST(ReportSarif, ColumnsAreUtf16CodeUnits) {
  nlohmann::json results = sample_sarif_results();
  auto region = [&](size_t i) { return results[i]["locations"][0]["physicalLocation"]["region"]; };
  EXPECT_EQ(region(0)["startColumn"], 26);  // a tab is one unit
  EXPECT_EQ(region(1)["startColumn"], 27);  // two 'é': two bytes, one unit each
  EXPECT_EQ(region(1)["endColumn"], 57);
  EXPECT_EQ(region(3)["startColumn"], 12);  // U+1D11E: four bytes, two units
  EXPECT_EQ(region(3)["endColumn"], 31);
  EXPECT_EQ(results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startColumn"], 16);
  // The odd file cannot be read: byte columns are kept.
  EXPECT_EQ(region(5)["startColumn"], 12);
  EXPECT_EQ(region(5)["endColumn"], 31);
}

TEST(ReportSarif, RegionsOmitUnknownParts) {
  nlohmann::json results = sample_sarif_results();
  nlohmann::json no_column = results[4]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(no_column, nlohmann::json({{"startLine", 3}}));
  EXPECT_FALSE(results[6]["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_FALSE(results[7].contains("locations"));
}

TEST(ReportSarif, UrisArePercentEncoded) {
  nlohmann::json results = sample_sarif_results();
  auto artifact = [&](size_t i) {
    return results[i]["locations"][0]["physicalLocation"]["artifactLocation"];
  };
  EXPECT_EQ(artifact(0), nlohmann::json({{"uri", "client.cpp"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(artifact(6)["uri"], "config%20dir/scopes.json");
  EXPECT_EQ(
      artifact(5),
      nlohmann::json({{"uri",
                       "file:///nonexistent/dir%20with%20space/it%27s%20%22q%22%0Anew%FFline%231"
                       "%3F%25.cpp"}}));
  EXPECT_EQ(results[5]["fixes"][0]["artifactChanges"][0]["artifactLocation"], artifact(5));
}

TEST(ReportSarif, CarriesStructuredDetailsAndFixes) {
  nlohmann::json results = sample_sarif_results();
  EXPECT_EQ(results[1]["properties"], nlohmann::json({{"scope", "system/allergies.write"},
                                                      {"method", "POST"},
                                                      {"path", "/api/2.0/allergies/"}}));
  EXPECT_FALSE(results[4].contains("properties"));
  nlohmann::json fix = results[2]["fixes"][0];
  EXPECT_EQ(fix["description"]["text"], "ask for the scopes the calls need");
  nlohmann::json replacement = fix["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(
      replacement["deletedRegion"],
      nlohmann::json({{"startLine", 7}, {"startColumn", 78}, {"endLine", 7}, {"endColumn", 83}}));
  EXPECT_EQ(replacement["insertedContent"]["text"], "system/allergies.write system/patients.read");
}

// Single-quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string sarif_schema_path() {
  std::string shared = SCOPELINT_SOURCE_DIR "/../shared/schemas/sarif-schema-2.1.0.json";
  if (std::filesystem::exists(shared)) return shared;
  return std::string(SCOPELINT_TEST_DATA) +
         "/sarif-schema-2.1.0.json";  // a copy for other checkouts
}

constexpr int kSchemaViolation = 3;  // the validator's exit status for a log the schema rejects

// Validates with python3-jsonschema (formats too, where rfc3987 is installed). A missing python3
// or jsonschema is a failure, not a skip: the README lists python3-jsonschema as a test dependency.
testing::AssertionResult sarif_exit_status(const std::string& sarif, int expected) {
  // Unique per process: ctest -j runs the tests of this file in parallel processes.
  std::string instance =
      testing::TempDir() + "scopelint_report_test_" + std::to_string(getpid()) + ".sarif";
  std::ofstream(instance, std::ios::binary) << sarif;
  const std::string script =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "log = json.load(open(sys.argv[2], encoding='utf-8'))\n"
      "cls = jsonschema.validators.validator_for(schema)\n"
      "errors = list(cls(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log))\n"
      "for e in errors: print(list(e.absolute_path), e.message)\n"
      "sys.exit(3 if errors else 0)\n";
  std::string command = "/usr/bin/python3 -c " + shell_quote(script) + " " +
                        shell_quote(sarif_schema_path()) + " " + shell_quote(instance) + " 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return testing::AssertionFailure() << "cannot run /usr/bin/python3";
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  int status = pclose(pipe);
  std::remove(instance.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code != expected) {
    return testing::AssertionFailure()
           << "validator exited with " << code << ", expected " << expected << ":\n"
           << output;
  }
  return testing::AssertionSuccess();
}

TEST(SarifSchema, SampleReportIsValid) {
  EXPECT_TRUE(sarif_exit_status(format_sarif(sample_findings(), sample_options()), 0));
}

// Suppressed findings (NOLINT with and without a reason, a place and no place) are results with
// suppressions; the sample's notes are linked from the messages.
TEST(SarifSchema, SuppressedFindingsAreValid) {
  std::vector<Finding> findings = sample_findings();
  findings[1].suppression =
      Suppression{{data_file("client.cpp"), 6, 70}, "kept for the Q3 rollout"};
  findings[2].suppression = Suppression{{data_file("client.cpp"), 7, 90}, ""};
  findings[7].suppression = Suppression{{}, "[no] place"};
  const std::string sarif = format_sarif(findings, sample_options());
  EXPECT_TRUE(sarif_exit_status(sarif, 0));
  auto results = nlohmann::json::parse(sarif)["runs"][0]["results"];
  EXPECT_EQ(results[1]["suppressions"][0]["justification"], "kept for the Q3 rollout");
  EXPECT_EQ(results[1]["suppressions"][0]["location"]["physicalLocation"]["region"]["startLine"],
            6);
  EXPECT_FALSE(results[2]["suppressions"][0].contains("justification"));
  EXPECT_FALSE(results[7]["suppressions"][0].contains("location"));
  EXPECT_FALSE(results[0].contains("suppressions"));
  EXPECT_NE(results[1]["message"]["text"].get<std::string>().find("](1)"), std::string::npos);
}

TEST(SarifSchema, EmptyReportIsValid) { EXPECT_TRUE(sarif_exit_status(format_sarif({}, {}), 0)); }

TEST(SarifSchema, ValidatorRejectsABrokenLog) {
  const std::string broken = "{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}";
  EXPECT_TRUE(sarif_exit_status(broken, kSchemaViolation));
}

TEST(ReportFormat, DispatchesOnFormat) {
  std::vector<Finding> findings = sample_findings();
  ReportOptions options = sample_options();
  EXPECT_EQ(format_report(ReportFormat::Text, findings, options), format_text(findings, options));
  EXPECT_EQ(format_report(ReportFormat::Json, findings, options), format_json(findings, options));
  EXPECT_EQ(format_report(ReportFormat::Sarif, findings, options), format_sarif(findings, options));
}

TEST(ReportCommon, SanitizeReplacesEachIllFormedSubpart) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(sanitize_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E"),
            "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E");
  EXPECT_EQ(sanitize_utf8("\xC0\xAF"), fffd + fffd);             // overlong '/'
  EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), fffd + fffd + fffd);  // a UTF-16 surrogate
  EXPECT_EQ(sanitize_utf8("a\xE2\x82"), "a" + fffd);             // truncated at the end
  EXPECT_EQ(sanitize_utf8(std::string("\0\xFF", 2)), std::string("\0", 1) + fffd);
}

TEST(ReportCommon, Utf16ColumnsAndPercentEncoding) {
  EXPECT_EQ(utf16_column("a\xC3\xA9"
                         "b",
                         4),
            3u);
  EXPECT_EQ(utf16_column("\xF0\x9D\x84\x9Ex", 5), 3u);
  EXPECT_EQ(utf16_column("ab", 5), 5u);  // past the end: one unit per byte
  EXPECT_EQ(utf16_column("ab", 0), 0u);
  EXPECT_EQ(percent_encode_path("src/a b:c[1]\\d~e.cpp"), "src/a%20b%3Ac%5B1%5D%5Cd~e.cpp");
}

TEST(ReportSummary, CountsFindingsNotNotes) {
  auto of = [](std::vector<Level> levels) {
    std::vector<Finding> findings;
    for (Level level : levels) {
      Finding f;
      f.level = level;
      f.notes = {{{}, "a note is not counted"}};
      findings.push_back(f);
    }
    return summary_line(findings);
  };
  EXPECT_EQ(of({}), "no findings.");
  EXPECT_EQ(of({Level::Error}), "1 error generated.");
  EXPECT_EQ(of({Level::Warning, Level::Warning}), "2 warnings generated.");
  EXPECT_EQ(of({Level::Note, Level::Error}), "1 error and 1 note generated.");
  EXPECT_EQ(of({Level::Error, Level::Error, Level::Warning, Level::Note, Level::Note, Level::Note}),
            "2 errors, 1 warning and 3 notes generated.");
}

}  // namespace
}  // namespace scopelint

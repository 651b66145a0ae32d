// Reporter tests: hand-built findings printed as text, JSON and SARIF, compared with goldens.
//
// Goldens live in tests/data/report/. To regenerate them after an intended change, run the tests
// with SCOPELINT_UPDATE_GOLDENS=1 (those tests then fail once, so an update is never silent),
// review the diff, and run again.
#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/report_common.h"
#include "report_samples.h"

namespace scopelint {
namespace {

using namespace report_samples;

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
  const ApiCallCounts two_calls{2, 2};
  auto of = [&](std::vector<Level> levels) {
    std::vector<Finding> findings;
    for (Level level : levels) {
      Finding f;
      f.level = level;
      f.notes = {{{}, "a note is not counted"}};
      findings.push_back(f);
    }
    return summary_line(findings, two_calls);
  };
  const std::string calls = "; 2 Elation API calls, 2 resolved (100%).";
  EXPECT_EQ(of({}), "no findings" + calls);
  EXPECT_EQ(of({Level::Error}), "1 error generated" + calls);
  EXPECT_EQ(of({Level::Warning, Level::Warning}), "2 warnings generated" + calls);
  EXPECT_EQ(of({Level::Note, Level::Error}), "1 error and 1 note generated" + calls);
  EXPECT_EQ(of({Level::Error, Level::Error, Level::Warning, Level::Note, Level::Note, Level::Note}),
            "2 errors, 1 warning and 3 notes generated" + calls);
}

TEST(ReportSummary, CountsApiCallsAndRoundsThePercentDown) {
  Finding warning;
  warning.level = Level::Warning;
  const std::vector<Finding> one{warning};
  EXPECT_EQ(summary_line(one, {12, 10}),
            "1 warning generated; 12 Elation API calls, 10 resolved (83%).");
  EXPECT_EQ(summary_line({}, {1, 1}), "no findings; 1 Elation API call, 1 resolved (100%).");
  EXPECT_EQ(summary_line({}, {3, 0}), "no findings; 3 Elation API calls, 0 resolved (0%).");
  // Down, never up: 100% only when every call is resolved.
  EXPECT_EQ(summary_line({}, {200, 199}),
            "no findings; 200 Elation API calls, 199 resolved (99%).");
  EXPECT_EQ(summary_line({}, {3, 2}), "no findings; 3 Elation API calls, 2 resolved (66%).");
  // No percentage of nothing: token requests alone.
  EXPECT_EQ(summary_line(one, {}), "1 warning generated; no Elation API call found.");
}

TEST(ReportSummary, UnresolvedLimitLine) {
  EXPECT_EQ(unresolved_limit_line({12, 7}, 3),
            "scopelint: 5 Elation API calls could not be resolved (more than --max-unresolved=3)");
  EXPECT_EQ(unresolved_limit_line({4, 3}, 0),
            "scopelint: 1 Elation API call could not be resolved (more than --max-unresolved=0)");
}

}  // namespace
}  // namespace scopelint

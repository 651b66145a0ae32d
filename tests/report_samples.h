// Hand-built findings for the reporters' tests: one per case a reporter must handle, in the
// directory tests/data/report/.
#pragma once

#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "report/report.h"

namespace scopelint::report_samples {

inline std::string data_file(const std::string& name) {
  return std::string(SCOPELINT_TEST_DATA) + "/report/" + name;
}

// Outside the base directory, with every character a URI or a JSON string must treat specially.
inline const std::string kOddPath = "/nonexistent/dir with space/it's \"q\"\nnew\xffline#1?%.cpp";

inline std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline Replacement replacement(const std::string& file, unsigned line, unsigned column,
                        unsigned end_column, unsigned offset, const std::string& text) {
  return {{{file, line, column}, {file, line, end_column}, offset, end_column - column}, text};
}

// The findings in client.cpp: a tab, multi-byte characters before the column, fixes and notes.
inline std::vector<Finding> findings_in_the_client() {
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
  return out;
}

// The findings at the edges: a file outside the base with bytes that are not UTF-8, a file without
// a line, no location at all.
inline std::vector<Finding> findings_at_the_edges() {
  std::vector<Finding> out;
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

// One finding per case the reporters must handle; in a fixed order, since reporters do not sort.
inline std::vector<Finding> sample_findings() {
  std::vector<Finding> out = findings_in_the_client();
  for (Finding& finding : findings_at_the_edges()) out.push_back(std::move(finding));
  return out;
}

inline ReportOptions sample_options() {
  ReportOptions options;
  options.base_directory = data_file("");
  return options;
}

}  // namespace scopelint::report_samples

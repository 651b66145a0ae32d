// The GitHub Actions report: workflow-command annotations, then the text report in a folded group.
#include <string>

#include "report/report.h"
#include "report/report_common.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

// Message data: '%' first, then CR and LF (actions/toolkit escapeData).
std::string escape_data(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Property values: the same, plus ':' and ',' (actions/toolkit escapeProperty).
std::string escape_property(const std::string& text) {
  std::string out;
  for (char c : escape_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string command_for(Level level) {
  switch (level) {
    case Level::Error:
      return "error";
    case Level::Warning:
      return "warning";
    case Level::Note:
      return "notice";
  }
  return "warning";
}

std::string location_text(const SourceLocation& location, const ReportOptions& options) {
  std::string out = display_path(location.file, options.base_directory);
  if (location.line > 0) out += ":" + std::to_string(location.line);
  if (location.column > 0) out += ":" + std::to_string(location.column);
  return out;
}

std::string annotation(const Finding& finding, const ReportOptions& options) {
  std::string properties;
  auto add = [&](const std::string& key, const std::string& value) {
    if (!properties.empty()) properties += ",";
    properties += key + "=" + escape_property(sanitize_utf8(value));
  };
  if (finding.location.known()) {
    add("file", display_path(finding.location.file, options.base_directory));
    if (finding.location.line > 0) add("line", std::to_string(finding.location.line));
    if (finding.location.column > 0) add("col", std::to_string(finding.location.column));
    if (finding.end && finding.end->line > 0) {
      add("endLine", std::to_string(finding.end->line));
      if (finding.end->column > 0) add("endColumn", std::to_string(finding.end->column));
    }
  }
  add("title", finding.rule);
  std::string message = finding.message;
  for (const Note& note : finding.notes) {
    message += "\n";
    if (note.location.known()) message += location_text(note.location, options) + ": ";
    message += "note: " + note.message;
  }
  return "::" + command_for(finding.level) + " " + properties +
         "::" + escape_data(sanitize_utf8(message)) + "\n";
}

// A token derived from the text it guards, so the output stays deterministic: 128 bits of its
// SHA-256, which no text can be made to contain (the text holds file names and messages from the
// scanned repository; a guessable token would let them resume workflow commands).
std::string stop_token(const std::string& text) { return "scopelint-" + content_hash(text).substr(0, 32); }

}  // namespace

std::string format_github(const std::vector<Finding>& findings, const ReportOptions& options) {
  std::string out;
  for (const Finding& finding : findings) out += annotation(finding, options);
  // GitHub shows at most 10 errors and 10 warnings per step: the full report goes in a group. File
  // names and messages are printed raw there, so workflow commands are stopped around it.
  ReportOptions text_options = options;
  text_options.color = false;
  std::string text = format_text(findings, text_options);
  std::string token = stop_token(text);
  out += "::group::scopelint\n";
  out += "::stop-commands::" + token + "\n";
  out += text;
  if (!text.empty() && text.back() != '\n') out += "\n";
  out += "::" + token + "::\n";
  out += "::endgroup::\n";
  return out;
}

}  // namespace scopelint

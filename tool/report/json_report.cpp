// The JSON report: scopelint's own model of findings, versioned ("version": 1).
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/report_common.h"

namespace scopelint {
namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order, not sorted

// Every string goes through here: file names and messages may hold bytes that are not UTF-8, and
// nlohmann refuses to dump those.
Json text(const std::string& value) { return Json(sanitize_utf8(value)); }

Json file_name(const std::string& file, const ReportOptions& options) {
  return text(display_path(file, options.base_directory));
}

Json note_json(const Note& note, const ReportOptions& options) {
  Json out;
  out["file"] = file_name(note.location.file, options);
  out["line"] = note.location.line;
  out["column"] = note.location.column;
  out["message"] = text(note.message);
  return out;
}

Json fix_json(const Fix& fix, const ReportOptions& options) {
  Json replacements = Json::array();
  for (const Replacement& r : fix.replacements) {
    Json item;
    item["file"] = file_name(r.range.begin.file, options);
    item["offset"] = r.range.offset;
    item["length"] = r.range.length;
    item["line"] = r.range.begin.line;
    item["column"] = r.range.begin.column;
    item["end_line"] = r.range.end.line;
    item["end_column"] = r.range.end.column;
    item["text"] = text(r.text);
    replacements.push_back(std::move(item));
  }
  Json out;
  out["description"] = text(fix.description);
  out["replacements"] = std::move(replacements);
  return out;
}

Json finding_json(const Finding& finding, const ReportOptions& options) {
  Json out;
  out["rule"] = text(finding.rule);
  out["level"] = std::string(to_string(finding.level));
  out["message"] = text(finding.message);
  out["file"] = file_name(finding.location.file, options);
  out["line"] = finding.location.line;
  out["column"] = finding.location.column;
  if (finding.end && finding.end->line > 0) {
    out["end_line"] = finding.end->line;
    out["end_column"] = finding.end->column;
  }
  if (!finding.scope.empty()) out["scope"] = text(finding.scope);
  if (!finding.method.empty()) out["method"] = text(finding.method);
  if (!finding.path.empty()) out["path"] = text(finding.path);
  if (!finding.suggested_scopes.empty()) {
    Json scopes = Json::array();
    for (const std::string& scope : finding.suggested_scopes) scopes.push_back(text(scope));
    out["suggested_scopes"] = std::move(scopes);
  }
  Json notes = Json::array();
  for (const Note& note : finding.notes) notes.push_back(note_json(note, options));
  out["notes"] = std::move(notes);
  if (finding.fix) out["fix"] = fix_json(*finding.fix, options);
  return out;
}

// The NOLINT comment and the reason written after it ("" when none).
Json suppression_json(const Suppression& suppression, const ReportOptions& options) {
  Json out;
  out["kind"] = "nolint";
  out["file"] = file_name(suppression.location.file, options);
  out["line"] = suppression.location.line;
  out["column"] = suppression.location.column;
  out["reason"] = text(suppression.reason);
  return out;
}

}  // namespace

// Findings a NOLINT suppressed go to "suppressed" (only when there are some), so that "findings"
// keeps meaning what the text report shows.
std::string format_json(const std::vector<Finding>& findings, const ReportOptions& options) {
  Json findings_json = Json::array();
  Json suppressed_json = Json::array();
  for (const Finding& finding : findings) {
    if (!finding.suppression) {
      findings_json.push_back(finding_json(finding, options));
      continue;
    }
    Json item = finding_json(finding, options);
    item["suppression"] = suppression_json(*finding.suppression, options);
    suppressed_json.push_back(std::move(item));
  }
  Json out;
  out["version"] = 1;
  out["findings"] = std::move(findings_json);
  if (!suppressed_json.empty()) out["suppressed"] = std::move(suppressed_json);
  return out.dump(2) + "\n";
}

}  // namespace scopelint

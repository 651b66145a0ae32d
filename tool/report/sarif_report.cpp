// The SARIF 2.1.0 report, shaped for GitHub code scanning (repo-relative URIs, UTF-16 columns).
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "checks/rule_registry.h"
#include "report/fingerprint.h"
#include "report/report.h"
#include "report/report_common.h"

namespace scopelint {
namespace {

using Json = nlohmann::ordered_json;  // keys in a readable order, not sorted

constexpr const char* kSrcRoot = "%SRCROOT%";

Json text(const std::string& value) { return Json(sanitize_utf8(value)); }
Json message(const std::string& value) { return Json{{"text", text(value)}}; }

// The partialFingerprints key: GitHub's own is primaryLocationLineHash; this one is scopelint's.
constexpr const char* kFingerprintKey = "scopelint/v1";

// Brackets are link syntax in SARIF messages: a literal one is escaped, so that text from the
// scanned code never turns into a link.
std::string escape_brackets(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

// The finding's message with a link to each related location that has a place ("... (see [token
// requested here with scope 'x'](1))"): GitHub shows the links in the alert, in the sentence.
Json result_message(const Finding& finding) {
  std::string links;
  for (size_t i = 0; i < finding.notes.size(); ++i) {
    if (!finding.notes[i].location.known()) continue;
    links += (links.empty() ? "" : ", ") +
             ("[" + escape_brackets(finding.notes[i].message) + "](") + std::to_string(i + 1) + ")";
  }
  std::string value = escape_brackets(finding.message);
  if (!links.empty()) value += " (see " + links + ")";
  return message(value);
}

// "global-scope-combined" -> "GlobalScopeCombined" (reportingDescriptor.name).
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
    } else {
      out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return out;
}

// How often a finding of the rule is a real problem: catalog gaps and unresolved calls make the
// scope-usage rules less certain than the ones that judge a literal scope string.
std::string precision(std::string_view id) {
  if (id == "unused-scope" || id == "unknown-endpoint") return "medium";
  if (id == "global-scope" || id == "global-scope-combined" || id == "unknown-scope" ||
      id == "read-only-scope") {
    return "very-high";
  }
  return "high";
}

// Single line breaks are wrapping for the terminal; paragraphs stay apart.
std::string unwrap(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    bool paragraph = (i + 1 < out.size() && out[i + 1] == '\n') || (i > 0 && out[i - 1] == '\n');
    if (out[i] == '\n' && !paragraph) out[i] = ' ';
  }
  return out;
}

// Prose lines get Markdown punctuation escaped (scope patterns like system/<resource>.read would
// otherwise be read as HTML); lines indented by four spaces are code blocks and stay as they are.
std::string markdown_prose(std::string_view text) {
  std::string out;
  bool line_start = true, code_line = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (line_start) code_line = text.substr(i, 4) == "    ";
    if (!code_line && std::string_view("\\`*_<>[]").find(c) != std::string_view::npos) out += '\\';
    out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string help_markdown(const RuleInfo& rule) {
  return std::string(rule.summary) + "\n\n## What it finds\n\n" + markdown_prose(rule.what) +
         "\n\n## Why it matters\n\n" + markdown_prose(rule.why) + "\n\n## Example\n\n```cpp\n" +
         std::string(rule.example) + "\n```\n\n## Fix\n\n" + markdown_prose(rule.fix) + "\n";
}

Json rule_json(const RuleInfo& rule) {
  Json out;
  out["id"] = std::string(rule.id);
  out["name"] = pascal_case(rule.id);
  out["shortDescription"] = message(std::string(rule.summary));
  out["fullDescription"] = message(unwrap(rule.what));
  out["help"] = {{"text", text(explain_rule(rule))}, {"markdown", text(help_markdown(rule))}};
  out["helpUri"] = rule_help_uri(rule.id);
  out["defaultConfiguration"] = {{"level", std::string(to_string(rule.default_level))}};
  out["properties"] = {{"tags", Json::array({"security", "oauth"})},
                       {"precision", precision(rule.id)}};
  if (!rule.security_severity.empty()) {
    out["properties"]["security-severity"] = std::string(rule.security_severity);
  }
  return out;
}

class SarifWriter {
 public:
  explicit SarifWriter(const ReportOptions& options)
      : base_(absolute_directory(options.base_directory)) {
    const auto& rules = all_rules();
    for (size_t i = 0; i < rules.size(); ++i) rule_index_[std::string(rules[i].id)] = i;
  }

  std::string format(const std::vector<Finding>& findings) {
    Json rules = Json::array();
    for (const RuleInfo& rule : all_rules()) rules.push_back(rule_json(rule));
    Json results = Json::array();
    const std::vector<std::string> fingerprints = stable_fingerprints(findings, base_);
    for (size_t i = 0; i < findings.size(); ++i) {
      Json one = result(findings[i]);
      one["partialFingerprints"] = {{kFingerprintKey, fingerprints[i]}};
      results.push_back(std::move(one));
    }

    Json driver;
    driver["name"] = "scopelint";
    driver["semanticVersion"] = SCOPELINT_VERSION;
    driver["informationUri"] = "https://github.com/scopelint/scopelint";
    driver["rules"] = std::move(rules);
    Json run;
    run["tool"] = {{"driver", std::move(driver)}};
    std::string base_uri = "file://" + percent_encode_path(base_);
    if (base_uri.back() != '/') base_uri += '/';
    run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", base_uri}}}};
    run["columnKind"] = "utf16CodeUnits";
    run["results"] = std::move(results);

    Json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = Json::array({std::move(run)});
    return log.dump(2) + "\n";
  }

 private:
  // Repo-relative URIs resolve against %SRCROOT%; files outside the base keep an absolute URI.
  Json artifact_location(const std::string& file) const {
    RelativePath where = relative_to_base(file, base_);
    if (!where.relative) return {{"uri", "file://" + percent_encode_path(where.path)}};
    return {{"uri", percent_encode_path(where.path)}, {"uriBaseId", kSrcRoot}};
  }

  // Byte column -> UTF-16 code units, reading the line; byte columns when it cannot be read.
  unsigned column16(const std::string& file, unsigned line, unsigned column) {
    const std::string* text = lines_.line(file, line);
    return text == nullptr ? column : utf16_column(*text, column);
  }

  // The region from `begin` to the exclusive `end`; null when the line is unknown.
  Json region(const SourceLocation& begin, const SourceLocation* end) {
    if (begin.line == 0) return nullptr;
    Json out;
    out["startLine"] = begin.line;
    if (begin.column > 0) out["startColumn"] = column16(begin.file, begin.line, begin.column);
    if (end != nullptr && end->line > 0) {
      out["endLine"] = end->line;
      if (end->column > 0) out["endColumn"] = column16(begin.file, end->line, end->column);
    }
    return out;
  }

  Json physical_location(const SourceLocation& at, const SourceLocation* end) {
    Json out;
    out["artifactLocation"] = artifact_location(at.file);
    Json where = region(at, end);
    if (!where.is_null()) out["region"] = std::move(where);
    return out;
  }

  // A NOLINT comment: suppressed in the source, with the reason written after it.
  Json suppression(const Suppression& suppressed) {
    Json out;
    out["kind"] = "inSource";
    if (!suppressed.reason.empty()) out["justification"] = text(suppressed.reason);
    if (suppressed.location.known()) {
      out["location"] = {{"physicalLocation", physical_location(suppressed.location, nullptr)}};
    }
    return out;
  }

  Json replacement(const Replacement& r) {
    Json deleted;
    const SourceLocation& b = r.range.begin;
    if (b.line > 0 && b.column > 0 && r.range.end.line > 0) {
      deleted = region(b, &r.range.end);
    } else {  // no line/column: the byte range is all that is known
      deleted = {{"byteOffset", r.range.offset}, {"byteLength", r.range.length}};
    }
    Json out;
    out["deletedRegion"] = std::move(deleted);
    if (!r.text.empty()) out["insertedContent"] = {{"text", text(r.text)}};
    return out;
  }

  // One artifactChange per file, in the order the files first appear.
  Json fix_json(const Fix& fix, const std::string& finding_file) {
    std::vector<std::pair<std::string, Json>> changes;
    for (const Replacement& r : fix.replacements) {
      Replacement located = r;
      if (located.range.begin.file.empty()) located.range.begin.file = finding_file;
      const std::string& file = located.range.begin.file;
      if (file.empty()) continue;
      auto it = std::find_if(changes.begin(), changes.end(),
                             [&](const auto& change) { return change.first == file; });
      if (it == changes.end()) it = changes.insert(changes.end(), {file, Json::array()});
      it->second.push_back(replacement(located));
    }
    if (changes.empty()) return nullptr;
    Json artifact_changes = Json::array();
    for (auto& [file, replacements] : changes) {
      Json change;
      change["artifactLocation"] = artifact_location(file);
      change["replacements"] = std::move(replacements);
      artifact_changes.push_back(std::move(change));
    }
    Json out;
    if (!fix.description.empty()) out["description"] = message(fix.description);
    out["artifactChanges"] = std::move(artifact_changes);
    return out;
  }

  Json result(const Finding& finding) {
    Json out;
    out["ruleId"] = text(finding.rule);
    auto index = rule_index_.find(finding.rule);
    if (index != rule_index_.end()) out["ruleIndex"] = index->second;
    out["level"] = std::string(to_string(finding.level));
    out["message"] = result_message(finding);
    if (finding.location.known()) {
      const SourceLocation* end =
          finding.end && (finding.end->file.empty() || finding.end->file == finding.location.file)
              ? &*finding.end
              : nullptr;
      Json location;
      location["physicalLocation"] = physical_location(finding.location, end);
      out["locations"] = Json::array({std::move(location)});
    }
    if (!finding.notes.empty()) {
      Json related = Json::array();
      for (size_t i = 0; i < finding.notes.size(); ++i) {
        const Note& note = finding.notes[i];
        Json location;
        location["id"] = i + 1;  // the number the message links with
        if (note.location.known()) {
          location["physicalLocation"] = physical_location(note.location, nullptr);
        }
        location["message"] = message(note.message);
        related.push_back(std::move(location));
      }
      out["relatedLocations"] = std::move(related);
    }
    if (finding.suppression) out["suppressions"] = Json::array({suppression(*finding.suppression)});
    if (finding.fix) {
      Json fix = fix_json(*finding.fix, finding.location.file);
      if (!fix.is_null()) out["fixes"] = Json::array({std::move(fix)});
    }
    Json properties = Json::object();
    if (!finding.scope.empty()) properties["scope"] = text(finding.scope);
    if (!finding.method.empty()) properties["method"] = text(finding.method);
    if (!finding.path.empty()) properties["path"] = text(finding.path);
    if (!finding.suggested_scopes.empty()) {
      Json scopes = Json::array();
      for (const std::string& scope : finding.suggested_scopes) scopes.push_back(text(scope));
      properties["suggestedScopes"] = std::move(scopes);
    }
    if (!properties.empty()) out["properties"] = std::move(properties);
    return out;
  }

  std::string base_;  // absolute base directory
  std::map<std::string, size_t> rule_index_;
  SourceLines lines_;
};

}  // namespace

std::string format_sarif(const std::vector<Finding>& findings, const ReportOptions& options) {
  return SarifWriter(options).format(findings);
}

}  // namespace scopelint

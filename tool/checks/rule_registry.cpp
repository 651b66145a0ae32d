// The rule registry: every rule in one list; lookups and the `scopelint --explain` text.
#include "checks/rule_registry.h"

#include <string>

#include "checks/checks.h"
#include "util/did_you_mean.h"

namespace scopelint {
namespace {

// The checks' rules (checks.h), then those reported by the scan and by NOLINT handling.
std::vector<RuleInfo> make_rules() {
  return {
      missing_scope_rule(), unused_scope_rule(), global_scope_rule(), global_scope_combined_rule(),
      unknown_scope_rule(), read_only_scope_rule(), unknown_endpoint_rule(), scope_encoding_rule(),
      unresolved_call_rule(), no_token_request_rule(),

      scan_error_rule(), nolint_rule(), unknown_nolint_rule(), unused_nolint_rule(),
  };
}

// Indents every non-empty line by two spaces, as the headings' bodies are printed.
std::string indent(std::string_view text) {
  std::string out;
  bool at_line_start = true;
  for (char c : text) {
    if (at_line_start && c != '\n') out += "  ";
    out += c;
    at_line_start = c == '\n';
  }
  return out;
}

}  // namespace

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = make_rules();
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& rule : all_rules()) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

std::string heading_anchor(std::string_view heading) {
  std::string out;
  for (char c : heading) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      out += c;
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

std::string rule_help_uri(std::string_view rule_id) {
  return "https://github.com/scopelint/scopelint/blob/main/docs/rules.md#" +
         heading_anchor(rule_id);
}

std::optional<std::string> closest_rule_id(std::string_view word) {
  std::vector<std::string> ids;
  for (const RuleInfo& rule : all_rules()) ids.emplace_back(rule.id);
  return closest_match(std::string(word), ids);
}

std::string explain_rule(const RuleInfo& rule) {
  std::string out;
  out +=
      std::string(rule.id) + " (default: " + std::string(to_string(rule.default_level)) + ")\n\n";
  out += std::string(rule.summary) + "\n\n";
  out += "What it finds\n" + indent(rule.what) + "\n\n";
  out += "Why it matters\n" + indent(rule.why) + "\n\n";
  out += "Example\n" + indent(rule.example) + "\n\n";
  out += "Fix\n" + indent(rule.fix) + "\n";
  return out;
}

}  // namespace scopelint

// The rule registry: every rule in one list; lookups and the `scopelint --explain` text.
#include "checks/rule_registry.h"

#include <string>

#include "checks/checks.h"
#include "util/did_you_mean.h"

namespace scopelint {
namespace {

// The checks' rules (checks.h), then the others.
std::vector<RuleInfo> make_rules() {
  return {
      missing_scope_rule(), unused_scope_rule(), global_scope_rule(), global_scope_combined_rule(),
      unknown_scope_rule(), read_only_scope_rule(), unknown_endpoint_rule(), scope_encoding_rule(),
      unresolved_call_rule(), no_token_request_rule(),

      // Rules reported outside the checks: by the scan (scan-error) and by NOLINT handling.
      {"scan-error", Level::Warning,
       "a file could not be read or parsed, so its calls are not checked",
       "A source file that scopelint could not read, that is not text, or that libclang\n"
       "failed to parse, crashed on, or took longer than --unit-timeout to parse (each file\n"
       "is parsed in a worker process of its own). The scan goes on with the other files.\n"
       "A header an #include cannot find is a note at that line instead: the file is analysed,\n"
       "but the calls that go through the header are not (give the compile database with -p).",
       "Calls in that file are invisible to every other check.",
       "// src/sync.cpp, saved half-way through an edit: libclang cannot parse it\n"
       "auto res = cli.Get(\"/api/2.0/patients/\";",
       "Fix the file or the compile flags (-p build, --extra-arg), raise --unit-timeout for\n"
       "a file that is only slow, or exclude the file in .scopelint.json (\"exclude\").",
       "2.0"},

      {"nolint", Level::Error,
       "a NOLINTBEGIN without its NOLINTEND, or the reverse",
       "A NOLINTBEGIN comment with no later NOLINTEND with the same rule list, or a\n"
       "NOLINTEND with no NOLINTBEGIN before it, as clang-tidy reports them.",
       "An unmatched NOLINTBEGIN suppresses nothing, so findings the author meant to silence\n"
       "still fail the build, or the author meant to silence far less than it looks.",
       "// NOLINTBEGIN(unused-scope)\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);\n"
       "// (no NOLINTEND)",
       "Close the range with a NOLINTEND that repeats the NOLINTBEGIN's rule list:\n"
       "\n"
       "    // NOLINTEND(unused-scope)",
       "3.0"},

      {"unknown-nolint", Level::Warning, "a nolint comment names a rule that does not exist",
       "A NOLINT, NOLINTNEXTLINE, NOLINTBEGIN or NOLINTEND comment whose list names\n"
       "something close to a scopelint rule but not one: missing-scop, unused-scopes,\n"
       "Missing-Scope (names are case-sensitive). Names far from every scopelint rule, such\n"
       "as clang-tidy's bugprone-* or clang-diagnostic-* checks, belong to other tools and\n"
       "are left alone, as are globs (*-scope). Only comments that begin with the directive\n"
       "are judged. The message suggests the closest rule.",
       "A misspelt name matches no rule, so the comment suppresses nothing: the finding it\n"
       "was written for is still reported, while the comment and its reason read as if it\n"
       "were handled. clang-tidy says nothing about such names.",
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);  // NOLINT(unused-scop)",
       "Spell the rule as the message suggests; --fix and the editor's quick fix do it:\n"
       "\n"
       "    auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);  // NOLINT(unused-scope)",
       "2.0"},

      {"unused-nolint", Level::Warning, "a nolint comment suppresses no finding",
       "A NOLINT, NOLINTNEXTLINE or NOLINTBEGIN/NOLINTEND comment that names a scopelint\n"
       "rule with no finding where the comment applies, such as NOLINT(unused-scope) left\n"
       "behind after the scope was removed. Only names spelt exactly as a scopelint rule are\n"
       "judged (a bare NOLINT or a glob may be meant for clang-tidy), and only in comments\n"
       "that begin with the directive. It is reported only where the scan saw every finding\n"
       "the comment could suppress: in source files scanned whole and fully parsed; not in\n"
       "headers (a file the scan did not cover may include them), not with --pre-commit and\n"
       "not with --facts.",
       "A stale suppression hides the next real finding on its line: the problem it excused\n"
       "is gone, but a new call or scope there inherits the exemption and its reason.\n"
       "Removing it keeps every NOLINT a current, reviewed decision.",
       "// the token no longer asks for system/patients.write, but the comment stayed:\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);  // NOLINT(unused-scope)",
       "Remove the comment, or from its list only the names that suppress nothing; --fix\n"
       "and the editor's quick fix do it:\n"
       "\n"
       "    auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);",
       "3.0"},
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

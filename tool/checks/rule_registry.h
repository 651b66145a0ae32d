// Every rule scopelint reports: id, default level and its explanation (scopelint --explain).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"

namespace scopelint {

struct CheckContext;
// A check: turns the classified facts into findings of its rule (checks.h).
using CheckFunction = void (*)(const CheckContext&, std::vector<Finding>&);

// One rule, kept in one place: the checks define theirs beside their code (checks/<rule>.cpp), the
// rules reported outside the checks in checks/scan_error_rule.cpp and checks/nolint_rules.cpp. Texts are stored unindented and
// wrapped at 84 columns; explain_rule indents them. In "Fix", code lines are indented by four
// spaces after a blank line so that the same text is also an indented code block in SARIF
// help.markdown.
struct RuleInfo {
  std::string_view id;  // "missing-scope"
  Level default_level;
  std::string_view summary;  // one line, lowercase, no period (SARIF shortDescription)
  std::string_view what;  // what it finds
  std::string_view why;  // why it matters
  std::string_view example;  // code that triggers it
  std::string_view fix;  // what to do instead
  // GitHub code scanning's security-severity (SARIF rule property): "0.1".."10.0" as a string;
  // 7.0 and above is high, 4.0 to 6.9 medium, below 4.0 low.
  std::string_view security_severity;
  CheckFunction check = nullptr;  // nullptr: reported by the scan or by NOLINT handling
};

// The rules reported outside the checks: by the scan (scan_error_rule.cpp) and by NOLINT handling
// (nolint_rules.cpp).
const RuleInfo& scan_error_rule();
const RuleInfo& nolint_rule();
const RuleInfo& unknown_nolint_rule();
const RuleInfo& unused_nolint_rule();

// All rules in a fixed order (the order of SARIF tool.driver.rules and of the checks' runs).
const std::vector<RuleInfo>& all_rules();
// nullptr when `id` is not a rule.
const RuleInfo* find_rule(std::string_view id);
// The rule id a misspelt `word` most likely means ("missing-scop": "missing-scope"), if any.
std::optional<std::string> closest_rule_id(std::string_view word);
// The text `scopelint --explain ID` prints: headings "What it finds", "Why it matters", "Example",
// "Fix".
std::string explain_rule(const RuleInfo& rule);
// The rule's section of docs/rules.md in the project repository (SARIF helpUri, the LSP's
// codeDescription): the page's heading "## ID", linked by GitHub's anchor for it.
std::string rule_help_uri(std::string_view rule_id);
// GitHub's anchor for a Markdown heading: lower case, blanks to '-', other punctuation dropped.
std::string heading_anchor(std::string_view heading);

}  // namespace scopelint

// The rules of NOLINT comments (suppress/ reports them, rule_registry.h): nolint, unknown-nolint
// and unused-nolint.
#include "checks/rule_registry.h"

namespace scopelint {

const RuleInfo& nolint_rule() {
  static constexpr RuleInfo kRule{
      "nolint", Level::Error,
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
      "3.0"};
  return kRule;
}

const RuleInfo& unknown_nolint_rule() {
  static constexpr RuleInfo kRule{
      "unknown-nolint", Level::Warning, "a nolint comment names a rule that does not exist",
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
      "2.0"};
  return kRule;
}

const RuleInfo& unused_nolint_rule() {
  static constexpr RuleInfo kRule{
      "unused-nolint", Level::Warning, "a nolint comment suppresses no finding",
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
      "3.0"};
  return kRule;
}

}  // namespace scopelint

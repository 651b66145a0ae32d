// Rule selection with clang-tidy's --checks syntax: comma-separated rule globs, '*' a wildcard, a
// leading '-' turning the rules off, applied left to right ("-*,missing-scope,*-scope").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scopelint {

struct CheckGlob {
  std::string glob;    // "missing-scope", "*-scope"
  bool enable = true;  // false: written with a leading '-'
};

using CheckList = std::vector<CheckGlob>;

// Parses `text`; entries are trimmed and empty ones skipped, as clang-tidy does. An entry that
// matches no rule is a mistake, not a no-op: `problem` says which ("'missing-scop' matches no rule
// (did you mean 'missing-scope'?)") and nullopt is returned.
std::optional<CheckList> parse_check_list(std::string_view text, std::string& problem);

// Whether `rule` is on after `checks`, starting from `enabled`: the last entry that matches wins.
bool checks_enable(const CheckList& checks, std::string_view rule, bool enabled);

// A rule glob of a config ("rules", "per_file_ignores") or --checks entry that matches no rule:
// the did-you-mean part of its message (" (did you mean 'missing-scope'?)"), or
// " (see scopelint --list-rules)".
std::string unknown_rule_hint(std::string_view glob);

// Whether `glob` matches at least one rule id.
bool matches_some_rule(std::string_view glob);

}  // namespace scopelint

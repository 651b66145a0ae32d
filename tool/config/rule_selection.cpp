// Parsing and applying --checks / "checks" rule globs.
#include "config/rule_selection.h"

#include "checks/rule_registry.h"
#include "suppress/nolint.h"

namespace scopelint {
namespace {

std::string_view trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// An entry quoted in a one-line message: control characters (a newline inside a config string)
// would break the line, and a long one is cut.
std::string quotable(std::string_view entry) {
  constexpr size_t kMaxShown = 80;
  std::string out;
  for (char c : entry.substr(0, kMaxShown)) out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  return entry.size() > kMaxShown ? out + "..." : out;
}

}  // namespace

bool matches_some_rule(std::string_view glob) {
  for (const RuleInfo& rule : all_rules()) {
    if (glob_matches(glob, rule.id)) return true;
  }
  return false;
}

std::string unknown_rule_hint(std::string_view glob) {
  if (glob.find('*') == std::string_view::npos) {
    if (std::optional<std::string> meant = closest_rule_id(glob)) {
      return " (did you mean '" + *meant + "'?)";
    }
  }
  return " (see scopelint --list-rules)";
}

std::optional<CheckList> parse_check_list(std::string_view text, std::string& problem) {
  CheckList checks;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view entry = trim(text.substr(start, end - start));
    start = end + 1;
    if (entry.empty()) continue;
    CheckGlob check;
    check.enable = entry.front() != '-';
    check.glob = std::string(trim(check.enable ? entry : entry.substr(1)));
    if (check.glob.empty() || !matches_some_rule(check.glob)) {
      problem = "'" + quotable(entry) + "' matches no rule" + unknown_rule_hint(check.glob);
      return std::nullopt;
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

bool checks_enable(const CheckList& checks, std::string_view rule, bool enabled) {
  for (const CheckGlob& check : checks) {
    if (glob_matches(check.glob, rule)) enabled = check.enable;
  }
  return enabled;
}

}  // namespace scopelint

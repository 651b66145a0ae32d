// NOLINT comments with clang-tidy's grammar: NOLINT, NOLINTNEXTLINE, NOLINTBEGIN / NOLINTEND, each
// optionally followed (without a space) by "(rule-glob, ...)".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scopelint {

struct NolintProblem {
  unsigned line = 0;  // 1-based
  unsigned column = 0;  // 1-based byte column of the directive
  std::string message;
};

class NolintMap {
 public:
  // Scans the text of one file.
  explicit NolintMap(std::string_view text);

  // Whether a finding of `rule` on `line` (1-based) is suppressed.
  bool suppresses(std::string_view rule, unsigned line) const;

  // Unmatched or mismatched NOLINTBEGIN / NOLINTEND directives.
  const std::vector<NolintProblem>& problems() const { return problems_; }

 private:
  struct Range {
    unsigned first_line;
    unsigned last_line;
    bool all;  // no argument list: every rule
    std::vector<std::string> globs;
  };
  std::vector<Range> ranges_;
  std::vector<NolintProblem> problems_;
};

// clang-tidy's check-glob match: '*' matches any run of characters; case-sensitive.
bool glob_matches(std::string_view glob, std::string_view name);

}  // namespace scopelint

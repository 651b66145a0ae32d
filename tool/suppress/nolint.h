// NOLINT comments with clang-tidy's grammar: NOLINT, NOLINTNEXTLINE, NOLINTBEGIN / NOLINTEND, each
// optionally followed (without a space) by "(rule-glob, ...)" and then by ": reason".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scopelint {

struct NolintProblem {
  unsigned line = 0;  // 1-based
  unsigned column = 0;  // 1-based byte column of the directive
  std::string message;
};

// A half-open byte range [offset, offset + length) in the scanned text.
struct TextSpan {
  unsigned offset = 0;
  unsigned length = 0;
  unsigned end() const { return offset + length; }
};

// One name of a directive's list, as written ("unused-scope", "*-endpoint", "-missing-scope").
struct NolintName {
  std::string text;  // trimmed
  TextSpan span;
};

enum class NolintKind { Line, NextLine, Begin, End };

struct NolintDirective {
  NolintKind kind = NolintKind::Line;
  unsigned line = 0;              // 1-based
  unsigned column = 0;            // 1-based byte column of "NOLINT"
  TextSpan span;                  // "NOLINT...(...)" through the closing parenthesis, if any
  bool has_list = false;          // "(...)" follows: only the listed rules; otherwise every rule
  std::vector<NolintName> names;  // the list, in order (negative and empty ones included)
  std::string reason;  // the text after "): " (or "NOLINT: "), up to the end of line or comment
  // The comment the directive begins ("// NOLINT..." or "/* NOLINT... */" with nothing but comment
  // markers and blanks before it), when it does; a NOLINT later in prose is a directive for
  // clang-tidy too, but not one that its author is held to (see unused-nolint).
  std::optional<TextSpan> comment;
  bool comment_alone = false;     // the comment is the only thing on its line besides blanks
  bool comment_has_more = false;  // another directive follows in the same comment
  int partner = -1;  // Begin <-> End: the index of the directive it pairs with; -1 when none
};

// Which directive (and which of its names; -1: a directive without a list) suppresses a finding.
struct NolintMatch {
  size_t directive = 0;
  int name = -1;
};

class NolintMap {
 public:
  // Scans the text of one file.
  explicit NolintMap(std::string_view text);

  // Whether a finding of `rule` on `line` (1-based) is suppressed.
  bool suppresses(std::string_view rule, unsigned line) const;
  // Every directive (and name) that suppresses a finding of `rule` on `line`, in file order.
  std::vector<NolintMatch> matches(std::string_view rule, unsigned line) const;

  const std::vector<NolintDirective>& directives() const { return directives_; }
  // Unmatched or mismatched NOLINTBEGIN / NOLINTEND directives.
  const std::vector<NolintProblem>& problems() const { return problems_; }
  // The 1-based line and byte column of a byte offset.
  std::pair<unsigned, unsigned> position(unsigned offset) const;
  // The bytes of the text in `span`.
  std::string_view text(TextSpan span) const {
    return std::string_view(text_).substr(span.offset, span.length);
  }
  // The span of line `line` (1-based) including its line terminator.
  TextSpan line_span(unsigned line) const;

 private:
  struct Range {
    unsigned first_line;
    unsigned last_line;
    size_t directive;  // the NOLINT, NOLINTNEXTLINE or NOLINTBEGIN that makes it
  };
  std::string text_;
  std::vector<unsigned> line_starts_;  // byte offset of each line
  std::vector<NolintDirective> directives_;
  std::vector<Range> ranges_;
  std::vector<NolintProblem> problems_;
};

// clang-tidy's check-glob match: '*' matches any run of characters; case-sensitive.
bool glob_matches(std::string_view glob, std::string_view name);

// "NOLINT", "NOLINTNEXTLINE", "NOLINTBEGIN" or "NOLINTEND".
std::string_view directive_keyword(NolintKind kind);

}  // namespace scopelint

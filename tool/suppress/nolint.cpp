// NOLINT directive scanning. Like clang-tidy, directives are found anywhere in the text of a line
// (in practice, comments), "NOLINT (x)" with a space is a bare NOLINT, and "NOLINTXYZ" is nothing.
#include "suppress/nolint.h"

#include <algorithm>
#include <cctype>

namespace scopelint {
namespace {

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The span of `text` inside [begin, end) without surrounding blanks.
std::pair<size_t, size_t> trimmed(std::string_view text, size_t begin, size_t end) {
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  return {begin, end};
}

std::string trim(std::string_view text) {
  auto [begin, end] = trimmed(text, 0, text.size());
  return std::string(text.substr(begin, end - begin));
}

// The names of "a, b*,-c" (the text between the parentheses at `begin` of the line).
std::vector<NolintName> parse_names(std::string_view line, size_t begin, size_t end,
                                    unsigned base) {
  std::vector<NolintName> names;
  for (size_t start = begin; start <= end;) {
    size_t comma = std::min<size_t>(line.find(',', start), end);
    auto [name_begin, name_end] = trimmed(line, start, comma);
    names.push_back(
        {std::string(line.substr(name_begin, name_end - name_begin)),
         {static_cast<unsigned>(base + name_begin), static_cast<unsigned>(name_end - name_begin)}});
    start = comma + 1;
  }
  return names;
}

// The comment a directive at `pos` begins: only blanks and comment markers ("//", "///", "//!",
// "/*", "/**", "/*!") between the comment's start and the directive. The end of a "//" comment is
// the end of the line; a "/*" comment must close on the same line.
void find_comment(std::string_view line, size_t pos, size_t after, unsigned base,
                  NolintDirective& d) {
  size_t marker_end = pos;
  while (marker_end > 0 && is_blank(line[marker_end - 1])) --marker_end;
  size_t start = marker_end;
  while (start > 0 && std::string_view("/*!").find(line[start - 1]) != std::string_view::npos)
    --start;
  std::string_view marker = line.substr(start, marker_end - start);
  size_t end = std::string_view::npos;
  if (marker.substr(0, 2) == "//") {
    end = line.size();
  } else if (marker.substr(0, 2) == "/*") {
    size_t close = line.find("*/", after);
    if (close != std::string_view::npos) end = close + 2;
  }
  if (end == std::string_view::npos) return;
  d.comment = TextSpan{static_cast<unsigned>(base + start), static_cast<unsigned>(end - start)};
  auto blank_run = [&](size_t from, size_t to) {
    return std::all_of(line.begin() + from, line.begin() + to, is_blank);
  };
  d.comment_alone = blank_run(0, start) && blank_run(end, line.size());
}

// ": reason" after the directive, up to the end of the line or of a block comment.
std::string reason_after(std::string_view line, size_t after) {
  while (after < line.size() && is_blank(line[after])) ++after;
  if (after >= line.size() || line[after] != ':') return "";
  std::string_view rest = line.substr(after + 1);
  size_t close = rest.find("*/");
  return trim(rest.substr(0, close));
}

std::optional<NolintKind> kind_at(std::string_view line, size_t pos, size_t& after) {
  after = pos + 6;
  NolintKind kind = NolintKind::Line;
  for (auto [suffix, k] :
       {std::pair<std::string_view, NolintKind>{"NEXTLINE", NolintKind::NextLine},
        {"BEGIN", NolintKind::Begin},
        {"END", NolintKind::End}}) {
    if (line.substr(after, suffix.size()) == suffix) {
      kind = k;
      after += suffix.size();
      break;
    }
  }
  bool preceded = pos > 0 && is_identifier_char(line[pos - 1]);
  bool followed = after < line.size() && is_identifier_char(line[after]);
  if (preceded || followed) return std::nullopt;
  return kind;
}

// `line` is the text of line `number`, starting at byte `base` of the file.
void scan_line(std::string_view line, unsigned number, unsigned base,
               std::vector<NolintDirective>& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const size_t first = out.size();
  size_t pos = 0;
  while ((pos = line.find("NOLINT", pos)) != std::string_view::npos) {
    size_t after = 0;
    std::optional<NolintKind> kind = kind_at(line, pos, after);
    if (!kind) {
      pos = after;
      continue;
    }
    NolintDirective d;
    d.kind = *kind;
    d.line = number;
    d.column = static_cast<unsigned>(pos + 1);
    if (after < line.size() && line[after] == '(') {
      size_t close = line.find(')', after);
      if (close != std::string_view::npos) {
        d.has_list = true;
        d.names = parse_names(line, after + 1, close, base);
        after = close + 1;
      }
    }
    d.span = {static_cast<unsigned>(base + pos), static_cast<unsigned>(after - pos)};
    d.reason = reason_after(line, after);
    find_comment(line, pos, after, base, d);
    out.push_back(std::move(d));
    pos = after;
  }
  for (size_t i = first; i < out.size(); ++i) {
    if (!out[i].comment) continue;
    for (size_t j = i + 1; j < out.size(); ++j) {
      if (out[j].span.offset < out[i].comment->end()) out[i].comment_has_more = true;
    }
  }
}

// The list as written, for pairing a NOLINTEND with its NOLINTBEGIN.
std::string list_text(const NolintDirective& d, std::string_view text) {
  if (!d.has_list) return "";
  size_t open = text.find('(', d.span.offset);
  return trim(text.substr(open + 1, d.span.end() - 1 - (open + 1)));
}

}  // namespace

std::string_view directive_keyword(NolintKind kind) {
  switch (kind) {
    case NolintKind::Line:
      return "NOLINT";
    case NolintKind::NextLine:
      return "NOLINTNEXTLINE";
    case NolintKind::Begin:
      return "NOLINTBEGIN";
    case NolintKind::End:
      return "NOLINTEND";
  }
  return "NOLINT";
}

// Iterative, with one backtrack point (the last '*'): O(|glob| * |name|). Recursing per '*' was
// exponential: a 91-byte NOLINT argument took over 10 seconds (found by fuzz/nolint_fuzzer).
bool glob_matches(std::string_view glob, std::string_view name) {
  constexpr size_t kNone = std::string_view::npos;
  size_t g = 0, n = 0, star = kNone, retry = 0;
  while (n < name.size()) {
    if (g < glob.size() && glob[g] == '*') {
      star = g++;
      retry = n;
    } else if (g < glob.size() && glob[g] == name[n]) {
      ++g;
      ++n;
    } else if (star != kNone) {
      g = star + 1;
      n = ++retry;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

NolintMap::NolintMap(std::string_view text) : text_(text) {
  for (size_t start = 0;;) {
    line_starts_.push_back(static_cast<unsigned>(start));
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    scan_line(text.substr(start, end - start), static_cast<unsigned>(line_starts_.size()),
              static_cast<unsigned>(start), directives_);
    if (end == text.size()) break;
    start = end + 1;
  }
  std::vector<size_t> open;  // NOLINTBEGINs waiting for their NOLINTEND
  for (size_t i = 0; i < directives_.size(); ++i) {
    NolintDirective& d = directives_[i];
    switch (d.kind) {
      case NolintKind::Line:
        ranges_.push_back({d.line, d.line, i});
        break;
      case NolintKind::NextLine:
        ranges_.push_back({d.line + 1, d.line + 1, i});
        break;
      case NolintKind::Begin:
        open.push_back(i);
        break;
      case NolintKind::End: {
        // An END closes the most recent BEGIN with the same argument list.
        auto match = std::find_if(open.rbegin(), open.rend(), [&](size_t begin) {
          return directives_[begin].has_list == d.has_list &&
                 list_text(directives_[begin], text_) == list_text(d, text_);
        });
        if (match == open.rend()) {
          problems_.push_back({d.line, d.column,
                               "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment"});
          break;
        }
        d.partner = static_cast<int>(*match);
        directives_[*match].partner = static_cast<int>(i);
        ranges_.push_back({directives_[*match].line, d.line, *match});
        open.erase(std::next(match).base());
        break;
      }
    }
  }
  for (size_t begin : open) {
    problems_.push_back(
        {directives_[begin].line, directives_[begin].column,
         "unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment"});
  }
}

std::vector<NolintMatch> NolintMap::matches(std::string_view rule, unsigned line) const {
  std::vector<NolintMatch> out;
  for (const auto& range : ranges_) {
    if (line < range.first_line || line > range.last_line) continue;
    const NolintDirective& d = directives_[range.directive];
    if (!d.has_list) out.push_back({range.directive, -1});
    for (size_t i = 0; i < d.names.size(); ++i) {
      const std::string& glob = d.names[i].text;
      // Negative globs are ignored, as in clang-tidy.
      if (!glob.empty() && glob[0] != '-' && glob_matches(glob, rule)) {
        out.push_back({range.directive, static_cast<int>(i)});
      }
    }
  }
  return out;
}

bool NolintMap::suppresses(std::string_view rule, unsigned line) const {
  return !matches(rule, line).empty();
}

std::pair<unsigned, unsigned> NolintMap::position(unsigned offset) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t index = static_cast<size_t>(after - line_starts_.begin()) - 1;
  return {static_cast<unsigned>(index + 1), offset - line_starts_[index] + 1};
}

TextSpan NolintMap::line_span(unsigned line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  unsigned begin = line_starts_[line - 1];
  unsigned end =
      line < line_starts_.size() ? line_starts_[line] : static_cast<unsigned>(text_.size());
  return {begin, end - begin};
}

}  // namespace scopelint

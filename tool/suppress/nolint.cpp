// NOLINT directive scanning. Like clang-tidy, directives are found anywhere in the text of a line
// (in practice, comments), "NOLINT (x)" with a space is a bare NOLINT, and "NOLINTXYZ" is nothing.
#include "suppress/nolint.h"

#include <cctype>

namespace scopelint {
namespace {

enum class Kind { Line, NextLine, Begin, End };

struct Directive {
  Kind kind;
  unsigned line;
  unsigned column;
  std::string arguments;  // the text inside the parentheses, "" when there are none
  bool has_arguments = false;
};

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// Globs from "a, b*,-c": negative globs are ignored, as in clang-tidy.
std::vector<std::string> parse_globs(std::string_view list) {
  std::vector<std::string> globs;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string glob = trim(list.substr(start, comma - start));
    if (!glob.empty() && glob[0] != '-') globs.push_back(glob);
    start = comma + 1;
  }
  return globs;
}

void scan_line(std::string_view line, unsigned number, std::vector<Directive>& out) {
  size_t pos = 0;
  while ((pos = line.find("NOLINT", pos)) != std::string_view::npos) {
    size_t after = pos + 6;
    Kind kind = Kind::Line;
    for (auto [suffix, k] : {std::pair<std::string_view, Kind>{"NEXTLINE", Kind::NextLine},
                             {"BEGIN", Kind::Begin}, {"END", Kind::End}}) {
      if (line.substr(after, suffix.size()) == suffix) {
        kind = k;
        after += suffix.size();
        break;
      }
    }
    bool preceded = pos > 0 && is_identifier_char(line[pos - 1]);
    bool followed = after < line.size() && is_identifier_char(line[after]);
    if (preceded || followed) {
      pos = after;
      continue;
    }
    Directive d{kind, number, static_cast<unsigned>(pos + 1), "", false};
    if (after < line.size() && line[after] == '(') {
      size_t close = line.find(')', after);
      if (close != std::string_view::npos) {
        d.has_arguments = true;
        d.arguments = std::string(line.substr(after + 1, close - after - 1));
        after = close + 1;
      }
    }
    out.push_back(d);
    pos = after;
  }
}

std::string directive_name(Kind kind) { return kind == Kind::Begin ? "NOLINTBEGIN" : "NOLINTEND"; }

}  // namespace

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

NolintMap::NolintMap(std::string_view text) {
  std::vector<Directive> directives;
  unsigned number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    scan_line(text.substr(start, end - start), number, directives);
    if (end == text.size()) break;
    start = end + 1;
  }
  std::vector<Directive> open;  // NOLINTBEGINs waiting for their NOLINTEND
  for (const auto& d : directives) {
    std::vector<std::string> globs = d.has_arguments ? parse_globs(d.arguments) : std::vector<std::string>{};
    switch (d.kind) {
      case Kind::Line: ranges_.push_back({d.line, d.line, !d.has_arguments, globs}); break;
      case Kind::NextLine: ranges_.push_back({d.line + 1, d.line + 1, !d.has_arguments, globs}); break;
      case Kind::Begin: open.push_back(d); break;
      case Kind::End: {
        // An END closes the most recent BEGIN with the same argument list.
        auto match = open.end();
        for (auto it = open.begin(); it != open.end(); ++it) {
          if (trim(it->arguments) == trim(d.arguments) && it->has_arguments == d.has_arguments) match = it;
        }
        if (match == open.end()) {
          problems_.push_back({d.line, d.column,
                               "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment"});
          break;
        }
        ranges_.push_back({match->line, d.line, !d.has_arguments, globs});
        open.erase(match);
        break;
      }
    }
  }
  for (const auto& d : open) {
    problems_.push_back({d.line, d.column, "unmatched '" + directive_name(d.kind) +
                                               "' comment without a subsequent 'NOLINTEND' comment"});
  }
}

bool NolintMap::suppresses(std::string_view rule, unsigned line) const {
  for (const auto& range : ranges_) {
    if (line < range.first_line || line > range.last_line) continue;
    if (range.all) return true;
    for (const auto& glob : range.globs) {
      if (glob_matches(glob, rule)) return true;
    }
  }
  return false;
}

}  // namespace scopelint

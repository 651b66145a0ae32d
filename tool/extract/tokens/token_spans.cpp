// Brackets, separators and literals in a run of tokens (token_pass.h).
#include "extract/clang/cursor_utils.h"
#include "extract/tokens/token_pass.h"

namespace scopelint::extract::tokens {

bool is_open(const std::string& t) { return t == "(" || t == "[" || t == "{"; }
bool is_close(const std::string& t) { return t == ")" || t == "]" || t == "}"; }

size_t matching(const Tokens& t, size_t open, size_t limit) {
  int depth = 0;
  for (size_t i = open; i < limit; ++i) {
    if (is_open(t[i].text)) ++depth;
    if (is_close(t[i].text) && --depth == 0) return i;
  }
  return limit;
}

std::vector<Span> split(const Tokens& t, Span span, const std::string& separator) {
  std::vector<Span> parts;
  int depth = 0;
  size_t start = span.begin;
  for (size_t i = span.begin; i < span.end; ++i) {
    if (is_open(t[i].text)) ++depth;
    if (is_close(t[i].text)) --depth;
    if (depth == 0 && t[i].text == separator) {
      parts.push_back({start, i});
      start = i + 1;
    }
  }
  if (start < span.end || !parts.empty()) parts.push_back({start, span.end});
  return parts;
}

bool is_string_literal(const Token& token) {
  return token.kind == CXToken_Literal && token.text.find('"') != std::string::npos;
}
bool is_identifier(const Token& token) { return token.kind == CXToken_Identifier; }

SourceLocation token_location(const Token& token) { return to_source_location(file_location(token.location)); }

std::optional<SourceRange> literal_range(const Token& token) {
  const FileLocation begin = file_location(clang_getRangeStart(token.extent));
  const FileLocation end = file_location(clang_getRangeEnd(token.extent));
  if (!begin.file || !end.file || !clang_File_isEqual(begin.file, end.file)) return std::nullopt;
  return SourceRange{to_source_location(begin), to_source_location(end), begin.offset, end.offset - begin.offset};
}

}  // namespace scopelint::extract::tokens

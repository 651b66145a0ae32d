// Macro chains of cursors, from spelling and expansion locations.
#include "extract/clang/macro_locations.h"

#include <algorithm>

#include "extract/clang/clang_handles.h"

namespace scopelint::extract {
namespace {

bool same_place(const FileLocation& a, const FileLocation& b) {
  return a.path == b.path && a.offset == b.offset;
}

// The cursor for the callee's name in a call: `get` in `cli.get(...)`, `f` in `f(...)`.
CXCursor callee_name_cursor(CXCursor call) {
  if (!is_call(clang_getCursorKind(call))) return clang_getNullCursor();
  const auto kids = children(call);
  if (kids.empty()) return clang_getNullCursor();
  CXCursor callee = strip_wrappers(kids.front());
  const CXCursorKind kind = clang_getCursorKind(callee);
  return kind == CXCursor_MemberRefExpr || kind == CXCursor_DeclRefExpr ? callee
                                                                        : clang_getNullCursor();
}

// NOLINT works by line: one entry per line, the expansion site always last.
void add_line(std::vector<SourceLocation>& chain, const FileLocation& location,
              const FileLocation& expansion) {
  if (location.path.empty() || (location.path == expansion.path && location.line == expansion.line))
    return;
  const bool known = std::any_of(chain.begin(), chain.end(), [&](const SourceLocation& place) {
    return place.file == location.path && place.line == location.line;
  });
  if (!known) chain.push_back(to_source_location(location));
}

}  // namespace

std::optional<FileLocation> spelling_location(CXTranslationUnit tu, CXSourceLocation location) {
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, clang_getRange(location, location), &tokens, &count);
  std::optional<FileLocation> result;
  if (count > 0) {
    FileLocation spelled = file_location(clang_getTokenLocation(tu, tokens[0]));
    if (spelled.file) result = spelled;
  }
  if (tokens) clang_disposeTokens(tu, tokens, count);
  return result;
}

std::optional<SourceRange> macro_literal_range(CXTranslationUnit tu, CXCursor literal,
                                               const std::string& value) {
  const CXSourceLocation location = clang_getCursorLocation(literal);
  if (!in_macro_expansion(tu, location)) return std::nullopt;
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, clang_getRange(location, location), &tokens, &count);
  std::optional<SourceRange> range;
  if (count > 0 && clang_getTokenKind(tokens[0]) == CXToken_Literal) {
    const std::optional<std::string> decoded =
        decode_string_literal(to_string(clang_getTokenSpelling(tu, tokens[0])));
    const CXSourceRange extent = clang_getTokenExtent(tu, tokens[0]);
    const FileLocation begin = file_location(clang_getRangeStart(extent));
    const FileLocation end = file_location(clang_getRangeEnd(extent));
    if (decoded && *decoded == value && begin.file && end.file &&
        clang_File_isEqual(begin.file, end.file)) {
      range = SourceRange{to_source_location(begin), to_source_location(end), begin.offset,
                          end.offset - begin.offset};
    }
  }
  if (tokens) clang_disposeTokens(tu, tokens, count);
  return range;
}

bool in_macro_expansion(CXTranslationUnit tu, CXSourceLocation location) {
  const FileLocation expansion = file_location(location);
  const std::optional<FileLocation> spelled = spelling_location(tu, location);
  return (spelled && !same_place(*spelled, expansion)) ||
         !same_place(file_level_location(location), expansion);
}

std::vector<SourceLocation> macro_chain(CXCursor cursor) {
  CXTranslationUnit tu = clang_Cursor_getTranslationUnit(cursor);
  const CXSourceLocation location = clang_getCursorLocation(cursor);
  const FileLocation expansion = file_location(location);
  if (expansion.path.empty() || !in_macro_expansion(tu, location)) return {};
  std::vector<SourceLocation> chain;
  if (auto spelled = spelling_location(tu, location)) add_line(chain, *spelled, expansion);
  const CXCursor callee = callee_name_cursor(cursor);
  if (!is_null(callee)) {
    if (auto name = spelling_location(tu, clang_getCursorLocation(callee)))
      add_line(chain, *name, expansion);
  }
  add_line(chain, file_level_location(location), expansion);
  chain.push_back(to_source_location(expansion));
  return chain;
}

}  // namespace scopelint::extract

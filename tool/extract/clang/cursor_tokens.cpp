// Token-level readings of cursors (declared in cursor_utils.h): the spellings of an expression's
// tokens, a literal written as one token, the operator of a binary expression.
#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"

namespace scopelint::extract {

std::vector<std::string> token_spellings(CXTranslationUnit tu, CXCursor cursor) {
  std::vector<std::string> result;
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, clang_getCursorExtent(cursor), &tokens, &count);
  for (unsigned i = 0; i < count; ++i) result.push_back(to_string(clang_getTokenSpelling(tu, tokens[i])));
  if (tokens) clang_disposeTokens(tu, tokens, count);
  return result;
}

std::optional<SourceRange> single_literal_range(CXTranslationUnit tu, CXCursor cursor) {
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, clang_getCursorExtent(cursor), &tokens, &count);
  std::optional<SourceRange> range;
  if (count == 1 && clang_getTokenKind(tokens[0]) == CXToken_Literal) {
    const std::string text = to_string(clang_getTokenSpelling(tu, tokens[0]));
    if (text.find('"') != std::string::npos) {
      const CXSourceRange extent = clang_getTokenExtent(tu, tokens[0]);
      const FileLocation begin = file_location(clang_getRangeStart(extent));
      const FileLocation end = file_location(clang_getRangeEnd(extent));
      if (begin.file && end.file && clang_File_isEqual(begin.file, end.file)) {
        range = SourceRange{to_source_location(begin), to_source_location(end), begin.offset,
                            end.offset - begin.offset};
      }
    }
  }
  if (tokens) clang_disposeTokens(tu, tokens, count);
  return range;
}

std::string binary_operator_token(CXTranslationUnit tu, CXCursor op) {
  auto kids = children(op);
  if (kids.empty()) return "";
  const size_t lhs_tokens = token_spellings(tu, kids.front()).size();
  auto tokens = token_spellings(tu, op);
  return lhs_tokens < tokens.size() ? tokens[lhs_tokens] : "";
}

std::optional<std::pair<CXCursor, CXCursor>> binary_conditional(CXTranslationUnit tu, CXCursor expr) {
  if (clang_getCursorKind(expr) != CXCursor_UnexposedExpr) return std::nullopt;
  const auto kids = children(expr);
  if (kids.size() < 2) return std::nullopt;
  // Its children: the operand, its copies as condition and value, the second operand.
  const size_t first = token_spellings(tu, kids.front()).size();
  const auto tokens = token_spellings(tu, expr);
  if (first == 0 || first + 1 >= tokens.size() || tokens[first] != "?" || tokens[first + 1] != ":") return std::nullopt;
  return std::make_pair(kids.front(), kids.back());
}

}  // namespace scopelint::extract

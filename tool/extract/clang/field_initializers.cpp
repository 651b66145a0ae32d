#include "extract/clang/field_initializers.h"

#include <string>
#include <vector>

#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"

namespace scopelint::extract {

CXCursor field_initializer(CXCursor field) {
  if (clang_getCursorKind(field) != CXCursor_FieldDecl) return clang_getNullCursor();
  std::vector<CXCursor> expressions;
  for (CXCursor child : children(field)) {
    if (clang_isExpression(clang_getCursorKind(child))) expressions.push_back(child);
  }
  if (expressions.empty()) return clang_getNullCursor();
  CXTranslationUnit tu = clang_Cursor_getTranslationUnit(field);
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, clang_getCursorExtent(field), &tokens, &count);
  const std::string name = spelling(field);
  CXCursor found = clang_getNullCursor();
  for (CXCursor expr : expressions) {
    const unsigned start = file_location(clang_getRangeStart(clang_getCursorExtent(expr))).offset;
    for (unsigned i = 1; i < count; ++i) {
      if (file_location(clang_getTokenLocation(tu, tokens[i])).offset != start) continue;
      const std::string before = to_string(clang_getTokenSpelling(tu, tokens[i - 1]));
      const std::string first = to_string(clang_getTokenSpelling(tu, tokens[i]));
      // `= value`, `{value}`, or an implicit conversion whose extent starts at the `=` itself.
      if (before == "=" || ((first == "{" || first == "=") && before == name)) found = expr;
      break;
    }
  }
  if (tokens) clang_disposeTokens(tu, tokens, count);
  return found;
}

}  // namespace scopelint::extract

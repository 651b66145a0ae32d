#include "extract/resolve/braced_lists.h"

#include <vector>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/objc_cursors.h"

namespace scopelint::extract {

std::optional<long long> fixed_size(CXType type) {
  type = clang_getCanonicalType(type);
  if (type.kind == CXType_LValueReference || type.kind == CXType_RValueReference) {
    type = clang_getCanonicalType(clang_getPointeeType(type));
  }
  if (type.kind == CXType_ConstantArray) return clang_getArraySize(type);
  if (!type_is_one_of(type, {"std::array"})) return std::nullopt;
  const long long whole = clang_Type_getSizeOf(type);
  const long long element = clang_Type_getSizeOf(clang_Type_getTemplateArgumentAsType(type, 0));
  if (whole <= 0 || element <= 0) return std::nullopt;
  return whole / element;
}

CXCursor braced_list(CXCursor expr) {
  for (int guard = 0; guard < 16; ++guard) {
    if (CXCursor array = objc_array_literal(expr); !is_null(array)) return array;  // @[@"a", @"b"]
    expr = strip_wrappers(expr);
    const CXCursorKind kind = clang_getCursorKind(expr);
    if (kind == CXCursor_InitListExpr) {
      auto kids = children(expr);
      // std::array<T, N> a = {{...}}: the inner list holds the elements.
      if (kids.size() == 1 &&
          clang_getCursorKind(strip_wrappers(kids[0])) == CXCursor_InitListExpr &&
          type_is_one_of(clang_getCursorType(expr), {"std::array"})) {
        expr = kids[0];
        continue;
      }
      return expr;
    }
    if (is_call(kind) && clang_getCursorKind(callee_of(expr)) != CXCursor_Constructor)
      break;
    if (!is_call(kind) && kind != CXCursor_UnexposedExpr) break;
    // A constructor's written argument (not a default allocator).
    auto kids = is_call(kind)
                    ? written_arguments(clang_Cursor_getTranslationUnit(expr), expr)
                    : children(expr);
    if (kids.size() != 1) break;
    expr = kids[0];
  }
  return clang_getNullCursor();
}

std::optional<std::pair<CXCursor, CXCursor>> braced_entry(CXCursor expr) {
  for (int guard = 0; guard < 8; ++guard) {
    expr = strip_wrappers(expr);
    const CXCursorKind kind = clang_getCursorKind(expr);
    std::vector<CXCursor> parts;
    if (kind == CXCursor_InitListExpr || kind == CXCursor_UnexposedExpr) {
      parts = children(expr);
    } else if (is_call(kind) && clang_getCursorKind(callee_of(expr)) == CXCursor_Constructor) {
      parts = written_arguments(clang_Cursor_getTranslationUnit(expr), expr);
    } else {
      return std::nullopt;
    }
    if (parts.size() == 2) return std::make_pair(parts[0], parts[1]);
    if (parts.size() != 1) return std::nullopt;
    expr = parts[0];
  }
  return std::nullopt;
}

}  // namespace scopelint::extract

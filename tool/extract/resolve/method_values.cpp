// Names and methods an expression gives (part of StringResolver, see string_resolver.h): a
// constant's or an enumerator's name, and the HTTP method of a library constant
// (`HTTPRequest::HTTP_GET`, `methods::POST`), an enumerator or a string.
#include "extract/clang/cursor_utils.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {

std::string StringResolver::constant_name(CXCursor expr) {
  expr = strip_wrappers(expr);
  const CXCursorKind kind = clang_getCursorKind(expr);
  if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr) return "";
  return spelling(clang_getCursorReferenced(expr));
}

std::string StringResolver::enumerator_name(CXCursor expr) {
  expr = strip_wrappers(expr);
  if (clang_getCursorKind(expr) != CXCursor_DeclRefExpr) return "";
  CXCursor referenced = clang_getCursorReferenced(expr);
  return clang_getCursorKind(referenced) == CXCursor_EnumConstantDecl ? spelling(referenced) : "";
}

std::optional<HttpMethod> StringResolver::resolve_method(CXCursor expr, int position) const {
  CXCursor inner = strip_passthrough(expr);
  const CXCursorKind kind = clang_getCursorKind(inner);
  if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr) {
    CXCursor ref = clang_getCursorReferenced(inner);
    const std::string name = qualified_name(ref);
    for (const auto& library : context_.models().libraries) {
      auto it = library.method_constants.find(name);
      if (it != library.method_constants.end()) return parse_http_method(it->second);
    }
    const CXCursorKind ref_kind = clang_getCursorKind(ref);
    if (ref_kind == CXCursor_EnumConstantDecl ||
        (ref_kind == CXCursor_VarDecl && !is_local_variable(ref) &&
         is_null(clang_Cursor_getVarDeclInitializer(ref)))) {
      if (auto method = parse_http_method(spelling(ref))) return method;
    }
  }
  ResolvedString value = resolve(expr, position);
  if (!value.known || value.text.find(kWildcard) != std::string::npos) return std::nullopt;
  return parse_http_method(value.text);
}

}  // namespace scopelint::extract

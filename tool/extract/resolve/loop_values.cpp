// The values a range-for's loop variable takes over a constant container (part of StringResolver,
// see string_resolver.h): `for (const char* path : kPaths) cli.Get(path)` is one request per path.
#include "extract/clang/cursor_utils.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxLoopValues = 64;

// The braced list that gives a container its elements: the expression itself, a variable's
// initializer, through constructors (std::vector{...}, std::array's inner braces).
CXCursor element_list(CXCursor expr) {
  expr = strip_wrappers(expr);
  CXCursor var = referenced_variable(expr);
  if (!is_null(var)) {
    if (clang_getCursorKind(var) != CXCursor_VarDecl) return clang_getNullCursor();
    CXCursor definition = clang_getCursorDefinition(var);
    expr = clang_Cursor_getVarDeclInitializer(is_null(definition) ? var : definition);
  }
  for (int depth = 0; depth < 6 && !is_null(expr); ++depth) {
    expr = strip_wrappers(expr);
    auto kids = children(expr);
    if (clang_getCursorKind(expr) == CXCursor_InitListExpr) {
      // std::array<T, N> a = {{...}}: one inner list.
      if (kids.size() == 1 && clang_getCursorKind(strip_wrappers(kids[0])) == CXCursor_InitListExpr) {
        expr = kids[0];
        continue;
      }
      return expr;
    }
    if (kids.size() != 1) return clang_getNullCursor();
    expr = kids[0];
  }
  return clang_getNullCursor();
}

}  // namespace

std::optional<std::vector<ResolvedString>> StringResolver::loop_values(const std::string& slot_function) const {
  const std::string prefix = loop_slot_function("");
  if (slot_function.rfind(prefix, 0) != 0) return std::nullopt;
  CXCursor list = element_list(context_.loop_range(slot_function.substr(prefix.size())));
  if (is_null(list)) return std::nullopt;
  std::vector<ResolvedString> values;
  for (CXCursor element : children(list)) {
    if (values.size() == kMaxLoopValues) return std::nullopt;
    ResolvedString value = resolve(element, -1);
    if (!value.known) return std::nullopt;
    values.push_back(std::move(value));
  }
  if (values.empty()) return std::nullopt;
  return values;
}

}  // namespace scopelint::extract

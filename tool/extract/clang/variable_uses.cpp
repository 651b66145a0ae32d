#include "extract/clang/variable_uses.h"

#include <string>
#include <vector>

#include "extract/clang/cursor_utils.h"

namespace scopelint::extract {

bool mentions_variable(CXCursor expr, CXCursor var) {
  const std::string key = declaration_key(var);
  std::vector<CXCursor> pending = {expr};
  for (int visited = 0; !pending.empty(); ++visited) {
    if (visited > 2000) return true;
    CXCursor current = pending.back();
    pending.pop_back();
    if (clang_getCursorKind(current) == CXCursor_DeclRefExpr) {
      CXCursor ref = clang_getCursorReferenced(current);
      if (!is_null(ref) && declaration_key(ref) == key) return true;
    }
    for (CXCursor kid : children(current)) pending.push_back(kid);
  }
  return false;
}

}  // namespace scopelint::extract

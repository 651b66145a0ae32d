// Selecting a helper's returns by a switch on a constant argument (switch_returns.h).
#include "extract/resolve/switch_returns.h"

#include <algorithm>
#include <optional>

#include "extract/clang/cursor_utils.h"

namespace scopelint::extract {
namespace {

// The value of an enumerator or an integer constant expression.
std::optional<long long> constant_value(CXCursor expr) {
  expr = strip_wrappers(expr);
  if (clang_getCursorKind(expr) == CXCursor_DeclRefExpr) {
    CXCursor ref = clang_getCursorReferenced(expr);
    if (clang_getCursorKind(ref) == CXCursor_EnumConstantDecl) return clang_getEnumConstantDeclValue(ref);
  }
  if (!clang_isExpression(clang_getCursorKind(expr))) return std::nullopt;
  CXEvalResult result = clang_Cursor_Evaluate(expr);
  if (!result) return std::nullopt;
  std::optional<long long> value;
  if (clang_EvalResult_getKind(result) == CXEval_Int) value = clang_EvalResult_getAsLongLong(result);
  clang_EvalResult_dispose(result);
  return value;
}

// The index of the parameter of `function` an expression names, or -1.
int parameter_index(CXCursor function, CXCursor expr) {
  CXCursor ref = referenced_variable(strip_wrappers(expr));
  if (is_null(ref) || clang_getCursorKind(ref) != CXCursor_ParmDecl) return -1;
  int index = 0;
  for (CXCursor child : children(function)) {
    if (clang_getCursorKind(child) != CXCursor_ParmDecl) continue;
    if (same_expression(child, ref)) return index;
    ++index;
  }
  return -1;
}

// Where a return sits in a switch on a parameter: the switch node, the parameter, and the case
// values that lead to it (none: after the switch, or under `default`).
struct SwitchPlace {
  int switch_node = -1;
  int parameter = -1;
  std::vector<long long> cases;
  bool is_default = false;
};

SwitchPlace place_of(const TuContext& context, int function, int node) {
  const auto& nodes = context.tree().nodes;
  SwitchPlace place;
  for (int up = nodes[static_cast<size_t>(node)].parent; up > function; up = nodes[static_cast<size_t>(up)].parent) {
    const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
    if (kind == CXCursor_CaseStmt) {
      auto kids = children(nodes[static_cast<size_t>(up)].cursor);
      if (!kids.empty()) {
        if (auto value = constant_value(kids.front())) place.cases.push_back(*value);
      }
    } else if (kind == CXCursor_DefaultStmt) {
      place.is_default = true;
    } else if (kind == CXCursor_SwitchStmt) {
      auto kids = children(nodes[static_cast<size_t>(up)].cursor);
      place.switch_node = up;
      place.parameter = kids.empty() ? -1 : parameter_index(nodes[static_cast<size_t>(function)].cursor, kids.front());
      return place;
    }
  }
  return SwitchPlace{};
}

}  // namespace

std::vector<int> returns_selected_by(const TuContext& context, int function, const std::vector<int>& returns,
                                     const std::vector<CXCursor>& args) {
  std::vector<SwitchPlace> places;
  int decider = -1;  // the one switch on a parameter that the call fixes
  std::optional<long long> value;
  for (int node : returns) {
    places.push_back(place_of(context, function, node));
    const SwitchPlace& place = places.back();
    if (place.switch_node < 0 || place.parameter < 0) continue;
    if (decider >= 0 && decider != place.switch_node) return returns;  // several switches: not followed
    if (static_cast<size_t>(place.parameter) >= args.size()) return returns;
    value = constant_value(args[static_cast<size_t>(place.parameter)]);
    if (!value) return returns;
    decider = place.switch_node;
  }
  if (decider < 0) return returns;
  std::vector<int> matched, fallback;
  for (size_t i = 0; i < returns.size(); ++i) {
    const SwitchPlace& place = places[i];
    if (place.switch_node != decider) {
      // Outside the switch: runs when no case returns (it may also be before the switch, when
      // the function returns early: then the selection is not sure).
      if (returns[i] < decider) return returns;
      fallback.push_back(returns[i]);
    } else if (std::find(place.cases.begin(), place.cases.end(), *value) != place.cases.end()) {
      matched.push_back(returns[i]);
    } else if (place.is_default) {
      fallback.insert(fallback.begin(), returns[i]);
    }
  }
  return matched.empty() ? fallback : matched;
}

}  // namespace scopelint::extract

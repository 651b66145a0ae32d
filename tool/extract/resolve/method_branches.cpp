// Branch conditions on parameters, read from the AST: which tests of its function's parameters
// a statement runs under (see method_branches.h; branch_conditions.cpp decides them).
#include "extract/resolve/method_branches.h"

#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/parameter_slots.h"

namespace scopelint::extract {
namespace {

constexpr int kMaxConditionNodes = 200;

// The parameter an expression is exactly the value of, as an unconditioned condition. A
// range-for's variable counts as one: its tests are decided per value (value_expansion.cpp).
std::optional<BranchCondition> parameter_of(const StringResolver& strings, CXCursor expr,
                                            int position) {
  CXCursor inner = strings.strip_passthrough(expr);
  CXCursor var = referenced_variable(inner);
  const CXCursorKind kind = is_null(var) ? CXCursor_NoDeclFound : clang_getCursorKind(var);
  if (kind != CXCursor_ParmDecl && kind != CXCursor_VarDecl) return std::nullopt;
  auto slot_text = strings.parameter_slot(inner, position);
  if (!slot_text) return std::nullopt;
  auto slot = whole_slot(*slot_text);
  if (!slot || (kind == CXCursor_VarDecl && !is_loop_slot(*slot))) return std::nullopt;
  BranchCondition condition;
  condition.function = slot->function;
  condition.parameter = slot->index;
  condition.parameter_name = spelling(var);
  condition.wrapper = qualified_name(clang_getCursorSemanticParent(var));
  return condition;
}

// A value fixed at compile time: a string literal or constant, or an enum constant's value.
std::optional<std::string> constant_value(const StringResolver& strings, CXCursor expr,
                                          int position) {
  ResolvedString value = strings.resolve(expr, position);
  if (value.text.find(kWildcard) != std::string::npos || has_slot(value.text)) return std::nullopt;
  if (!value.known && value.literal_count == 0) return std::nullopt;
  return value.text;
}

// The first parameter read anywhere in `expr`, as an Opaque condition.
std::optional<BranchCondition> any_parameter(const StringResolver& strings, CXCursor expr,
                                             int position) {
  std::vector<CXCursor> pending{expr};
  for (int visited = 0; !pending.empty() && visited < kMaxConditionNodes; ++visited) {
    CXCursor current = pending.back();
    pending.pop_back();
    if (clang_getCursorKind(current) == CXCursor_DeclRefExpr) {
      // A loop's variable read somewhere in a test (`a.removed`) is not decided per value: only
      // the tests of the variable itself are (equality, emptiness).
      auto condition = parameter_of(strings, current, position);
      if (condition && !is_loop_slot({condition->function, condition->parameter})) return condition;
    }
    auto kids = children(current);
    pending.insert(pending.end(), kids.rbegin(), kids.rend());
  }
  return std::nullopt;
}

bool is_nullable(CXType type) {
  CXType canonical = clang_getCanonicalType(type);
  if (canonical.kind == CXType_LValueReference || canonical.kind == CXType_RValueReference) {
    canonical = clang_getCanonicalType(clang_getPointeeType(canonical));
  }
  if (canonical.kind == CXType_Pointer) return true;
  return type_is_one_of(type, {"std::optional"});
}

// An integer type, not bool or an enum (whose truth tests are not `!= 0` on a resolved text).
bool is_integer(CXType type) {
  const CXTypeKind kind = clang_getCanonicalType(type).kind;
  return kind > CXType_Bool && kind <= CXType_Int128;
}

// `a == b` / `a != b` with a parameter on one side and a constant on the other.
std::optional<BranchCondition> equality(const StringResolver& strings, CXCursor lhs, CXCursor rhs,
                                        bool equal, int position) {
  for (int side = 0; side < 2; ++side) {
    auto condition = parameter_of(strings, side == 0 ? lhs : rhs, position);
    if (!condition) continue;
    auto value = constant_value(strings, side == 0 ? rhs : lhs, position);
    if (!value) return std::nullopt;
    condition->test = BranchCondition::Test::Equals;
    condition->values = {*value};
    condition->holds = equal;
    return condition;
  }
  return std::nullopt;
}

// The condition an `if`/`?:` test puts on a parameter, if it reads one.
std::optional<BranchCondition> parse_condition(const TuContext& context,
                                               const StringResolver& strings, CXCursor expr,
                                               int position) {
  CXCursor inner = strip_wrappers(expr);
  const CXCursorKind kind = clang_getCursorKind(inner);
  std::optional<BranchCondition> parsed;
  const auto tokens = kind == CXCursor_UnaryOperator ? token_spellings(context.tu(), inner)
                                                     : std::vector<std::string>{};
  if (!tokens.empty() && tokens.front() == "!" && !children(inner).empty()) {
    if (auto operand = parse_condition(context, strings, children(inner).front(), position)) {
      return negated(*operand);
    }
    return std::nullopt;
  }
  if (kind == CXCursor_BinaryOperator) {
    const std::string op = binary_operator_token(context.tu(), inner);
    auto kids = children(inner);
    if ((op == "==" || op == "!=") && kids.size() == 2)
      parsed = equality(strings, kids[0], kids[1], op == "==", position);
  } else if (is_call(kind)) {
    const std::string name = spelling(inner);
    const auto args = call_arguments(inner);
    const CXCursor object = member_call_object(inner);
    if ((name == "operator==" || name == "operator!=") && args.size() == 2) {
      parsed = equality(strings, args[0], args[1], name == "operator==", position);
    } else if ((name == "empty" || name == "has_value" || name == "operator bool") &&
               !is_null(object)) {
      parsed = parameter_of(strings, object, position);
      if (parsed) {
        parsed->test = BranchCondition::Test::Empty;
        parsed->holds = name == "empty";
      }
    }
  } else if (kind == CXCursor_DeclRefExpr && is_nullable(clang_getCursorType(inner))) {
    parsed = parameter_of(strings, inner, position);  // `if (body)`: a value is given
    if (parsed) {
      parsed->test = BranchCondition::Test::Empty;
      parsed->holds = false;
    }
  } else if (kind == CXCursor_DeclRefExpr && is_integer(clang_getCursorType(inner))) {
    parsed = parameter_of(strings, inner, position);  // `id ? path + id : path`: not zero
    if (parsed) {
      parsed->test = BranchCondition::Test::Equals;
      parsed->values = {"0"};
      parsed->holds = false;
    }
  }
  if (parsed) return parsed;
  return any_parameter(strings, expr, position);
}

const AstNode& node_at(const TuContext& context, int index) {
  return context.tree().nodes[static_cast<size_t>(index)];
}

// Direct children of node `parent`, in order (pre-order: they follow it, before `limit`).
std::vector<int> child_nodes(const TuContext& context, int parent, int limit) {
  std::vector<int> out;  // each child's own subtree is skipped over
  for (int i = parent + 1; i < limit; i = context.tree().subtree_end[static_cast<size_t>(i)]) {
    if (node_at(context, i).parent == parent) out.push_back(i);
  }
  return out;
}

bool exits(CXCursorKind kind) {
  return kind == CXCursor_ReturnStmt || kind == CXCursor_BreakStmt ||
         kind == CXCursor_ContinueStmt || kind == CXCursor_GotoStmt;
}

// Whether a statement always leaves its block: `return ...;` or `{ ...; return ...; }`.
bool always_exits(CXCursor statement) {
  const CXCursorKind kind = clang_getCursorKind(statement);
  if (exits(kind)) return true;
  if (kind != CXCursor_CompoundStmt) return false;
  auto kids = children(statement);
  return !kids.empty() && exits(clang_getCursorKind(kids.back()));
}

// Whether control cannot fall from `statement` into the case label after it.
bool ends_case(CXCursor statement) {
  for (int guard = 0; guard < 64; ++guard) {
    const CXCursorKind kind = clang_getCursorKind(statement);
    if (kind != CXCursor_CaseStmt && kind != CXCursor_DefaultStmt) break;
    auto kids = children(statement);
    if (kids.empty()) return false;
    statement = kids.back();
  }
  return always_exits(statement);
}

// The test expression of an `if` (after any init-statement) and its branches.
struct IfParts {
  int condition = -1, then_branch = -1, else_branch = -1;
};
IfParts if_parts(const TuContext& context, int if_node, int limit) {
  IfParts parts;
  const auto kids = child_nodes(context, if_node, limit);
  size_t i = 0;
  while (i < kids.size() && !clang_isExpression(node_at(context, kids[i]).kind)) ++i;
  if (i < kids.size()) parts.condition = kids[i];
  if (i + 1 < kids.size()) parts.then_branch = kids[i + 1];
  if (i + 2 < kids.size()) parts.else_branch = kids[i + 2];
  return parts;
}

size_t subtree_end(const TuContext& context, int node) {
  return static_cast<size_t>(context.tree().subtree_end[static_cast<size_t>(node)]);
}

// The constant values a case label chain names (`case A: case B:`); `is_default` for `default:`.
void case_labels(const StringResolver& strings, CXCursor label, std::vector<std::string>& values,
                 bool& is_default, bool& unknown) {
  for (int guard = 0; guard < 64; ++guard) {
    const CXCursorKind kind = clang_getCursorKind(label);
    if (kind == CXCursor_DefaultStmt) {
      is_default = true;
    } else if (kind != CXCursor_CaseStmt) {
      return;
    }
    auto kids = children(label);
    if (kids.empty()) return;
    if (kind == CXCursor_CaseStmt) {
      auto value = constant_value(strings, kids.front(), -1);
      if (value)
        values.push_back(*value);
      else
        unknown = true;
    }
    label = kids.back();
  }
}

// The condition a switch on a parameter puts on the statement `statement` of its body `body`.
std::optional<BranchCondition> switch_condition(const TuContext& context,
                                                const StringResolver& strings, int switch_node,
                                                int body, int statement) {
  const int limit = static_cast<int>(subtree_end(context, switch_node));
  const auto kids = child_nodes(context, switch_node, limit);
  if (kids.empty() || !clang_isExpression(node_at(context, kids.front()).kind)) return std::nullopt;
  auto condition = parameter_of(strings, node_at(context, kids.front()).cursor, switch_node);
  if (!condition) return any_parameter(strings, node_at(context, kids.front()).cursor, switch_node);
  const auto statements = child_nodes(context, body, limit);
  auto at = std::find(statements.begin(), statements.end(), statement);
  if (at == statements.end()) return std::nullopt;
  // The nearest label at or before the statement; falling into it from above is not followed.
  auto label = at;
  while (label != statements.begin() && node_at(context, *label).kind != CXCursor_CaseStmt &&
         node_at(context, *label).kind != CXCursor_DefaultStmt) {
    --label;
  }
  const CXCursorKind label_kind = node_at(context, *label).kind;
  std::vector<std::string> values;
  bool is_default = false, unknown = false;
  if (label_kind != CXCursor_CaseStmt && label_kind != CXCursor_DefaultStmt)
    unknown = true;
  else
    case_labels(strings, node_at(context, *label).cursor, values, is_default, unknown);
  if (label != statements.begin() && !ends_case(node_at(context, *(label - 1)).cursor))
    unknown = true;
  condition->test = BranchCondition::Test::Opaque;
  if (unknown) return condition;
  if (is_default) {
    if (!values.empty()) return std::nullopt;  // `case A: default:` runs for every value
    for (int other : statements) {
      std::vector<std::string> more;
      bool other_default = false, other_unknown = false;
      case_labels(strings, node_at(context, other).cursor, more, other_default, other_unknown);
      if (other_unknown) return condition;
      values.insert(values.end(), more.begin(), more.end());
    }
    condition->holds = false;
  }
  condition->test = BranchCondition::Test::Equals;
  condition->values = std::move(values);
  return condition;
}

// Whether a statement always leaves its function: `return ...;` or `{ ...; return ...; }`.
bool always_returns(CXCursor statement) {
  if (clang_getCursorKind(statement) == CXCursor_ReturnStmt) return true;
  if (clang_getCursorKind(statement) != CXCursor_CompoundStmt) return false;
  auto kids = children(statement);
  return !kids.empty() && clang_getCursorKind(kids.back()) == CXCursor_ReturnStmt;
}

// The statement a label chain (`case A: case B: stmt`) labels.
CXCursor labelled_statement(CXCursor label) {
  for (int guard = 0; guard < 64; ++guard) {
    const CXCursorKind kind = clang_getCursorKind(label);
    if (kind != CXCursor_CaseStmt && kind != CXCursor_DefaultStmt) return label;
    auto kids = children(label);
    if (kids.empty()) return clang_getNullCursor();
    label = kids.back();
  }
  return clang_getNullCursor();
}

// The condition under which control passes a switch on a parameter whose cases return: the
// parameter is none of the values of the cases that return (`switch (r) { case A: return ...; }`
// then `return ...;` runs only when r is not A). Nothing when no case returns, when `default`
// returns or a case value is not a constant.
std::optional<BranchCondition> after_switch(const TuContext& context, const StringResolver& strings,
                                            int switch_node) {
  const int limit = static_cast<int>(subtree_end(context, switch_node));
  const auto kids = child_nodes(context, switch_node, limit);
  if (kids.size() < 2 || !clang_isExpression(node_at(context, kids.front()).kind)) return std::nullopt;
  auto condition = parameter_of(strings, node_at(context, kids.front()).cursor, switch_node);
  if (!condition || node_at(context, kids.back()).kind != CXCursor_CompoundStmt) return std::nullopt;
  const auto statements = child_nodes(context, kids.back(), limit);
  std::vector<std::string> returning;
  for (size_t i = 0; i < statements.size(); ++i) {
    const CXCursor label = node_at(context, statements[i]).cursor;
    const CXCursorKind kind = clang_getCursorKind(label);
    if (kind != CXCursor_CaseStmt && kind != CXCursor_DefaultStmt) continue;
    // The group's last statement: the labelled one, or the last before the next label.
    CXCursor last = labelled_statement(label);
    for (size_t j = i + 1; j < statements.size(); ++j) {
      const CXCursorKind next = node_at(context, statements[j]).kind;
      if (next == CXCursor_CaseStmt || next == CXCursor_DefaultStmt) break;
      last = node_at(context, statements[j]).cursor;
    }
    if (is_null(last) || !always_returns(last)) continue;
    std::vector<std::string> values;
    bool is_default = false, unknown = false;
    case_labels(strings, label, values, is_default, unknown);
    if (is_default || unknown) return std::nullopt;
    returning.insert(returning.end(), values.begin(), values.end());
  }
  if (returning.empty()) return std::nullopt;
  condition->test = BranchCondition::Test::Equals;
  condition->values = std::move(returning);
  condition->holds = false;
  return condition;
}

}  // namespace

std::optional<BranchCondition> test_condition(const TuContext& context, const StringResolver& strings,
                                              CXCursor test, int position) {
  return parse_condition(context, strings, test, position);
}

BranchConditions branch_conditions(const TuContext& context, const StringResolver& strings,
                                   int position) {
  BranchConditions out;
  if (position < 0) return out;
  auto add = [&](std::optional<BranchCondition> condition, bool holds) {
    if (!condition) return;
    out.push_back(holds ? *condition : negated(*condition));
  };
  int child = position;
  for (int up = node_at(context, position).parent; up >= 0;
       child = up, up = node_at(context, up).parent) {
    const AstNode& node = node_at(context, up);
    if (is_function_like(node.kind) || node.kind == CXCursor_LambdaExpr) break;
    const int limit = static_cast<int>(subtree_end(context, up));
    if (node.kind == CXCursor_IfStmt) {
      const IfParts parts = if_parts(context, up, limit);
      if (parts.condition < 0 || child == parts.condition ||
          (child != parts.then_branch && child != parts.else_branch)) {
        continue;
      }
      add(parse_condition(context, strings, node_at(context, parts.condition).cursor, up),
          child == parts.then_branch);
    } else if (node.kind == CXCursor_ConditionalOperator) {
      const auto kids = child_nodes(context, up, limit);
      if (kids.size() != 3 || child == kids[0]) continue;
      add(parse_condition(context, strings, node_at(context, kids[0]).cursor, up),
          child == kids[1]);
    } else if (node.kind == CXCursor_CompoundStmt) {
      const int parent = node.parent;
      if (parent >= 0 && node_at(context, parent).kind == CXCursor_SwitchStmt) {
        add(switch_condition(context, strings, parent, up, child), true);
      }
      // `if (test) return ...;` before the statement: it runs only when the test failed; a
      // switch whose cases return: only for the other values.
      for (int sibling : child_nodes(context, up, child)) {
        if (node_at(context, sibling).kind == CXCursor_SwitchStmt) add(after_switch(context, strings, sibling), true);
        if (node_at(context, sibling).kind != CXCursor_IfStmt) continue;
        const IfParts parts =
            if_parts(context, sibling, static_cast<int>(subtree_end(context, sibling)));
        if (parts.condition < 0 || parts.else_branch >= 0 || parts.then_branch < 0 ||
            !always_exits(node_at(context, parts.then_branch).cursor)) {
          continue;
        }
        add(parse_condition(context, strings, node_at(context, parts.condition).cursor, sibling),
            false);
      }
    }
  }
  return out;
}

}  // namespace scopelint::extract

// Loops that change a string before it is used (part of StringResolver, see string_resolver.h): a
// range-for over a container of known elements is run once per element, its `if (!s.empty())`
// tests decided on the running value (a counting loop: index_loops.cpp); any other loop leaves the
// value unknown.
//
//   for (const auto& s : kScopes) { if (!scope.empty()) scope += ' '; scope += s; }
//   for (const auto& s : kScopes) os << s << ' ';
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/variable_uses.h"
#include "extract/resolve/buffer_writes.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {

int StringResolver::loop_around(int event, int declared, int position) const {
  const auto& nodes = context_.tree().nodes;
  const auto& ends = context_.tree().subtree_end;
  auto holds = [&](int node, int other) {
    return other >= node && other < ends[static_cast<size_t>(node)];
  };
  int outermost = -1;
  for (int up = nodes[static_cast<size_t>(event)].parent; up >= 0;
       up = nodes[static_cast<size_t>(up)].parent) {
    const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
    if (is_function_like(kind) || kind == CXCursor_LambdaExpr) break;
    if (holds(up, position) || holds(up, declared)) break;
    if (is_loop_kind(kind)) outermost = up;
  }
  return outermost;
}

std::optional<StringResolver::LoopRun> StringResolver::loop_run(CXCursor loop, int depth) const {
  constexpr size_t kMaxIterations = 64;
  if (depth > 96) return std::nullopt;
  if (clang_getCursorKind(loop) == CXCursor_ForStmt) {
    if (auto run = index_loop_run(loop, depth)) return run;
    return iterator_loop_run(loop, depth);
  }
  if (!is_range_loop(clang_getCursorKind(loop))) return std::nullopt;
  const auto kids = range_loop_parts(loop);
  if (kids.size() != 3) return std::nullopt;
  // `auto& [key, value]` (a structured binding, which libclang leaves unexposed) over a map.
  std::vector<CXCursor> names;
  if (clang_getCursorKind(kids[0]) == CXCursor_UnexposedDecl) {
    for (CXCursor kid : children(kids[0])) {
      if (clang_getCursorKind(kid) == CXCursor_UnexposedDecl) names.push_back(kid);
    }
    if (names.size() != 2) return std::nullopt;
  } else if (clang_getCursorKind(kids[0]) != CXCursor_VarDecl) {
    return std::nullopt;
  }
  if (auto entries = entry_values(kids[1], depth + 1)) {
    // Over a map: its entries, `.first` (or the first name bound) the key, `.second` the value.
    LoopRun run{names.empty() ? kids[0] : names[1], kids[2], std::move(entries->values), std::move(entries->keys)};
    if (!names.empty()) run.key_variable = names[0];
    return run;
  }
  if (!names.empty()) return std::nullopt;
  auto items = resolve_elements(kids[1], context_.node_index(loop), depth + 1);
  if (!items || items->size() > kMaxIterations) return std::nullopt;
  return LoopRun{kids[0], kids[2], std::move(*items), {}};
}

std::optional<ResolvedString> StringResolver::unroll_loop(CXCursor loop, CXCursor var,
                                                          ResolvedString value, int depth) const {
  auto run = loop_run(loop, depth);
  if (!run) return std::nullopt;
  return run_per_value(*run, var, std::move(value), depth);
}

std::optional<ResolvedString> StringResolver::run_per_value(const LoopRun& run, CXCursor var,
                                                            ResolvedString value, int depth) const {
  const size_t before = bindings_.size();
  const size_t slot = bind(var, std::move(value));
  const bool ran = each_loop_value(run, [&] { return run_statement(run.body, var, slot, depth + 1); });
  std::optional<ResolvedString> out;
  if (ran) out = std::move(bindings_[slot].second);
  unbind_to(before);
  return out;
}

std::string StringResolver::run_key(CXCursor var) { return declaration_key(var) + "#run"; }

bool StringResolver::each_loop_value(const LoopRun& run, const std::function<bool()>& step) const {
  const size_t before = bindings_.size();
  for (size_t i = 0; i < run.values.size(); ++i) {
    unbind_to(before);
    if (i < run.keys.size()) {
      // A map entry's key: the first name a structured binding gives, or the variable's `.first`.
      if (is_null(run.key_variable)) bindings_.emplace_back(first_key(run.variable), run.keys[i]);
      else bind(run.key_variable, run.keys[i]);
    }
    bind(run.variable, run.values[i]);
    bindings_.emplace_back(run_key(run.variable), ResolvedString::constant(std::to_string(i)));
    if (!step()) {
      unbind_to(before);
      return false;
    }
  }
  unbind_to(before);
  return true;
}

bool StringResolver::run_body(CXCursor statement, CXCursor var, const StatementRunner& nested,
                              const StatementRunner& expression) const {
  const CXCursorKind kind = clang_getCursorKind(statement);
  switch (kind) {
    case CXCursor_CompoundStmt:
      for (CXCursor kid : children(statement)) {
        if (!run_body(kid, var, nested, expression)) return false;
      }
      return true;
    case CXCursor_NullStmt:
    case CXCursor_DeclStmt:
      return true;
    case CXCursor_IfStmt: {
      // Decided on the running values; an `if` that is not may hold a `continue`.
      const auto kids = children(statement);
      if (kids.size() < 2 || kids.size() > 3 || !clang_isExpression(clang_getCursorKind(kids[0])))
        return false;
      const std::optional<bool> taken = decide(kids[0]);
      if (!taken) return false;
      if (*taken) return run_body(kids[1], var, nested, expression);
      return kids.size() == 3 ? run_body(kids[2], var, nested, expression) : true;
    }
    case CXCursor_ForStmt:
    case CXCursor_CXXForRangeStmt:
    case CXCursor_ObjCForCollectionStmt:
      return !mentions_variable(statement, var) || nested(statement);
    default:
      if (!clang_isExpression(kind)) return false;  // return, break, continue, other loops
      return expression(statement);
  }
}

bool StringResolver::run_statement(CXCursor statement, CXCursor var, size_t slot, int depth) const {
  const auto nested = [&](CXCursor loop) {
    auto value = unroll_loop(loop, var, bindings_[slot].second, depth);
    if (!value) return false;
    bindings_[slot].second = std::move(*value);
    return true;
  };
  const auto expression = [&](CXCursor expr) {
    return run_expression(expr, var, slot, context_.node_index(expr), depth);
  };
  return run_body(statement, var, nested, expression);
}

// One expression statement of a loop body: a change to `var` that is understood, or one that does
// not name it.
bool StringResolver::run_expression(CXCursor expr, CXCursor var, size_t slot, int position,
                                    int depth) const {
  expr = strip_wrappers(expr);
  const CXCursorKind kind = clang_getCursorKind(expr);
  auto resolved = [&](CXCursor operand) { return resolve_at(operand, position, depth + 1); };
  // bindings_ may grow while an operand is resolved: the slot is read again after each.
  auto set = [&](ResolvedString next) { bindings_[slot].second = std::move(next); };
  auto append = [&](CXCursor operand) {
    ResolvedString added = resolved(operand);
    bindings_[slot].second.append(added);
  };
  if (kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator) {
    const auto kids = children(expr);
    if (kids.size() != 2 || !refers_to_variable(kids[0], var)) return !mentions_variable(expr, var);
    const std::string op = binary_operator_token(context_.tu(), expr);
    if (op == "=")
      set(resolved(kids[1]));
    else if (op == "+=")
      append(kids[1]);
    else
      return false;
    return true;
  }
  if (!is_call(kind)) return !mentions_variable(expr, var);
  const std::string name = spelling(expr);
  const auto args = call_arguments(expr);
  const CXCursor object = member_call_object(expr);
  if ((name == "operator+=" || name == "operator=") && args.size() == 2 &&
      refers_to_variable(args[0], var)) {
    if (name == "operator=")
      set(resolved(args[1]));
    else
      append(args[1]);
    return true;
  }
  if ((name == "append" || name == "push_back") && args.size() == 1 && refers_to_variable(object, var)) {
    append(args[0]);
    return true;
  }
  if (name == "clear" && args.empty() && refers_to_variable(object, var)) {
    set(ResolvedString::constant(""));
    return true;
  }
  if (!args.empty() && refers_to_variable(args[0], var)) {
    // `strcat(scope, item)`, `snprintf(scope, n, "%s", ...)` into a buffer.
    const BufferWrite write = buffer_write(name, args.size(), [&](size_t i) {
      return i < args.size() ? resolved(args[i]) : ResolvedString::wildcard();
    });
    if (write.kind == BufferWrite::Kind::Replace) {
      set(write.text);
      return true;
    }
    if (write.kind == BufferWrite::Kind::Append) {
      bindings_[slot].second.append(write.text);
      return true;
    }
  }
  if (name == "operator<<") {
    // `os << a << b`: the links from the innermost out, when the innermost writes to `var`.
    std::vector<CXCursor> links;
    for (CXCursor link = expr;
         links.size() < 256 && is_call(clang_getCursorKind(link)) &&
         spelling(link) == "operator<<" && call_arguments(link).size() == 2;
         link = strip_wrappers(call_arguments(link)[0])) {
      links.push_back(link);
    }
    if (links.empty() || !refers_to_variable(call_arguments(links.back())[0], var))
      return !mentions_variable(expr, var);
    for (auto it = links.rbegin(); it != links.rend(); ++it) append(call_arguments(*it)[1]);
    return true;
  }
  return !mentions_variable(expr, var);
}

}  // namespace scopelint::extract

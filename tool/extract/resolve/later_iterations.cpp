// Changes after a use that reach it again in the next iteration of a loop (part of StringResolver,
// see string_resolver.h): `while (!url.empty()) { get(url); url = next_link(); }`.
#include <algorithm>

#include "extract/clang/ast_walker.h"
#include "extract/clang/cursor_utils.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

// Whether `expr` reads a page's `next` link (`page["next"]`, `json.value("next")`), itself or
// through a local initialized from it (`next.substr(at)` after `const auto next = page["next"]...`).
bool from_next_link(CXTranslationUnit tu, CXCursor expr) {
  const auto names_next = [&](CXCursor cursor) {
    const auto words = token_spellings(tu, cursor);
    return std::find(words.begin(), words.end(), "\"next\"") != words.end();
  };
  if (names_next(expr)) return true;
  std::vector<CXCursor> pending = {expr};
  for (int visited = 0; !pending.empty() && visited < 200; ++visited) {
    const CXCursor current = pending.back();
    pending.pop_back();
    const CXCursor var = clang_getCursorKind(current) == CXCursor_DeclRefExpr ? referenced_variable(current)
                                                                              : clang_getNullCursor();
    if (!is_null(var) && clang_getCursorKind(var) == CXCursor_VarDecl && is_local_variable(var)) {
      const CXCursor init = clang_Cursor_getVarDeclInitializer(var);
      if (!is_null(init) && names_next(init)) return true;
    }
    for (CXCursor kid : children(current)) pending.push_back(kid);
  }
  return false;
}

}  // namespace

// A change after the use, in a loop around both that the variable outlives, reaches the use in
// the next iteration (`while (!url.empty()) { get(url); url = next_link(); }`): an assignment is
// one more alternative (but a page's `next` link), any other change makes the value unknown.
ResolvedString StringResolver::changed_in_later_iterations(CXCursor var, ResolvedString value, int position,
                                                           int depth) const {
  if (position < 0) return value;
  const auto& nodes = context_.tree().nodes;
  const auto& ends = context_.tree().subtree_end;
  const int declared = context_.node_index(var);
  auto holds = [&](int node, int other) { return other >= node && other < ends[static_cast<size_t>(node)]; };
  auto loops_back = [&](int event) {
    for (int up = nodes[static_cast<size_t>(event)].parent; up >= 0; up = nodes[static_cast<size_t>(up)].parent) {
      const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
      if (is_function_like(kind) || kind == CXCursor_LambdaExpr) return false;
      if (is_loop_kind(kind) && holds(up, position) && (declared < 0 || !holds(up, declared))) return true;
    }
    return false;
  };
  for (int index : context_.subject_events(var)) {
    if (index < position || !loops_back(index)) continue;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    const auto kids = children(event);
    const std::string name = spelling(event);
    const auto args = call_arguments(event);
    CXCursor assigned = clang_getNullCursor();
    if (nodes[static_cast<size_t>(index)].kind == CXCursor_BinaryOperator && kids.size() == 2 &&
        refers_to_variable(kids[0], var) && binary_operator_token(context_.tu(), event) == "=") {
      assigned = kids[1];
    } else if (name == "operator=" && args.size() == 2 && refers_to_variable(args[0], var)) {
      assigned = args[1];
    } else if (name == "clear" && args.empty()) {
      value = choose({{std::move(value), {}}, {ResolvedString::constant(""), {}}});
      continue;
    } else if (name != "operator+=" && name != "append" &&
               nodes[static_cast<size_t>(index)].kind != CXCursor_CompoundAssignOperator) {
      continue;  // a read, not a change
    }
    if (is_null(assigned)) return ResolvedString::wildcard();
    // The `next` link of a page the API returned is the same endpoint's next page (Elation's lists
    // are paginated with `next`/`previous` links): the request is the first page's.
    if (from_next_link(context_.tu(), assigned)) continue;
    value = choose({{std::move(value), {}}, {resolve_at(assigned, index, depth), {}}});
  }
  return value;
}

}  // namespace scopelint::extract

// Loops that fill a container of strings before it is joined (part of StringResolver, see
// string_resolver.h): run once per value of a range-for over known elements or of a counting
// loop, appends resolved with the loop variable bound, tests decided on it.
//
//   for (auto r : {"patients", "allergies"}) parts.push_back(std::string("system/") + r + ".read");
//   for (const QString& r : kResources) scopes << "system/" + r + ".read";
#include "extract/clang/cursor_utils.h"
#include "extract/clang/variable_uses.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {

std::optional<std::vector<ResolvedString>> StringResolver::run_container_loop(CXCursor loop, CXCursor var,
                                                                              std::vector<ResolvedString> items,
                                                                              int depth) const {
  if (depth > 96) return std::nullopt;
  auto run = loop_run(loop, depth);
  if (!run || !each_loop_value(*run, [&] { return run_container_statement(run->body, var, items, depth + 1); })) {
    return std::nullopt;
  }
  return items;
}

bool StringResolver::run_container_statement(CXCursor statement, CXCursor var, std::vector<ResolvedString>& items,
                                             int depth) const {
  const auto nested = [&](CXCursor loop) {
    auto inner = run_container_loop(loop, var, std::move(items), depth);
    if (!inner) return false;
    items = std::move(*inner);
    return true;
  };
  const auto expression = [&](CXCursor statement_expr) {
    const CXCursor expr = strip_wrappers(statement_expr);
    std::vector<int> chained;
    if (is_call(clang_getCursorKind(expr)) &&
        apply_container_call(expr, var, items, context_.node_index(expr), depth, chained)) {
      return true;
    }
    return !mentions_variable(expr, var);
  };
  return run_body(statement, var, nested, expression);
}

}  // namespace scopelint::extract

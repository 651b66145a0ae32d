// The elements of a container of strings that a join reads: a braced list, an array, a
// std::vector or QStringList built by push_back/emplace_back/append/<< before the join (part of
// StringResolver, see string_resolver.h). Anything else done to the container makes it unknown.
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/braced_lists.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxElements = 64;

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// What node `event` sits in, up to the statement that holds node `declared`: nothing that branches,
// only `if`s, or a loop, `switch`, `?:`, lambda or `try`.
enum class Around { Straight, Ifs, Other };
Around around(const std::vector<AstNode>& nodes, const std::vector<int>& subtree_end, int event, int declared) {
  Around found = Around::Straight;
  for (int up = nodes[static_cast<size_t>(event)].parent; up >= 0;
       up = nodes[static_cast<size_t>(up)].parent) {
    const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
    if (is_function_like(kind) ||
        (declared >= up && declared < subtree_end[static_cast<size_t>(up)]))
      break;
    if (kind == CXCursor_IfStmt) found = Around::Ifs;
    if (kind == CXCursor_SwitchStmt || kind == CXCursor_WhileStmt || kind == CXCursor_ForStmt ||
        kind == CXCursor_DoStmt || is_range_loop(kind) || kind == CXCursor_ConditionalOperator ||
        kind == CXCursor_LambdaExpr || kind == CXCursor_CXXTryStmt) {
      return Around::Other;
    }
  }
  return found;
}

// The links of `var << a << b` from the outermost call in, or none when the chain does not start
// at `var`.
std::vector<CXCursor> stream_links(CXCursor event, CXCursor var) {
  std::vector<CXCursor> links;
  for (CXCursor link = event;
       links.size() < 256 && is_call(clang_getCursorKind(link)) &&
       spelling(link) == "operator<<" && call_arguments(link).size() == 2;
       link = strip_wrappers(call_arguments(link)[0])) {
    links.push_back(link);
    if (refers_to_variable(call_arguments(link)[0], var)) return links;
  }
  return {};
}

// Calls on a container that neither change it nor hand out a way to change it: `v.size()`, `v[i]`.
bool reads_container(CXCursor call, CXCursor var) {
  static const std::vector<std::string> kReaders = {
      "size", "empty", "isEmpty", "count", "length", "contains", "reserve", "join", "indexOf"};
  const std::string name = spelling(call);
  const auto args = call_arguments(call);
  const bool on_var = refers_to_variable(member_call_object(call), var) ||
                      (name.rfind("operator", 0) == 0 && !args.empty() && refers_to_variable(args[0], var));
  if (!on_var) return false;
  CXCursor callee = callee_of(call);
  return (!is_null(callee) && clang_CXXMethod_isConst(callee)) || contains(kReaders, name);
}

}  // namespace

std::optional<std::vector<ResolvedString>> StringResolver::resolve_elements(CXCursor expr,
                                                                            int position,
                                                                            int depth) const {
  if (depth > 96) return std::nullopt;
  CXCursor var = referenced_variable(strip_wrappers(expr));
  if (is_null(var)) {
    // A braced list or a temporary written where it is used.
    CXCursor list = braced_list(expr);
    if (is_null(list)) return std::nullopt;
    std::vector<ResolvedString> items;
    for (CXCursor item : children(list)) items.push_back(resolve_at(item, position, depth + 1));
    if (items.size() > kMaxElements) return std::nullopt;
    return items;
  }
  if (clang_getCursorKind(var) == CXCursor_ParmDecl) {
    // A helper's parameter while its returns are read for one call (helper_returns.cpp).
    const std::string key = declaration_key(var);
    for (auto it = container_arguments_.rbegin(); it != container_arguments_.rend(); ++it) {
      if (it->parameter == key) return resolve_elements(it->argument, it->position, depth + 1);
    }
    return std::nullopt;
  }
  if (clang_getCursorKind(var) == CXCursor_FieldDecl) return member_elements(var, depth);
  if (clang_getCursorKind(var) != CXCursor_VarDecl) return std::nullopt;
  CXCursor definition = clang_getCursorDefinition(var);
  if (!is_null(definition)) var = definition;
  const bool local = is_local_variable(var);
  const CXType type = clang_getCursorType(var);
  const std::optional<long long> size = fixed_size(type);
  // A container at namespace scope may change anywhere unless it is const (an array cannot grow).
  if (!local && !size && !clang_isConstQualifiedType(type)) return std::nullopt;
  const int declared = context_.node_index(var);
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  std::vector<ResolvedString> items;
  if (!is_null(init)) {
    CXCursor list = braced_list(init);
    if (!is_null(list)) {
      for (CXCursor item : children(list))
        items.push_back(resolve_at(item, local ? declared : -1, depth + 1));
    } else {
      // Made empty by its default constructor, or copied from another container.
      CXCursor inner = strip_wrappers(init);
      const bool constructed = is_call(clang_getCursorKind(inner)) &&
                               clang_getCursorKind(callee_of(inner)) == CXCursor_Constructor;
      const auto args = constructed ? call_arguments(inner) : std::vector<CXCursor>{};
      if (!constructed || !args.empty()) {
        if (constructed && args.size() != 1) return std::nullopt;
        auto copied =
            resolve_elements(constructed ? args[0] : inner, local ? declared : -1, depth + 1);
        if (!copied) return std::nullopt;
        items = std::move(*copied);
      }
    }
  } else if (!local || size) {
    return std::nullopt;
  }
  if (size && static_cast<long long>(items.size()) != *size) return std::nullopt;
  if (items.size() > kMaxElements) return std::nullopt;
  if (!local) return items;
  if (declared < 0 || position < 0) return std::nullopt;
  return container_events(var, std::move(items), declared, position, depth);
}

// A member container's braced elements, when it is const or only read (unchanged_container).
std::optional<std::vector<ResolvedString>> StringResolver::member_elements(CXCursor field, int depth) const {
  if (is_null(unchanged_container(field))) return std::nullopt;
  const CXCursor init = container_initializer(field);
  const CXCursor list = is_null(init) ? init : braced_list(init);
  if (is_null(list)) return std::nullopt;
  std::vector<ResolvedString> items;
  for (CXCursor item : children(list)) items.push_back(resolve_at(item, -1, depth + 1));
  const std::optional<long long> size = fixed_size(clang_getCursorType(field));
  if ((size && static_cast<long long>(items.size()) != *size) || items.size() > kMaxElements) return std::nullopt;
  return items;
}

// The container's elements after the calls on it between its declaration and `position`.
std::optional<std::vector<ResolvedString>> StringResolver::container_events(
    CXCursor var, std::vector<ResolvedString> items, int declared, int position, int depth) const {
  const auto& nodes = context_.tree().nodes;
  const auto& ends = context_.tree().subtree_end;
  // A call that passes the container on may change it, unless it takes it by value or as const.
  for (int use : context_.argument_uses(var)) {
    if (use > declared && use < position && !passes_read_only(nodes[static_cast<size_t>(use)].cursor, var)) {
      return std::nullopt;
    }
  }
  std::vector<int> chained;  // inner links of `list << a << b`, taken with the outermost
  int run_until = -1;        // the end of a loop already run whole
  for (int index : context_.subject_events(var)) {
    if (index <= declared || index < run_until) continue;
    if (index >= position) break;
    if (std::find(chained.begin(), chained.end(), index) != chained.end()) continue;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    if (!is_call(nodes[static_cast<size_t>(index)].kind)) return std::nullopt;
    if (reads_container(event, var)) continue;  // `v.size()`, `v[i]` change nothing wherever they are
    // A loop over known values that appends is run once per value (container_loops.cpp).
    // Appends under an `if` that is not decided here are taken: the list asks for them in the runs
    // that take the branch (unused scopes are judged on them; a call needing one is not missing).
    const int loop = loop_around(index, declared, position);
    if (loop >= 0) {
      if (around(nodes, ends, loop, declared) == Around::Other) return std::nullopt;
      auto run = run_container_loop(nodes[static_cast<size_t>(loop)].cursor, var, std::move(items), depth + 1);
      if (!run) return std::nullopt;
      items = std::move(*run);
      run_until = ends[static_cast<size_t>(loop)];
      continue;
    }
    // Other changes are followed only when they run exactly once before the join, or are appends.
    const Around branches = around(nodes, ends, index, declared);
    if (branches == Around::Other) return std::nullopt;
    if (branches == Around::Ifs && spelling(event) == "clear") return std::nullopt;
    if (apply_container_call(event, var, items, index, depth, chained)) continue;
    if (branches == Around::Ifs) return std::nullopt;
    if (is_null(member_call_object(event)) && passes_read_only(event, var)) continue;  // by value or const
    return std::nullopt;  // assignments, erase, insert, sort, a non-const begin() ...
  }
  return items;
}

bool StringResolver::apply_container_call(CXCursor event, CXCursor var, std::vector<ResolvedString>& items,
                                          int position, int depth, std::vector<int>& chained) const {
  if (reads_container(event, var)) return true;
  const std::string name = spelling(event);
  const auto args = call_arguments(event);
  const CXCursor object = member_call_object(event);
  // An element appended: never a container appended whole (`list += other`).
  auto element = [&](CXCursor arg) -> bool {
    if (clang_equalTypes(clang_getCanonicalType(clang_getCursorType(strip_wrappers(arg))),
                         clang_getCanonicalType(clang_getCursorType(var)))) {
      return false;
    }
    items.push_back(resolve_at(arg, position, depth + 1));
    return items.size() <= kMaxElements;
  };
  if ((name == "push_back" || name == "emplace_back" || name == "append") && args.size() == 1 &&
      refers_to_variable(object, var)) {
    return element(args[0]);
  }
  if (name == "operator+=" && args.size() == 2 && refers_to_variable(args[0], var)) return element(args[1]);
  // A set's insert(x) / emplace(x): the order of a set's elements does not matter to a scope list
  // or to the requests made over it. insert(c.end(), x) appends, insert(c.begin(), x) prepends.
  if ((name == "insert" || name == "emplace") && refers_to_variable(object, var)) {
    if (args.size() == 1 && type_is_one_of(clang_getCursorType(var), {"std::set", "std::unordered_set"})) {
      return element(args[0]);
    }
    if (args.size() != 2) return false;
    const bool at_begin = refers_to_variable(container_of_call(args[0], {"begin", "cbegin"}), var);
    const bool at_end = refers_to_variable(container_of_call(args[0], {"end", "cend"}), var);
    if ((!at_begin && !at_end) || !element(args[1])) return false;
    if (at_begin) std::rotate(items.begin(), items.end() - 1, items.end());
    // The non-const begin() / end() inside the insert (and its conversion) is part of it.
    if (const int at = context_.node_index(args[0]); at >= 0) {
      for (int i = at; i < context_.tree().subtree_end[static_cast<size_t>(at)]; ++i) chained.push_back(i);
    }
    return true;
  }
  if (name == "operator<<") {
    const std::vector<CXCursor> links = stream_links(event, var);
    if (links.empty()) return false;
    for (auto it = links.rbegin(); it != links.rend(); ++it) {
      if (!element(call_arguments(*it)[1])) return false;
      const int at = context_.node_index(*it);
      if (at >= 0) chained.push_back(at);
    }
    return true;
  }
  if (name == "clear" && args.empty() && refers_to_variable(object, var)) {
    items.clear();
    return true;
  }
  return false;
}

CXCursor StringResolver::braced_element(CXCursor container, long long index, int position, int depth) const {
  const auto items = resolve_elements(container, position, depth + 1);
  if (!items || index < 0 || static_cast<size_t>(index) >= items->size()) return clang_getNullCursor();
  CXCursor var = referenced_variable(strip_wrappers(container));
  CXCursor list = clang_getNullCursor();
  if (is_null(var)) {
    list = braced_list(container);
  } else if (clang_getCursorKind(var) == CXCursor_VarDecl) {
    CXCursor definition = clang_getCursorDefinition(var);
    CXCursor init = clang_Cursor_getVarDeclInitializer(is_null(definition) ? var : definition);
    if (!is_null(init)) list = braced_list(init);
  }
  if (is_null(list)) return clang_getNullCursor();
  const auto elements = children(list);
  // Elements added after the declaration are not braced lists written here.
  if (elements.size() != items->size()) return clang_getNullCursor();
  return braced_list(elements[static_cast<size_t>(index)]);
}

}  // namespace scopelint::extract

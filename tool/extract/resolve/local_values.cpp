// Values of variables as of a point in their function: the initializer, then the assignments,
// appends, stream insertions and printf-style writes before that point (part of StringResolver).
#include <algorithm>

#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"
#include "extract/clang/objc_cursors.h"
#include "extract/clang/field_initializers.h"
#include "extract/resolve/buffer_writes.h"
#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool same_declaration(CXCursor a, CXCursor b) {
  return !is_null(a) && !is_null(b) && declaration_key(a) == declaration_key(b);
}

bool refers_to(CXCursor expr, CXCursor var) { return same_declaration(referenced_variable(expr), var); }

bool is_branch_kind(CXCursorKind kind) {
  switch (kind) {
    case CXCursor_IfStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_DoStmt:
    case CXCursor_CXXForRangeStmt:
    case CXCursor_ObjCForCollectionStmt:
    case CXCursor_ConditionalOperator:
    case CXCursor_CXXCatchStmt:
    case CXCursor_LambdaExpr:
      return true;
    default:
      return false;
  }
}

// `node` may be one past the last node: the end of the unit, a descendant of nothing.
bool is_descendant(const std::vector<AstNode>& nodes, int node, int ancestor) {
  if (node >= static_cast<int>(nodes.size())) return false;
  for (; node >= 0; node = nodes[static_cast<size_t>(node)].parent) {
    if (node == ancestor) return true;
  }
  return false;
}

// Whether the statement at `event` may not have run when control reaches `position`: it sits in a
// branch or loop body that does not also hold `position`.
bool runs_conditionally(const std::vector<AstNode>& nodes, int event, int position) {
  if (position < 0) return false;
  int child = event;
  for (int up = nodes[static_cast<size_t>(event)].parent; up >= 0;
       child = up, up = nodes[static_cast<size_t>(up)].parent) {
    const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
    if (is_function_like(kind)) break;
    if (!is_branch_kind(kind)) continue;
    const bool in_condition = child == up + 1 && kind != CXCursor_DoStmt && kind != CXCursor_LambdaExpr;
    if (!in_condition && !is_descendant(nodes, position, up)) return true;
  }
  return false;
}

// Whether every branch between `event` and the use at `position` is an `if`, a `switch` or a
// `?:` (a choice between values), not a loop, a lambda or a handler.
bool only_in_choices(const std::vector<AstNode>& nodes, int event, int position) {
  for (int up = nodes[static_cast<size_t>(event)].parent; up >= 0; up = nodes[static_cast<size_t>(up)].parent) {
    const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
    if (is_function_like(kind) || is_descendant(nodes, position, up)) break;
    if (is_branch_kind(kind) && kind != CXCursor_IfStmt && kind != CXCursor_SwitchStmt &&
        kind != CXCursor_ConditionalOperator) {
      return false;
    }
  }
  return true;
}

// Whether `call` gets `var` where it can change its value: a reference to non-const, or a pointer
// to non-const (a `char` buffer); not a copy, a `const char*` or a variadic argument.
bool hands_on_to_change(CXCursor call, CXCursor var) {
  const CXCursor callee = callee_of(call);
  if (is_null(callee) || spelling(call).rfind("operator", 0) == 0) return false;
  const int params = clang_Cursor_getNumArguments(callee);
  const auto args = call_arguments(call);
  for (size_t i = 0; i < args.size() && static_cast<int>(i) < params; ++i) {
    if (!refers_to(args[i], var)) continue;
    const CXType type = clang_getCanonicalType(clang_getCursorType(clang_Cursor_getArgument(callee, static_cast<unsigned>(i))));
    const bool indirect = type.kind == CXType_LValueReference || type.kind == CXType_RValueReference ||
                          type.kind == CXType_Pointer;
    if (indirect && !clang_isConstQualifiedType(clang_getPointeeType(type))) return true;
  }
  return false;
}

// Whether `var` is an object of a library's client type (`http_client`, `httplib::Client`): its
// base is its constructor's, which no function it is handed to can change.
bool is_client_object(const LibraryModels& models, CXCursor var) {
  for (const auto& library : models.libraries) {
    for (const auto& client : library.clients) {
      if (type_is_one_of(clang_getCursorType(var), client.types)) return true;
    }
  }
  return false;
}

}  // namespace

ResolvedString without_slots(ResolvedString value) {
  const PiecedText plain =
      substitute_pieced({value.text, value.pieces}, [](const ParameterSlot&) { return PiecedText{kWildcard, {}}; });
  value.text = plain.text;
  value.pieces = plain.pieces;
  return value;
}

ResolvedString StringResolver::resolve_variable(CXCursor var, int position, int depth) const {
  if (const ResolvedString* bound = bound_value(var)) return *bound;
  const CXCursorKind kind = clang_getCursorKind(var);
  if (kind == CXCursor_ParmDecl) return resolve_parameter(var, position, depth);
  if (kind == CXCursor_FieldDecl || kind == CXCursor_ObjCIvarDecl) return resolve_field(var, depth);
  CXCursor definition = clang_getCursorDefinition(var);
  if (!is_null(definition)) var = definition;
  if (!is_null(context_.loop_range(declaration_key(var)))) {
    return ResolvedString::constant(slot_text(loop_slot_function(declaration_key(var)), 0));
  }
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  const bool local = is_local_variable(var);
  if (!local) return resolve_global(var, init, position, depth);
  // The initializer runs where the variable is declared: what later statements do to the names in
  // it (`curl_free(scopes)` after `body = prefix + scopes`) does not reach it.
  const int declared = position >= 0 ? context_.node_index(var) : -1;
  const int init_at = declared >= 0 && declared < position ? declared : position;
  ResolvedString value = is_null(init) ? ResolvedString::constant("") : resolve_at(init, init_at, depth);
  return apply_events(var, value, position, depth);
}

// A member's value: its default initializer, or what the constructors' initializer lists give it
// when they agree (`: api_(host + "/api/2.0")` is "{}/api/2.0": a constructor's parameters are
// run-time values here, as its callers are not followed).
ResolvedString StringResolver::resolve_field(CXCursor field, int depth) const {
  const CXCursor initializer = field_initializer(field);
  if (!is_null(initializer)) return resolve_at(initializer, -1, depth);
  // Each constructor's value is an alternative (none is chosen by a test a caller decides); one
  // made of the constructor's parameters takes the arguments of each construction in this unit
  // (`ElationClient client("sandbox.elationemr.com", "/api/2.0")`), up to 8 of them.
  std::vector<Alternative> alternatives;
  const auto& nodes = context_.tree().nodes;
  for (int index : context_.member_initializers(field)) {
    ResolvedString value = resolve_at(nodes[static_cast<size_t>(index)].cursor, index, depth);
    const int constructor = nodes[static_cast<size_t>(index)].parent;
    const auto& made = constructor >= 0 && has_slot(value.text)
                           ? context_.constructions(nodes[static_cast<size_t>(constructor)].cursor)
                           : std::vector<int>{};
    if (!made.empty() && made.size() <= 8 && depth < 48) {
      for (int site : made) {
        alternatives.push_back({without_slots(bind_arguments(value, nodes[static_cast<size_t>(constructor)].cursor,
                                                             nodes[static_cast<size_t>(site)].cursor, site, depth + 1)),
                                {}});
      }
      continue;
    }
    alternatives.push_back({without_slots(std::move(value)), {}});
  }
  if (alternatives.empty() && depth < 48) {
    if (auto assigned = assigned_member(field, depth)) {
      for (Alternative& alternative : *assigned) alternatives.push_back({without_slots(std::move(alternative.value)), {}});
    }
  }
  return choose(std::move(alternatives));
}

// A parameter's value is the caller's argument: its slot, then what the function does to it.
ResolvedString StringResolver::resolve_parameter(CXCursor parameter, int position, int depth) const {
  CXCursor function = clang_getCursorSemanticParent(parameter);
  const CXCursorKind kind = clang_getCursorKind(function);
  if (kind != CXCursor_FunctionDecl && kind != CXCursor_CXXMethod && kind != CXCursor_Constructor &&
      kind != CXCursor_FunctionTemplate && kind != CXCursor_ObjCInstanceMethodDecl &&
      kind != CXCursor_ObjCClassMethodDecl) {
    return ResolvedString::wildcard();
  }
  const std::string usr = function_key(function);
  if (usr.empty()) return ResolvedString::wildcard();
  int index = 0;
  for (CXCursor child : children(function)) {
    if (clang_getCursorKind(child) != CXCursor_ParmDecl) continue;
    if (same_expression(child, parameter)) {
      return apply_events(parameter, ResolvedString::constant(slot_text(usr, index)), position, depth);
    }
    ++index;
  }
  return ResolvedString::wildcard();
}

std::optional<std::string> StringResolver::parameter_slot(CXCursor expr, int position) const {
  ResolvedString value = resolve(expr, position);
  const auto slot = value.known ? whole_slot(value.text) : std::nullopt;
  if (!slot || is_choice_slot(*slot)) return std::nullopt;
  return value.text;
}

// A chain `v << a << b` or `v.append(a).append(b)` on `var`, applied from the outermost call
// `event`; the inner calls of the chain are `consumed` (they are events of `var` too).
void StringResolver::apply_chain(CXCursor event, CXCursor var, int index, int depth, ResolvedString& value,
                                 std::vector<CXCursor>& consumed) const {
  const auto& apis = context_.models().strings;
  std::vector<CXCursor> chain;
  CXCursor current = event;
  for (int guard = 0; guard < 256 && is_call(clang_getCursorKind(current)); ++guard) {
    chain.push_back(current);
    consumed.push_back(current);
    if (refers_to(spelling(current) == "operator<<" ? clang_Cursor_getArgument(current, 0)
                                                    : member_call_object(current), var)) {
      break;
    }
    current = strip_wrappers(spelling(current) == "operator<<" ? clang_Cursor_getArgument(current, 0)
                                                               : member_call_object(current));
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const std::string link = spelling(*it);
    const std::string qualified = callee_name(*it);
    const auto link_args = call_arguments(*it);
    auto link_arg = [&](size_t i) {
      return i < link_args.size() ? resolve_at(link_args[i], index, depth) : ResolvedString::wildcard();
    };
    if (link == "operator<<") {
      value.append(link_arg(1));
    } else if (contains(apis.path_appenders, qualified)) {
      value = join_path(value, link_arg(0));
    } else if (contains(apis.query_appenders, qualified)) {
      value = appended_query(std::move(value), *it, index, depth);
    } else if (link == "append") {
      value.append(link_arg(0));
    }
  }
}

bool StringResolver::only_adds_query(CXCursor var, int loop) const {
  const auto& nodes = context_.tree().nodes;
  const int end = context_.tree().subtree_end[static_cast<size_t>(loop)];
  const auto& appenders = context_.models().strings.query_appenders;
  for (int index : context_.subject_events(var)) {
    if (index <= loop || index >= end) continue;
    const std::string name = callee_name(nodes[static_cast<size_t>(index)].cursor);
    if (std::find(appenders.begin(), appenders.end(), name) == appenders.end()) return false;
  }
  return true;
}

ResolvedString StringResolver::apply_events(CXCursor var, ResolvedString value, int position,
                                            int depth) const {
  const auto& nodes = context_.tree().nodes;
  const auto& apis = context_.models().strings;
  std::vector<CXCursor> consumed;
  auto is_consumed = [&](CXCursor c) {
    return std::any_of(consumed.begin(), consumed.end(), [&](CXCursor d) { return same_expression(c, d); });
  };
  int current = -1;  // the event being applied
  const CXCursor init = clang_getCursorKind(var) == CXCursor_VarDecl ? clang_Cursor_getVarDeclInitializer(var)
                                                                       : clang_getNullCursor();
  bool unset = value.text.empty() || (!is_null(init) && is_null_pointer_constant(init));
  // The last assignment before the use wins; one in an `if`, `switch` or `?:` branch makes
  // alternatives (value_choices.cpp); one that may run otherwise (a lambda) is unknown.
  auto assign = [&](ResolvedString next) {
    if (!runs_conditionally(nodes, current, position)) {
      value = std::move(next);
    } else if (only_in_choices(nodes, current, position)) {
      value = sets_default(var, value, current) && next.known
                  ? std::move(next)
                  : assigned_in_branch(std::move(value), unset, std::move(next), current);
    } else {
      value = ResolvedString::wildcard();
    }
    unset = value.text.empty();
  };
  int declared = -2;  // the variable's node, looked up when an event sits in a loop
  std::vector<int> loops;  // loops already run (all their events at once)
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    // A loop that changes the variable before the use is run whole: unrolled over a known
    // container, else the value is unknown from there on.
    int loop = loop_around(index, -1, position);
    if (loop >= 0) {
      if (declared == -2) declared = context_.node_index(var);
      loop = loop_around(index, declared, position);
    }
    if (loop >= 0) {
      if (std::find(loops.begin(), loops.end(), loop) != loops.end()) continue;
      loops.push_back(loop);
      current = loop;
      auto unrolled = unroll_loop(nodes[static_cast<size_t>(loop)].cursor, var, value, depth + 1);
      if (unrolled) {
        assign(std::move(*unrolled));
      } else if (only_adds_query(var, loop)) {
        value = append_query_text(std::move(value), ResolvedString::wildcard());  // the path stays
      } else {
        assign(ResolvedString::wildcard());
      }
      continue;
    }
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    if (is_consumed(event)) continue;
    current = index;
    const CXCursorKind kind = nodes[static_cast<size_t>(index)].kind;
    const auto kids = children(event);
    if (kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator) {
      // `comps.path = p`: a call of the property's setter, `[comps setPath:p]`.
      if (auto property = property_assignment(context_.tu(), event)) {
        if (contains(apis.path_setters, property->setter)) value = with_path(value, resolve_at(property->value, index, depth));
        continue;
      }
      if (kids.size() != 2 || !refers_to(kids[0], var)) continue;
      const std::string op = binary_operator_token(context_.tu(), event);
      if (op == "=") assign(resolve_at(kids[1], index, depth));
      if (op == "+=") value.append(resolve_at(kids[1], index, depth));
      continue;
    }
    const std::string name = spelling(event);
    const auto args = call_arguments(event);
    auto arg = [&](size_t i) {
      return i < args.size() ? resolve_at(args[i], index, depth) : ResolvedString::wildcard();
    };
    if (name == "operator=" && args.size() == 2 && refers_to(args[0], var)) {
      assign(arg(1));
    } else if (name == "operator+=" && args.size() == 2 && refers_to(args[0], var)) {
      value.append(arg(1));
    } else if (name == "operator<<" || name == "append" ||
               contains(apis.path_appenders, callee_name(event)) ||
               contains(apis.query_appenders, callee_name(event))) {
      apply_chain(event, var, index, depth, value, consumed);
    } else if (BufferWrite write = buffer_write(name, args.size(), arg);
               write.kind != BufferWrite::Kind::None && refers_to(args[0], var)) {
      if (write.kind == BufferWrite::Kind::Replace) assign(std::move(write.text));
      else value.append(write.text);
    } else if (contains(apis.query_setters, callee_name(event)) && !args.empty()) {
      value = with_query(value, query_text(args[0], index));
    } else if (contains(apis.path_setters, callee_name(event)) && !args.empty()) {
      value = with_path(value, arg(0));
    } else if (contains(apis.mutating_appenders, callee_name(event)) && !args.empty()) {
      value.append(appended_value(event, index, depth));
    } else if (name == "clear" && args.empty()) {
      assign(ResolvedString::constant(""));
    } else if (const auto* encoder = apis.out_encoder(callee_name(event));
               encoder && encoder->into < args.size() && refers_to(args[encoder->into], var)) {
      value.append(percent_encoded(arg(encoder->from)));
    } else if (name == "ostream_iterator" || name == "ostream_joiner") {
      auto written = copied_into_stream(index, depth);
      if (written) value.append(*written);
      else assign(ResolvedString::wildcard());
    } else if (!is_member_call(event) && hands_on_to_change(event, var) &&
               !is_client_object(context_.models(), var)) {
      // Given to be changed (an out-parameter, `fill(path)`; an ostream_iterator not copied into).
      // A library's client handed on (`get(client, path)`) keeps the base it was made with.
      assign(ResolvedString::wildcard());
    }
  }
  return changed_in_later_iterations(var, std::move(value), position, depth);
}

ResolvedString StringResolver::resolve_stream(CXCursor var, int position) const {
  ResolvedString value = apply_events(var, ResolvedString::constant(""), position, 0);
  value.text = collapse_wildcards(value.text);
  return value;
}

}  // namespace scopelint::extract

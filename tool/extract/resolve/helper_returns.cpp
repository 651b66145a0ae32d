// URL helpers: a call of a project function that returns a string is the value the function returns,
// with the call's arguments for its parameters (part of StringResolver, see string_resolver.h).
//
//   std::string url(const std::string& path) const { return base_ + "/api/2.0" + path; }
//   cpr::Get(cpr::Url{url("/patients/")});  // "{}/api/2.0/patients/"
#include <algorithm>

#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"
#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/switch_returns.h"

namespace scopelint::extract {

std::optional<ResolvedString> StringResolver::resolve_helper(CXCursor call, CXCursor callee, int position,
                                                             int depth) const {
  if (!is_stringish_type(clang_getCursorResultType(callee))) return std::nullopt;  // also a method's
  // A virtual member the unit's classes override (`path()` of a list type): each override's value
  // is an alternative, the base's own body one more.
  const std::vector<int> overrides = context_.overriders(callee);
  int definition = context_.definition_node(callee);
  if (!overrides.empty()) {
    std::vector<Alternative> alternatives;
    for (int one : overrides) {
      if (auto value = helper_value(call, one, position, depth)) alternatives.push_back({std::move(*value), {}});
    }
    if (definition >= 0) {
      if (auto value = helper_value(call, definition, position, depth)) alternatives.push_back({std::move(*value), {}});
    }
    if (alternatives.empty()) return std::nullopt;
    return choose(std::move(alternatives));
  }
  if (definition < 0) definition = lambda_called(call);
  if (definition < 0) return std::nullopt;
  return helper_value(call, definition, position, depth);
}

// The value the helper defined at node `definition` returns for `call`.
std::optional<ResolvedString> StringResolver::helper_value(CXCursor call, int definition, int position,
                                                           int depth) const {
  // A helper that calls itself is not followed again.
  if (std::find(helpers_in_progress_.begin(), helpers_in_progress_.end(), definition) != helpers_in_progress_.end()) {
    return std::nullopt;
  }
  const auto args = parameter_arguments(call);
  const std::vector<int> returns =
      returns_selected_by(context_, definition, context_.return_statements(definition), args);
  if (returns.empty()) return std::nullopt;
  helpers_in_progress_.push_back(definition);
  const auto& nodes = context_.tree().nodes;
  // Container parameters the helper only reads (`const std::vector<std::string>&`, or by value)
  // are the call's arguments while its returns are read.
  const size_t bound_containers = container_arguments_.size();
  const CXCursor function = nodes[static_cast<size_t>(definition)].cursor;
  size_t parameter = 0;
  for (CXCursor child : children(function)) {
    if (clang_getCursorKind(child) != CXCursor_ParmDecl) continue;
    const size_t at = parameter++;
    if (at >= args.size() || is_stringish_type(clang_getCursorType(child)) || !is_read_only_parameter(clang_getCursorType(child))) continue;
    container_arguments_.push_back({declaration_key(child), args[at], position});
  }
  // Each return is an alternative, taken under the tests of parameters around it.
  std::vector<Alternative> alternatives;
  for (int index : returns) {
    auto kids = children(nodes[static_cast<size_t>(index)].cursor);
    ResolvedString value = kids.empty() ? ResolvedString::wildcard() : resolve_at(kids.front(), index, depth + 1);
    alternatives.push_back({std::move(value), {}});
  }
  const bool agree = std::all_of(alternatives.begin(), alternatives.end(), [&](const Alternative& a) {
    return a.value.text == alternatives.front().value.text;
  });
  for (size_t i = 0; i < returns.size() && !agree; ++i) {
    alternatives[i].conditions = branch_conditions(context_, *this, returns[i]);
  }
  const ResolvedString returned = choose(std::move(alternatives));
  container_arguments_.resize(bound_containers);
  helpers_in_progress_.pop_back();
  return bind_arguments(returned, parameters_owner(function), call, position, depth + 1);
}

std::vector<CXCursor> parameter_arguments(CXCursor call) {
  auto args = call_arguments(call);
  const CXCursor callee = callee_of(call);
  const int params = is_null(callee) ? -1 : clang_Cursor_getNumArguments(callee);
  if (spelling(call) == "operator()" && params >= 0 && args.size() == static_cast<size_t>(params) + 1) {
    args.erase(args.begin());
  }
  return args;
}

// The lambda a call of a local variable's operator() runs (`auto join = [](...) {...}; join(x)`):
// its node, or -1.
int StringResolver::lambda_called(CXCursor call) const {
  if (spelling(call) != "operator()") return -1;
  const auto args = call_arguments(call);
  const CXCursor var = args.empty() ? clang_getNullCursor() : referenced_variable(args.front());
  if (is_null(var) || clang_getCursorKind(var) != CXCursor_VarDecl) return -1;
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  for (int guard = 0; guard < 4 && !is_null(init) && clang_getCursorKind(init) != CXCursor_LambdaExpr; ++guard) {
    const auto kids = children(init);
    init = kids.size() == 1 ? kids.front() : clang_getNullCursor();
  }
  return is_null(init) ? -1 : context_.node_index(init);
}

// The function whose parameters a definition's slots name: a lambda's operator(), which libclang
// shows only as its parameters' parent.
CXCursor parameters_owner(CXCursor definition) {
  if (clang_getCursorKind(definition) != CXCursor_LambdaExpr) return definition;
  for (CXCursor child : children(definition)) {
    if (clang_getCursorKind(child) == CXCursor_ParmDecl) return clang_getCursorSemanticParent(child);
  }
  return clang_getNullCursor();
}

ResolvedString StringResolver::bind_arguments(const ResolvedString& value, CXCursor function, CXCursor call,
                                              int position, int depth) const {
  if (!value.known || !has_slot(value.text)) return value;
  // The function's parameters take the call's arguments; other slots (the caller's own
  // parameters, reached through the arguments) stay for wrapper inference.
  const std::string key = function_key(function);
  const auto args = parameter_arguments(call);
  ResolvedString out = value;
  const PiecedText substituted =
      substitute_pieced({value.text, value.pieces}, [&](const ParameterSlot& slot) -> PiecedText {
        if (is_choice_slot(slot)) return bind_choice(slot.index, function, call, position, depth);
        if (slot.function != key) return {slot_text(slot.function, slot.index), {}};
        if (slot.index < 0 || static_cast<size_t>(slot.index) >= args.size()) return {kWildcard, {}};
        ResolvedString arg = resolve_at(args[static_cast<size_t>(slot.index)], position, depth);
        out.literal_count += arg.literal_count;
        return {arg.text, arg.pieces};
      });
  out.text = substituted.text;
  out.pieces = substituted.pieces;
  out.literal.reset();
  out.literal_value.reset();
  return out;
}

}  // namespace scopelint::extract

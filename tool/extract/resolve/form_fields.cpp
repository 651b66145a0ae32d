// Key/value forms: brace-initialised pairs, and emplace/insert/addQueryItem/add calls on a form
// variable before the request (part of StringResolver, see string_resolver.h).
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/resolved_facts.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {

void StringResolver::add_pair(CXCursor key, CXCursor value, int position, ResolvedFields& out) const {
  const ResolvedString k = resolve(key, position);
  if (!k.known) return;  // the value is not resolved then
  if (auto field = form_field(k, resolve(value, position))) out.fields.push_back(std::move(*field));
}

void StringResolver::collect_pairs(CXCursor expr, int position, int depth, ResolvedFields& out) const {
  if (depth > 16) return;
  expr = strip_wrappers(expr);
  const CXCursorKind kind = clang_getCursorKind(expr);
  if (kind == CXCursor_InitListExpr) {
    auto kids = children(expr);
    if (kids.size() == 2 && is_stringish_type(clang_getCursorType(kids[0]))) {
      add_pair(kids[0], kids[1], position, out);
      return;
    }
    for (CXCursor kid : kids) collect_pairs(kid, position, depth + 1, out);
    return;
  }
  if (is_call(kind)) {
    CXCursor callee = callee_of(expr);
    const auto args = call_arguments(expr);
    const bool ctor = clang_getCursorKind(callee) == CXCursor_Constructor;
    if ((ctor || spelling(expr) == "make_pair") && args.size() == 2 &&
        is_stringish_type(clang_getCursorType(args[0]))) {
      add_pair(args[0], args[1], position, out);
      return;
    }
    if (ctor) {
      for (CXCursor arg : args) collect_pairs(arg, position, depth + 1, out);
    }
    return;
  }
  if (kind == CXCursor_UnexposedExpr) {
    for (CXCursor kid : children(expr)) collect_pairs(kid, position, depth + 1, out);
  }
}

ResolvedFields StringResolver::resolve_fields(CXCursor expr, int position) const {
  ResolvedFields out;
  CXCursor inner = strip_passthrough(expr);
  CXCursor var = referenced_variable(inner);
  if (is_null(var)) {
    if (auto returned = helper_fields(strip_wrappers(inner), position)) return *returned;
    collect_pairs(inner, position, 0, out);
    const CXCursorKind kind = clang_getCursorKind(strip_wrappers(inner));
    out.known = !out.fields.empty() || kind == CXCursor_InitListExpr ||
                clang_getCursorKind(callee_of(strip_wrappers(inner))) == CXCursor_Constructor;
    return out;
  }
  out.known = clang_getCursorKind(var) == CXCursor_VarDecl;
  if (!out.known) return out;
  CXCursor definition = clang_getCursorDefinition(var);
  if (!is_null(definition)) var = definition;
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  if (!is_null(init)) collect_pairs(init, position, 0, out);
  const auto& adders = context_.models().strings.field_adders;
  const auto& nodes = context_.tree().nodes;
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    if (!is_call(nodes[static_cast<size_t>(index)].kind)) continue;
    const std::string name = spelling(event);
    const auto args = call_arguments(event);
    if (std::find(adders.begin(), adders.end(), name) != adders.end() &&
        refers_to_variable(member_call_object(event), var)) {
      if (args.size() >= 2) {
        add_pair(args[0], args[1], index, out);
      } else if (args.size() == 1) {
        collect_pairs(args[0], index, 0, out);
      }
    } else if (name == "operator=" && args.size() == 2) {
      CXCursor target = strip_wrappers(args[0]);
      if (spelling(target) == "operator[]" && clang_Cursor_getNumArguments(target) == 2 &&
          refers_to_variable(clang_Cursor_getArgument(target, 0), var)) {
        add_pair(clang_Cursor_getArgument(target, 1), args[1], index, out);
      }
    }
  }
  return out;
}

// A project function that returns a form or headers (`cpr::Header headers() const { return
// {{"Authorization", ...}}; }`): the fields its returns give, its parameters the call's arguments.
std::optional<ResolvedFields> StringResolver::helper_fields(CXCursor call, int position) const {
  if (!is_call(clang_getCursorKind(call))) return std::nullopt;
  const CXCursor callee = callee_of(call);
  if (is_null(callee) || clang_getCursorKind(callee) == CXCursor_Constructor) return std::nullopt;
  const int definition = context_.definition_node(callee);
  if (definition < 0 || std::find(helpers_in_progress_.begin(), helpers_in_progress_.end(), definition) !=
                            helpers_in_progress_.end()) {
    return std::nullopt;
  }
  const auto returns = context_.return_statements(definition);
  if (returns.empty()) return std::nullopt;
  helpers_in_progress_.push_back(definition);
  const CXCursor function = context_.tree().nodes[static_cast<size_t>(definition)].cursor;
  ResolvedFields out;
  out.known = true;
  for (int index : returns) {
    const auto kids = children(context_.tree().nodes[static_cast<size_t>(index)].cursor);
    const ResolvedFields given = kids.empty() ? ResolvedFields{} : resolve_fields(kids.front(), index);
    out.known = out.known && given.known;
    for (FormField field : given.fields) {
      if (field.value && has_slot(*field.value)) {
        const ResolvedString bound = bind_arguments(ResolvedString::constant(*field.value), function, call, position);
        field.value = bound.known ? std::optional<std::string>(bound.text) : std::nullopt;
        field.value_pieces.clear();
        field.value_literal.reset();
      }
      out.fields.push_back(std::move(field));
    }
  }
  helpers_in_progress_.pop_back();
  return out;
}

}  // namespace scopelint::extract

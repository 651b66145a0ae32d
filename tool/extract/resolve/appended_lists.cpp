// Lists built by appender calls, `list = curl_slist_append(list, "X-On-Behalf-Of: 42")`: the items
// appended to a list variable before the request (part of StringResolver, see string_resolver.h).
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

// The item argument of an appender call, or null when `call` is none.
const EncoderModel* appender_of(const std::vector<EncoderModel>& appenders, CXCursor call) {
  call = strip_wrappers(call);
  if (clang_getCursorKind(call) != CXCursor_CallExpr) return nullptr;
  const std::string name = callee_name(call);
  auto it = std::find_if(appenders.begin(), appenders.end(),
                         [&](const EncoderModel& appender) { return appender.function == name; });
  return it != appenders.end() && it->arg < call_arguments(call).size() ? &*it : nullptr;
}

bool same_variable(CXCursor expr, CXCursor var) {
  CXCursor ref = referenced_variable(strip_wrappers(expr));
  return !is_null(ref) && declaration_key(ref) == declaration_key(var);
}

}  // namespace

ResolvedList StringResolver::resolve_list(CXCursor expr, int position) const {
  ResolvedList out;
  CXCursor var = referenced_variable(strip_wrappers(expr));
  if (is_null(var) || clang_getCursorKind(var) != CXCursor_VarDecl) return out;
  CXCursor definition = clang_getCursorDefinition(var);
  if (!is_null(definition)) var = definition;
  const auto& appenders = context_.models().strings.list_appenders;
  out.known = true;
  const auto add_item = [&](CXCursor call, int at) {
    const EncoderModel* appender = appender_of(appenders, call);
    if (!appender) return false;
    out.items.push_back(resolve(call_arguments(strip_wrappers(call))[appender->arg], at));
    return true;
  };
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  if (!is_null(init) && !add_item(init, position)) {
    // Initialised from something else (another list, a function): its items are not known.
    const auto tokens = token_spellings(clang_Cursor_getTranslationUnit(init), init);
    out.known = tokens.size() == 1 && (tokens[0] == "NULL" || tokens[0] == "nullptr" || tokens[0] == "0");
  }
  const auto& nodes = context_.tree().nodes;
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    const auto kind = nodes[static_cast<size_t>(index)].kind;
    // `curl_slist_append(list, item)`, alone or assigned back to the list.
    if (kind == CXCursor_CallExpr) {
      const auto args = call_arguments(event);
      if (!args.empty() && same_variable(args[0], var) && add_item(event, index)) continue;
    }
    // `list = curl_slist_append(NULL, item)` starts a new list.
    if (kind == CXCursor_BinaryOperator) {
      auto kids = children(event);
      if (kids.size() == 2 && same_variable(kids[0], var)) {
        CXCursor call = strip_wrappers(kids[1]);
        const auto args = clang_getCursorKind(call) == CXCursor_CallExpr ? call_arguments(call) : std::vector<CXCursor>{};
        if (appender_of(appenders, call) && !args.empty() && !same_variable(args[0], var)) {
          out.items.clear();
          add_item(call, index);
        }
      }
    }
  }
  return out;
}

}  // namespace scopelint::extract

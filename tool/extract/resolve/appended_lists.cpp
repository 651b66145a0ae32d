// Lists built by appender calls, `list = curl_slist_append(list, "X-On-Behalf-Of: 42")`: the items
// appended to a list variable before the request (part of StringResolver, see string_resolver.h).
#include <algorithm>
#include <set>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

// The item argument of an appender call, or null when `call` is none.
const EncoderModel* appender_of(const std::vector<EncoderModel>& appenders, CXCursor call) {
  call = strip_wrappers(call);
  if (!is_call(clang_getCursorKind(call))) return nullptr;
  const std::string name = callee_name(call);
  auto it = std::find_if(appenders.begin(), appenders.end(),
                         [&](const EncoderModel& appender) { return appender.function == name; });
  return it != appenders.end() && it->arg < call_arguments(call).size() ? &*it : nullptr;
}

}  // namespace

ResolvedList StringResolver::resolve_list(CXCursor expr, int position) const {
  ResolvedList out;
  CXCursor var = referenced_variable(strip_wrappers(expr));
  if (is_null(var) || clang_getCursorKind(var) != CXCursor_VarDecl) return out;
  CXCursor definition = clang_getCursorDefinition(var);
  if (!is_null(definition)) var = definition;
  const auto& appenders = context_.models().strings.list_appenders;
  const auto add = [&](ResolvedString item, int at) {
    out.items.push_back(std::move(item));
    out.conditions.push_back(at >= 0 ? decidable(branch_conditions(context_, *this, at)) : BranchConditions{});
  };
  const auto restart = [&](bool known) {
    out.items.clear();
    out.conditions.clear();
    out.known = known;
  };
  // `list = curl_slist_append(start, item)`: a new list from `start`, whose items are known only
  // when it is NULL (or `list` itself).
  // `event`: the node of the assignment, whose branch tests the item is appended under; -1 for the
  // initializer.
  const auto start_list = [&](CXCursor written, int at, int event) {
    const CXCursor value = strip_wrappers(written);
    const EncoderModel* appender = appender_of(appenders, value);
    if (!appender) {
      // Tested as written: C's NULL, `((void*)0)`, is an int 0 once its cast is stripped.
      restart(is_null_pointer_constant(written) || is_null_pointer_constant(value));
      return;
    }
    const auto args = call_arguments(value);
    if (!refers_to_variable(args[0], var)) restart(is_null_pointer_constant(args[0]));
    add(resolve(args[appender->arg], at), event);
  };
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  if (is_null(init)) {
    out.known = true;
  } else {
    start_list(init, position, -1);
  }
  const auto& nodes = context_.tree().nodes;
  std::set<unsigned> assigned;  // appender calls taken with their assignment
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    const auto kind = nodes[static_cast<size_t>(index)].kind;
    if (kind == CXCursor_BinaryOperator) {
      // An assignment to the list (the appender inside it is an event too, and is taken here).
      auto kids = children(event);
      if (kids.size() == 2 && refers_to_variable(kids[0], var)) {
        assigned.insert(clang_hashCursor(strip_wrappers(kids[1])));
        start_list(kids[1], index, index);
      }
    } else if (is_call(kind)) {
      // `curl_slist_append(list, item)` whose result is not assigned: the list grows in place.
      const auto args = call_arguments(event);
      const EncoderModel* appender = appender_of(appenders, event);
      if (appender && !args.empty() && refers_to_variable(args[0], var) && !assigned.count(clang_hashCursor(event))) {
        add(resolve(args[appender->arg], index), index);
      }
    }
  }
  return out;
}

}  // namespace scopelint::extract

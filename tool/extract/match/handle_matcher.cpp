// libclang matcher for handle APIs such as libcurl's easy interface (rules/http/libcurl.json):
// the request is the perform call; its state is every option set on that handle before it.
#include <algorithm>
#include <functional>
#include <map>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/macro_locations.h"
#include "extract/match/ast_argument.h"
#include "extract/match/matchers.h"
#include "extract/match/request_parts.h"
#include "extract/resolve/method_branches.h"

namespace scopelint::extract {
namespace {

// The option constant an argument names, also through a local copy (curl's type-checking macro
// stores the option in a variable first).
std::string option_name(CXCursor arg) {
  for (int guard = 0; guard < 4; ++guard) {
    arg = strip_wrappers(arg);
    if (clang_getCursorKind(arg) != CXCursor_DeclRefExpr) return "";
    CXCursor ref = clang_getCursorReferenced(arg);
    if (clang_getCursorKind(ref) == CXCursor_EnumConstantDecl) return spelling(ref);
    if (clang_getCursorKind(ref) != CXCursor_VarDecl) return spelling(ref);
    CXCursor init = clang_Cursor_getVarDeclInitializer(ref);
    if (is_null(init)) return spelling(ref);
    arg = init;
  }
  return "";
}

FoundRequest perform_call(const std::string& library, const HandleState& state, CXCursor perform) {
  return make_http_call(library, parts_at_perform(state), to_source_location(cursor_location(perform)),
                        macro_chain(perform));
}

// A handle's options under some conditions on parameters: `if (verb == "POST") setopt(POST)`
// leaves one alternative where the test held and the option is set, and one where it did not.
struct HandleAlternative {
  BranchConditions conditions;
  HandleState state;
};
constexpr size_t kMaxAlternatives = 8;

// Applies an option set under `guard` to each alternative, splitting those the guard does not decide.
void apply_guarded(std::vector<HandleAlternative>& alternatives, const BranchConditions& guard,
                   const std::function<void(HandleState&)>& apply) {
  if (guard.empty()) {
    for (auto& alternative : alternatives) apply(alternative.state);
    return;
  }
  std::vector<HandleAlternative> next;
  for (auto& alternative : alternatives) {
    BranchConditions held = alternative.conditions;
    held.insert(held.end(), guard.begin(), guard.end());
    if (!consistent(held)) {  // the guard cannot hold here
      next.push_back(alternative);
      continue;
    }
    // Where the guard fails: its first k tests hold and the next one does not.
    BranchConditions prefix = alternative.conditions;
    for (const auto& test : guard) {
      BranchConditions failed = prefix;
      failed.push_back(negated(test));
      if (consistent(failed)) next.push_back({failed, alternative.state});
      prefix.push_back(test);
    }
    next.push_back({prefix, alternative.state});
    apply(next.back().state);
  }
  if (next.size() > kMaxAlternatives) {
    // Too many ways through: the method is not worked out.
    HandleAlternative unknown{{}, next.front().state};
    unknown.state.custom_given = true;
    unknown.state.custom_method.reset();
    unknown.state.parts.method_slot.reset();
    next = {unknown};
  }
  alternatives = std::move(next);
}

using HandleStates = std::map<int, std::map<std::string, std::vector<HandleAlternative>>>;

// A handle a project helper set up and returned (`CURL *h = prepare(cfg, path, out);`): the
// options the helper set, its parameters taking the call's arguments. Empty when the handle is not
// made so, or the helper comes later in the unit (its options are not known yet).
std::vector<HandleAlternative> returned_handle(const TuContext& context, const StringResolver& strings,
                                               const HandleStates& states, CXCursor handle) {
  if (is_null(handle) || clang_getCursorKind(handle) != CXCursor_VarDecl) return {};
  const CXCursor call = strip_wrappers(clang_Cursor_getVarDeclInitializer(handle));
  if (!is_call(clang_getCursorKind(call)) || is_null(callee_of(call))) return {};
  const int definition = context.definition_node(callee_of(call));
  if (definition < 0) return {};
  const std::vector<int> returns = context.return_statements(definition);
  if (returns.size() != 1) return {};
  const auto& nodes = context.tree().nodes;
  const auto kids = children(nodes[static_cast<size_t>(returns.front())].cursor);
  const CXCursor returned = kids.empty() ? clang_getNullCursor() : referenced_variable(kids.front());
  const auto in_helper = states.find(definition);
  if (is_null(returned) || in_helper == states.end()) return {};
  const auto found = in_helper->second.find(declaration_key(returned));
  if (found == in_helper->second.end()) return {};
  std::vector<HandleAlternative> out = found->second;
  const CXCursor function = nodes[static_cast<size_t>(definition)].cursor;
  for (auto& alternative : out) bind_url_to_call(strings, alternative.state.parts, function, call, context.node_index(call));
  return out;
}

}  // namespace

void match_handle_api(const LibraryModel& library, const TuContext& context,
                      const StringResolver& strings, std::vector<FoundRequest>& out) {
  if (!library.handle_api) return;
  const HandleApi& api = *library.handle_api;
  // Per enclosing function, per handle variable.
  HandleStates states;
  const auto& nodes = context.tree().nodes;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!is_call(nodes[i].kind)) continue;
    const CXCursor call = nodes[i].cursor;
    const std::string name = spelling(call);
    const bool setopt = name == api.setopt;
    const bool perform = std::find(api.perform.begin(), api.perform.end(), name) != api.perform.end();
    const bool reset = std::find(api.reset.begin(), api.reset.end(), name) != api.reset.end();
    if (!setopt && !perform && !reset) continue;
    const auto args = call_arguments(call);
    if (args.size() <= api.handle_arg) continue;
    CXCursor handle = referenced_variable(args[api.handle_arg]);
    const std::string key = is_null(handle) ? "?" : declaration_key(handle);
    auto& alternatives = states[nodes[i].function][key];
    if (alternatives.empty()) alternatives = returned_handle(context, strings, states, handle);
    if (alternatives.empty()) alternatives.push_back({});
    const int position = static_cast<int>(i);
    if (reset) {
      alternatives = {HandleAlternative{}};
    } else if (perform) {
      const BranchConditions guard = branch_conditions(context, strings, position);
      for (const auto& alternative : alternatives) {
        BranchConditions conditions = alternative.conditions;
        conditions.insert(conditions.end(), guard.begin(), guard.end());
        if (!consistent(conditions)) continue;
        FoundRequest made = perform_call(library.library, alternative.state, call);
        made.conditions = std::move(conditions);
        out.push_back(std::move(made));
      }
    } else if (args.size() > std::max(api.option_arg, api.value_arg)) {
      auto option = api.options.find(option_name(args[api.option_arg]));
      if (option != api.options.end()) {
        const BranchConditions guard = decidable(branch_conditions(context, strings, position));
        apply_guarded(alternatives, guard, [&](HandleState& state) {
          apply_handle_option(option->second, AstArgument(library, strings, args[api.value_arg], position),
                              attached_at(call), state);
        });
        if (option->second.header_list) {
          // Lines appended only under tests of parameters (`if (acting_user)`) split the handle.
          const ResolvedList lines = strings.resolve_list(args[api.value_arg], position);
          for (size_t k = 0; k < lines.items.size() && k < lines.conditions.size(); ++k) {
            if (lines.conditions[k].empty()) continue;
            BranchConditions when = guard;
            when.insert(when.end(), lines.conditions[k].begin(), lines.conditions[k].end());
            apply_guarded(alternatives, when,
                          [&](HandleState& state) { add_header_line(lines.items[k], state.parts); });
          }
        }
      }
    }
  }
}

}  // namespace scopelint::extract

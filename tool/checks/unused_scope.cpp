// unused-scope: a requested scope that no call needs is privilege the client does not use.
#include "checks/checks.h"
#include "checks/scope_fix.h"

namespace scopelint {

void check_unused_scope(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    // With no call found, the calls live where the scan did not reach; an unresolved call may need
    // any scope: in both cases "unused" would be a guess.
    if (component.calls.empty() || component.may_need_any) continue;
    std::vector<std::string> least = component.least_privilege(context.catalog);
    for (const auto* token : component.tokens) {
      if (!token->scope_known) continue;
      for (const auto& scope : token->parsed.scopes) {
        if (scope_status(context.catalog, scope) != ScopeStatus::Known) continue;
        if (component.needed.count(scope) || component.maybe_needed.count(scope)) continue;
        Finding f = make_scope_finding("unused-scope", *token,
                                       "scope '" + scope + "' is requested but no call needs it");
        f.scope = scope;
        f.suggested_scopes = least;
        f.notes.push_back({token->location,
                           least.empty() ? std::string("no call found needs a specific scope")
                                         : "the calls found need only '" + join_scopes(least, " ") + "'"});
        f.fix = least_privilege_fix(context.catalog, component, {token}, &f.no_fix_reason);
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace scopelint

// global-scope: a token for apiv2 (asked for, or the default when no scope is sent) grants every
// resource; the least-privilege scope string for the calls found is suggested instead.
#include <algorithm>

#include "checks/checks.h"
#include "checks/scope_fix.h"

namespace scopelint {
namespace {

std::string why_global(const Catalog& catalog, const TokenRequest& token) {
  if (token.from_config) return "the configuration grants the global scope '" + catalog.global_scope + "'";
  if (!token.sends_scope) {
    return "token request sends no scope, so the token gets the global scope '" +
           catalog.global_scope + "'";
  }
  if (token.parsed.scopes.empty()) {
    return "token request sends an empty scope, so the token gets the global scope '" +
           catalog.global_scope + "'";
  }
  return "token request asks for the global scope '" + catalog.global_scope + "'";
}

size_t unresolved_calls(const Component& component) {
  size_t count = 0;
  for (const auto* call : component.calls) {
    if (call->requirement.kind == Requirement::Kind::Unresolved) ++count;
  }
  return count;
}

}  // namespace

void check_global_scope(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    // A call that only the global scope reaches needs it: dropping it would break that call.
    if (component.needs_global) continue;
    std::vector<std::string> least = component.least_privilege(context.catalog);
    for (const auto* token : component.tokens) {
      if (!token_is_global(context.catalog, *token)) continue;
      std::string message = why_global(context.catalog, *token) + " (every resource); ";
      if (least.empty()) {
        message += "no API call found needs a specific scope";
      } else {
        message += "the calls found need only '" + join_scopes(least, " ") + "'";
      }
      if (size_t unresolved = unresolved_calls(component)) {
        message += " (" + std::to_string(unresolved) + " more call" + (unresolved > 1 ? "s" : "") +
                   " could not be resolved)";
      }
      Finding f = make_scope_finding("global-scope", *token, std::move(message));
      f.scope = context.catalog.global_scope;
      f.suggested_scopes = least;
      f.fix = least_privilege_fix(context.catalog, component, {token}, &f.no_fix_reason);
      out.push_back(std::move(f));
    }
  }
}

void check_global_scope_combined(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    for (const auto* token : component.tokens) {
      const auto& scopes = token->parsed.scopes;
      bool has_global = std::find(scopes.begin(), scopes.end(), context.catalog.global_scope) != scopes.end();
      if (!has_global || scopes.size() < 2) continue;
      Finding f =
          make_scope_finding("global-scope-combined", *token,
                             "the global scope '" + context.catalog.global_scope +
                                 "' cannot be combined with specific scopes; the server rejects "
                                 "this token request");
      f.scope = context.catalog.global_scope;
      out.push_back(std::move(f));
    }
  }
}

}  // namespace scopelint

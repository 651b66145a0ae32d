// unknown-scope and read-only-scope: requested scopes the server does not know; they grant nothing.
#include "checks/checks.h"
#include "util/did_you_mean.h"

namespace scopelint {

std::optional<std::string> closest_scope(const Catalog& catalog, const std::string& scope) {
  std::vector<std::string> candidates = catalog.scope_names();
  candidates.push_back(catalog.global_scope);
  // "patients.read" without the prefix is the commonest slip.
  if (scope.rfind(catalog.scope_prefix, 0) != 0 && catalog.scopes.count(catalog.scope_prefix + scope)) {
    return catalog.scope_prefix + scope;
  }
  return closest_match(scope, candidates);
}

void check_unknown_scope(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    for (const auto* token : component.tokens) {
      for (const auto& scope : token->parsed.scopes) {
        if (scope_status(context.catalog, scope) != ScopeStatus::Unknown) continue;
        std::string message = "unknown scope '" + scope + "'";
        if (auto suggestion = closest_scope(context.catalog, scope)) {
          message += " (did you mean '" + *suggestion + "'?)";
        }
        message += "; it grants nothing";
        Finding f = make_scope_finding("unknown-scope", *token, std::move(message));
        f.scope = scope;
        out.push_back(std::move(f));
      }
    }
  }
}

void check_read_only_scope(const CheckContext& context, std::vector<Finding>& out) {
  const Catalog& catalog = context.catalog;
  for (const auto& component : context.components) {
    for (const auto* token : component.tokens) {
      for (const auto& scope : token->parsed.scopes) {
        if (scope_status(catalog, scope) != ScopeStatus::ReadOnlyWrite) continue;
        std::string read = scope.substr(0, scope.size() - std::string(".write").size()) + ".read";
        Finding f = make_scope_finding("read-only-scope", *token,
                                       "scope '" + scope +
                                           "' asks to write read-only reference data; only '" +
                                           read + "' exists, and this scope grants nothing");
        f.scope = scope;
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace scopelint

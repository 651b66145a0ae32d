// unknown-scope: a requested scope the server does not know grants nothing; the closest known
// scope is suggested.
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
        Finding f = make_scope_finding(unknown_scope_rule().id, *token, std::move(message));
        f.scope = scope;
        out.push_back(std::move(f));
      }
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& unknown_scope_rule() {
  static constexpr RuleInfo kRule{
      "unknown-scope", Level::Error, "a token request asks for a scope that is not in the catalog",
      "A scope that is neither apiv2 nor one of the documented\n"
      "system/<resource>.<read|write> scopes: a typo (system/patient.read), a wrong\n"
      "separator (system/patients:read), a missing prefix (patients.read) or a permission\n"
      "that does not exist (system/patients.delete). The message suggests the closest\n"
      "documented scope.",
      "The server grants only the scopes it knows, so the calls that relied on the misspelt\n"
      "one fail at run time, or the whole token request is refused. Resource names mix\n"
      "underscores and hyphens (lab_orders, patient-provider-team-members), which makes\n"
      "typos easy to miss in review.",
      "httplib::Params params{\n"
      "    {\"grant_type\", \"client_credentials\"},\n"
      "    {\"scope\", \"system/patient.read system/allergies.read\"}};\n"
      "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);",
      "Use the documented name the message suggests:\n"
      "\n"
      "    {\"scope\", \"system/patients.read system/allergies.read\"}",
      "4.5",
      check_unknown_scope};
  return kRule;
}

}  // namespace scopelint

// global-scope-combined: the global scope together with specific scopes; the server rejects the
// token request.
#include <algorithm>

#include "checks/checks.h"

namespace scopelint {

void check_global_scope_combined(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    for (const auto* token : component.tokens) {
      const auto& scopes = token->parsed.scopes;
      bool has_global = std::find(scopes.begin(), scopes.end(), context.catalog.global_scope) != scopes.end();
      // A header's scope (act_as_user) is meant to go beside apiv2: only resource scopes clash.
      const auto resource_scopes = std::count_if(scopes.begin(), scopes.end(), [&](const std::string& scope) {
        return scope != context.catalog.global_scope && !context.catalog.is_header_scope(scope);
      });
      if (!has_global || resource_scopes == 0) continue;
      Finding f =
          make_scope_finding(global_scope_combined_rule().id, *token,
                             "the global scope '" + context.catalog.global_scope +
                                 "' cannot be combined with specific scopes; the server rejects "
                                 "this token request");
      f.scope = context.catalog.global_scope;
      out.push_back(std::move(f));
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& global_scope_combined_rule() {
  static constexpr RuleInfo kRule{
      "global-scope-combined", Level::Error, "a token request combines apiv2 with specific scopes",
      "A token request whose scope list contains apiv2 together with one or more system/...\n"
      "scopes, such as \"apiv2 system/patients.read\". act_as_user (impersonation) is not a\n"
      "resource scope: \"apiv2 act_as_user\" is a valid request.",
      "Scopes cannot be combined with the apiv2 global scope: a token request must use\n"
      "either specific scopes or apiv2, not both. The server rejects the request, so no\n"
      "token is issued and every API call that follows fails.",
      "curl_easy_setopt(h, CURLOPT_POSTFIELDS,\n"
      "                 \"grant_type=client_credentials&client_id=ID&client_secret=SECRET\"\n"
      "                 \"&scope=apiv2%20system/patients.read\");",
      "Drop apiv2 and keep the specific scopes, adding any others the calls need (see\n"
      "missing-scope):\n"
      "\n"
      "    \"&scope=system/patients.read\"\n"
      "\n"
      "Use apiv2 alone only when the code needs an endpoint that no specific scope covers.",
      "5.5",
      check_global_scope_combined};
  return kRule;
}

}  // namespace scopelint

// unused-scope: a requested scope that no call needs is privilege the client does not use.
#include "checks/checks.h"
#include "checks/scope_fix.h"

namespace scopelint {
namespace {

// "no call needs it", or for a header's scope, the header no call sets.
std::string no_need_words(const Catalog& catalog, const std::string& scope) {
  for (const auto& rule : catalog.header_scopes) {
    if (rule.scope == scope) return "no call sets the header '" + rule.header + "' that needs it";
  }
  return "no call needs it";
}

}  // namespace

void check_unused_scope(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    // With no call found, the calls live where the scan did not reach; an unresolved call may need
    // any scope: in both cases "unused" would be a guess. In the second, an unresolved-call note on
    // each token request says what could not be judged (unresolved_call.cpp).
    if (component.calls.empty() || component.may_need_any) continue;
    std::vector<std::string> least = component.least_privilege(context.catalog);
    for (const auto* token : component.tokens) {
      if (!token->scope_known) continue;
      for (const auto& scope : token->parsed.scopes) {
        if (scope_status(context.catalog, scope) != ScopeStatus::Known) continue;
        if (component.may_need(context.catalog, scope)) continue;
        Finding f = make_scope_finding(unused_scope_rule().id, *token,
                                       "scope '" + scope + "' is requested but " + no_need_words(context.catalog, scope));
        f.scope = scope;
        f.suggested_scopes = least;
        f.notes.push_back({token->location,
                           least.empty() ? std::string("no call found needs a specific scope")
                                         : "the calls found need only '" + join_scopes(least, " ") + "'"});
        f.planned_fix = least_privilege_fix(context.catalog, component, {token}, &f.no_fix_reason);
        out.push_back(std::move(f));
      }
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& unused_scope_rule() {
  static constexpr RuleInfo kRule{
      "unused-scope", Level::Warning, "a token request asks for a scope that no api call needs",
      "A scope in a token request that no API call in the same component needs, such as\n"
      "system/patients.write when the code only reads patients. This is over-privilege: the\n"
      "token can do more than the program ever does.",
      "An access token is a bearer credential: whoever holds it can do everything its\n"
      "scopes allow. Each extra scope widens what a leaked token, a logged header or a\n"
      "compromised dependency can reach in patient data. Least privilege is the reason\n"
      "token scopes exist. If some call could not be resolved statically (see\n"
      "unresolved-call), check whether it needs the scope before removing it. While a call\n"
      "that might need any scope is unresolved, unused scopes are not reported: a note on\n"
      "the token request says they cannot be judged.",
      "curl_easy_setopt(h, CURLOPT_URL,\n"
      "                 \"https://app.elationemr.com/api/2.0/oauth2/token/\");\n"
      "curl_easy_setopt(h, CURLOPT_POSTFIELDS,\n"
      "                 \"grant_type=client_credentials&client_id=ID&client_secret=SECRET\"\n"
      "                 \"&scope=system/patients.read%20system/patients.write\");\n"
      "// ... the only API call is a GET:\n"
      "curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/patients/42/\");",
      "Remove the scope from the token request. If another program shares the token and\n"
      "needs the scope, say so in a NOLINT(unused-scope) comment on the request.\n"
      "\n"
      "    \"&scope=system/patients.read\"",
      "5.0",
      check_unused_scope};
  return kRule;
}

}  // namespace scopelint

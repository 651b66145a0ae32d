// no-token-request: calls were found but no token request and no granted scopes, so missing scopes
// cannot be judged; the least-privilege scope string is still given.
#include "checks/checks.h"

namespace scopelint {

void check_no_token_request(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    if (component.judged() || component.calls.empty()) continue;
    std::vector<std::string> least = component.least_privilege(context.catalog);
    std::string where = component.name.empty() ? "" : " in component '" + component.name + "'";
    // When no call's scope is known (all unresolved), there is no scope string to give.
    const std::string needed =
        least.empty() ? "" : "; the calls found need '" + join_scopes(least, " ") + "'";
    std::string message = "no token request or granted scopes found" + where + ", so missing scopes are not judged" +
                          needed + " (declare them with --granted-scopes or granted_scopes in .scopelint.json)";
    // Said once, at the first call.
    const ApiCall* first = component.calls.front();
    for (const auto* call : component.calls) {
      if (call->call->location < first->call->location) first = call;
    }
    Finding f = make_finding(no_token_request_rule().id, *first->call, std::move(message));
    f.suggested_scopes = least;
    out.push_back(std::move(f));
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& no_token_request_rule() {
  static constexpr RuleInfo kRule{
      "no-token-request", Level::Note,
      "api calls were found but no token request or granted scopes to judge them against",
      "Elation API calls in a part of the project (a component) where scopelint found no\n"
      "token request and no scopes declared in configuration. It is said once, with the\n"
      "least-privilege scope string for the calls found.",
      "Without knowing what the token asks for, missing-scope cannot be judged: a call\n"
      "that needs a scope the token lacks would fail with 403 unnoticed.",
      "// the token comes from a secret store; only API calls are in the code\n"
      "auto res = cli.Get(\"/api/2.0/patients/\", headers);",
      "Scan the code that requests the token too, or declare the scopes the token gets:\n"
      "\n"
      "    scopelint --granted-scopes \"system/patients.read\" src/\n"
      "\n"
      "or \"granted_scopes\" in .scopelint.json.",
      "2.0",
      check_no_token_request};
  return kRule;
}

}  // namespace scopelint

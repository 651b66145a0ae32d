// no-token-request: calls were found but no token request and no granted scopes, so missing scopes
// cannot be judged; the least-privilege scope string is still given.
#include "checks/checks.h"

namespace scopelint {

void check_no_token_request(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    if (component.judged() || component.calls.empty()) continue;
    std::vector<std::string> least = component.least_privilege(context.catalog);
    std::string where = component.name.empty() ? "" : " in component '" + component.name + "'";
    std::string message = "no token request or granted scopes found" + where +
                          ", so missing scopes are not judged; the calls found need '" +
                          join_scopes(least, " ") + "' (declare them with --granted-scopes or "
                          "granted_scopes in .scopelint.json)";
    // Said once, at the first call.
    const ApiCall* first = component.calls.front();
    for (const auto* call : component.calls) {
      if (call->call->location < first->call->location) first = call;
    }
    Finding f = make_finding("no-token-request", *first->call, std::move(message));
    f.suggested_scopes = least;
    out.push_back(std::move(f));
  }
}

}  // namespace scopelint

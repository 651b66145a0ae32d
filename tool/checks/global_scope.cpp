// global-scope: a token for apiv2 (asked for, or the default when no scope is sent) grants every
// resource; the least-privilege scope string for the calls found is suggested instead.
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
      Finding f = make_scope_finding(global_scope_rule().id, *token, std::move(message));
      f.scope = context.catalog.global_scope;
      f.suggested_scopes = least;
      f.planned_fix = least_privilege_fix(context.catalog, component, {token}, &f.no_fix_reason);
      out.push_back(std::move(f));
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& global_scope_rule() {
  static constexpr RuleInfo kRule{
      "global-scope", Level::Warning,
      "a token request asks for the global apiv2 scope, explicitly or by sending no scope",
      "A token request whose scope is apiv2, or that sends no scope parameter at all:\n"
      "without a scope the server issues an apiv2 token. The message suggests the\n"
      "least-privilege scope string that covers the API calls scopelint found.",
      "apiv2 grants access to every API resource: all patients, documents, orders, messages\n"
      "and billing. A service that only reads appointments but holds an apiv2 token can\n"
      "also change or delete clinical records if the token leaks. Many Elation clients send\n"
      "no scope and get apiv2 without noticing.",
      "httplib::Client cli(\"https://app.elationemr.com\");\n"
      "// no \"scope\" field: the server issues an apiv2 token\n"
      "auto token = cli.Post(\"/api/2.0/oauth2/token/\",\n"
      "                      httplib::Params{{\"grant_type\", \"client_credentials\"},\n"
      "                                      {\"client_id\", id},\n"
      "                                      {\"client_secret\", secret}});\n"
      "auto appointments = cli.Get(\"/api/2.0/appointments/\", headers);",
      "Send the suggested scopes instead of apiv2:\n"
      "\n"
      "    {\"scope\", \"system/appointments.read\"}\n"
      "\n"
      "Some endpoints are covered by no specific scope and need apiv2. If the code calls\n"
      "one, keep apiv2 and suppress the finding with a comment that names that endpoint.",
      "6.5",
      check_global_scope};
  return kRule;
}

}  // namespace scopelint

// missing-scope: a call that no requested scope covers fails with 403 in production.
#include "checks/checks.h"
#include "checks/scope_fix.h"

namespace scopelint {
namespace {

// "write does not grant read" and the reverse, when the token asks for the other permission.
std::string other_permission_hint(const Component& component, const std::string& scope) {
  auto swap = [&](const std::string& from, const std::string& to) -> std::string {
    if (scope.size() <= from.size() || scope.compare(scope.size() - from.size(), from.size(), from) != 0) {
      return "";
    }
    std::string other = scope.substr(0, scope.size() - from.size()) + to;
    if (!component.granted.count(other)) return "";
    std::string what = from == ".read" ? "write does not grant read" : "read does not grant write";
    return " (the token asks for '" + other + "', but " + what + ")";
  };
  std::string hint = swap(".read", ".write");
  return hint.empty() ? swap(".write", ".read") : hint;
}

void report_missing(const Component& component, const ApiCall& call, const std::string& scope,
                    const Catalog& catalog, std::vector<Finding>& out) {
  Finding f = make_finding(missing_scope_rule().id, *call.call,
                           describe_call(call) + " needs scope '" + scope +
                               "', which no token request asks for" +
                               other_permission_hint(component, scope));
  f.scope = scope;
  f.method = call.method ? std::string(to_string(*call.method)) : "";
  f.path = call.display_path;
  if (!call.requirement.note.empty()) f.notes.push_back({call.call->location, call.requirement.note});
  for (auto& note : token_notes(component)) f.notes.push_back(std::move(note));
  for (auto& place : scope_literal_places(component)) f.depends_on.push_back(std::move(place));
  // Every token request of the component gets the least-privilege string, which covers this call.
  f.planned_fix = least_privilege_fix(catalog, component, component.tokens, &f.no_fix_reason);
  out.push_back(std::move(f));
}

void report_global_only(const Component& component, const ApiCall& call, const Catalog& catalog,
                        std::vector<Finding>& out) {
  Finding f = make_finding(missing_scope_rule().id, *call.call,
                           describe_call(call) + " is covered by no specific scope: only " +
                               catalog.global_scope + " reaches it, and no token request asks for " +
                               catalog.global_scope);
  f.scope = catalog.global_scope;
  f.method = call.method ? std::string(to_string(*call.method)) : "";
  f.path = call.display_path;
  if (!call.requirement.note.empty()) f.notes.push_back({call.call->location, call.requirement.note});
  for (auto& note : token_notes(component)) f.notes.push_back(std::move(note));
  for (auto& place : scope_literal_places(component)) f.depends_on.push_back(std::move(place));
  out.push_back(std::move(f));
}

// A header the request sets needs a scope the token requests lack (X-On-Behalf-Of, act_as_user);
// the global scope does not include it.
void report_missing_header_scope(const Component& component, const ApiCall& call,
                                 const HeaderScopeRule& rule, std::vector<Finding>& out) {
  Finding f = make_finding(missing_scope_rule().id, *call.call,
                           describe_call(call) + " sets the header '" + rule.header + "', which needs scope '" +
                               rule.scope + "'; no token request asks for it");
  f.scope = rule.scope;
  f.method = call.method ? std::string(to_string(*call.method)) : "";
  f.path = call.display_path;
  if (!rule.note.empty()) f.notes.push_back({call.call->location, rule.note});
  for (auto& note : token_notes(component)) f.notes.push_back(std::move(note));
  for (auto& place : scope_literal_places(component)) f.depends_on.push_back(std::move(place));
  f.planned_fix = added_scope_fix(component.tokens, rule.scope);
  out.push_back(std::move(f));
}

void check_header_scopes(const Component& component, const ApiCall& call, std::vector<Finding>& out) {
  for (const HeaderScopeRule* rule : call.header_rules) {
    if (!component.granted.count(rule->scope)) report_missing_header_scope(component, call, *rule, out);
  }
}

}  // namespace

void check_missing_scope(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    // Without a token request, or with one whose scopes are only known at run time, nothing can be
    // judged (a note says so elsewhere); the global scope covers every call, but not the scopes
    // its headers need.
    if (!component.judged() || component.grant_unknown) continue;
    for (const auto* call : component.calls) {
      check_header_scopes(component, *call, out);
      if (component.global) continue;
      const Requirement& req = call->requirement;
      if (req.kind == Requirement::Kind::GlobalOnly) {
        report_global_only(component, *call, context.catalog, out);
        continue;
      }
      if (req.kind != Requirement::Kind::Scopes) continue;
      for (const auto& scope : req.scopes) {
        if (!component.granted.count(scope)) report_missing(component, *call, scope, context.catalog, out);
      }
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& missing_scope_rule() {
  static constexpr RuleInfo kRule{
      "missing-scope", Level::Error, "an api call needs a scope that no token request asks for",
      "A call to an Elation endpoint whose method and path need a scope that none of the\n"
      "token requests in the same component asks for. GET needs system/<resource>.read;\n"
      "POST, PUT, PATCH and DELETE need system/<resource>.write. Nested paths use their\n"
      "parent resource's scope. Write does not grant read: a token with only\n"
      "system/patients.write cannot GET /api/2.0/patients/. A request that sets the header\n"
      "X-On-Behalf-Of (impersonation) also needs act_as_user, which apiv2 does not include.",
      "A token with specific scopes reaches only what its scopes name, so the server\n"
      "refuses the call (403) at run time, typically in production and far from the code\n"
      "that chose the scopes. Catching it here keeps the token narrow without breaking the\n"
      "calls.",
      "httplib::Client cli(\"https://app.elationemr.com\");\n"
      "auto token = cli.Post(\"/api/2.0/oauth2/token/\",\n"
      "                      httplib::Params{{\"grant_type\", \"client_credentials\"},\n"
      "                                      {\"scope\", \"system/patients.read\"}});\n"
      "// ...\n"
      "// needs system/allergies.write, which the token does not have:\n"
      "cli.Post(\"/api/2.0/allergies/\", body, \"application/json\");",
      "Add the scope named in the message to the token request's space-separated scope\n"
      "list. If the code also reads the resource, ask for .read as well: write does not\n"
      "imply read.\n"
      "\n"
      "    {\"scope\", \"system/patients.read system/allergies.write\"}",
      "7.0",
      check_missing_scope};
  return kRule;
}

}  // namespace scopelint

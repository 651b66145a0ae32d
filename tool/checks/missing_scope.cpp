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
  Finding f = make_finding("missing-scope", *call.call,
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
  f.fix = least_privilege_fix(catalog, component, component.tokens, &f.no_fix_reason);
  out.push_back(std::move(f));
}

void report_global_only(const Component& component, const ApiCall& call, const Catalog& catalog,
                        std::vector<Finding>& out) {
  Finding f = make_finding("missing-scope", *call.call,
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

}  // namespace

void check_missing_scope(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    // Without a token request, or with one whose scopes are only known at run time, nothing can be
    // judged (a note says so elsewhere); the global scope covers every call.
    if (!component.judged() || component.grant_unknown || component.global) continue;
    for (const auto* call : component.calls) {
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

}  // namespace scopelint

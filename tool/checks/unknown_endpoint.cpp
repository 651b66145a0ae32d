// unknown-endpoint: an API URL that matches no documented endpoint (a typo, or an undocumented
// method), which fails at run time whatever the token.
#include <set>

#include "checks/checks.h"
#include "util/did_you_mean.h"

namespace scopelint {
namespace {

std::string documented_methods(const ApiCall& call) {
  std::set<std::string> names;
  for (const auto* rule : call.match.rules) {
    for (HttpMethod m : rule->methods) names.insert(std::string(to_string(m)));
  }
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string resource_suggestion(const Catalog& catalog, const ApiCall& call) {
  const std::string& path = call.display_path;
  std::string first = path.size() > catalog.base_path.size() ? path.substr(catalog.base_path.size()) : "";
  const size_t start = first.find_first_not_of('/');
  if (start == std::string::npos) return "";  // the API root itself: no resource to suggest
  first = first.substr(start);
  first = first.substr(0, first.find('/'));
  std::set<std::string> firsts;
  for (const auto& rule : catalog.endpoints) {
    if (!rule.segments.empty()) firsts.insert(rule.segments.front());
  }
  auto suggestion = closest_match(first, {firsts.begin(), firsts.end()});
  return suggestion ? " (did you mean '" + *suggestion + "'?)" : "";
}

}  // namespace

void check_unknown_endpoint(const CheckContext& context, std::vector<Finding>& out) {
  const Catalog& catalog = context.catalog;
  for (const auto& component : context.components) {
    for (const auto* call : component.calls) {
      if (!call->url_known) continue;
      std::string message;
      if (call->method_undocumented) {
        message = std::string(to_string(*call->method)) + " is not documented for " +
                  call->display_path + " (documented: " + documented_methods(*call) + ")";
      } else if (call->match.rules.empty() && !call->match.nested_resource.empty()) {
        message = call->display_path + " is not a documented endpoint; as a nested path of '" +
                  call->match.nested_resource + "' it is governed by that resource's scopes";
      } else if (call->requirement.kind == Requirement::Kind::Unknown) {
        message = call->display_path + " matches no documented endpoint" +
                  resource_suggestion(catalog, *call);
      } else {
        continue;
      }
      Finding f = make_finding(unknown_endpoint_rule().id, *call->call, std::move(message));
      f.method = call->method ? std::string(to_string(*call->method)) : "";
      f.path = call->display_path;
      out.push_back(std::move(f));
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& unknown_endpoint_rule() {
  static constexpr RuleInfo kRule{
      "unknown-endpoint", Level::Warning, "an elation url matches no documented endpoint",
      "A request to an Elation host, or through a client whose base URL is Elation, whose\n"
      "method and path under /api/2.0 match no documented endpoint. Typical causes are a\n"
      "singular resource name (/api/2.0/patient/), a missing trailing slash, a wrong API\n"
      "version or a method the endpoint does not accept.",
      "scopelint cannot tell which scope an unknown endpoint needs, so missing-scope and\n"
      "unused-scope are blind to the call. An undocumented path is also usually a mistake\n"
      "that fails at run time.",
      "httplib::Client cli(\"https://app.elationemr.com\");\n"
      "auto patient = cli.Get(\"/api/2.0/patient/42\", headers);",
      "Use the documented path:\n"
      "\n"
      "    cli.Get(\"/api/2.0/patients/42/\", headers);\n"
      "\n"
      "If the endpoint exists but is missing from the catalog, add it to rules/elation.json\n"
      "together with the resource whose scope governs it.",
      "3.0",
      check_unknown_endpoint};
  return kRule;
}

}  // namespace scopelint

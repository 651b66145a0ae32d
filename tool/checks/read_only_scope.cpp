// read-only-scope: `.write` on read-only reference data; only `.read` exists, and the scope grants
// nothing.
#include "checks/checks.h"

namespace scopelint {

void check_read_only_scope(const CheckContext& context, std::vector<Finding>& out) {
  const Catalog& catalog = context.catalog;
  for (const auto& component : context.components) {
    for (const auto* token : component.tokens) {
      for (const auto& scope : token->parsed.scopes) {
        if (scope_status(catalog, scope) != ScopeStatus::ReadOnlyWrite) continue;
        std::string read = scope.substr(0, scope.size() - std::string(".write").size()) + ".read";
        Finding f = make_scope_finding(read_only_scope_rule().id, *token,
                                       "scope '" + scope +
                                           "' asks to write read-only reference data; only '" +
                                           read + "' exists, and this scope grants nothing");
        f.scope = scope;
        out.push_back(std::move(f));
      }
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& read_only_scope_rule() {
  static constexpr RuleInfo kRule{
      "read-only-scope", Level::Error,
      "a token request asks for write access to read-only reference data",
      "A .write scope for a reference-data resource that only has a read scope:\n"
      "system/languages.write, system/packaged_medication_labelers.write,\n"
      "system/packaged_medications.write, system/pharmacies.write or\n"
      "system/reference_medications.write.",
      "Reference data are constant values provided for reference and cannot be updated, so\n"
      "no write scope exists for them: the request names a scope the server does not grant.\n"
      "It often also means the code expects to modify data that no token can modify.",
      "httplib::Params params{\n"
      "    {\"grant_type\", \"client_credentials\"},\n"
      "    {\"scope\", \"system/pharmacies.read system/pharmacies.write\"}};\n"
      "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);",
      "Remove the .write scope. Keep .read if the code looks the data up:\n"
      "\n"
      "    {\"scope\", \"system/pharmacies.read\"}",
      "4.0",
      check_read_only_scope};
  return kRule;
}

}  // namespace scopelint

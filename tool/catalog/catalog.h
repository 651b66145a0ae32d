// The API catalog loaded from rules/<api>.json: scopes, resources, endpoints, hosts.
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/http_method.h"

namespace scopelint {

// A catalog file that cannot be used. what() is "<file>: <JSON path>: <what is wrong>", e.g.
// "rules/elation.json: /apis/0/resources/3/scopes: scope 'system/x.read' does not name resource 'y'".
class CatalogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScopeInfo {
  std::string name;  // "system/allergies.read"
  std::string resource;  // "allergies"
  std::string permission;  // "read" or "write"
  std::string description;
};

struct Resource {
  std::string name;  // "allergies"
  std::string api;  // "Patient Profile API"
  bool read_only = false;  // reference data: no write scope exists
  std::vector<std::string> scopes;  // full scope names, sorted
};

// One documented endpoint, its path relative to the catalog's base_path.
struct EndpointRule {
  std::string path;  // "/patients/{id}/insurance_cards/"
  std::vector<std::string> segments;  // {"patients", "{id}", "insurance_cards"}
  std::set<HttpMethod> methods;
  std::string resource;  // governing scope resource; empty: no scope covers it (apiv2 only)
  std::string note;  // shown in messages about this endpoint (e.g. why it is unscoped)
};

// Writes that set certain body fields sign a document and need an extra scope.
struct SigningRule {
  std::string scope;  // "system/visit_notes.write"
  std::set<HttpMethod> methods;
  std::vector<std::string> body_fields;  // "signed_by", ...
  std::vector<std::vector<std::string>> paths;  // path templates as segments
  std::string note;
};

// A request header that needs a scope of its own, whatever the endpoint: impersonation's
// X-On-Behalf-Of needs act_as_user besides the resource scope. The global scope does not include it.
struct HeaderScopeRule {
  std::string header;  // "X-On-Behalf-Of"; header names compare case-insensitively
  std::string scope;  // "act_as_user"
  std::string note;  // shown with findings about the header
};

class Catalog {
 public:
  std::string api;  // short name, "elation"
  std::string title;
  std::string label;  // where it was loaded from, for messages ("rules/elation.json")
  std::vector<std::string> host_patterns;  // "*.elationemr.com", "elationemr.com"
  std::string base_path;  // "/api/2.0"
  std::string scope_prefix;  // "system/"
  std::string global_scope;  // "apiv2"
  std::string global_scope_description;
  std::string token_path;  // relative to base_path: "/oauth2/token/"
  std::map<std::string, std::set<HttpMethod>> permission_methods;  // "read" -> {GET, HEAD, OPTIONS}
  std::map<std::string, ScopeInfo> scopes;  // by full name
  std::map<std::string, Resource> resources;  // by name
  std::vector<EndpointRule> endpoints;  // scoped and unscoped, in file order
  std::vector<SigningRule> signing;
  std::vector<HeaderScopeRule> header_scopes;

  // Whether `host` (no scheme, no port) is one of the API's hosts; patterns may start with "*.".
  bool is_api_host(std::string_view host) const;
  // The permission ("read"/"write") whose methods include `method`; empty if none does.
  std::string permission_for(HttpMethod method) const;
  // The scope that grants `method` on `resource`, e.g. "system/patients.write"; empty if the catalog
  // has none (a write on read-only reference data).
  std::string scope_for(const std::string& resource, HttpMethod method) const;
  // The rule for a header name (any case), or null.
  const HeaderScopeRule* header_rule(std::string_view header) const;
  // Whether `scope` is granted for a header (act_as_user): it may go beside the global scope and
  // grants no resource.
  bool is_header_scope(std::string_view scope) const;
  // Every scope name, sorted.
  std::vector<std::string> scope_names() const;
};

// Parses and validates a catalog file. Throws CatalogError naming `label` and the JSON path.
Catalog load_catalog(std::string_view json_text, const std::string& label);
// Reads and loads a file; an unreadable file is a CatalogError too.
Catalog load_catalog_file(const std::string& path);
// The catalog embedded from rules/elation.json.
const Catalog& default_catalog();

}  // namespace scopelint

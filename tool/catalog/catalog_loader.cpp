// Parses and validates a rules/<api>.json catalog; every error names the file, the line and the JSON
// pointer (util/json_reader.h).
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "util/bounded_input.h"
#include "util/json_lines.h"
#include "util/json_reader.h"
#include "util/url.h"

namespace scopelint {
namespace {

using Json = nlohmann::json;

constexpr int kSchemaVersion = 1;
constexpr std::string_view kReadPermission = "read";
constexpr std::string_view kWritePermission = "write";

// Two templates are the same endpoint when they differ only in placeholder names or slashes.
std::string route_key(const std::vector<std::string>& segments) {
  std::string key;
  for (const auto& segment : segments) {
    bool placeholder = segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
    key += "/" + (placeholder ? std::string("{}") : segment);
  }
  return key + "/";
}

// Non-empty, and only lower-case letters, digits and the given punctuation.
bool is_made_of(std::string_view text, std::string_view punctuation) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [punctuation](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           punctuation.find(c) != std::string_view::npos;
  });
}

bool is_host_pattern(std::string_view pattern) {
  if (pattern.substr(0, 2) == "*.") pattern.remove_prefix(2);
  if (pattern.empty() || pattern.front() == '.' || pattern.back() == '.') return false;
  return is_made_of(pattern, ".-");
}

class Loader {
 public:
  explicit Loader(std::string label) : label_(std::move(label)) {}

  Catalog load(std::string_view text) {
    const JsonDocument document(text, label_);
    const JsonNode top = document.root();
    top.expect_object();
    load_schema_version(top);
    check_members(top,
                  {"schema_version", "api", "title", "hosts", "base_path", "scope_prefix",
                   "global_scope", "permissions", "token_endpoint", "apis"},
                  {"unscoped_endpoints", "signing", "header_scopes"});
    catalog_.label = label_;
    catalog_.api = text_of(top.member("api"));
    catalog_.title = text_of(top.member("title"));
    load_hosts(top.member("hosts"));
    catalog_.base_path = path_of(top.member("base_path"));
    if (catalog_.base_path.size() > 1 && catalog_.base_path.back() == '/') {
      top.member("base_path").fail("base path must not end with '/'");
    }
    catalog_.scope_prefix = text_of(top.member("scope_prefix"));
    load_global_scope(top.member("global_scope"));
    load_permissions(top.member("permissions"));
    check_members(top.member("token_endpoint"), {"path"}, {});
    catalog_.token_path = relative_path_of(top.member("token_endpoint").member("path"));
    load_apis(top.member("apis"));
    if (top.has("unscoped_endpoints")) load_unscoped(top.member("unscoped_endpoints"));
    if (top.has("signing")) load_signing(top.member("signing"));
    if (top.has("header_scopes")) load_header_scopes(top.member("header_scopes"));
    return std::move(catalog_);
  }

 private:
  void expect_kind(const JsonNode& node, bool ok, const char* expected) const {
    if (!ok) node.expected(expected);
  }

  // The object must hold every required key and nothing else but the optional ones.
  void check_members(const JsonNode& node, std::initializer_list<std::string_view> required,
                     std::initializer_list<std::string_view> optional) const {
    std::vector<std::string_view> allowed(required.begin(), required.end());
    allowed.insert(allowed.end(), optional.begin(), optional.end());
    node.only_keys(allowed);
    for (std::string_view key : required) (void)node.member(key);  // "missing required key"
  }

  std::string text_of(const JsonNode& node) const {
    expect_kind(node, node.value().is_string(), "a string");
    std::string text = node.value().get<std::string>();
    if (text.empty()) node.fail("must not be empty");
    return text;
  }

  std::string path_of(const JsonNode& node) const {
    std::string path = text_of(node);
    if (path.front() != '/') node.fail("path must start with '/'");
    return path;
  }

  std::string relative_path_of(const JsonNode& node) const {
    std::string path = path_of(node);
    if (path == catalog_.base_path || path.rfind(catalog_.base_path + "/", 0) == 0) {
      node.fail("path must be relative to base_path '" + catalog_.base_path + "'");
    }
    return path;
  }

  std::vector<JsonNode> items_of(const JsonNode& node, bool allow_empty) const {
    expect_kind(node, node.value().is_array(), "an array");
    if (!allow_empty && node.value().empty()) node.fail("must not be empty");
    return node.items();
  }

  std::set<HttpMethod> methods_of(const JsonNode& node) const {
    expect_kind(node, node.value().is_array(), "an array");
    if (node.value().empty()) node.fail("method list is empty");
    std::set<HttpMethod> methods;
    for (const JsonNode& item : items_of(node, false)) {
      std::string name = text_of(item);
      auto method = parse_http_method(name);
      if (!method) item.fail("unknown HTTP method '" + name + "'");
      if (to_string(*method) != name) {
        item.fail("HTTP method '" + name + "' must be written '" +
                               std::string(to_string(*method)) + "'");
      }
      if (!methods.insert(*method).second) {
        item.fail("method '" + name + "' is listed twice");
      }
    }
    return methods;
  }

  void load_schema_version(const JsonNode& top) const {
    JsonNode version = top.member("schema_version");
    expect_kind(version, version.value().is_number_integer(), "an integer");
    if (version.value().get<long long>() != kSchemaVersion) {
      version.fail("unsupported schema version " + version.value().dump() +
                                " (this scopelint reads version " + std::to_string(kSchemaVersion) +
                                ")");
    }
  }

  void load_hosts(const JsonNode& node) {
    for (const JsonNode& item : items_of(node, false)) {
      std::string pattern = text_of(item);
      std::transform(pattern.begin(), pattern.end(), pattern.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (!is_host_pattern(pattern)) {
        item.fail("host pattern '" + pattern + "' is not a host name, optionally after '*.'");
      }
      catalog_.host_patterns.push_back(pattern);
    }
  }

  void load_global_scope(const JsonNode& node) {
    check_members(node, {"name", "description"}, {});
    catalog_.global_scope = text_of(node.member("name"));
    catalog_.global_scope_description = text_of(node.member("description"));
  }

  void load_permissions(const JsonNode& node) {
    check_members(node, {"read", "write"}, {});
    std::map<HttpMethod, std::string> owner;
    for (const auto& [permission, list] : node.members()) {
      std::set<HttpMethod> methods = methods_of(list);
      for (HttpMethod method : methods) {
        if (auto [it, added] = owner.emplace(method, permission); !added) {
          list.fail("method '" + std::string(to_string(method)) +
                                 "' already belongs to permission '" + it->second + "'");
        }
      }
      catalog_.permission_methods[permission] = methods;
    }
  }

  void load_apis(const JsonNode& node) {
    std::set<std::string> api_names;
    for (const JsonNode& api : items_of(node, false)) {
      check_members(api, {"name", "resources"}, {});
      std::string name = text_of(api.member("name"));
      if (!api_names.insert(name).second) {
        api.member("name").fail("duplicate API '" + name + "'");
      }
      for (const JsonNode& resource : items_of(api.member("resources"), false)) {
        load_resource(resource, name);
      }
    }
  }

  void load_resource(const JsonNode& node, const std::string& api) {
    check_members(node, {"name", "read_only", "scopes", "endpoints"}, {});
    Resource resource;
    resource.api = api;
    resource.name = text_of(node.member("name"));
    if (!is_made_of(resource.name, "_-")) {
      node.member("name").fail("resource name may hold only a-z, 0-9, '_' and '-'");
    }
    if (auto first = resource_pointers_.emplace(resource.name, node.pointer()); !first.second) {
      node.member("name").fail("duplicate resource '" + resource.name + "' (first at " + first.first->second + ")");
    }
    JsonNode read_only = node.member("read_only");
    expect_kind(read_only, read_only.value().is_boolean(), "a boolean");
    resource.read_only = read_only.value().get<bool>();
    load_scopes(node.member("scopes"), resource);
    for (const JsonNode& endpoint : items_of(node.member("endpoints"), true)) {
      check_members(endpoint, {"path", "methods"}, {"note"});
      add_endpoint(endpoint, resource.name);
    }
    catalog_.resources[resource.name] = std::move(resource);
  }

  void load_scopes(const JsonNode& node, Resource& resource) {
    expect_kind(node, node.value().is_object(), "an object");
    const std::string stem = catalog_.scope_prefix + resource.name + ".";
    for (const auto& [name, scope] : node.members()) {
      if (name.rfind(stem, 0) != 0) {
        scope.fail("scope does not name its resource '" + resource.name + "'");
      }
      std::string permission = name.substr(stem.size());
      if (catalog_.permission_methods.count(permission) == 0) {
        scope.fail("scope permission '" + permission + "' is not a key of /permissions");
      }
      if (resource.read_only && permission == kWritePermission) {
        scope.fail("read-only resource '" + resource.name + "' cannot have a write scope");
      }
      catalog_.scopes[name] = ScopeInfo{name, resource.name, permission, text_of(scope)};
      resource.scopes.push_back(name);
    }
    std::sort(resource.scopes.begin(), resource.scopes.end());
    require_scope(node, resource, kReadPermission);
    if (!resource.read_only) require_scope(node, resource, kWritePermission);
  }

  void require_scope(const JsonNode& scopes, const Resource& resource,
                     std::string_view permission) const {
    std::string name = catalog_.scope_prefix + resource.name + "." + std::string(permission);
    if (!std::binary_search(resource.scopes.begin(), resource.scopes.end(), name)) {
      std::string hint =
          permission == kWritePermission ? " (mark the resource read_only if it has none)" : "";
      scopes.fail("resource '" + resource.name + "' has no scope '" + name + "'" + hint);
    }
  }

  void add_endpoint(const JsonNode& node, const std::string& resource) {
    EndpointRule rule;
    rule.path = relative_path_of(node.member("path"));
    rule.segments = path_segments(rule.path);
    rule.methods = methods_of(node.member("methods"));
    rule.resource = resource;
    if (node.has("note")) rule.note = text_of(node.member("note"));
    if (auto first = route_pointers_.emplace(route_key(rule.segments), node.pointer());
        !first.second) {
      node.member("path").fail("duplicate endpoint path '" + rule.path + "' (first at " + first.first->second + ")");
    }
    catalog_.endpoints.push_back(std::move(rule));
  }

  void load_unscoped(const JsonNode& node) {
    for (const JsonNode& endpoint : items_of(node, true)) {
      check_members(endpoint, {"path", "methods", "note"}, {});
      add_endpoint(endpoint, "");
    }
  }

  void load_signing(const JsonNode& node) {
    for (const JsonNode& item : items_of(node, true)) {
      check_members(item, {"scope", "methods", "body_fields", "paths"}, {"note"});
      SigningRule rule;
      JsonNode scope = item.member("scope");
      rule.scope = text_of(scope);
      if (catalog_.scopes.count(rule.scope) == 0) {
        scope.fail("scope '" + rule.scope + "' is not in the catalog");
      }
      rule.methods = methods_of(item.member("methods"));
      for (const JsonNode& field : items_of(item.member("body_fields"), false)) {
        rule.body_fields.push_back(text_of(field));
      }
      for (const JsonNode& path : items_of(item.member("paths"), false)) {
        std::vector<std::string> segments = path_segments(relative_path_of(path));
        if (route_pointers_.count(route_key(segments)) == 0) {
          path.fail("signing path is not a documented endpoint");
        }
        rule.paths.push_back(std::move(segments));
      }
      if (item.has("note")) rule.note = text_of(item.member("note"));
      catalog_.signing.push_back(std::move(rule));
    }
  }

  // Scopes a request header needs (act_as_user for X-On-Behalf-Of): scopes of no resource.
  void load_header_scopes(const JsonNode& node) {
    for (const JsonNode& item : items_of(node, true)) {
      check_members(item, {"header", "scope", "description"}, {"note"});
      HeaderScopeRule rule;
      JsonNode header = item.member("header");
      rule.header = text_of(header);
      if (!std::all_of(rule.header.begin(), rule.header.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '-'; }) ||
          rule.header.empty()) {
        header.fail("a header name may hold only letters, digits and '-'");
      }
      if (catalog_.header_rule(rule.header)) header.fail("duplicate header '" + rule.header + "'");
      JsonNode scope = item.member("scope");
      rule.scope = text_of(scope);
      if (!is_made_of(rule.scope, "_-./") || rule.scope == catalog_.global_scope ||
          catalog_.scopes.count(rule.scope)) {
        scope.fail("scope '" + rule.scope + "' must be a new scope name, not a resource scope or the global scope");
      }
      if (item.has("note")) rule.note = text_of(item.member("note"));
      catalog_.scopes[rule.scope] = ScopeInfo{rule.scope, "", "", text_of(item.member("description"))};
      catalog_.header_scopes.push_back(std::move(rule));
    }
  }

  std::string label_;
  Catalog catalog_;
  std::map<std::string, std::string> resource_pointers_;  // resource name -> pointer of its object
  std::map<std::string, std::string> route_pointers_;     // route_key -> pointer of its endpoint
};

}  // namespace

Catalog load_catalog(std::string_view json_text, const std::string& label) {
  try {
    return Loader(label).load(json_text);
  } catch (const JsonInputError& error) {
    throw CatalogError(error.what());
  }
}

}  // namespace scopelint

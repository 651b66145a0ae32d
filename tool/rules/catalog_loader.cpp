// Parses and validates a rules/<api>.json catalog; every error names the file and the JSON pointer.
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

#include "util/json_lines.h"
#include "rules/catalog.h"
#include "rules/duplicate_keys.h"
#include "util/url.h"
#include "util/bounded_input.h"

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

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
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

// A JSON value and its pointer in the file.
struct Node {
  const Json& value;
  std::string pointer;

  Node member(std::string_view key) const {
    return {value.at(std::string(key)), pointer + "/" + json_pointer_escape(key)};
  }
  Node item(size_t index) const { return {value.at(index), pointer + "/" + std::to_string(index)}; }
  bool has(std::string_view key) const { return value.contains(std::string(key)); }
};

class Loader {
 public:
  explicit Loader(std::string label) : label_(std::move(label)) {}

  Catalog load(std::string_view text) {
    const Json root = parse(text);
    const Node top{root, ""};
    expect_kind(top, root.is_object(), "an object");
    load_schema_version(top);
    check_members(top,
                  {"schema_version", "api", "title", "hosts", "base_path", "scope_prefix",
                   "global_scope", "permissions", "token_endpoint", "apis"},
                  {"unscoped_endpoints", "signing"});
    catalog_.label = label_;
    catalog_.api = text_of(top.member("api"));
    catalog_.title = text_of(top.member("title"));
    load_hosts(top.member("hosts"));
    catalog_.base_path = path_of(top.member("base_path"));
    if (catalog_.base_path.size() > 1 && catalog_.base_path.back() == '/') {
      fail(top.member("base_path").pointer, "base path must not end with '/'");
    }
    catalog_.scope_prefix = text_of(top.member("scope_prefix"));
    load_global_scope(top.member("global_scope"));
    load_permissions(top.member("permissions"));
    check_members(top.member("token_endpoint"), {"path"}, {});
    catalog_.token_path = relative_path_of(top.member("token_endpoint").member("path"));
    load_apis(top.member("apis"));
    if (top.has("unscoped_endpoints")) load_unscoped(top.member("unscoped_endpoints"));
    if (top.has("signing")) load_signing(top.member("signing"));
    return std::move(catalog_);
  }

 private:
  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
    throw RulesError(label_ + ": " + (pointer.empty() ? "/" : pointer) + ": " + what);
  }

  Json parse(std::string_view text) const {
    Json root;
    try {
      root = parse_json_input(text, label_);  // bounded nesting, no library text in messages
    } catch (const InputError& error) {
      throw RulesError(error.what());
    }
    const std::string duplicate = first_duplicate_key(text);
    if (!duplicate.empty()) fail(duplicate, "duplicate key");
    return root;
  }

  void expect_kind(const Node& node, bool ok, const char* expected) const {
    if (!ok) {
      fail(node.pointer, std::string("expected ") + expected + ", found " + node.value.type_name());
    }
  }

  // The object must hold every required key and nothing else but the optional ones.
  void check_members(const Node& node, std::initializer_list<const char*> required,
                     std::initializer_list<const char*> optional) const {
    expect_kind(node, node.value.is_object(), "an object");
    std::vector<std::string> allowed(required.begin(), required.end());
    allowed.insert(allowed.end(), optional.begin(), optional.end());
    for (const auto& [key, value] : node.value.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        fail(node.member(key).pointer, "unknown key (expected one of: " + join(allowed) + ")");
      }
    }
    for (const char* key : required) {
      if (!node.has(key)) {
        fail(node.pointer + "/" + json_pointer_escape(key), "missing required key");
      }
    }
  }

  std::string text_of(const Node& node) const {
    expect_kind(node, node.value.is_string(), "a string");
    std::string text = node.value.get<std::string>();
    if (text.empty()) fail(node.pointer, "must not be empty");
    return text;
  }

  std::string path_of(const Node& node) const {
    std::string path = text_of(node);
    if (path.front() != '/') fail(node.pointer, "path must start with '/'");
    return path;
  }

  std::string relative_path_of(const Node& node) const {
    std::string path = path_of(node);
    if (path == catalog_.base_path || path.rfind(catalog_.base_path + "/", 0) == 0) {
      fail(node.pointer, "path must be relative to base_path '" + catalog_.base_path + "'");
    }
    return path;
  }

  std::vector<Node> items_of(const Node& node, bool allow_empty) const {
    expect_kind(node, node.value.is_array(), "an array");
    if (!allow_empty && node.value.empty()) fail(node.pointer, "must not be empty");
    std::vector<Node> items;
    for (size_t i = 0; i < node.value.size(); ++i) items.push_back(node.item(i));
    return items;
  }

  std::set<HttpMethod> methods_of(const Node& node) const {
    expect_kind(node, node.value.is_array(), "an array");
    if (node.value.empty()) fail(node.pointer, "method list is empty");
    std::set<HttpMethod> methods;
    for (const Node& item : items_of(node, false)) {
      std::string name = text_of(item);
      auto method = parse_http_method(name);
      if (!method) fail(item.pointer, "unknown HTTP method '" + name + "'");
      if (to_string(*method) != name) {
        fail(item.pointer, "HTTP method '" + name + "' must be written '" +
                               std::string(to_string(*method)) + "'");
      }
      if (!methods.insert(*method).second) {
        fail(item.pointer, "method '" + name + "' is listed twice");
      }
    }
    return methods;
  }

  void load_schema_version(const Node& top) const {
    if (!top.has("schema_version")) fail("/schema_version", "missing required key");
    Node version = top.member("schema_version");
    expect_kind(version, version.value.is_number_integer(), "an integer");
    if (version.value.get<long long>() != kSchemaVersion) {
      fail(version.pointer, "unsupported schema version " + version.value.dump() +
                                " (this scopelint reads version " + std::to_string(kSchemaVersion) +
                                ")");
    }
  }

  void load_hosts(const Node& node) {
    for (const Node& item : items_of(node, false)) {
      std::string pattern = text_of(item);
      std::transform(pattern.begin(), pattern.end(), pattern.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (!is_host_pattern(pattern)) {
        fail(item.pointer,
             "host pattern '" + pattern + "' is not a host name, optionally after '*.'");
      }
      catalog_.host_patterns.push_back(pattern);
    }
  }

  void load_global_scope(const Node& node) {
    check_members(node, {"name", "description"}, {});
    catalog_.global_scope = text_of(node.member("name"));
    catalog_.global_scope_description = text_of(node.member("description"));
  }

  void load_permissions(const Node& node) {
    check_members(node, {"read", "write"}, {});
    std::map<HttpMethod, std::string> owner;
    for (const auto& [permission, value] : node.value.items()) {
      Node list = node.member(permission);
      std::set<HttpMethod> methods = methods_of(list);
      for (HttpMethod method : methods) {
        if (auto [it, added] = owner.emplace(method, permission); !added) {
          fail(list.pointer, "method '" + std::string(to_string(method)) +
                                 "' already belongs to permission '" + it->second + "'");
        }
      }
      catalog_.permission_methods[permission] = methods;
    }
  }

  void load_apis(const Node& node) {
    std::set<std::string> api_names;
    for (const Node& api : items_of(node, false)) {
      check_members(api, {"name", "resources"}, {});
      std::string name = text_of(api.member("name"));
      if (!api_names.insert(name).second) {
        fail(api.member("name").pointer, "duplicate API '" + name + "'");
      }
      for (const Node& resource : items_of(api.member("resources"), false)) {
        load_resource(resource, name);
      }
    }
  }

  void load_resource(const Node& node, const std::string& api) {
    check_members(node, {"name", "read_only", "scopes", "endpoints"}, {});
    Resource resource;
    resource.api = api;
    resource.name = text_of(node.member("name"));
    if (!is_made_of(resource.name, "_-")) {
      fail(node.member("name").pointer, "resource name may hold only a-z, 0-9, '_' and '-'");
    }
    if (auto first = resource_pointers_.emplace(resource.name, node.pointer); !first.second) {
      fail(node.member("name").pointer,
           "duplicate resource '" + resource.name + "' (first at " + first.first->second + ")");
    }
    Node read_only = node.member("read_only");
    expect_kind(read_only, read_only.value.is_boolean(), "a boolean");
    resource.read_only = read_only.value.get<bool>();
    load_scopes(node.member("scopes"), resource);
    for (const Node& endpoint : items_of(node.member("endpoints"), true)) {
      check_members(endpoint, {"path", "methods"}, {"note"});
      add_endpoint(endpoint, resource.name);
    }
    catalog_.resources[resource.name] = std::move(resource);
  }

  void load_scopes(const Node& node, Resource& resource) {
    expect_kind(node, node.value.is_object(), "an object");
    const std::string stem = catalog_.scope_prefix + resource.name + ".";
    for (const auto& [name, value] : node.value.items()) {
      Node scope = node.member(name);
      if (name.rfind(stem, 0) != 0) {
        fail(scope.pointer, "scope does not name its resource '" + resource.name + "'");
      }
      std::string permission = name.substr(stem.size());
      if (catalog_.permission_methods.count(permission) == 0) {
        fail(scope.pointer, "scope permission '" + permission + "' is not a key of /permissions");
      }
      if (resource.read_only && permission == kWritePermission) {
        fail(scope.pointer, "read-only resource '" + resource.name + "' cannot have a write scope");
      }
      catalog_.scopes[name] = ScopeInfo{name, resource.name, permission, text_of(scope)};
      resource.scopes.push_back(name);
    }
    std::sort(resource.scopes.begin(), resource.scopes.end());
    require_scope(node, resource, kReadPermission);
    if (!resource.read_only) require_scope(node, resource, kWritePermission);
  }

  void require_scope(const Node& scopes, const Resource& resource,
                     std::string_view permission) const {
    std::string name = catalog_.scope_prefix + resource.name + "." + std::string(permission);
    if (!std::binary_search(resource.scopes.begin(), resource.scopes.end(), name)) {
      std::string hint =
          permission == kWritePermission ? " (mark the resource read_only if it has none)" : "";
      fail(scopes.pointer, "resource '" + resource.name + "' has no scope '" + name + "'" + hint);
    }
  }

  void add_endpoint(const Node& node, const std::string& resource) {
    EndpointRule rule;
    rule.path = relative_path_of(node.member("path"));
    rule.segments = path_segments(rule.path);
    rule.methods = methods_of(node.member("methods"));
    rule.resource = resource;
    if (node.has("note")) rule.note = text_of(node.member("note"));
    if (auto first = route_pointers_.emplace(route_key(rule.segments), node.pointer);
        !first.second) {
      fail(node.member("path").pointer,
           "duplicate endpoint path '" + rule.path + "' (first at " + first.first->second + ")");
    }
    catalog_.endpoints.push_back(std::move(rule));
  }

  void load_unscoped(const Node& node) {
    for (const Node& endpoint : items_of(node, true)) {
      check_members(endpoint, {"path", "methods", "note"}, {});
      add_endpoint(endpoint, "");
    }
  }

  void load_signing(const Node& node) {
    for (const Node& item : items_of(node, true)) {
      check_members(item, {"scope", "methods", "body_fields", "paths"}, {"note"});
      SigningRule rule;
      Node scope = item.member("scope");
      rule.scope = text_of(scope);
      if (catalog_.scopes.count(rule.scope) == 0) {
        fail(scope.pointer, "scope '" + rule.scope + "' is not in the catalog");
      }
      rule.methods = methods_of(item.member("methods"));
      for (const Node& field : items_of(item.member("body_fields"), false)) {
        rule.body_fields.push_back(text_of(field));
      }
      for (const Node& path : items_of(item.member("paths"), false)) {
        std::vector<std::string> segments = path_segments(relative_path_of(path));
        if (route_pointers_.count(route_key(segments)) == 0) {
          fail(path.pointer, "signing path is not a documented endpoint");
        }
        rule.paths.push_back(std::move(segments));
      }
      if (item.has("note")) rule.note = text_of(item.member("note"));
      catalog_.signing.push_back(std::move(rule));
    }
  }

  std::string label_;
  Catalog catalog_;
  std::map<std::string, std::string> resource_pointers_;  // resource name -> pointer of its object
  std::map<std::string, std::string> route_pointers_;     // route_key -> pointer of its endpoint
};

}  // namespace

Catalog load_catalog(std::string_view json_text, const std::string& label) {
  return Loader(label).load(json_text);
}

}  // namespace scopelint

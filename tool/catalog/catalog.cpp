// Catalog queries (hosts, permissions, scopes), reading catalog files and the embedded default
// catalog.
#include "catalog/catalog.h"

#include <algorithm>
#include <cctype>

#include "catalog/embedded_rules.h"
#include "util/bounded_input.h"

namespace scopelint {
namespace {

constexpr const char* kDefaultRulesPath = "rules/elation.json";

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

Catalog load_embedded_catalog() {
  const char* text = find_embedded_rule_file(kDefaultRulesPath);
  if (text == nullptr) {
    throw CatalogError(std::string(kDefaultRulesPath) + ": not embedded in this build of scopelint");
  }
  return load_catalog(text, kDefaultRulesPath);
}

}  // namespace

bool Catalog::is_api_host(std::string_view host) const {
  std::string name = to_lower(host);
  if (!name.empty() && name.back() == '.') name.pop_back();
  if (name.empty()) return false;
  for (const auto& pattern : host_patterns) {
    if (pattern.rfind("*.", 0) == 0) {
      std::string_view suffix = std::string_view(pattern).substr(1);  // ".elationemr.com"
      if (name.size() > suffix.size() && ends_with(name, suffix)) return true;
    } else if (name == pattern) {
      return true;
    }
  }
  return false;
}

std::string Catalog::permission_for(HttpMethod method) const {
  for (const auto& [permission, methods] : permission_methods) {
    if (methods.count(method) != 0) return permission;
  }
  return "";
}

std::string Catalog::scope_for(const std::string& resource, HttpMethod method) const {
  if (resources.count(resource) == 0) return "";
  std::string permission = permission_for(method);
  if (permission.empty()) return "";
  std::string name = scope_prefix + resource + "." + permission;
  return scopes.count(name) != 0 ? name : "";
}

const HeaderScopeRule* Catalog::header_rule(std::string_view header) const {
  for (const auto& rule : header_scopes) {
    if (to_lower(rule.header) == to_lower(header)) return &rule;
  }
  return nullptr;
}

bool Catalog::is_header_scope(std::string_view scope) const {
  return std::any_of(header_scopes.begin(), header_scopes.end(),
                     [scope](const HeaderScopeRule& rule) { return rule.scope == scope; });
}

std::vector<std::string> Catalog::scope_names() const {
  std::vector<std::string> names;
  names.reserve(scopes.size());
  for (const auto& entry : scopes) names.push_back(entry.first);  // std::map: already sorted
  return names;
}

Catalog load_catalog_file(const std::string& path) {
  std::string text;
  try {
    text = read_input_file(path, kMaxRulesBytes);  // a FIFO or /dev/zero is refused, not read
  } catch (const InputError& e) {
    throw CatalogError(e.what());
  }
  return load_catalog(text, path);
}

const Catalog& default_catalog() {
  // A throwing initializer leaves the static uninitialized, so every call reports the error.
  static const Catalog catalog = load_embedded_catalog();
  return catalog;
}

}  // namespace scopelint

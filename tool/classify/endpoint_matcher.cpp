// Endpoint matching with run-time segments as wildcards, and the scope each match needs.
#include "classify/endpoint_matcher.h"

#include <algorithm>
#include <set>

#include "model/facts.h"
#include "util/url.h"

namespace scopelint {
namespace {

bool is_placeholder(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Glob match where "{}" in `pattern` stands for any run of characters.
bool wildcard_match(std::string_view pattern, std::string_view text) {
  size_t star = pattern.find(kWildcard);
  if (star == std::string_view::npos) return pattern == text;
  std::string_view head = pattern.substr(0, star);
  if (text.substr(0, head.size()) != head) return false;
  std::string_view rest = pattern.substr(star + 2);
  for (size_t i = head.size(); i <= text.size(); ++i) {
    if (wildcard_match(rest, text.substr(i))) return true;
  }
  return false;
}

bool segment_matches(const std::string& call, const std::string& rule) {
  if (is_placeholder(rule) || is_placeholder(call)) return true;
  return wildcard_match(call, rule);
}

bool rule_matches(const EndpointRule& rule, const std::vector<std::string>& segments) {
  if (rule.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (!segment_matches(segments[i], rule.segments[i])) return false;
  }
  return true;
}

bool is_runtime(const std::string& segment) {
  return is_placeholder(segment) || segment.find(kWildcard) != std::string::npos;
}

// A signing write: the method and path of a signing rule, with a signing field in the body.
const SigningRule* signing_rule_for(const Catalog& catalog, const EndpointMatch& match,
                                    HttpMethod method, const std::vector<std::string>& fields) {
  for (const auto& rule : catalog.signing) {
    if (!rule.methods.count(method)) continue;
    bool sets_field = std::any_of(fields.begin(), fields.end(), [&](const std::string& f) {
      return std::find(rule.body_fields.begin(), rule.body_fields.end(), f) != rule.body_fields.end();
    });
    if (!sets_field) continue;
    for (const auto* endpoint : match.rules) {
      for (const auto& path : rule.paths) {
        if (path == endpoint->segments) return &rule;
      }
    }
  }
  return nullptr;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

EndpointMatch match_endpoint(const Catalog& catalog, const std::vector<std::string>& segments) {
  EndpointMatch match;
  if (segments == path_segments(catalog.token_path)) {
    match.token_endpoint = true;
    return match;
  }
  for (const auto& rule : catalog.endpoints) {
    if (rule_matches(rule, segments)) match.rules.push_back(&rule);
  }
  if (!match.rules.empty() || segments.empty() || is_runtime(segments.front())) return match;
  for (const auto& rule : catalog.endpoints) {
    if (!rule.segments.empty() && rule.segments.front() == segments.front() && !rule.resource.empty()) {
      match.nested_resource = rule.resource;
      break;
    }
  }
  if (match.nested_resource.empty() && catalog.resources.count(segments.front())) {
    match.nested_resource = segments.front();
  }
  return match;
}

bool method_documented(const EndpointMatch& match, HttpMethod method) {
  for (const auto* rule : match.rules) {
    if (rule->methods.count(method)) return true;
    // HEAD and OPTIONS are served wherever GET is.
    if ((method == HttpMethod::Head || method == HttpMethod::Options) &&
        rule->methods.count(HttpMethod::Get)) {
      return true;
    }
  }
  return false;
}

Requirement requirement_for(const Catalog& catalog, const EndpointMatch& match,
                            std::optional<HttpMethod> method,
                            const std::vector<std::string>& body_fields) {
  Requirement req;
  if (match.token_endpoint) {
    req.kind = Requirement::Kind::TokenEndpoint;
    return req;
  }
  // The governing resources of every endpoint the path can be ("" = unscoped).
  std::set<std::string> resources;
  for (const auto* rule : match.rules) resources.insert(rule->resource);
  if (match.rules.empty() && !match.nested_resource.empty()) resources.insert(match.nested_resource);
  if (resources.empty()) {
    req.kind = Requirement::Kind::Unknown;
    req.reason = "it matches no documented endpoint";
    return req;
  }
  if (resources.size() == 1 && resources.begin()->empty()) {
    req.kind = Requirement::Kind::GlobalOnly;
    for (const auto* rule : match.rules) {
      if (!rule->note.empty()) req.note = rule->note;
    }
    return req;
  }
  if (resources.size() > 1 || !method) {
    req.kind = Requirement::Kind::Unresolved;
    req.reason = resources.size() > 1 ? "the path could be several endpoints"
                                       : "the HTTP method could not be worked out";
    for (const auto& resource : resources) {
      if (resource.empty()) req.could_need_any = true;
      for (const auto& [permission, methods] : catalog.permission_methods) {
        if (method && !methods.count(*method)) continue;
        auto it = catalog.resources.find(resource);
        if (it == catalog.resources.end()) continue;
        std::string scope = catalog.scope_prefix + resource + "." + permission;
        if (catalog.scopes.count(scope)) add_unique(req.candidates, scope);
      }
    }
    return req;
  }
  const std::string& resource = *resources.begin();
  std::string scope = catalog.scope_for(resource, *method);
  if (scope.empty()) {
    req.kind = Requirement::Kind::NoScopeExists;
    req.reason = "'" + resource + "' is read-only reference data";
    return req;
  }
  req.kind = Requirement::Kind::Scopes;
  req.scopes.push_back(scope);
  if (const SigningRule* signing = signing_rule_for(catalog, match, *method, body_fields)) {
    add_unique(req.scopes, signing->scope);
    req.note = signing->note;
  }
  return req;
}

}  // namespace scopelint

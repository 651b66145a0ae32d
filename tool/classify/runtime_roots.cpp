#include "classify/runtime_roots.h"

#include <algorithm>

#include "classify/endpoint_matcher.h"

#include "util/url.h"

namespace scopelint {

std::optional<RuntimeRootPath> path_after_runtime_root(const HttpCall& call, const Catalog& catalog) {
  if (!call.url) return std::nullopt;
  const std::string wildcard = kWildcard;
  std::string path;
  if (call.base) {
    // A run-time base and a path relative to it (an absolute one replaces the base's path).
    if (*call.base != wildcard && *call.base != wildcard + "/") return std::nullopt;
    if (call.url->empty() || (*call.url)[0] == '/' || call.url->rfind(wildcard, 0) == 0) return std::nullopt;
    path = *call.url;
  } else {
    if (call.url->rfind(wildcard + "/", 0) != 0) return std::nullopt;
    path = call.url->substr(wildcard.size() + 1);
  }
  RuntimeRootPath out;
  if (const size_t q = path.find('?'); q != std::string::npos) {
    out.query = path.substr(q + 1);
    path.erase(q);
  }
  if (path.empty() || path.find(wildcard) == 0) return std::nullopt;
  out.trailing_slash = path.back() == '/';
  out.segments = path_segments(path);
  const std::vector<std::string> base = path_segments(catalog.base_path);
  if (out.segments.size() > base.size() && std::equal(base.begin(), base.end(), out.segments.begin())) {
    out.segments.erase(out.segments.begin(), out.segments.begin() + static_cast<long>(base.size()));
  }
  if (out.segments.empty()) return std::nullopt;
  return out;
}

// A call site's place: alternatives of one site share it.
std::string place_of(const HttpCall& call) {
  return call.location.file + ":" + std::to_string(call.location.line) + ":" + std::to_string(call.location.column);
}

// Files whose token request goes to `oauth2/token/` under a root known only at run time
// (runtime_roots.h), at a place where no other alternative is already the API's, or relative to
// its client's base.
std::set<std::string> files_with_runtime_api_root(const Facts& facts, const Catalog& catalog,
                                                  const std::set<std::string>& located) {
  std::set<std::string> files;
  for (const auto& call : facts.calls) {
    if (call.method && *call.method != HttpMethod::Post) continue;
    const auto root = located.count(place_of(call)) ? std::nullopt : path_after_runtime_root(call, catalog);
    if (root && root->trailing_slash && match_endpoint(catalog, root->segments).token_endpoint) {
      files.insert(call.location.file);
    }
    // A token request written relative to its client's base (`request(POST, "oauth2/token/")`),
    // whatever the base: the file writes its paths relative to the API's root.
    const std::string wildcard = kWildcard;
    if (call.base && call.url && !call.url->empty() && (*call.url)[0] != '/' && call.url->rfind(wildcard, 0) != 0) {
      const std::string path = call.url->substr(0, call.url->find('?'));
      if (!path.empty() && path.back() == '/' && match_endpoint(catalog, path_segments(path)).token_endpoint) {
        files.insert(call.location.file);
      }
    }
  }
  return files;
}

}  // namespace scopelint

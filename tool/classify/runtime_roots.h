// Requests to an API root known only at run time (`http_client(uri(argv[1]))` then
// `request("oauth2/token/")`, `snprintf(url, "%s/patients/", conf.base)`): the destination is a
// run-time value followed by a literal path. A file whose token request goes to such a root's
// `oauth2/token/` treats the root as the API's; its other requests there that name documented
// endpoints are API calls.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "model/facts.h"

namespace scopelint {

struct RuntimeRootPath {
  std::vector<std::string> segments;  // under the API's base path
  bool trailing_slash = false;
  std::string query;
};

// The path after a run-time root: a run-time base with a relative URL, or a URL that is a run-time
// value, "/", then literal text. The API's base path right after the root is taken off.
std::optional<RuntimeRootPath> path_after_runtime_root(const HttpCall& call, const Catalog& catalog);

// A call site's place: the alternatives of one site share it.
std::string place_of(const HttpCall& call);

// Files whose token request goes to `oauth2/token/` under a root known only at run time, at a
// place (`located`: places already the API's) where no other alternative is the API's, or
// relative to its client's base (any base: the file writes paths relative to the API's root).
std::set<std::string> files_with_runtime_api_root(const Facts& facts, const Catalog& catalog,
                                                  const std::set<std::string>& located);

}  // namespace scopelint

// Maps a request (method + path under the API base) to the scope it needs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/http_method.h"
#include "catalog/catalog.h"

namespace scopelint {

struct Requirement {
  enum class Kind {
    Scopes,         // needs every scope in `scopes`
    GlobalOnly,     // no specific scope covers the endpoint: only the global scope reaches it
    TokenEndpoint,  // the token endpoint itself: needs no scope
    NoScopeExists,  // e.g. a write on read-only reference data: no scope grants it
    Unknown,        // matches no endpoint and no resource: the scope cannot be told
    Unresolved,     // method or path not known well enough; it may need one of `candidates`
  };
  Kind kind = Kind::Unknown;
  std::vector<std::string> scopes;
  std::vector<std::string> candidates;  // Unresolved: the scopes it might need
  bool could_need_any = false;  // Unresolved: it might need any scope at all
  std::string note;  // the endpoint's note (why unscoped, signing, ...)
  std::string reason;  // Unresolved (a known path) / Unknown / NoScopeExists: why, for the message
};

struct EndpointMatch {
  std::vector<const EndpointRule*> rules;  // every documented endpoint the path can be
  std::string nested_resource;  // no rule matched, but the first segment names this resource
  bool token_endpoint = false;
};

// `segments`: the path under the API base, e.g. {"patients", "{}", "insurance_cards"}; a segment
// that is or contains "{}" (or a "{name}" placeholder) is a run-time value.
EndpointMatch match_endpoint(const Catalog& catalog, const std::vector<std::string>& segments);

// What `method` on the matched path needs. `body_fields`: keys known to be sent (signing).
Requirement requirement_for(const Catalog& catalog, const EndpointMatch& match,
                            std::optional<HttpMethod> method,
                            const std::vector<std::string>& body_fields);

// Whether a documented endpoint of the match allows `method`.
bool method_documented(const EndpointMatch& match, HttpMethod method);

}  // namespace scopelint

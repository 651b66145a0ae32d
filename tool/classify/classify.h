// Classification: which HTTP calls are API calls or token requests of the catalog's API, and what
// each needs or asks for. Everything else (other hosts, other APIs) is dropped here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/api_call_counts.h"
#include "model/facts.h"
#include "catalog/catalog.h"
#include "classify/endpoint_matcher.h"
#include "classify/scope_string.h"

namespace scopelint {

struct ApiCall {
  const HttpCall* call = nullptr;  // points into the Facts given to classify()
  std::optional<HttpMethod> method;
  std::string display_path;  // "/api/2.0/patients/{}/", or the URL as far as known
  bool url_known = false;  // the path was worked out (maybe with run-time segments)
  EndpointMatch match;
  Requirement requirement;
  bool method_undocumented = false;  // the path is documented, but not for this method
  // Headers the request sets that need a scope of their own, whatever the endpoint (X-On-Behalf-Of
  // needs act_as_user); headers_unknown: some header could be one of them.
  std::vector<const HeaderScopeRule*> header_rules;
  bool headers_unknown = false;
};

// Where a token request's scope value is written: one string literal (in the request, a constant in
// a header, a #define, a wrapper's caller) and the value's bytes inside the literal's decoded value.
struct ScopeLiteral {
  SourceRange literal;
  unsigned value_offset = 0;
  unsigned value_length = 0;
  // How the literal writes the value: Wire inside a hand-built form text; Plain when a library or a
  // curl_easy_escape-like call encodes it on the way.
  ScopeEncoding encoding = ScopeEncoding::Plain;
};

struct TokenRequest {
  SourceLocation location;
  std::vector<SourceLocation> macro_chain;  // HttpCall::macro_chain
  std::string component;
  std::vector<Note> chain;
  bool from_config = false;  // scopes declared outside the code (--granted-scopes, config)
  bool body_known = true;  // false: whether and which scope is sent cannot be told
  bool sends_scope = false;  // a scope parameter is sent
  bool scope_known = false;  // ... and its value is known statically
  std::string scope_text;  // the value as written in the code
  ScopeEncoding encoding = ScopeEncoding::Either;
  ParsedScopeString parsed;
  std::optional<ScopeLiteral> scope_literal;  // for fix-its and for reporting where the value is written
};

// Whether a finding about `token`'s scope value belongs at its scope literal rather than at the
// request: the literal is written elsewhere (another file, or before the request, as a constant or
// a variable is). A literal written in the request's own call keeps the finding at the request.
bool scope_written_elsewhere(const TokenRequest& token);

struct ClassifiedFacts {
  std::vector<ApiCall> calls;
  std::vector<TokenRequest> tokens;
};

ClassifiedFacts classify(const Facts& facts, const Catalog& catalog);

// Whether the scope requirement of `call` is known: every kind but Requirement::Kind::Unresolved.
bool is_resolved(const ApiCall& call);

// The API calls of `facts` that `counted` accepts (all when it is empty) and how many are resolved.
// A request to the token endpoint is a token request, never an API call, whatever its method.
ApiCallCounts count_api_calls(const ClassifiedFacts& facts,
                              const std::function<bool(const HttpCall&)>& counted = {});

// Keys sent in a body: form fields, or the top-level keys of a JSON text.
std::vector<std::string> body_field_names(const RequestBody& body);

}  // namespace scopelint

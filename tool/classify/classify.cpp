// Classification of HTTP calls into API calls and token requests.
#include "classify/classify.h"

#include <algorithm>
#include <regex>
#include <set>

#include "classify/runtime_roots.h"
#include "util/url.h"

namespace scopelint {
namespace {

// Where a request goes, as far as the catalog is concerned.
struct Target {
  bool is_api = false;
  bool url_known = false;
  std::vector<std::string> segments;  // under the API base path
  bool trailing_slash = false;
  std::string query;  // the query string, if any (token requests may carry scope there)
};

bool starts_with(const std::vector<std::string>& segments, const std::vector<std::string>& prefix) {
  return segments.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), segments.begin());
}

// Whether `path` is the API's base path with a run-time value glued to it ("/api/2.0{}..."): the
// value may hold any number of segments, so no endpoint can be told.
bool glued_to_base(const Catalog& catalog, const std::string& path) {
  const std::string glued = catalog.base_path + kWildcard;
  return path.compare(0, glued.size(), glued) == 0;
}

Target locate(const HttpCall& call, const Catalog& catalog) {
  Target target;
  bool base_elation = call.base_is_elation;
  if (call.base) {
    UrlParts base = split_url(*call.base);
    if (base.host && !base.host_is_runtime && catalog.is_api_host(*base.host)) base_elation = true;
  }
  if (!call.url) {
    target.is_api = base_elation;
    return target;
  }
  std::string full = call.base ? join_base_and_path(*call.base, *call.url) : *call.url;
  UrlParts parts = split_url(full);
  bool api_host = parts.host && !parts.host_is_runtime && catalog.is_api_host(*parts.host);
  if (parts.host && !parts.host_is_runtime && !api_host && !call.base_is_elation) return target;
  if (size_t q = full.find('?'); q != std::string::npos) target.query = full.substr(q + 1);
  // "/api/2.0" + path with the path a run-time value: the API's base, then anything at all.
  if (glued_to_base(catalog, parts.path)) {
    target.is_api = api_host || base_elation;
    return target;
  }
  target.segments = path_segments(parts.path);
  target.trailing_slash = !parts.path.empty() && parts.path.back() == '/';
  std::vector<std::string> base_segments = path_segments(catalog.base_path);
  bool has_base_prefix = starts_with(target.segments, base_segments);
  if (has_base_prefix) {
    target.segments.erase(target.segments.begin(), target.segments.begin() + base_segments.size());
  }
  target.url_known = true;
  if (api_host || base_elation) {
    target.is_api = true;
  } else if (has_base_prefix) {
    // A bare "/api/2.0/..." path on an unknown client: the API's only if it names its endpoints.
    EndpointMatch match = match_endpoint(catalog, target.segments);
    target.is_api = !match.rules.empty() || !match.nested_resource.empty() || match.token_endpoint;
  }
  return target;
}

std::string display_path(const Catalog& catalog, const Target& target) {
  std::string path = catalog.base_path;
  for (const auto& segment : target.segments) path += "/" + segment;
  if (target.trailing_slash || target.segments.empty()) path += "/";
  return path;
}

// Splits "a=1&b=2" into pairs; keys are form-decoded.
std::vector<std::pair<std::string, std::string>> form_pairs(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string::npos) end = text.size();
    std::string pair = text.substr(start, end - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string key = form_decode(pair.substr(0, eq));
      pairs.emplace_back(key, eq == std::string::npos ? "" : pair.substr(eq + 1));
    }
    start = end + 1;
  }
  return pairs;
}

// Where the value of the first "scope" pair of form text starts, and how many "scope" pairs it has.
std::pair<size_t, int> scope_value_position(const std::string& text) {
  size_t first = std::string::npos;
  int count = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('&', start);
    if (end == std::string::npos) end = text.size();
    const size_t eq = text.find('=', start);
    const size_t key_end = eq < end ? eq : end;
    if (key_end > start && form_decode(text.substr(start, key_end - start)) == "scope") {
      if (count++ == 0) first = eq < end ? eq + 1 : end;
    }
    start = end + 1;
  }
  return {first, count};
}

// Fills the scope facts of a token request from a raw form text (a body or a query string).
// Returns false when the text cannot tell whether a scope is sent.
bool read_form_text(const std::string& text, TokenRequest& token) {
  bool unknown_key = false;
  for (const auto& [key, value] : form_pairs(text)) {
    if (key == "scope") {
      token.sends_scope = true;
      token.scope_known = true;
      token.scope_text = value;
      token.encoding = ScopeEncoding::Wire;
      return true;
    }
    if (key.find(kWildcard) != std::string::npos) unknown_key = true;
  }
  return !unknown_key;
}

// The literal piece that spells text[begin, begin + length) whole, as a ScopeLiteral. An encoded
// piece must be exactly the value (its bytes do not map one to one into the literal).
std::optional<ScopeLiteral> literal_for(const std::vector<LiteralPiece>& pieces, size_t text_size,
                                        size_t begin, size_t length, ScopeEncoding written) {
  for (const auto& piece : pieces) {
    const size_t piece_end = size_t(piece.begin) + piece.length;
    if (piece_end > text_size || piece.begin > begin || begin + length > piece_end) continue;
    if (piece.literal.begin.file.empty() ||
        piece.value_offset + size_t(piece.value_length) > piece.literal.length) {
      continue;  // not a place in a file (hand-written facts)
    }
    if (piece.encoded) {
      if (piece.begin != begin || piece.length != length) continue;
      return ScopeLiteral{piece.literal, piece.value_offset, piece.value_length,
                          ScopeEncoding::Plain};
    }
    return ScopeLiteral{piece.literal,
                        piece.value_offset + static_cast<unsigned>(begin - piece.begin),
                        static_cast<unsigned>(length), written};
  }
  return std::nullopt;
}

// The literal of a scope sent in a form body the code writes itself.
std::optional<ScopeLiteral> raw_scope_literal(const RequestBody& body, const TokenRequest& token) {
  if (!body.raw || !token.scope_known) return std::nullopt;
  const auto [begin, count] = scope_value_position(*body.raw);
  // Two scope parameters: which one the server reads is unclear, so none is edited.
  if (count != 1 || begin == std::string::npos) return std::nullopt;
  return literal_for(body.raw_pieces, body.raw->size(), begin, token.scope_text.size(),
                     ScopeEncoding::Wire);
}

TokenRequest make_token_request(const HttpCall& call, const Target& target) {
  TokenRequest token;
  token.location = call.location;
  token.macro_chain = call.macro_chain;
  token.component = call.component;
  token.chain = call.chain;
  const RequestBody& body = call.body;
  switch (body.kind) {
    case RequestBody::Kind::Fields:
      for (const auto& field : body.fields) {
        if (field.key != "scope") continue;
        token.sends_scope = true;
        token.scope_known = field.value.has_value();
        token.scope_text = field.value.value_or("");
        token.encoding = ScopeEncoding::Plain;
        token.scope_literal.reset();
        if (field.value) {
          token.scope_literal = literal_for(field.value_pieces, field.value->size(), 0,
                                            field.value->size(), ScopeEncoding::Plain);
        }
      }
      break;
    case RequestBody::Kind::Raw:
      if (!body.raw) {
        token.body_known = false;
      } else {
        token.body_known = read_form_text(*body.raw, token);
        if (token.sends_scope) token.scope_literal = raw_scope_literal(body, token);
      }
      break;
    case RequestBody::Kind::Unknown:
      token.body_known = false;
      break;
    case RequestBody::Kind::None:
      break;
  }
  if (!token.sends_scope && !target.query.empty()) {
    TokenRequest from_query = token;
    if (read_form_text(target.query, from_query) && from_query.sends_scope) token = from_query;
  }
  if (token.scope_known) token.parsed = parse_scope_string(token.scope_text, token.encoding);
  return token;
}

}  // namespace

bool scope_written_elsewhere(const TokenRequest& token) {
  if (!token.scope_literal || token.from_config) return false;
  const SourceLocation& literal = token.scope_literal->literal.begin;
  return literal.file != token.location.file || literal < token.location;
}

std::vector<std::string> body_field_names(const RequestBody& body) {
  std::vector<std::string> names;
  if (body.kind == RequestBody::Kind::Fields) {
    for (const auto& field : body.fields) names.push_back(field.key);
  } else if (body.kind == RequestBody::Kind::Raw && body.raw) {
    const std::string& raw = *body.raw;
    size_t first = raw.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && raw[first] == '{') {
      static const std::regex kJsonKey(R"re("([A-Za-z_][A-Za-z0-9_]*)"\s*:)re");
      for (std::sregex_iterator it(raw.begin(), raw.end(), kJsonKey), end; it != end; ++it) {
        names.push_back((*it)[1].str());
      }
    } else {
      for (const auto& [key, value] : form_pairs(raw)) names.push_back(key);
    }
  }
  return names;
}

namespace {

// Whether nothing of where a request goes is known: no URL, or one whose host and path are both
// run-time values ("{}", "{}/{}", "/api/2.0{}"). A literal non-API host, or a literal path, says
// where it goes.
bool destination_unknown(const HttpCall& call, const Catalog& catalog) {
  if (call.base && !call.base->empty() && split_url(*call.base).host && !split_url(*call.base).host_is_runtime) {
    return false;
  }
  if (!call.url) return true;
  const UrlParts parts = split_url(*call.url);
  if (parts.host && !parts.host_is_runtime) return false;
  if (glued_to_base(catalog, parts.path)) return true;
  for (const auto& segment : path_segments(parts.path)) {
    if (segment != kWildcard) return false;
  }
  return true;
}

// An HTTP request whose destination is unknown, in a file that makes API calls or token requests:
// it may be an API call, so it is reported as one whose requirement is not known, never dropped.
ApiCall unknown_destination_call(const HttpCall& call) {
  ApiCall api;
  api.call = &call;
  api.method = call.method;
  api.display_path = call.url.value_or("");
  api.requirement.kind = Requirement::Kind::Unresolved;
  api.requirement.could_need_any = true;
  return api;
}

void add_header_rules(const Catalog& catalog, const HttpCall& call, ApiCall& api) {
  api.headers_unknown = call.headers_unknown;
  for (const auto& header : call.headers) {
    if (header.find(kWildcard) != std::string::npos) api.headers_unknown = true;
    const HeaderScopeRule* rule = catalog.header_rule(header);
    if (rule && std::find(api.header_rules.begin(), api.header_rules.end(), rule) == api.header_rules.end()) {
      api.header_rules.push_back(rule);
    }
  }
}

// A request under such a root that names a documented endpoint; not the API's otherwise.
Target runtime_root_target(const HttpCall& call, const Catalog& catalog) {
  Target target;
  const auto root = path_after_runtime_root(call, catalog);
  if (!root) return target;
  const EndpointMatch match = match_endpoint(catalog, root->segments);
  if (match.rules.empty() && match.nested_resource.empty() && !match.token_endpoint) return target;
  target.is_api = true;
  target.url_known = true;
  target.segments = root->segments;
  target.trailing_slash = root->trailing_slash;
  target.query = root->query;
  return target;
}

}  // namespace

ClassifiedFacts classify(const Facts& facts, const Catalog& catalog) {
  ClassifiedFacts out;
  std::set<std::string> evidence_files;  // files with API calls or token requests
  std::vector<const HttpCall*> unknown_destinations;
  std::vector<Target> targets;
  targets.reserve(facts.calls.size());
  std::set<std::string> located;  // places with an API call or token request
  for (const auto& call : facts.calls) {
    targets.push_back(locate(call, catalog));
    if (targets.back().is_api) located.insert(place_of(call));
  }
  const std::set<std::string> root_files = files_with_runtime_api_root(facts, catalog, located);
  for (size_t i = 0; i < facts.calls.size(); ++i) {
    const HttpCall& call = facts.calls[i];
    Target& target = targets[i];
    if (!target.is_api && root_files.count(call.location.file) && !located.count(place_of(call))) {
      target = runtime_root_target(call, catalog);
    }
    if (!target.is_api) {
      if (destination_unknown(call, catalog)) unknown_destinations.push_back(&call);
      continue;
    }
    evidence_files.insert(call.location.file);
    EndpointMatch match;
    if (target.url_known) match = match_endpoint(catalog, target.segments);
    bool may_post = !call.method || *call.method == HttpMethod::Post;
    if (match.token_endpoint) {
      if (may_post) out.tokens.push_back(make_token_request(call, target));
      continue;
    }
    ApiCall api;
    api.call = &call;
    api.method = call.method;
    api.url_known = target.url_known;
    api.display_path = target.url_known ? display_path(catalog, target) : call.url.value_or("");
    api.match = match;
    if (!target.url_known) {
      // Why is the call's own `unresolved`, which the unresolved-call check puts into words.
      api.requirement.kind = Requirement::Kind::Unresolved;
      api.requirement.could_need_any = true;
    } else {
      api.requirement = requirement_for(catalog, match, call.method, body_field_names(call.body));
      if (call.method && !match.rules.empty() && !method_documented(match, *call.method)) {
        api.method_undocumented = true;
      }
    }
    add_header_rules(catalog, call, api);
    out.calls.push_back(std::move(api));
  }
  for (const HttpCall* call : unknown_destinations) {
    // The API's base path written before a run-time part ("/api/2.0" + path) is evidence too.
    const bool glued = call->url && glued_to_base(catalog, split_url(*call->url).path);
    if (!evidence_files.count(call->location.file) && !glued) continue;
    ApiCall api = unknown_destination_call(*call);
    add_header_rules(catalog, *call, api);
    out.calls.push_back(std::move(api));
  }
  for (const auto& granted : facts.granted) {
    TokenRequest token;
    token.location = granted.location;
    token.component = granted.component;
    token.from_config = true;
    token.sends_scope = true;
    token.scope_known = true;
    token.scope_text = granted.scopes;
    token.encoding = ScopeEncoding::Either;
    token.parsed = parse_scope_string(granted.scopes, ScopeEncoding::Either);
    out.tokens.push_back(std::move(token));
  }
  return out;
}

bool is_resolved(const ApiCall& call) {
  return call.requirement.kind != Requirement::Kind::Unresolved;
}

ApiCallCounts count_api_calls(const ClassifiedFacts& facts,
                              const std::function<bool(const HttpCall&)>& counted) {
  ApiCallCounts counts;
  for (const ApiCall& call : facts.calls) {
    if (call.requirement.kind == Requirement::Kind::TokenEndpoint) continue;
    if (counted && !counted(*call.call)) continue;
    ++counts.calls;
    if (is_resolved(call)) ++counts.resolved;
  }
  return counts;
}

}  // namespace scopelint

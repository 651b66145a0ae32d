// The facts extraction produces and the checks consume: HTTP calls as the code makes them.
//
// Extraction knows HTTP libraries, not Elation. It reports every HTTP request it finds with what it
// could work out statically; classification (scope/classify.h) decides which ones are Elation API
// calls or token requests. Run-time parts of strings are written as the wildcard "{}".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/http_method.h"
#include "model/source_location.h"

namespace scopelint {

inline constexpr const char* kWildcard = "{}";

// A located explanation attached to a fact or a finding (a wrapper chain step, a token request).
struct Note {
  SourceLocation location;
  std::string message;
};

// A run of a resolved text that one string literal spells, so that a finding about that text is
// reported, suppressed and fixed where the literal is written (a constant in a header, a #define, a
// wrapper's argument) even when the text was built from several parts.
struct LiteralPiece {
  unsigned begin = 0;  // byte offset of the run in the resolved text
  unsigned length = 0;  // bytes of the run in the resolved text
  SourceRange literal;  // the literal token
  unsigned value_offset = 0;  // where the run starts in the literal's decoded value
  unsigned value_length = 0;  // bytes of the literal's value it spells (differs from `length` when encoded)
  bool encoded = false;  // the run is that value percent-encoded (curl_easy_escape and the like)
};

// One key/value pair of a form body built through a library API (cpr::Payload, httplib::Params,
// QUrlQuery, a std::map). The library URL-encodes the value itself.
struct FormField {
  std::string key;
  std::optional<std::string> value;  // decoded value with "{}" for run-time parts; nullopt: unknown
  std::optional<SourceRange> value_literal;  // the string literal that spells the value, if one does
  std::vector<LiteralPiece> value_pieces;  // the literals that spell runs of `value`
};

struct RequestBody {
  enum class Kind {
    None,     // the request sends no body
    Unknown,  // a body is sent but nothing about it is known
    Fields,   // key/value pairs, encoded by the library (see FormField)
    Raw,      // the body text exactly as sent, e.g. "grant_type=client_credentials&scope=..."
  };
  Kind kind = Kind::None;
  std::vector<FormField> fields;  // Kind::Fields
  std::optional<std::string> raw;  // Kind::Raw; nullopt when the text is not known
  std::optional<SourceRange> raw_literal;  // the literal that spells the raw body, if one does
  std::vector<LiteralPiece> raw_pieces;  // the literals that spell runs of `raw`
};

// What could not be worked out statically about a request, as facts; the checks put it into words.
struct UnresolvedParts {
  enum class Url : uint8_t {
    Known,
    BuiltAtRunTime,  // a URL is set, but (part of) its path is known only at run time
    NotSet,          // no URL is set on the request (a request object sent elsewhere)
  };
  enum class Method : uint8_t {
    Known,
    NotKnown,           // nothing sets the method
    ChosenAtRunTime,    // a method is set from a value known only at run time
    ChosenByParameter,  // a wrapper picks it by testing a parameter its caller does not fix
  };
  Url url = Url::Known;
  Method method = Method::Known;
  std::string chooser;  // ChosenByParameter: the wrapper's qualified name ("ElationApi::call")
  std::string parameter;  // ... and the parameter it tests ("m")

  bool any() const { return url != Url::Known || method != Method::Known; }
  friend bool operator==(const UnresolvedParts& a, const UnresolvedParts& b) {
    return a.url == b.url && a.method == b.method && a.chooser == b.chooser && a.parameter == b.parameter;
  }
};

// An HTTP request made by the code.
struct HttpCall {
  SourceLocation location;  // where the user would edit: the outermost call site that fixes the URL
  std::optional<HttpMethod> method;  // nullopt: not known statically
  // The URL or path, with "{}" for run-time parts; nullopt: not known statically. May be a full URL
  // ("https://app.elationemr.com/api/2.0/patients/") or a path relative to `base`.
  std::optional<std::string> url;
  // The client's base URL or host when the library takes it separately (httplib::Client("host"),
  // a session base); nullopt when none is known.
  std::optional<std::string> base;
  bool base_is_elation = false;  // a base configured as Elation (config, or known client wrapper)
  RequestBody body;
  // Names of the request headers the code sets, as written ("X-On-Behalf-Of"); a name known only at
  // run time is "{}".
  std::vector<std::string> headers;
  bool headers_unknown = false;  // headers are also set from something not worked out statically
  std::string library;  // "libcurl", "cpr", ... (for messages)
  UnresolvedParts unresolved;  // what of method and URL could not be worked out (checks word it)
  std::vector<Note> chain;  // wrapper chain down to the library call, outermost first
  std::string component;  // project component (config), empty: the default one
  // When `location` comes from a macro expansion: where the call is written (the macro
  // definition, a macro argument) and the expansion site, innermost first. A NOLINT at any of them
  // suppresses the call's findings, as in clang-tidy. Empty outside macros.
  std::vector<SourceLocation> macro_chain;
};

// Declared scopes provisioned outside the code (--granted-scopes, config).
struct GrantedScopes {
  SourceLocation location;  // the config line, or empty for the command line
  std::string scopes;  // space-separated, decoded
  std::string component;
};

struct Facts {
  std::vector<HttpCall> calls;
  std::vector<GrantedScopes> granted;
};

}  // namespace scopelint

// Parses a requested `scope` value the way the token endpoint will receive it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scopelint {

// How the value reaches the wire.
enum class ScopeEncoding {
  Wire,   // text of an application/x-www-form-urlencoded body as sent: '+' and %XX decode
  Plain,  // a key/value API (cpr::Payload, httplib::Params, ...) URL-encodes the value itself
  Either  // unknown: accept the encoded and the decoded form
};

struct ScopeEncodingProblem {
  enum class Kind {
    RawSpace,       // a literal space inside a raw form body: must be %20 or '+'
    Comma,          // scopes separated by commas: the server reads one unknown scope
    DoubleEncoded,  // %20 or '+' in a value the library encodes again: the server sees "%20"
    BadPercent,     // '%' not followed by two hex digits
  };
  Kind kind;
  std::string detail;  // the offending text
};

struct ParsedScopeString {
  std::vector<std::string> scopes;  // as the client meant them, in order, without duplicates
  std::vector<std::string> duplicates;  // scopes listed more than once
  std::vector<ScopeEncodingProblem> problems;
  bool has_runtime_part = false;  // some part of the value is only known at run time ("{}")
  // The separator style of the source text, kept when the string is rewritten: "%20", "+" or " ".
  std::string separator = " ";
};

ParsedScopeString parse_scope_string(std::string_view value, ScopeEncoding encoding);

// Joins scopes with the given separator ("%20", "+" or " ").
std::string join_scopes(const std::vector<std::string>& scopes, std::string_view separator);

// Decodes application/x-www-form-urlencoded text ('+' is a space); invalid escapes stay as they are.
std::string form_decode(std::string_view text);

}  // namespace scopelint

// Fuzzes parse_scope_string in every encoding, plus form_decode and join_scopes round trips.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "classify/scope_string.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto encoding : {scopelint::ScopeEncoding::Wire, scopelint::ScopeEncoding::Plain,
                        scopelint::ScopeEncoding::Either}) {
    scopelint::ParsedScopeString parsed = scopelint::parse_scope_string(text, encoding);
    for (const auto& scope : parsed.scopes) {
      if (scope.empty()) std::abort();  // an empty scope is never a scope
    }
    std::string joined = scopelint::join_scopes(parsed.scopes, parsed.separator);
    (void)scopelint::parse_scope_string(joined, encoding);
  }
  (void)scopelint::form_decode(text);
  return 0;
}

// One HTTP call <-> named JSON members, as --facts reads it and the cache and workers pass it on:
// {"file", "line", "column", "method", "url", "base", "base_is_elation", "library", "component",
//  "body", "unresolved", "chain", "macro_chain"}.
#pragma once

#include <optional>
#include <vector>

#include "codec/json_fields.h"
#include "model/facts.h"

namespace scopelint::codec {

json encode_call(const HttpCall& call);
HttpCall decode_call(const json& value, const JsonWhere& where);

// A method name ("GET"), null when unknown; read case-insensitively.
json encode_method(const std::optional<HttpMethod>& method);
std::optional<HttpMethod> decode_method(const json& object, const char* key,
                                        const JsonWhere& where);

// Form fields: [{"key", "value", "value_literal", "pieces"}].
json encode_form_fields(const std::vector<FormField>& fields);
std::vector<FormField> decode_form_fields(const json& object, const char* key,
                                          const JsonWhere& where);

}  // namespace scopelint::codec

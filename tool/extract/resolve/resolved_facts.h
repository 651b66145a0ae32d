// Facts made from resolved values, the same for every front end: a raw body and a form field.
#pragma once

#include <optional>

#include "extract/resolve/string_resolver.h"
#include "model/facts.h"

namespace scopelint::extract {

// A raw body whose text is `text` (unknown when it is not known), with the literals that spell it.
inline RequestBody raw_body(const ResolvedString& text) {
  RequestBody body;
  body.kind = RequestBody::Kind::Raw;
  if (text.known) body.raw = text.text;
  body.raw_literal = text.spelling_literal();
  if (body.raw) body.raw_pieces = text.pieces;
  return body;
}

// The form field `key` = `value`; none when the key is not known.
inline std::optional<FormField> form_field(const ResolvedString& key, const ResolvedString& value) {
  if (!key.known) return std::nullopt;
  FormField field;
  field.key = key.text;
  if (value.known || value.text.empty()) field.value = value.text;
  field.value_literal = value.spelling_literal();
  if (field.value) field.value_pieces = value.pieces;
  return field;
}

}  // namespace scopelint::extract

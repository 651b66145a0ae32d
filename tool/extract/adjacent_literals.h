// The literal pieces of a string literal written as adjacent tokens, some of them object-like macros
// (`"grant_type=client_credentials&scope=" ELATION_SCOPES`), so that a finding about the scope can
// point at the #define where it is written.
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <vector>

#include "model/facts.h"

namespace scopelint::extract {

// One piece per literal token and per macro whose definition is one string literal, in order;
// empty when some token is neither or the pieces do not spell `value` exactly.
std::vector<LiteralPiece> adjacent_literal_pieces(CXTranslationUnit tu, CXCursor literal, const std::string& value);

}  // namespace scopelint::extract

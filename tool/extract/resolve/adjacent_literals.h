// The literal pieces of a string literal written as adjacent tokens, some of them object-like macros
// (`"grant_type=client_credentials&scope=" ELATION_SCOPES`), so that a finding about the scope can
// point at the #define where it is written.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/facts.h"

namespace scopelint::extract {

struct DefinedLiteral {
  SourceRange range;  // the literal of the definition
  std::string value;
};

// The object-like macros defined as one string literal (`#define NAME "text"`) in the unit's
// files of the scan, by name. Read once per unit, on first use: searching every included file
// for each macro name cost more than the parse on Boost units. A definition in a third-party
// header is left out: it is no place to point a finding or a fix at.
class LiteralMacros {
 public:
  LiteralMacros(CXTranslationUnit tu, std::function<bool(CXFile)> in_scan)
      : tu_(tu), in_scan_(std::move(in_scan)) {}
  const std::vector<DefinedLiteral>& definitions(const std::string& name);

 private:
  CXTranslationUnit tu_;
  std::function<bool(CXFile)> in_scan_;
  std::optional<std::unordered_map<std::string, std::vector<DefinedLiteral>>> by_name_;
};

// One piece per literal token and per macro whose definition is one string literal, in order;
// empty when some token is neither or the pieces do not spell `value` exactly.
std::vector<LiteralPiece> adjacent_literal_pieces(CXTranslationUnit tu, LiteralMacros& macros,
                                                  CXCursor literal, const std::string& value);

}  // namespace scopelint::extract

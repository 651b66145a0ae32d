// Literal pieces (model/facts.h LiteralPiece) kept in step with the operations that rewrite a
// resolved text: slicing, concatenation, percent-encoding, wildcard collapsing, slot substitution.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extract/resolve/parameter_slots.h"
#include "model/facts.h"

namespace scopelint::extract {

// A text with the literals that spell runs of it.
struct PiecedText {
  std::string text;
  std::vector<LiteralPiece> pieces;
};

// The piece for a whole literal whose decoded value is `value`.
LiteralPiece whole_literal_piece(const SourceRange& literal, const std::string& value);

// `pieces` moved `delta` bytes further into the text.
void shift_pieces(std::vector<LiteralPiece>& pieces, size_t delta);

// The parts of `pieces` inside [begin, end) of their text, rebased to `begin`. A plain piece that
// is cut keeps the part of its literal still spelled; an encoded one is dropped (its bytes do not
// map one to one).
std::vector<LiteralPiece> clip_pieces(const std::vector<LiteralPiece>& pieces, size_t begin, size_t end);

// The pieces of `text` after percent_encode(text): each spans its encoded bytes and is marked
// encoded; a piece already encoded is dropped (the literal would reach the wire encoded twice).
std::vector<LiteralPiece> encode_pieces(const std::string& text, const std::vector<LiteralPiece>& pieces);

// collapse_wildcards with the pieces moved to where their bytes went.
PiecedText collapse_pieced(const PiecedText& value);

// substitute_slots with pieces: the text's own pieces move, each slot's value brings its own.
PiecedText substitute_pieced(const PiecedText& value,
                             const std::function<PiecedText(const ParameterSlot&)>& slot_value);

}  // namespace scopelint::extract

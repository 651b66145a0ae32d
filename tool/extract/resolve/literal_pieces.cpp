// Keeping literal pieces in step with rewrites of resolved text (see literal_pieces.h).
#include "extract/resolve/literal_pieces.h"

#include <algorithm>

#include "extract/resolve/string_values.h"

namespace scopelint::extract {
namespace {

// Moves each piece whose bytes all went to consecutive places; `origin[j]` is the old position of
// new byte j.
std::vector<LiteralPiece> follow_bytes(const std::vector<LiteralPiece>& pieces,
                                       const std::vector<size_t>& origin) {
  std::vector<LiteralPiece> out;
  for (const auto& piece : pieces) {
    auto first = std::find(origin.begin(), origin.end(), size_t(piece.begin));
    if (first == origin.end() || piece.length == 0) continue;
    const size_t at = static_cast<size_t>(first - origin.begin());
    if (at + piece.length > origin.size() ||
        origin[at + piece.length - 1] != piece.begin + piece.length - 1)
      continue;
    LiteralPiece moved = piece;
    moved.begin = static_cast<unsigned>(at);
    out.push_back(moved);
  }
  return out;
}

}  // namespace

LiteralPiece whole_literal_piece(const SourceRange& literal, const std::string& value) {
  LiteralPiece piece;
  piece.begin = 0;
  piece.length = static_cast<unsigned>(value.size());
  piece.literal = literal;
  piece.value_offset = 0;
  piece.value_length = piece.length;
  return piece;
}

void shift_pieces(std::vector<LiteralPiece>& pieces, size_t delta) {
  for (auto& piece : pieces) piece.begin += static_cast<unsigned>(delta);
}

std::vector<LiteralPiece> clip_pieces(const std::vector<LiteralPiece>& pieces, size_t begin,
                                      size_t end) {
  std::vector<LiteralPiece> out;
  for (const auto& piece : pieces) {
    const size_t from = std::max<size_t>(piece.begin, begin);
    const size_t to = std::min<size_t>(size_t(piece.begin) + piece.length, end);
    if (from >= to) continue;
    const bool whole = from == piece.begin && to == size_t(piece.begin) + piece.length;
    if (piece.encoded && !whole) continue;
    LiteralPiece clipped = piece;
    clipped.begin = static_cast<unsigned>(from - begin);
    clipped.length = static_cast<unsigned>(to - from);
    if (!piece.encoded) {
      clipped.value_offset = piece.value_offset + static_cast<unsigned>(from - piece.begin);
      clipped.value_length = clipped.length;
    }
    out.push_back(clipped);
  }
  return out;
}

std::vector<LiteralPiece> encode_pieces(const std::string& text,
                                        const std::vector<LiteralPiece>& pieces) {
  std::vector<LiteralPiece> out;
  for (const auto& piece : pieces) {
    if (piece.encoded || size_t(piece.begin) + piece.length > text.size()) continue;
    LiteralPiece encoded = piece;
    encoded.begin = static_cast<unsigned>(percent_encode(text.substr(0, piece.begin)).size());
    encoded.length =
        static_cast<unsigned>(percent_encode(text.substr(piece.begin, piece.length)).size());
    encoded.encoded = true;
    out.push_back(encoded);
  }
  return out;
}

PiecedText collapse_pieced(const PiecedText& value) {
  PiecedText out;
  out.text = collapse_wildcards(value.text);
  if (value.pieces.empty()) return out;
  if (out.text.size() == value.text.size()) {
    out.pieces = value.pieces;
    return out;
  }
  // collapse_wildcards only drops whole "{}" pairs: replay it to learn where each byte went.
  std::vector<size_t> origin;
  const std::string twice = std::string(kWildcard) + kWildcard;
  std::string rebuilt;
  for (size_t i = 0; i < value.text.size(); ++i) {
    rebuilt += value.text[i];
    origin.push_back(i);
    while (rebuilt.size() >= twice.size() &&
           rebuilt.compare(rebuilt.size() - twice.size(), twice.size(), twice) == 0) {
      rebuilt.resize(rebuilt.size() - 2);
      origin.resize(origin.size() - 2);
    }
  }
  out.pieces = follow_bytes(value.pieces, origin);
  return out;
}

PiecedText substitute_pieced(const PiecedText& value,
                             const std::function<PiecedText(const ParameterSlot&)>& slot_value) {
  PiecedText out;
  std::vector<size_t> origin;  // old position of each byte kept from `value`; slot values: npos
  const std::string& text = value.text;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = slot_length(text, pos);
    if (length == 0) {
      out.text += text[pos];
      origin.push_back(pos++);
      continue;
    }
    const std::string slot = text.substr(pos, length);
    PiecedText inserted = slot_value(*whole_slot(slot));
    shift_pieces(inserted.pieces, out.text.size());
    out.pieces.insert(out.pieces.end(), inserted.pieces.begin(), inserted.pieces.end());
    out.text += inserted.text;
    origin.insert(origin.end(), inserted.text.size(), std::string::npos);
    pos += length;
  }
  std::vector<LiteralPiece> own = follow_bytes(value.pieces, origin);
  out.pieces.insert(out.pieces.end(), own.begin(), own.end());
  std::sort(out.pieces.begin(), out.pieces.end(),
            [](const LiteralPiece& a, const LiteralPiece& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace scopelint::extract

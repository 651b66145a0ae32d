// Places in source files as named JSON members, shared by every fact that points into a file:
// locations ("file", "line", "column"), literal ranges, literal pieces, notes.
#pragma once

#include <optional>
#include <vector>

#include "codec/json_fields.h"
#include "model/facts.h"

namespace scopelint::codec {

// "file", "line", "column" as members of `object` (they are written into the object that has the
// place: a call, a note, a diagnostic); missing members are empty.
void put_location(json& object, const SourceLocation& location);
SourceLocation location_members(const json& object, const JsonWhere& where);

json encode_locations(const std::vector<SourceLocation>& locations);
std::vector<SourceLocation> decode_locations(const json& object, const char* key,
                                             const JsonWhere& where);

// A string literal's range: {"file", "line", "column", "end_line", "end_column", "offset",
// "length"} ("end_file" only when it is not "file"); null when there is none.
json encode_range(const std::optional<SourceRange>& range);
std::optional<SourceRange> decode_range(const json& object, const char* key,
                                        const JsonWhere& where);

// Literal pieces: {"begin", "length" (the run in the value), the literal's range as in
// encode_range but with "literal_length" for its length, "value_offset", "value_length" (the run in
// the literal's value; default "length"), "encoded"}.
json encode_pieces(const std::vector<LiteralPiece>& pieces);
std::vector<LiteralPiece> decode_pieces(const json& object, const char* key,
                                        const JsonWhere& where);

// Notes: a location and a "message".
json encode_notes(const std::vector<Note>& notes);
std::vector<Note> decode_notes(const json& object, const char* key, const JsonWhere& where);

}  // namespace scopelint::codec

// Places in source files <-> named JSON members.
#include "codec/source_codec.h"

namespace scopelint::codec {
namespace {

// The range's members in `object`, its length under `length_key`.
void put_range(json& object, const SourceRange& range, const char* length_key) {
  put_location(object, range.begin);
  if (range.end.file != range.begin.file) object["end_file"] = range.end.file;
  object["end_line"] = range.end.line;
  object["end_column"] = range.end.column;
  object["offset"] = range.offset;
  object[length_key] = range.length;
}

// A literal is always in a file: "file" is required.
SourceRange range_members(const json& object, const JsonWhere& where, const char* length_key) {
  SourceRange range;
  range.begin.file = required_string(object, "file", where);
  range.begin.line = unsigned_member(object, "line", where);
  range.begin.column = unsigned_member(object, "column", where);
  range.end.file = optional_string(object, "end_file", where).value_or(range.begin.file);
  range.end.line = unsigned_member(object, "end_line", where, range.begin.line);
  range.end.column = unsigned_member(object, "end_column", where);
  range.offset = unsigned_member(object, "offset", where);
  range.length = unsigned_member(object, length_key, where);
  return range;
}

json encode_location(const SourceLocation& location) {
  json out = json::object();
  put_location(out, location);
  return out;
}

SourceLocation decode_location(const json& value, const JsonWhere& where) {
  return location_members(expect_object(value, where), where);
}

json encode_piece(const LiteralPiece& piece) {
  json out = {{"begin", piece.begin},
              {"length", piece.length},
              {"value_offset", piece.value_offset},
              {"value_length", piece.value_length},
              {"encoded", piece.encoded}};
  put_range(out, piece.literal, "literal_length");
  return out;
}

LiteralPiece decode_piece(const json& value, const JsonWhere& where) {
  const json& item = expect_object(value, where);
  LiteralPiece piece;
  piece.begin = unsigned_member(item, "begin", where);
  piece.length = unsigned_member(item, "length", where);
  piece.literal = range_members(item, where, "literal_length");
  piece.value_offset = unsigned_member(item, "value_offset", where);
  piece.value_length = unsigned_member(item, "value_length", where, piece.length);
  piece.encoded = bool_member(item, "encoded", where);
  return piece;
}

json encode_note(const Note& note) {
  json out = {{"message", note.message}};
  put_location(out, note.location);
  return out;
}

Note decode_note(const json& value, const JsonWhere& where) {
  const json& item = expect_object(value, where);
  return {location_members(item, where), string_member(item, "message", where)};
}

}  // namespace

void put_location(json& object, const SourceLocation& location) {
  object["file"] = location.file;
  object["line"] = location.line;
  object["column"] = location.column;
}

SourceLocation location_members(const json& object, const JsonWhere& where) {
  return {string_member(object, "file", where), unsigned_member(object, "line", where),
          unsigned_member(object, "column", where)};
}

json encode_locations(const std::vector<SourceLocation>& locations) {
  return encode_list(locations, encode_location);
}

std::vector<SourceLocation> decode_locations(const json& object, const char* key,
                                             const JsonWhere& where) {
  return decode_list(object, key, where, decode_location);
}

json encode_range(const std::optional<SourceRange>& range) {
  if (!range) return nullptr;
  json out = json::object();
  put_range(out, *range, "length");
  return out;
}

std::optional<SourceRange> decode_range(const json& object, const char* key,
                                        const JsonWhere& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  const JsonWhere at = where / key;
  return range_members(expect_object(*it, at), at, "length");
}

json encode_pieces(const std::vector<LiteralPiece>& pieces) {
  return encode_list(pieces, encode_piece);
}

std::vector<LiteralPiece> decode_pieces(const json& object, const char* key,
                                        const JsonWhere& where) {
  return decode_list(object, key, where, decode_piece);
}

json encode_notes(const std::vector<Note>& notes) { return encode_list(notes, encode_note); }

std::vector<Note> decode_notes(const json& object, const char* key, const JsonWhere& where) {
  return decode_list(object, key, where, decode_note);
}

}  // namespace scopelint::codec

// Strict reading of named JSON members for the facts codec: a member that is missing takes its
// default, one of the wrong type is an error that says where it is. In a file a user gives
// (--facts) the error is util/json_reader.h's: "<file>:<line>: <JSON path>: <problem>"; in data
// the tool wrote itself (cache entries, worker messages), "<label>: <JSON path>: <problem>".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/json_reader.h"

namespace scopelint {

// Where a value is: the document's label (a file name) and the JSON pointer of the value in it.
class JsonWhere {
 public:
  explicit JsonWhere(std::string label, std::string path = "")
      : label_(std::move(label)), path_(std::move(path)) {}
  // A value of a document read from a file: problems name the file's line.
  explicit JsonWhere(const JsonDocument& document)
      : label_(document.file()), document_(&document) {}
  JsonWhere operator/(std::string_view key) const { return at(path_ + "/" + json_pointer_escape(key)); }
  JsonWhere operator/(size_t index) const { return at(path_ + "/" + std::to_string(index)); }
  // Throws JsonInputError (with a document) or std::runtime_error.
  [[noreturn]] void fail(const std::string& problem) const;

 private:
  JsonWhere at(std::string path) const {
    JsonWhere where(label_, std::move(path));
    where.document_ = document_;
    return where;
  }

  std::string label_;
  std::string path_;
  const JsonDocument* document_ = nullptr;
};

namespace codec {

using nlohmann::json;

// `value` itself, failing unless it is an object.
const json& expect_object(const json& value, const JsonWhere& where);
// The member `key`: an array, or an empty one when the member is missing. Never a copy: copying a
// deeply nested value recurses once per level.
const json& array_member(const json& object, const char* key, const JsonWhere& where);
// nullopt when the member is missing or null.
std::optional<std::string> optional_string(const json& object, const char* key,
                                           const JsonWhere& where);
std::string string_member(const json& object, const char* key,
                          const JsonWhere& where);  // "" when missing
// Fails unless the member is present, a string and not empty.
std::string required_string(const json& object, const char* key, const JsonWhere& where);
unsigned unsigned_member(const json& object, const char* key, const JsonWhere& where,
                         unsigned fallback = 0);
int int_member(const json& object, const char* key, const JsonWhere& where, int fallback = 0);
bool bool_member(const json& object, const char* key, const JsonWhere& where,
                 bool fallback = false);
std::vector<std::string> string_list(const json& object, const char* key, const JsonWhere& where);

json optional_json(const std::optional<std::string>& text);

// `items`, an array, as a list of what `decode(item, where)` makes of each item.
template <typename Decode>
auto decode_items(const json& items, const JsonWhere& where, Decode decode) {
  if (!items.is_array()) where.fail("expected an array");
  std::vector<decltype(decode(items, where))> out;
  out.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) out.push_back(decode(items[i], where / i));
  return out;
}

// The member `key` (missing: empty) as decode_items.
template <typename Decode>
auto decode_list(const json& object, const char* key, const JsonWhere& where, Decode decode) {
  return decode_items(array_member(object, key, where), where / key, decode);
}

template <typename Item, typename Encode>
json encode_list(const std::vector<Item>& items, Encode encode) {
  json out = json::array();
  for (const auto& item : items) out.push_back(encode(item));
  return out;
}

// An enum spelt as words in JSON ("built-at-run-time"): the table lists every value once.
template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;
};

template <typename Enum, size_t N>
const char* enum_name(const EnumName<Enum> (&names)[N], Enum value) {
  for (const auto& entry : names) {
    if (entry.value == value) return entry.name;
  }
  return names[0].name;
}

// The member `key` as one of `names`; `fallback` when missing; "unknown <what> '<text>'" otherwise.
template <typename Enum, size_t N>
Enum enum_member(const json& object, const char* key, const JsonWhere& where,
                 const EnumName<Enum> (&names)[N], Enum fallback, const char* what) {
  const std::optional<std::string> text = optional_string(object, key, where);
  if (!text) return fallback;
  for (const auto& entry : names) {
    if (*text == entry.name) return entry.value;
  }
  (where / key).fail(std::string("unknown ") + what + " '" + *text + "'");
}

}  // namespace codec
}  // namespace scopelint

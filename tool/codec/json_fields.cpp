// Strict member readers: the type is checked before any value is taken out of the JSON.
#include "codec/json_fields.h"

#include <cstdint>
#include <limits>
#include <stdexcept>

namespace scopelint {

void JsonWhere::fail(const std::string& problem) const {
  if (document_) document_->fail(path_, problem);
  throw std::runtime_error(label_ + ": " + path_ + ": " + problem);
}

namespace codec {

const json& expect_object(const json& value, const JsonWhere& where) {
  if (!value.is_object()) where.fail("expected an object");
  return value;
}

const json& array_member(const json& object, const char* key, const JsonWhere& where) {
  static const json kEmpty = json::array();
  const auto it = object.find(key);
  if (it == object.end()) return kEmpty;
  if (!it->is_array()) (where / key).fail("expected an array");
  return *it;
}

std::optional<std::string> optional_string(const json& object, const char* key,
                                           const JsonWhere& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) (where / key).fail("expected a string");
  return it->get<std::string>();
}

std::string string_member(const json& object, const char* key, const JsonWhere& where) {
  return optional_string(object, key, where).value_or("");
}

std::string required_string(const json& object, const char* key, const JsonWhere& where) {
  std::string text = string_member(object, key, where);
  if (text.empty()) (where / key).fail("missing");
  return text;
}

unsigned unsigned_member(const json& object, const char* key, const JsonWhere& where,
                         unsigned fallback) {
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  // Compared before narrowing: get<unsigned>() of 4294967296 is 0.
  if (!it->is_number_unsigned() || it->get<uint64_t>() > std::numeric_limits<unsigned>::max()) {
    (where / key).fail("expected a non-negative integer below 2^32");
  }
  return static_cast<unsigned>(it->get<uint64_t>());
}

int int_member(const json& object, const char* key, const JsonWhere& where, int fallback) {
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  const bool fits =
      it->is_number_unsigned()
          ? it->get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int>::max())
          : it->is_number_integer() && it->get<int64_t>() >= std::numeric_limits<int>::min() &&
                it->get<int64_t>() <= std::numeric_limits<int>::max();
  if (!fits) (where / key).fail("expected an integer that fits in 32 bits");
  return static_cast<int>(it->get<int64_t>());
}

bool bool_member(const json& object, const char* key, const JsonWhere& where, bool fallback) {
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  if (!it->is_boolean()) (where / key).fail("expected true or false");
  return it->get<bool>();
}

std::vector<std::string> string_list(const json& object, const char* key, const JsonWhere& where) {
  return decode_list(object, key, where, [](const json& item, const JsonWhere& at) {
    if (!item.is_string()) at.fail("expected a string");
    return item.get<std::string>();
  });
}

json optional_json(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

}  // namespace codec
}  // namespace scopelint

// Reading JSON input files with one error style (json_reader.h).
#include "util/json_reader.h"

#include <algorithm>

#include "util/bounded_input.h"
#include "util/duplicate_keys.h"

namespace scopelint {
namespace {

nlohmann::json parse_or_throw(std::string_view text, const std::string& file) {
  try {
    return parse_json_input(text, file);  // bounded nesting, no library text in messages
  } catch (const InputError& error) {
    if (!error.position()) throw JsonInputError(error.what());  // too deep, a number out of range
    throw JsonInputError(file + ":" + std::to_string(error.position()->line) + ":" +
                         std::to_string(error.position()->column) + ": invalid JSON: " + error.description());
  }
}

std::string joined(const std::vector<std::string_view>& items) {
  std::string out;
  for (std::string_view item : items) out += (out.empty() ? "" : ", ") + std::string(item);
  return out;
}

}  // namespace

JsonDocument::JsonDocument(std::string_view text, std::string file)
    : file_(std::move(file)), text_(text), root_(parse_or_throw(text, file_)) {
  const std::string duplicate = first_duplicate_key(text);
  if (!duplicate.empty()) fail(duplicate, "duplicate key");
}

JsonNode JsonDocument::root() const { return JsonNode(*this, root_, ""); }

unsigned JsonDocument::line_of(const std::string& pointer) const {
  if (!lines_) lines_.emplace(text_);
  return std::max(lines_->line_of(pointer), 1u);
}

void JsonDocument::fail(const std::string& pointer, const std::string& problem) const {
  throw JsonInputError(file_ + ":" + std::to_string(line_of(pointer)) + ": " +
                       (pointer.empty() ? "/" : pointer) + ": " + problem);
}

bool JsonNode::has(std::string_view key) const {
  return value_->is_object() && value_->contains(std::string(key));
}

JsonNode JsonNode::member(std::string_view key) const {
  expect_object();
  const std::string pointer = pointer_ + "/" + json_pointer_escape(key);
  auto it = value_->find(std::string(key));
  if (it == value_->end()) document_->fail(pointer, "missing required key");
  return JsonNode(*document_, *it, pointer);
}

std::optional<JsonNode> JsonNode::find(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return member(key);
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::members() const {
  expect_object();
  std::vector<std::pair<std::string, JsonNode>> out;
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    out.emplace_back(it.key(), JsonNode(*document_, it.value(), pointer_ + "/" + json_pointer_escape(it.key())));
  }
  return out;
}

std::vector<JsonNode> JsonNode::items() const {
  expect_array();
  std::vector<JsonNode> out;
  for (size_t i = 0; i < value_->size(); ++i) {
    out.emplace_back(*document_, (*value_)[i], pointer_ + "/" + std::to_string(i));
  }
  return out;
}

void JsonNode::only_keys(const std::vector<std::string_view>& allowed) const {
  for (const auto& [key, node] : members()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      node.fail("unknown key '" + key + "' (expected one of: " + joined(allowed) + ")");
    }
  }
}

void JsonNode::expected(const char* what) const {
  fail(std::string("expected ") + what + ", found " + value_->type_name());
}

void JsonNode::expect_object() const {
  if (!value_->is_object()) expected("an object");
}

void JsonNode::expect_array() const {
  if (!value_->is_array()) expected("an array");
}

std::string JsonNode::string() const {
  if (!value_->is_string()) expected("a string");
  return value_->get<std::string>();
}

bool JsonNode::boolean() const {
  if (!value_->is_boolean()) expected("true or false");
  return value_->get<bool>();
}

uint64_t JsonNode::unsigned_at_most(uint64_t max, const char* what) const {
  if (!value_->is_number_unsigned() || value_->get<uint64_t>() > max) {
    fail(std::string("expected ") + what + " from 0 to " + std::to_string(max));
  }
  return value_->get<uint64_t>();
}

std::vector<std::string> JsonNode::strings() const {
  if (!value_->is_array()) expected("an array of strings");
  std::vector<std::string> out;
  for (const JsonNode& item : items()) out.push_back(item.string());
  return out;
}

}  // namespace scopelint

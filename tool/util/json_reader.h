// One way to read a JSON input file (the API catalog, the library models, .scopelint.json): parsed
// with bounded nesting and no repeated key, every value reached with its JSON pointer, and every
// problem reported as "<file>:<line>: <JSON pointer>: <problem>", the line where the value starts.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/json_lines.h"

namespace scopelint {

class JsonInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsonNode;

class JsonDocument {
 public:
  // Throws JsonInputError: "<file>:<line>:<column>: invalid JSON: <what>", nesting deeper than
  // the bound, a number out of range, or "<file>:<line>: <pointer>: duplicate key". `text` must
  // outlive the document: lines are looked up in it only when asked for (an error, line_of).
  JsonDocument(std::string_view text, std::string file);
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  JsonNode root() const;
  const std::string& file() const { return file_; }
  // The 1-based line where the value at `pointer` starts (1 when there is none).
  unsigned line_of(const std::string& pointer) const;
  [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const;

 private:
  std::string file_;
  std::string_view text_;
  nlohmann::json root_;
  mutable std::optional<JsonLines> lines_;  // built on first use
};

// A value of a JsonDocument and its pointer; the typed reads fail with "expected ..., found ...".
class JsonNode {
 public:
  JsonNode(const JsonDocument& document, const nlohmann::json& value, std::string pointer)
      : document_(&document), value_(&value), pointer_(std::move(pointer)) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  [[noreturn]] void fail(const std::string& problem) const { document_->fail(pointer_, problem); }
  unsigned line() const { return document_->line_of(pointer_); }

  bool is_object() const { return value_->is_object(); }
  bool has(std::string_view key) const;
  // The member `key` of this object; "missing required key" when there is none.
  JsonNode member(std::string_view key) const;
  std::optional<JsonNode> find(std::string_view key) const;
  // This object's members, by key (nlohmann/json keeps them sorted).
  std::vector<std::pair<std::string, JsonNode>> members() const;
  // This array's items.
  std::vector<JsonNode> items() const;
  // Fails on a member not in `allowed`: "unknown key 'k' (expected one of: a, b)".
  void only_keys(const std::vector<std::string_view>& allowed) const;

  void expect_object() const;
  void expect_array() const;
  std::string string() const;
  bool boolean() const;
  // A non-negative integer no larger than `max` (compared before narrowing: 2^32 is not 0);
  // otherwise "expected <what> from 0 to <max>".
  uint64_t unsigned_at_most(uint64_t max, const char* what = "an integer") const;
  std::vector<std::string> strings() const;
  // Fails with "expected <what>, found <the value's JSON type>".
  [[noreturn]] void expected(const char* what) const;

 private:

  const JsonDocument* document_;
  const nlohmann::json* value_;
  std::string pointer_;
};

}  // namespace scopelint

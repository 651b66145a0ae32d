// Line numbers of JSON values by JSON pointer, for error messages that name a config line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scopelint {

// The line of every value in a JSON text, looked up by JSON pointer ("", "/rules",
// "/components/0/name"). Built in one pass over text that has already been parsed (and so is valid
// JSON, nested no deeper than the parser allowed): time and memory linear in the text.
class JsonLines {
 public:
  explicit JsonLines(std::string_view text);
  // The 1-based line where the value at `pointer` starts (for an object member: the line of its
  // key); 0 when there is no such value.
  unsigned line_of(std::string_view pointer) const;

 private:
  struct Node {
    unsigned line = 0;
    bool is_array = false;
    std::string key;  // decoded; members of objects only
    std::vector<size_t> children;
  };
  size_t add_value(unsigned line);
  size_t child(const Node& node, const std::string& token) const;

  std::vector<Node> nodes_;   // nodes_[0] is the top-level value
  std::vector<size_t> open_;  // the containers being read, innermost last
  std::string pending_key_;
  unsigned pending_key_line_ = 0;
};

// Escapes a key for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string json_pointer_escape(std::string_view key);

}  // namespace scopelint

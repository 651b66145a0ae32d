// Line numbers of JSON values by JSON pointer, for error messages that name a config line.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace scopelint {

// Maps every JSON pointer in `text` ("", "/rules", "/components/0/name") to the 1-based line where
// its value starts (for an object member: the line of its key). Malformed text gives a partial map.
std::map<std::string, unsigned> json_pointer_lines(std::string_view text);

// Escapes a key for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string json_pointer_escape(std::string_view key);

}  // namespace scopelint

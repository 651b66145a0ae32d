// Plain words for a JSON syntax error, without the JSON library's exception jargon.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scopelint {

// What is wrong at byte `offset` of `text`, from the parser's own message (nlohmann's parse_error
// what(): "[json.exception.parse_error.101] parse error at line 2, column 11: syntax error while
// parsing object key - unexpected ','; expected string literal"): "unexpected ',', expected a
// quoted string", or "a trailing comma before '}' (JSON allows none)".
std::string describe_json_syntax_error(std::string_view text, size_t offset,
                                       std::string_view library_message);

}  // namespace scopelint

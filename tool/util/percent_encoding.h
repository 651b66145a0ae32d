// Hex digits and %XX escapes, shared by URI, scope-string, C literal and URL handling.
#pragma once

#include <string>
#include <string_view>

namespace scopelint {

// 0..15 for a hex digit (either case), -1 otherwise.
int hex_digit_value(char c);

// `%XX` escapes decoded; a `%` not followed by two hex digits is kept as is; `+` is not a space.
std::string percent_decode(std::string_view text);

// Appends `%XX` (upper-case hex) for one byte.
void append_percent_escape(std::string& out, unsigned char byte);

}  // namespace scopelint

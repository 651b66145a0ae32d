// Repeated keys in a JSON object: an error in every JSON input (json_reader.h),
// where the last would win silently.
#pragma once

#include <string>
#include <string_view>

namespace scopelint {

// The JSON pointer of the first key that repeats one before it in the same object; empty when
// there is none. `json_text` must have been parsed already (parse_json_input): it is valid and
// of bounded depth.
std::string first_duplicate_key(std::string_view json_text);

}  // namespace scopelint

// Reads facts (HTTP calls, granted scopes) from JSON: for --facts, tests and other front ends.
#pragma once

#include <string>
#include <string_view>

#include "model/facts.h"

namespace scopelint {

// Throws std::runtime_error "<label>: <JSON path>: <problem>" on bad input.
Facts parse_facts_json(std::string_view text, const std::string& label);

}  // namespace scopelint

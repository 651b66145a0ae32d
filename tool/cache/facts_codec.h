// Lossless JSON encoding of extracted facts (HTTP calls, scan diagnostics and a unit's wrapper
// summaries and call sites) for the fact cache.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "model/facts.h"
#include "model/finding.h"
#include "model/wrapper_facts.h"

namespace scopelint {

nlohmann::json encode_calls(const std::vector<HttpCall>& calls);
nlohmann::json encode_findings(const std::vector<Finding>& findings);
nlohmann::json encode_wrappers(const UnitWrappers& wrappers);

// Throw std::runtime_error (or nlohmann's exceptions) on anything malformed: a cache entry that
// does not decode is rebuilt, never trusted.
std::vector<HttpCall> decode_calls(const nlohmann::json& json);
std::vector<Finding> decode_findings(const nlohmann::json& json);
UnitWrappers decode_wrappers(const nlohmann::json& json);

}  // namespace scopelint

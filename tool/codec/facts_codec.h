// The one JSON form of extracted facts, with named members: what --facts reads and --dump-facts
// prints, what the fact cache stores and what worker processes send. Members that are missing take
// their defaults (hand-written facts name only what they know); a member of the wrong type is an
// error "<label>: <JSON path>: <problem>". Encoding then decoding gives back every field.
//
// A facts file: {"calls": [call...], "granted": [{"scopes", "component", "file", "line",
// "column"}], "diagnostics": [{"rule", "level", "message", "file", "line", "column", "notes"}],
// "reported_files": [path...]}; a call as in codec/call_codec.h.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_fields.h"
#include "model/facts.h"
#include "model/finding.h"
#include "model/wrapper_facts.h"

namespace scopelint {

// What a scan found, as a file: the facts the checks judge, the scan's own diagnostics, and the
// files whose findings are reported.
struct FactsFile {
  Facts facts;
  // scan-error and the like; only their rule, level, message, location and notes are kept.
  std::vector<Finding> diagnostics;
  // ExtractResult::reported_files: only findings touching these files are reported; nullopt: all.
  std::optional<std::set<std::string>> reported_files;
};

// Each decoder takes the JSON array (or object, for wrappers) and where it is, for errors.
nlohmann::json encode_calls(const std::vector<HttpCall>& calls);
std::vector<HttpCall> decode_calls(const nlohmann::json& calls, const JsonWhere& where);
nlohmann::json encode_diagnostics(const std::vector<Finding>& diagnostics);
std::vector<Finding> decode_diagnostics(const nlohmann::json& diagnostics, const JsonWhere& where);
nlohmann::json encode_wrappers(const UnitWrappers& wrappers);
UnitWrappers decode_wrappers(const nlohmann::json& wrappers, const JsonWhere& where);

nlohmann::json encode_facts_file(const FactsFile& file);
FactsFile decode_facts_file(const nlohmann::json& root, const JsonWhere& where);

// The text of a facts file (--dump-facts): indented JSON and a newline, bytes that are not UTF-8
// replaced.
std::string facts_file_text(const FactsFile& file);
// Parses and decodes a facts file (--facts), bounded in nesting like every input; throws
// std::runtime_error "<label>: <problem>" or "<label>: <JSON path>: <problem>".
FactsFile parse_facts_json(std::string_view text, const std::string& label);

}  // namespace scopelint

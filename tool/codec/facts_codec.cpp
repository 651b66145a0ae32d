// Facts files, calls and diagnostics <-> named JSON (wrappers: wrapper_codec.cpp).
#include "codec/facts_codec.h"

#include <stdexcept>

#include "codec/call_codec.h"
#include "codec/source_codec.h"
#include "util/bounded_input.h"

namespace scopelint {
namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the codec's own helpers

constexpr EnumName<Level> kLevels[] = {
    {Level::Note, "note"}, {Level::Warning, "warning"}, {Level::Error, "error"}};

json encode_diagnostic(const Finding& finding) {
  json out = {{"rule", finding.rule},
              {"level", enum_name(kLevels, finding.level)},
              {"message", finding.message},
              {"notes", encode_notes(finding.notes)}};
  put_location(out, finding.location);
  return out;
}

Finding decode_diagnostic(const json& value, const JsonWhere& where) {
  const json& item = expect_object(value, where);
  Finding finding;
  finding.rule = required_string(item, "rule", where);
  finding.level = enum_member(item, "level", where, kLevels, Level::Warning, "level");
  finding.message = string_member(item, "message", where);
  finding.location = location_members(item, where);
  finding.notes = decode_notes(item, "notes", where);
  return finding;
}

json encode_granted(const GrantedScopes& granted) {
  json out = {{"scopes", granted.scopes}, {"component", granted.component}};
  put_location(out, granted.location);
  return out;
}

GrantedScopes decode_granted(const json& value, const JsonWhere& where) {
  const json& item = expect_object(value, where);
  return {location_members(item, where), string_member(item, "scopes", where),
          string_member(item, "component", where)};
}

}  // namespace

json encode_calls(const std::vector<HttpCall>& calls) { return encode_list(calls, encode_call); }

std::vector<HttpCall> decode_calls(const json& calls, const JsonWhere& where) {
  return decode_items(calls, where, decode_call);
}

json encode_diagnostics(const std::vector<Finding>& diagnostics) {
  return encode_list(diagnostics, encode_diagnostic);
}

std::vector<Finding> decode_diagnostics(const json& diagnostics, const JsonWhere& where) {
  return decode_items(diagnostics, where, decode_diagnostic);
}

json encode_facts_file(const FactsFile& file) {
  json out = {{"calls", encode_calls(file.facts.calls)},
              {"granted", encode_list(file.facts.granted, encode_granted)},
              {"diagnostics", encode_diagnostics(file.diagnostics)}};
  if (file.reported_files) out["reported_files"] = *file.reported_files;
  return out;
}

FactsFile decode_facts_file(const json& root, const JsonWhere& where) {
  expect_object(root, where);
  FactsFile file;
  file.facts.calls = decode_list(root, "calls", where, decode_call);
  file.facts.granted = decode_list(root, "granted", where, decode_granted);
  file.diagnostics = decode_list(root, "diagnostics", where, decode_diagnostic);
  if (const auto it = root.find("reported_files"); it != root.end() && !it->is_null()) {
    const std::vector<std::string> files = string_list(root, "reported_files", where);
    file.reported_files.emplace(files.begin(), files.end());
  }
  return file;
}

std::string facts_file_text(const FactsFile& file) {
  return encode_facts_file(file).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

FactsFile parse_facts_json(std::string_view text, const std::string& label) {
  const JsonDocument document(text, label);  // bounded nesting, no repeated key
  return decode_facts_file(document.root().value(), JsonWhere(document));
}

}  // namespace scopelint

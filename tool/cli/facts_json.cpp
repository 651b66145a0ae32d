// Facts from JSON. Shape: {"calls": [{"file", "line", "column", "method", "url", "base",
// "base_is_elation", "library", "component", "body": {"kind": "none|unknown|fields|raw",
// "fields": [{"key", "value"}], "raw"}}], "granted": [{"scopes", "component"}]}.
#include "cli/facts_json.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/bounded_input.h"

namespace scopelint {
namespace {

using nlohmann::json;

// The member `key`, or an empty array. Not json::value(): it returns a copy, and copying a deeply
// nested value recurses once per level (a stack overflow on hostile input).
const json& array_member(const json& object, const char* key) {
  static const json kEmpty = json::array();
  auto it = object.find(key);
  return it == object.end() ? kEmpty : *it;
}

[[noreturn]] void fail(const std::string& label, const std::string& path, const std::string& what) {
  throw std::runtime_error(label + ": " + path + ": " + what);
}

std::optional<std::string> optional_string(const json& object, const char* key,
                                           const std::string& label, const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) fail(label, path + "/" + key, "expected a string");
  return it->get<std::string>();
}

unsigned optional_unsigned(const json& object, const char* key, const std::string& label,
                           const std::string& path) {
  auto it = object.find(key);
  if (it == object.end()) return 0;
  // Compared before narrowing: get<unsigned>() of 4294967296 is 0.
  if (!it->is_number_unsigned() || it->get<uint64_t>() > std::numeric_limits<unsigned>::max()) {
    fail(label, path + "/" + key, "expected a non-negative integer below 2^32");
  }
  return static_cast<unsigned>(it->get<uint64_t>());
}

RequestBody parse_body(const json& body, const std::string& label, const std::string& path) {
  RequestBody out;
  if (!body.is_object()) fail(label, path, "expected an object");
  std::string kind = optional_string(body, "kind", label, path).value_or("none");
  if (kind == "none") {
    out.kind = RequestBody::Kind::None;
  } else if (kind == "unknown") {
    out.kind = RequestBody::Kind::Unknown;
  } else if (kind == "raw") {
    out.kind = RequestBody::Kind::Raw;
    out.raw = optional_string(body, "raw", label, path);
  } else if (kind == "fields") {
    out.kind = RequestBody::Kind::Fields;
    const json& fields = array_member(body, "fields");
    if (!fields.is_array()) fail(label, path + "/fields", "expected an array");
    for (size_t i = 0; i < fields.size(); ++i) {
      std::string field_path = path + "/fields/" + std::to_string(i);
      if (!fields[i].is_object()) fail(label, field_path, "expected an object");
      auto key = optional_string(fields[i], "key", label, field_path);
      if (!key) fail(label, field_path + "/key", "missing");
      out.fields.push_back({*key, optional_string(fields[i], "value", label, field_path), std::nullopt});
    }
  } else {
    fail(label, path + "/kind", "unknown body kind '" + kind + "'");
  }
  return out;
}

HttpCall parse_call(const json& call, const std::string& label, const std::string& path) {
  if (!call.is_object()) fail(label, path, "expected an object");
  HttpCall out;
  out.location.file = optional_string(call, "file", label, path).value_or("");
  out.location.line = optional_unsigned(call, "line", label, path);
  out.location.column = optional_unsigned(call, "column", label, path);
  if (auto method = optional_string(call, "method", label, path)) {
    out.method = parse_http_method(*method);
    if (!out.method) fail(label, path + "/method", "unknown HTTP method '" + *method + "'");
  }
  out.url = optional_string(call, "url", label, path);
  out.base = optional_string(call, "base", label, path);
  if (auto it = call.find("base_is_elation"); it != call.end()) {
    if (!it->is_boolean()) fail(label, path + "/base_is_elation", "expected true or false");
    out.base_is_elation = it->get<bool>();
  }
  out.library = optional_string(call, "library", label, path).value_or("");
  out.component = optional_string(call, "component", label, path).value_or("");
  out.unresolved_reason = optional_string(call, "unresolved_reason", label, path).value_or("");
  if (auto it = call.find("body"); it != call.end()) out.body = parse_body(*it, label, path + "/body");
  return out;
}

}  // namespace

Facts parse_facts_json(std::string_view text, const std::string& label) {
  json root;
  try {
    root = parse_json_input(text, label);
  } catch (const InputError& e) {
    throw std::runtime_error(e.what());
  }
  if (!root.is_object()) fail(label, "", "expected an object");
  Facts facts;
  const json& calls = array_member(root, "calls");
  if (!calls.is_array()) fail(label, "/calls", "expected an array");
  for (size_t i = 0; i < calls.size(); ++i) {
    facts.calls.push_back(parse_call(calls[i], label, "/calls/" + std::to_string(i)));
  }
  const json& granted = array_member(root, "granted");
  if (!granted.is_array()) fail(label, "/granted", "expected an array");
  for (size_t i = 0; i < granted.size(); ++i) {
    std::string path = "/granted/" + std::to_string(i);
    if (!granted[i].is_object()) fail(label, path, "expected an object");
    GrantedScopes g;
    g.scopes = optional_string(granted[i], "scopes", label, path).value_or("");
    g.component = optional_string(granted[i], "component", label, path).value_or("");
    facts.granted.push_back(std::move(g));
  }
  return facts;
}

}  // namespace scopelint

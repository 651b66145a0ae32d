// Facts from JSON. Shape: {"calls": [{"file", "line", "column", "method", "url", "base",
// "base_is_elation", "library", "component", "body": {"kind": "none|unknown|fields|raw",
// "fields": [{"key", "value", "pieces"}], "raw", "raw_pieces"}, "unresolved": {"url":
// "known|built-at-run-time|not-set", "method": "known|not-known|chosen-at-run-time|
// chosen-by-parameter", "chooser", "parameter"}}], "granted": [{"scopes", "component"}]}. A piece
// says which literal spells a run of a value: {"begin", "length" (in the value), "file", "line",
// "column", "end_line", "end_column", "offset", "literal_length" (the literal token in the file),
// "value_offset", "value_length" (the run in the literal's value), "encoded"}.
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

bool optional_bool(const json& object, const char* key, const std::string& label,
                   const std::string& path) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (!it->is_boolean()) fail(label, path + "/" + key, "expected true or false");
  return it->get<bool>();
}

std::vector<LiteralPiece> parse_pieces(const json& object, const char* key,
                                       const std::string& label, const std::string& path) {
  const json& pieces = array_member(object, key);
  if (!pieces.is_array()) fail(label, path + "/" + key, "expected an array");
  std::vector<LiteralPiece> out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const std::string at = path + "/" + key + "/" + std::to_string(i);
    const json& p = pieces[i];
    if (!p.is_object()) fail(label, at, "expected an object");
    LiteralPiece piece;
    piece.begin = optional_unsigned(p, "begin", label, at);
    piece.length = optional_unsigned(p, "length", label, at);
    SourceRange& literal = piece.literal;
    literal.begin.file = optional_string(p, "file", label, at).value_or("");
    if (literal.begin.file.empty()) fail(label, at + "/file", "missing");
    literal.begin.line = optional_unsigned(p, "line", label, at);
    literal.begin.column = optional_unsigned(p, "column", label, at);
    literal.end.file = literal.begin.file;
    literal.end.line =
        p.contains("end_line") ? optional_unsigned(p, "end_line", label, at) : literal.begin.line;
    literal.end.column = optional_unsigned(p, "end_column", label, at);
    literal.offset = optional_unsigned(p, "offset", label, at);
    literal.length = optional_unsigned(p, "literal_length", label, at);
    piece.value_offset = optional_unsigned(p, "value_offset", label, at);
    piece.value_length =
        p.contains("value_length") ? optional_unsigned(p, "value_length", label, at) : piece.length;
    piece.encoded = optional_bool(p, "encoded", label, at);
    out.push_back(std::move(piece));
  }
  return out;
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
    out.raw_pieces = parse_pieces(body, "raw_pieces", label, path);
  } else if (kind == "fields") {
    out.kind = RequestBody::Kind::Fields;
    const json& fields = array_member(body, "fields");
    if (!fields.is_array()) fail(label, path + "/fields", "expected an array");
    for (size_t i = 0; i < fields.size(); ++i) {
      std::string field_path = path + "/fields/" + std::to_string(i);
      if (!fields[i].is_object()) fail(label, field_path, "expected an object");
      auto key = optional_string(fields[i], "key", label, field_path);
      if (!key) fail(label, field_path + "/key", "missing");
      out.fields.push_back({*key, optional_string(fields[i], "value", label, field_path),
                            std::nullopt, parse_pieces(fields[i], "pieces", label, field_path)});
    }
  } else {
    fail(label, path + "/kind", "unknown body kind '" + kind + "'");
  }
  return out;
}

UnresolvedParts parse_unresolved(const json& unresolved, const std::string& label,
                                 const std::string& path) {
  if (!unresolved.is_object()) fail(label, path, "expected an object");
  UnresolvedParts out;
  const std::string url = optional_string(unresolved, "url", label, path).value_or("known");
  if (url == "built-at-run-time") {
    out.url = UnresolvedParts::Url::BuiltAtRunTime;
  } else if (url == "not-set") {
    out.url = UnresolvedParts::Url::NotSet;
  } else if (url != "known") {
    fail(label, path + "/url", "unknown URL state '" + url + "'");
  }
  const std::string method = optional_string(unresolved, "method", label, path).value_or("known");
  if (method == "not-known") {
    out.method = UnresolvedParts::Method::NotKnown;
  } else if (method == "chosen-at-run-time") {
    out.method = UnresolvedParts::Method::ChosenAtRunTime;
  } else if (method == "chosen-by-parameter") {
    out.method = UnresolvedParts::Method::ChosenByParameter;
  } else if (method != "known") {
    fail(label, path + "/method", "unknown method state '" + method + "'");
  }
  out.chooser = optional_string(unresolved, "chooser", label, path).value_or("");
  out.parameter = optional_string(unresolved, "parameter", label, path).value_or("");
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
  out.base_is_elation = optional_bool(call, "base_is_elation", label, path);
  out.library = optional_string(call, "library", label, path).value_or("");
  out.component = optional_string(call, "component", label, path).value_or("");
  // The text this key held before 0.3 is not read: ignoring it would judge the call as resolved.
  if (call.contains("unresolved_reason")) {
    fail(label, path + "/unresolved_reason", "no longer read; say what is unresolved with \"unresolved\": {\"url\": ..., \"method\": ...}");
  }
  if (auto it = call.find("unresolved"); it != call.end()) {
    out.unresolved = parse_unresolved(*it, label, path + "/unresolved");
  }
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

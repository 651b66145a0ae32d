// Facts <-> JSON, every field, strictly typed on the way back.
#include "cache/facts_codec.h"

#include <stdexcept>

namespace scopelint {
namespace {

using nlohmann::json;

json encode_location(const SourceLocation& l) { return {l.file, l.line, l.column}; }

SourceLocation decode_location(const json& j) {
  if (!j.is_array() || j.size() != 3) throw std::runtime_error("bad location");
  return {j.at(0).get<std::string>(), j.at(1).get<unsigned>(), j.at(2).get<unsigned>()};
}

json encode_range(const std::optional<SourceRange>& r) {
  if (!r) return nullptr;
  return {encode_location(r->begin), encode_location(r->end), r->offset, r->length};
}

std::optional<SourceRange> decode_range(const json& j) {
  if (j.is_null()) return std::nullopt;
  if (!j.is_array() || j.size() != 4) throw std::runtime_error("bad range");
  return SourceRange{decode_location(j.at(0)), decode_location(j.at(1)), j.at(2).get<unsigned>(),
                     j.at(3).get<unsigned>()};
}

json encode_optional(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

std::optional<std::string> decode_optional(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<std::string>();
}

json encode_notes(const std::vector<Note>& notes) {
  json out = json::array();
  for (const auto& n : notes) out.push_back({encode_location(n.location), n.message});
  return out;
}

std::vector<Note> decode_notes(const json& j) {
  std::vector<Note> notes;
  for (const auto& n : j) notes.push_back({decode_location(n.at(0)), n.at(1).get<std::string>()});
  return notes;
}

}  // namespace

json encode_calls(const std::vector<HttpCall>& calls) {
  json out = json::array();
  for (const auto& c : calls) {
    json fields = json::array();
    for (const auto& f : c.body.fields) fields.push_back({f.key, encode_optional(f.value), encode_range(f.value_literal)});
    out.push_back({{"loc", encode_location(c.location)},
                   {"method", c.method ? json(std::string(to_string(*c.method))) : json(nullptr)},
                   {"url", encode_optional(c.url)},
                   {"base", encode_optional(c.base)},
                   {"elation", c.base_is_elation},
                   {"body", {static_cast<int>(c.body.kind), fields, encode_optional(c.body.raw), encode_range(c.body.raw_literal)}},
                   {"library", c.library},
                   {"reason", c.unresolved_reason},
                   {"chain", encode_notes(c.chain)},
                   {"component", c.component}});
  }
  return out;
}

std::vector<HttpCall> decode_calls(const json& j) {
  if (!j.is_array()) throw std::runtime_error("calls: not an array");
  std::vector<HttpCall> calls;
  for (const auto& item : j) {
    HttpCall c;
    c.location = decode_location(item.at("loc"));
    if (!item.at("method").is_null()) {
      c.method = parse_http_method(item.at("method").get<std::string>());
      if (!c.method) throw std::runtime_error("bad method");
    }
    c.url = decode_optional(item.at("url"));
    c.base = decode_optional(item.at("base"));
    c.base_is_elation = item.at("elation").get<bool>();
    const json& body = item.at("body");
    int kind = body.at(0).get<int>();
    if (kind < 0 || kind > static_cast<int>(RequestBody::Kind::Raw)) throw std::runtime_error("bad body kind");
    c.body.kind = static_cast<RequestBody::Kind>(kind);
    for (const auto& f : body.at(1)) {
      c.body.fields.push_back({f.at(0).get<std::string>(), decode_optional(f.at(1)), decode_range(f.at(2))});
    }
    c.body.raw = decode_optional(body.at(2));
    c.body.raw_literal = decode_range(body.at(3));
    c.library = item.at("library").get<std::string>();
    c.unresolved_reason = item.at("reason").get<std::string>();
    c.chain = decode_notes(item.at("chain"));
    c.component = item.at("component").get<std::string>();
    calls.push_back(std::move(c));
  }
  return calls;
}

json encode_findings(const std::vector<Finding>& findings) {
  json out = json::array();
  for (const auto& f : findings) {
    out.push_back({f.rule, static_cast<int>(f.level), f.message, encode_location(f.location), encode_notes(f.notes)});
  }
  return out;
}

std::vector<Finding> decode_findings(const json& j) {
  if (!j.is_array()) throw std::runtime_error("findings: not an array");
  std::vector<Finding> findings;
  for (const auto& item : j) {
    Finding f;
    f.rule = item.at(0).get<std::string>();
    int level = item.at(1).get<int>();
    if (level < 0 || level > 2) throw std::runtime_error("bad level");
    f.level = static_cast<Level>(level);
    f.message = item.at(2).get<std::string>();
    f.location = decode_location(item.at(3));
    f.notes = decode_notes(item.at(4));
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace scopelint

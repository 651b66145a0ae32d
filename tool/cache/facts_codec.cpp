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

json encode_pieces(const std::vector<LiteralPiece>& pieces) {
  json out = json::array();
  for (const auto& p : pieces) {
    out.push_back(
        {p.begin, p.length, encode_range(p.literal), p.value_offset, p.value_length, p.encoded});
  }
  return out;
}

std::vector<LiteralPiece> decode_pieces(const json& j) {
  if (!j.is_array()) throw std::runtime_error("bad literal piece list");
  std::vector<LiteralPiece> pieces;
  for (const auto& p : j) {
    if (!p.is_array() || p.size() != 6 || p.at(2).is_null())
      throw std::runtime_error("bad literal piece");
    pieces.push_back({p.at(0).get<unsigned>(), p.at(1).get<unsigned>(), *decode_range(p.at(2)),
                      p.at(3).get<unsigned>(), p.at(4).get<unsigned>(), p.at(5).get<bool>()});
  }
  return pieces;
}

json encode_optional(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

std::optional<std::string> decode_optional(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<std::string>();
}

json encode_locations(const std::vector<SourceLocation>& locations) {
  json out = json::array();
  for (const auto& l : locations) out.push_back(encode_location(l));
  return out;
}

std::vector<SourceLocation> decode_locations(const json& j) {
  if (!j.is_array()) throw std::runtime_error("bad location list");
  std::vector<SourceLocation> locations;
  for (const auto& l : j) locations.push_back(decode_location(l));
  return locations;
}

json encode_notes(const std::vector<Note>& notes) {
  json out = json::array();
  for (const auto& n : notes) out.push_back({encode_location(n.location), n.message});
  return out;
}

std::vector<Note> decode_notes(const json& j) {
  if (!j.is_array()) throw std::runtime_error("bad note list");
  std::vector<Note> notes;
  for (const auto& n : j) {
    if (!n.is_array() || n.size() != 2) throw std::runtime_error("bad note");
    notes.push_back({decode_location(n.at(0)), n.at(1).get<std::string>()});
  }
  return notes;
}

json encode_unresolved(const UnresolvedParts& u) {
  return {static_cast<int>(u.url), static_cast<int>(u.method), u.chooser, u.parameter};
}

UnresolvedParts decode_unresolved(const json& j) {
  UnresolvedParts u;
  const int url = j.at(0).get<int>();
  const int method = j.at(1).get<int>();
  if (url < 0 || url > static_cast<int>(UnresolvedParts::Url::NotSet)) {
    throw std::runtime_error("bad url state");
  }
  if (method < 0 || method > static_cast<int>(UnresolvedParts::Method::ChosenByParameter)) {
    throw std::runtime_error("bad method state");
  }
  u.url = static_cast<UnresolvedParts::Url>(url);
  u.method = static_cast<UnresolvedParts::Method>(method);
  u.chooser = j.at(2).get<std::string>();
  u.parameter = j.at(3).get<std::string>();
  return u;
}

}  // namespace

json encode_calls(const std::vector<HttpCall>& calls) {
  json out = json::array();
  for (const auto& c : calls) {
    json fields = json::array();
    for (const auto& f : c.body.fields) {
      fields.push_back({f.key, encode_optional(f.value), encode_range(f.value_literal),
                        encode_pieces(f.value_pieces)});
    }
    out.push_back({{"loc", encode_location(c.location)},
                   {"method", c.method ? json(std::string(to_string(*c.method))) : json(nullptr)},
                   {"url", encode_optional(c.url)},
                   {"base", encode_optional(c.base)},
                   {"elation", c.base_is_elation},
                   {"body",
                    {static_cast<int>(c.body.kind), fields, encode_optional(c.body.raw),
                     encode_range(c.body.raw_literal), encode_pieces(c.body.raw_pieces)}},
                   {"library", c.library},
                   {"unresolved", encode_unresolved(c.unresolved)},
                   {"chain", encode_notes(c.chain)},
                   {"macro", encode_locations(c.macro_chain)},
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
      c.body.fields.push_back({f.at(0).get<std::string>(), decode_optional(f.at(1)),
                               decode_range(f.at(2)), decode_pieces(f.at(3))});
    }
    c.body.raw = decode_optional(body.at(2));
    c.body.raw_literal = decode_range(body.at(3));
    c.body.raw_pieces = decode_pieces(body.at(4));
    c.library = item.at("library").get<std::string>();
    c.unresolved = decode_unresolved(item.at("unresolved"));
    c.chain = decode_notes(item.at("chain"));
    c.macro_chain = decode_locations(item.at("macro"));  // required: older entries are rebuilt
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

namespace {

// One call, in the format of encode_calls: a summary's request is an HttpCall like any other.
json encode_call(const HttpCall& call) { return encode_calls({call}).at(0); }
HttpCall decode_call(const json& j) { return decode_calls(json::array({j})).at(0); }

const json& array_at(const json& object, const char* key) {
  const json& value = object.at(key);
  if (!value.is_array()) throw std::runtime_error(std::string(key) + ": not an array");
  return value;
}

json encode_method(const std::optional<HttpMethod>& method) {
  return method ? json(std::string(to_string(*method))) : json(nullptr);
}

std::optional<HttpMethod> decode_method(const json& j) {
  if (j.is_null()) return std::nullopt;
  std::optional<HttpMethod> method = parse_http_method(j.get<std::string>());
  if (!method) throw std::runtime_error("bad method");
  return method;
}

json encode_form_fields(const std::vector<FormField>& fields) {
  json out = json::array();
  for (const auto& f : fields)
    out.push_back({f.key, encode_optional(f.value), encode_range(f.value_literal),
                   encode_pieces(f.value_pieces)});
  return out;
}

std::vector<FormField> decode_form_fields(const json& j) {
  if (!j.is_array()) throw std::runtime_error("form fields: not an array");
  std::vector<FormField> fields;
  for (const auto& f : j) {
    if (!f.is_array() || f.size() != 4) throw std::runtime_error("bad form field");
    fields.push_back({f.at(0).get<std::string>(), decode_optional(f.at(1)), decode_range(f.at(2)),
                      decode_pieces(f.at(3))});
  }
  return fields;
}

json encode_condition(const BranchCondition& c) {
  return {{"function", c.function},
          {"parameter", c.parameter},
          {"test", static_cast<int>(c.test)},
          {"values", c.values},
          {"holds", c.holds},
          {"wrapper", c.wrapper},
          {"parameter_name", c.parameter_name}};
}

BranchCondition decode_condition(const json& j) {
  using Test = BranchCondition::Test;
  BranchCondition c;
  c.function = j.at("function").get<std::string>();
  c.parameter = j.at("parameter").get<int>();
  const int test = j.at("test").get<int>();
  if (test < static_cast<int>(Test::Equals) || test > static_cast<int>(Test::Opaque)) {
    throw std::runtime_error("bad branch test");
  }
  c.test = static_cast<Test>(test);
  for (const auto& value : array_at(j, "values")) c.values.push_back(value.get<std::string>());
  c.holds = j.at("holds").get<bool>();
  c.wrapper = j.at("wrapper").get<std::string>();
  c.parameter_name = j.at("parameter_name").get<std::string>();
  return c;
}

json encode_summary(const WrapperSummary& s) {
  json conditions = json::array();
  for (const auto& c : s.conditions) conditions.push_back(encode_condition(c));
  return {{"function", s.function},
          {"name", s.name},
          {"request", encode_call(s.request)},
          {"method_slot", encode_optional(s.method_slot)},
          {"depth", s.depth},
          {"conditions", std::move(conditions)}};
}

WrapperSummary decode_summary(const json& j) {
  WrapperSummary s;
  s.function = j.at("function").get<std::string>();
  s.name = j.at("name").get<std::string>();
  s.request = decode_call(j.at("request"));
  s.method_slot = decode_optional(j.at("method_slot"));
  s.depth = j.at("depth").get<int>();
  for (const auto& c : array_at(j, "conditions")) s.conditions.push_back(decode_condition(c));
  return s;
}

json encode_argument(const WrapperArgument& a) {
  return {{"text", a.text},
          {"literal", encode_range(a.literal)},
          {"pieces", encode_pieces(a.pieces)},
          {"method", encode_method(a.method)},
          {"fields", a.fields ? encode_form_fields(*a.fields) : json(nullptr)}};
}

WrapperArgument decode_argument(const json& j) {
  WrapperArgument a;
  a.text = j.at("text").get<std::string>();
  a.literal = decode_range(j.at("literal"));
  a.pieces = decode_pieces(j.at("pieces"));
  a.method = decode_method(j.at("method"));
  if (!j.at("fields").is_null()) a.fields = decode_form_fields(j.at("fields"));
  return a;
}

json encode_call_site(const WrapperCallSite& s) {
  json arguments = json::array();
  for (const auto& a : s.arguments) arguments.push_back(encode_argument(a));
  return {{"callee", s.callee},
          {"callee_name", s.callee_name},
          {"caller", s.caller},
          {"caller_name", s.caller_name},
          {"loc", encode_location(s.location)},
          {"macro", encode_locations(s.macro_chain)},
          {"arguments", std::move(arguments)}};
}

WrapperCallSite decode_call_site(const json& j) {
  WrapperCallSite s;
  s.callee = j.at("callee").get<std::string>();
  s.callee_name = j.at("callee_name").get<std::string>();
  s.caller = j.at("caller").get<std::string>();
  s.caller_name = j.at("caller_name").get<std::string>();
  s.location = decode_location(j.at("loc"));
  s.macro_chain = decode_locations(j.at("macro"));
  for (const auto& a : array_at(j, "arguments")) s.arguments.push_back(decode_argument(a));
  return s;
}

}  // namespace

json encode_wrappers(const UnitWrappers& wrappers) {
  json summaries = json::array(), call_sites = json::array();
  for (const auto& s : wrappers.summaries) summaries.push_back(encode_summary(s));
  for (const auto& s : wrappers.call_sites) call_sites.push_back(encode_call_site(s));
  return {{"summaries", std::move(summaries)}, {"call_sites", std::move(call_sites)}};
}

UnitWrappers decode_wrappers(const json& j) {
  UnitWrappers wrappers;
  for (const auto& s : array_at(j, "summaries")) wrappers.summaries.push_back(decode_summary(s));
  for (const auto& s : array_at(j, "call_sites"))
    wrappers.call_sites.push_back(decode_call_site(s));
  return wrappers;
}

}  // namespace scopelint

// A unit's wrapper summaries and call sites <-> named JSON, for the fact cache and the workers.
#include "codec/facts_codec.h"

#include "codec/call_codec.h"
#include "codec/source_codec.h"

namespace scopelint {
namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the codec's own helpers
using Test = BranchCondition::Test;

constexpr EnumName<Test> kTests[] = {
    {Test::Equals, "equals"}, {Test::Empty, "empty"}, {Test::Opaque, "opaque"}};

json encode_condition(const BranchCondition& c) {
  return {{"function", c.function},
          {"parameter", c.parameter},
          {"test", enum_name(kTests, c.test)},
          {"values", c.values},
          {"holds", c.holds},
          {"wrapper", c.wrapper},
          {"parameter_name", c.parameter_name}};
}

BranchCondition decode_condition(const json& value, const JsonWhere& where) {
  const json& j = expect_object(value, where);
  BranchCondition c;
  c.function = string_member(j, "function", where);
  c.parameter = int_member(j, "parameter", where, -1);
  c.test = enum_member(j, "test", where, kTests, Test::Opaque, "branch test");
  c.values = string_list(j, "values", where);
  c.holds = bool_member(j, "holds", where, true);
  c.wrapper = string_member(j, "wrapper", where);
  c.parameter_name = string_member(j, "parameter_name", where);
  return c;
}

json encode_summary(const WrapperSummary& s) {
  return {{"function", s.function},
          {"name", s.name},
          {"request", encode_call(s.request)},
          {"method_slot", optional_json(s.method_slot)},
          {"depth", s.depth},
          {"conditions", encode_list(s.conditions, encode_condition)}};
}

WrapperSummary decode_summary(const json& value, const JsonWhere& where) {
  const json& j = expect_object(value, where);
  WrapperSummary s;
  s.function = string_member(j, "function", where);
  s.name = string_member(j, "name", where);
  if (const auto it = j.find("request"); it != j.end())
    s.request = decode_call(*it, where / "request");
  s.method_slot = optional_string(j, "method_slot", where);
  s.depth = int_member(j, "depth", where);
  s.conditions = decode_list(j, "conditions", where, decode_condition);
  return s;
}

json encode_argument(const WrapperArgument& a) {
  return {{"text", a.text},
          {"literal", encode_range(a.literal)},
          {"pieces", encode_pieces(a.pieces)},
          {"method", encode_method(a.method)},
          {"fields", a.fields ? encode_form_fields(*a.fields) : json(nullptr)}};
}

// "fields": null (or missing) is an argument that is not a form; [] a form known to be empty.
WrapperArgument decode_argument(const json& value, const JsonWhere& where) {
  const json& j = expect_object(value, where);
  WrapperArgument a;
  a.text = string_member(j, "text", where);
  a.literal = decode_range(j, "literal", where);
  a.pieces = decode_pieces(j, "pieces", where);
  a.method = decode_method(j, "method", where);
  if (const auto it = j.find("fields"); it != j.end() && !it->is_null()) {
    a.fields = decode_form_fields(j, "fields", where);
  }
  return a;
}

json encode_call_site(const WrapperCallSite& s) {
  json out = {{"callee", s.callee},
              {"callee_name", s.callee_name},
              {"caller", s.caller},
              {"caller_name", s.caller_name},
              {"macro_chain", encode_locations(s.macro_chain)},
              {"arguments", encode_list(s.arguments, encode_argument)},
              {"conditions", encode_list(s.conditions, encode_condition)}};
  put_location(out, s.location);
  return out;
}

WrapperCallSite decode_call_site(const json& value, const JsonWhere& where) {
  const json& j = expect_object(value, where);
  WrapperCallSite s;
  s.callee = string_member(j, "callee", where);
  s.callee_name = string_member(j, "callee_name", where);
  s.caller = string_member(j, "caller", where);
  s.caller_name = string_member(j, "caller_name", where);
  s.location = location_members(j, where);
  s.macro_chain = decode_locations(j, "macro_chain", where);
  s.arguments = decode_list(j, "arguments", where, decode_argument);
  s.conditions = decode_list(j, "conditions", where, decode_condition);
  return s;
}

}  // namespace

nlohmann::json encode_wrappers(const UnitWrappers& wrappers) {
  return {{"summaries", encode_list(wrappers.summaries, encode_summary)},
          {"call_sites", encode_list(wrappers.call_sites, encode_call_site)}};
}

UnitWrappers decode_wrappers(const nlohmann::json& value, const JsonWhere& where) {
  const json& j = expect_object(value, where);
  return {decode_list(j, "summaries", where, decode_summary),
          decode_list(j, "call_sites", where, decode_call_site)};
}

}  // namespace scopelint

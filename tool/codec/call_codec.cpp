// HTTP calls <-> named JSON; enums are words, optional members default to what a call has when
// nothing is known.
#include "codec/call_codec.h"

#include "codec/source_codec.h"

namespace scopelint::codec {
namespace {

using Url = UnresolvedParts::Url;
using Method = UnresolvedParts::Method;

constexpr EnumName<RequestBody::Kind> kBodyKinds[] = {{RequestBody::Kind::None, "none"},
                                                      {RequestBody::Kind::Unknown, "unknown"},
                                                      {RequestBody::Kind::Fields, "fields"},
                                                      {RequestBody::Kind::Raw, "raw"}};
constexpr EnumName<Url> kUrlStates[] = {
    {Url::Known, "known"}, {Url::BuiltAtRunTime, "built-at-run-time"}, {Url::NotSet, "not-set"}};
constexpr EnumName<Method> kMethodStates[] = {{Method::Known, "known"},
                                              {Method::NotKnown, "not-known"},
                                              {Method::ChosenAtRunTime, "chosen-at-run-time"},
                                              {Method::ChosenByParameter, "chosen-by-parameter"}};

json encode_body(const RequestBody& body) {
  return {{"kind", enum_name(kBodyKinds, body.kind)},
          {"fields", encode_form_fields(body.fields)},
          {"raw", optional_json(body.raw)},
          {"raw_literal", encode_range(body.raw_literal)},
          {"raw_pieces", encode_pieces(body.raw_pieces)}};
}

RequestBody decode_body(const json& value, const JsonWhere& where) {
  const json& body = expect_object(value, where);
  RequestBody out;
  out.kind = enum_member(body, "kind", where, kBodyKinds, RequestBody::Kind::None, "body kind");
  out.fields = decode_form_fields(body, "fields", where);
  out.raw = optional_string(body, "raw", where);
  out.raw_literal = decode_range(body, "raw_literal", where);
  out.raw_pieces = decode_pieces(body, "raw_pieces", where);
  return out;
}

json encode_unresolved(const UnresolvedParts& unresolved) {
  return {{"url", enum_name(kUrlStates, unresolved.url)},
          {"method", enum_name(kMethodStates, unresolved.method)},
          {"chooser", unresolved.chooser},
          {"parameter", unresolved.parameter}};
}

UnresolvedParts decode_unresolved(const json& value, const JsonWhere& where) {
  const json& unresolved = expect_object(value, where);
  UnresolvedParts out;
  out.url = enum_member(unresolved, "url", where, kUrlStates, Url::Known, "URL state");
  out.method =
      enum_member(unresolved, "method", where, kMethodStates, Method::Known, "method state");
  out.chooser = string_member(unresolved, "chooser", where);
  out.parameter = string_member(unresolved, "parameter", where);
  return out;
}

}  // namespace

json encode_method(const std::optional<HttpMethod>& method) {
  return method ? json(std::string(to_string(*method))) : json(nullptr);
}

std::optional<HttpMethod> decode_method(const json& object, const char* key,
                                        const JsonWhere& where) {
  const std::optional<std::string> name = optional_string(object, key, where);
  if (!name) return std::nullopt;
  const std::optional<HttpMethod> method = parse_http_method(*name);
  if (!method) (where / key).fail("unknown HTTP method '" + *name + "'");
  return method;
}

json encode_form_fields(const std::vector<FormField>& fields) {
  return encode_list(fields, [](const FormField& field) {
    return json{{"key", field.key},
                {"value", optional_json(field.value)},
                {"value_literal", encode_range(field.value_literal)},
                {"pieces", encode_pieces(field.value_pieces)}};
  });
}

std::vector<FormField> decode_form_fields(const json& object, const char* key,
                                          const JsonWhere& where) {
  return decode_list(object, key, where, [](const json& value, const JsonWhere& at) {
    const json& item = expect_object(value, at);
    const std::optional<std::string> name = optional_string(item, "key", at);
    if (!name) (at / "key").fail("missing");
    return FormField{*name, optional_string(item, "value", at),
                     decode_range(item, "value_literal", at), decode_pieces(item, "pieces", at)};
  });
}

json encode_call(const HttpCall& call) {
  json out = {{"method", encode_method(call.method)},
              {"url", optional_json(call.url)},
              {"base", optional_json(call.base)},
              {"base_is_elation", call.base_is_elation},
              {"body", encode_body(call.body)},
              {"headers", call.headers},
              {"headers_unknown", call.headers_unknown},
              {"library", call.library},
              {"unresolved", encode_unresolved(call.unresolved)},
              {"chain", encode_notes(call.chain)},
              {"component", call.component},
              {"macro_chain", encode_locations(call.macro_chain)}};
  put_location(out, call.location);
  return out;
}

HttpCall decode_call(const json& value, const JsonWhere& where) {
  const json& call = expect_object(value, where);
  HttpCall out;
  out.location = location_members(call, where);
  out.method = decode_method(call, "method", where);
  out.url = optional_string(call, "url", where);
  out.base = optional_string(call, "base", where);
  out.base_is_elation = bool_member(call, "base_is_elation", where);
  out.headers = string_list(call, "headers", where);
  out.headers_unknown = bool_member(call, "headers_unknown", where);
  out.library = string_member(call, "library", where);
  out.component = string_member(call, "component", where);
  // The text this key held before 0.3 is not read: ignoring it would judge the call as resolved.
  if (call.contains("unresolved_reason")) {
    (where / "unresolved_reason")
        .fail(
            "no longer read; say what is unresolved with \"unresolved\": {\"url\": ..., "
            "\"method\": ...}");
  }
  if (const auto it = call.find("unresolved"); it != call.end()) {
    out.unresolved = decode_unresolved(*it, where / "unresolved");
  }
  if (const auto it = call.find("body"); it != call.end())
    out.body = decode_body(*it, where / "body");
  out.chain = decode_notes(call, "chain", where);
  out.macro_chain = decode_locations(call, "macro_chain", where);
  return out;
}

}  // namespace scopelint::codec

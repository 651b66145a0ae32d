// Facts with every field set, and field-by-field comparisons of them: for the tests of the facts
// codec and of the fact cache.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "model/facts.h"
#include "model/wrapper_facts.h"

namespace scopelint::test {

// Field-by-field comparison. The structured bindings name every member: a field added to one of
// these types stops this file from compiling until it is compared here (and encoded, or the
// round trip below fails).
inline void expect_same_range(const std::optional<SourceRange>& expected,
                              const std::optional<SourceRange>& actual) {
  ASSERT_EQ(expected.has_value(), actual.has_value());
  if (!expected) return;
  const auto& [begin, end, offset, length] = *actual;
  EXPECT_EQ(begin, expected->begin);
  EXPECT_EQ(end, expected->end);
  EXPECT_EQ(offset, expected->offset);
  EXPECT_EQ(length, expected->length);
}

inline void expect_same_pieces(const std::vector<LiteralPiece>& expected,
                               const std::vector<LiteralPiece>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& [begin, length, literal, value_offset, value_length, encoded] = actual[i];
    EXPECT_EQ(begin, expected[i].begin);
    EXPECT_EQ(length, expected[i].length);
    expect_same_range(expected[i].literal, literal);
    EXPECT_EQ(value_offset, expected[i].value_offset);
    EXPECT_EQ(value_length, expected[i].value_length);
    EXPECT_EQ(encoded, expected[i].encoded);
  }
}

inline void expect_same_fields(const std::vector<FormField>& expected,
                               const std::vector<FormField>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& [key, value, value_literal, value_pieces] = actual[i];
    EXPECT_EQ(key, expected[i].key);
    EXPECT_EQ(value, expected[i].value);
    expect_same_range(expected[i].value_literal, value_literal);
    expect_same_pieces(expected[i].value_pieces, value_pieces);
  }
}

inline void expect_same_call(const HttpCall& expected, const HttpCall& actual) {
  const auto& [location, method, url, base, base_is_elation, body, headers, headers_unknown, library,
               unresolved, chain, component, macro_chain] = actual;
  EXPECT_TRUE(unresolved == expected.unresolved);
  EXPECT_EQ(location, expected.location);
  EXPECT_EQ(method, expected.method);
  EXPECT_EQ(url, expected.url);
  EXPECT_EQ(base, expected.base);
  EXPECT_EQ(base_is_elation, expected.base_is_elation);
  const auto& [kind, fields, raw, raw_literal, raw_pieces] = body;
  EXPECT_EQ(kind, expected.body.kind);
  expect_same_fields(expected.body.fields, fields);
  EXPECT_EQ(raw, expected.body.raw);
  expect_same_range(expected.body.raw_literal, raw_literal);
  expect_same_pieces(expected.body.raw_pieces, raw_pieces);
  EXPECT_EQ(headers, expected.headers);
  EXPECT_EQ(headers_unknown, expected.headers_unknown);
  EXPECT_EQ(library, expected.library);
  ASSERT_EQ(chain.size(), expected.chain.size());
  for (size_t i = 0; i < chain.size(); ++i) {
    const auto& [note_location, note_message] = chain[i];
    EXPECT_EQ(note_location, expected.chain[i].location);
    EXPECT_EQ(note_message, expected.chain[i].message);
  }
  EXPECT_EQ(component, expected.component);
  EXPECT_EQ(macro_chain, expected.macro_chain);
}

inline void expect_same_condition(const BranchCondition& expected, const BranchCondition& actual) {
  const auto& [function, parameter, test, values, holds, wrapper, parameter_name] = actual;
  EXPECT_EQ(function, expected.function);
  EXPECT_EQ(parameter, expected.parameter);
  EXPECT_EQ(test, expected.test);
  EXPECT_EQ(values, expected.values);
  EXPECT_EQ(holds, expected.holds);
  EXPECT_EQ(wrapper, expected.wrapper);
  EXPECT_EQ(parameter_name, expected.parameter_name);
}

inline void expect_same_wrappers(const UnitWrappers& expected, const UnitWrappers& actual) {
  const auto& [summaries, call_sites] = actual;
  ASSERT_EQ(summaries.size(), expected.summaries.size());
  for (size_t i = 0; i < summaries.size(); ++i) {
    SCOPED_TRACE("summary " + std::to_string(i));
    const auto& [function, name, request, method_slot, depth, conditions] = summaries[i];
    const WrapperSummary& want = expected.summaries[i];
    EXPECT_EQ(function, want.function);
    EXPECT_EQ(name, want.name);
    expect_same_call(want.request, request);
    EXPECT_EQ(method_slot, want.method_slot);
    EXPECT_EQ(depth, want.depth);
    ASSERT_EQ(conditions.size(), want.conditions.size());
    for (size_t c = 0; c < conditions.size(); ++c)
      expect_same_condition(want.conditions[c], conditions[c]);
  }
  ASSERT_EQ(call_sites.size(), expected.call_sites.size());
  for (size_t i = 0; i < call_sites.size(); ++i) {
    SCOPED_TRACE("call site " + std::to_string(i));
    const auto& [callee, callee_name, caller, caller_name, location, macro_chain, arguments, site_conditions] =
        call_sites[i];
    const WrapperCallSite& want = expected.call_sites[i];
    EXPECT_EQ(callee, want.callee);
    EXPECT_EQ(callee_name, want.callee_name);
    EXPECT_EQ(caller, want.caller);
    EXPECT_EQ(caller_name, want.caller_name);
    EXPECT_EQ(location, want.location);
    EXPECT_EQ(macro_chain, want.macro_chain);
    ASSERT_EQ(arguments.size(), want.arguments.size());
    for (size_t a = 0; a < arguments.size(); ++a) {
      const auto& [text, literal, pieces, method, fields] = arguments[a];
      EXPECT_EQ(text, want.arguments[a].text);
      expect_same_range(want.arguments[a].literal, literal);
      expect_same_pieces(want.arguments[a].pieces, pieces);
      EXPECT_EQ(method, want.arguments[a].method);
      ASSERT_EQ(fields.has_value(), want.arguments[a].fields.has_value());
      if (fields) expect_same_fields(*want.arguments[a].fields, *fields);
    }
    ASSERT_EQ(site_conditions.size(), want.conditions.size());
    for (size_t c = 0; c < site_conditions.size(); ++c)
      expect_same_condition(want.conditions[c], site_conditions[c]);
  }
}

// A call with every field set to something other than its default (a wrapper's request: its URL
// and method slot hold parameter slots).
inline HttpCall sample_call(const std::string& file) {
  HttpCall request;
  request.location = {file, 20, 14};
  request.method = HttpMethod::Delete;
  request.url =
      "/api/2.0\x1f"
      "0\x1f/";  // slots are control characters around a parameter index
  request.base = "https://app.elationemr.com";
  request.base_is_elation = true;
  request.body.kind = RequestBody::Kind::Fields;
  request.body.fields.push_back(
      {"scope",
       std::string("{}"),
       SourceRange{{file, 9, 3}, {file, 9, 12}, 120, 9},
       {LiteralPiece{0, 2, SourceRange{{file, 9, 3}, {file, 9, 12}, 120, 9}, 1, 2, false}}});
  request.body.fields.push_back({"grant_type", std::nullopt, std::nullopt, {}});
  request.body.raw = "grant_type=client_credentials";
  request.body.raw_literal = SourceRange{{file, 10, 1}, {file, 10, 30}, 140, 29};
  request.body.raw_pieces = {
      LiteralPiece{11, 18, SourceRange{{file, 11, 7}, {file, 11, 27}, 160, 20}, 0, 12, true}};
  request.headers = {"Authorization", "X-On-Behalf-Of"};
  request.headers_unknown = true;
  request.library = "cpp-httplib";
  request.unresolved.url = UnresolvedParts::Url::BuiltAtRunTime;
  request.unresolved.method = UnresolvedParts::Method::ChosenByParameter;
  request.unresolved.chooser = "ElationApi::call";
  request.unresolved.parameter = "method";
  request.chain.push_back({{file, 21, 5}, "through 'ElationApi::send'"});
  request.component = "reporting";
  request.macro_chain = {{file, 3, 9}, {file, 20, 14}};
  return request;
}

// Every field set to something other than its default, and the optional ones also left empty once.
inline UnitWrappers sample_wrappers(const std::string& file) {
  UnitWrappers wrappers;
  WrapperSummary get;
  get.function =
      "c:@S@ElationApi@F@call#&1$@N@std@S@basic_string>#C#$@N@std@S@char_traits>#C#$@N@std@S@"
      "allocator>#C#";
  get.name = "ElationApi::call";
  get.request = sample_call(file);
  get.method_slot =
      "\x1f"
      "1\x1f";
  get.depth = 2;
  get.conditions.push_back({get.function,
                            1,
                            BranchCondition::Test::Equals,
                            {"GET", "2"},
                            false,
                            "ElationApi::call",
                            "verb"});
  get.conditions.push_back(
      {get.function, -1, BranchCondition::Test::Empty, {}, true, "ElationApi::call", "body"});
  wrappers.summaries.push_back(get);
  WrapperSummary bare;  // optional members empty, an Opaque test
  bare.function = "name:elation_get";
  bare.name = "elation_get";
  bare.request.location = {file, 30, 3};
  bare.conditions.push_back(
      {bare.function, 0, BranchCondition::Test::Opaque, {}, true, "elation_get", "p"});
  wrappers.summaries.push_back(bare);

  WrapperCallSite site;
  site.callee = get.function;
  site.callee_name = get.name;
  site.caller = "c:@F@main#";
  site.caller_name = "main";
  site.location = {file, 40, 7};
  site.macro_chain = {{file, 2, 9}, {file, 40, 7}};
  WrapperArgument path;
  path.text = "/patients/{}/";
  path.literal = SourceRange{{file, 40, 16}, {file, 40, 29}, 610, 13};
  path.pieces = {
      LiteralPiece{1, 8, SourceRange{{file, 40, 16}, {file, 40, 29}, 610, 13}, 1, 8, false}};
  path.method = HttpMethod::Post;
  path.fields = std::vector<FormField>{{"scope",
                                        std::string("system/patients.read"),
                                        SourceRange{{file, 41, 1}, {file, 41, 20}, 700, 19},
                                        {}}};
  site.arguments.push_back(path);
  WrapperArgument unknown;  // nothing known: optional members empty
  unknown.text = "{}";
  site.arguments.push_back(unknown);
  WrapperArgument empty_form;  // a form known to be empty is not an unknown form
  empty_form.fields = std::vector<FormField>{};
  site.arguments.push_back(empty_form);
  site.conditions.push_back(  // the arguments are these only for one value of the caller's parameter
      {site.caller, 0, BranchCondition::Test::Equals, {"3"}, true, "main", "kind"});
  wrappers.call_sites.push_back(site);
  WrapperCallSite top_level;  // at namespace scope: no caller
  top_level.callee = "c:@F@elation_get#*1C#";
  top_level.callee_name = "elation_get";
  top_level.location = {file, 50, 1};
  wrappers.call_sites.push_back(top_level);
  return wrappers;
}

}  // namespace scopelint::test

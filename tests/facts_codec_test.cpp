// The facts codec (codec/facts_codec.h): every field survives encode -> text -> decode, missing
// members take their defaults, and a member of the wrong type is an error naming its JSON path.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "codec/facts_codec.h"
#include "facts_samples.h"

namespace scopelint {
namespace {

using nlohmann::json;
using test::expect_same_call;
using test::expect_same_wrappers;
using test::sample_call;
using test::sample_wrappers;

void expect_same_diagnostic(const Finding& expected, const Finding& actual) {
  EXPECT_EQ(actual.rule, expected.rule);
  EXPECT_EQ(actual.level, expected.level);
  EXPECT_EQ(actual.message, expected.message);
  EXPECT_EQ(actual.location, expected.location);
  ASSERT_EQ(actual.notes.size(), expected.notes.size());
  for (size_t i = 0; i < actual.notes.size(); ++i) {
    EXPECT_EQ(actual.notes[i].location, expected.notes[i].location);
    EXPECT_EQ(actual.notes[i].message, expected.notes[i].message);
  }
}

// Every field of a facts file set, with a call of defaults beside the full one.
FactsFile sample_file() {
  FactsFile file;
  file.facts.calls = {sample_call("src/api.cpp"), HttpCall{}};
  // A literal whose end is reported in another file, and a URL that is known to be empty.
  file.facts.calls[0].body.raw_pieces[0].literal.end.file = "src/other.h";
  file.facts.calls[1].url = "";
  file.facts.granted = {{{"/p/.scopelint.json", 4, 0}, "system/patients.read", "reporting"},
                        {{}, "system/vitals.write", ""}};
  Finding note;
  note.rule = "scan-error";
  note.level = Level::Note;
  note.message = "'missing.h' file not found";
  note.location = {"src/api.cpp", 2, 10};
  note.notes = {{{"src/api.cpp", 2, 1}, "included here"}};
  Finding error = note;
  error.level = Level::Error;
  error.notes.clear();
  file.diagnostics = {note, error};
  file.reported_files = std::set<std::string>{"/p/src/api.cpp", "/p/src/api.h"};
  return file;
}

TEST(FactsCodec, AFactsFileRoundTripsEveryField) {
  const FactsFile file = sample_file();
  const std::string text = facts_file_text(file);
  const FactsFile back = parse_facts_json(text, "facts.json");
  ASSERT_EQ(back.facts.calls.size(), file.facts.calls.size());
  for (size_t i = 0; i < back.facts.calls.size(); ++i) {
    SCOPED_TRACE("call " + std::to_string(i));
    expect_same_call(file.facts.calls[i], back.facts.calls[i]);
  }
  ASSERT_EQ(back.facts.granted.size(), file.facts.granted.size());
  for (size_t i = 0; i < back.facts.granted.size(); ++i) {
    const auto& [location, scopes, component] = back.facts.granted[i];
    EXPECT_EQ(location, file.facts.granted[i].location);
    EXPECT_EQ(scopes, file.facts.granted[i].scopes);
    EXPECT_EQ(component, file.facts.granted[i].component);
  }
  ASSERT_EQ(back.diagnostics.size(), file.diagnostics.size());
  for (size_t i = 0; i < back.diagnostics.size(); ++i) {
    expect_same_diagnostic(file.diagnostics[i], back.diagnostics[i]);
  }
  EXPECT_EQ(back.reported_files, file.reported_files);
  EXPECT_EQ(facts_file_text(back), text);
}

TEST(FactsCodec, WrappersRoundTripEveryField) {
  const UnitWrappers wrappers = sample_wrappers("/p/a.cpp");
  const json text = json::parse(encode_wrappers(wrappers).dump());
  expect_same_wrappers(wrappers, decode_wrappers(text, JsonWhere("entry", "/wrappers")));
}

TEST(FactsCodec, TheFormIsNamedMembers) {
  const json call = encode_calls({sample_call("a.cpp")}).at(0);
  EXPECT_EQ(call.at("file"), "a.cpp");
  EXPECT_EQ(call.at("method"), "DELETE");
  EXPECT_EQ(call.at("body").at("kind"), "fields");
  EXPECT_EQ(call.at("unresolved").at("url"), "built-at-run-time");
  EXPECT_EQ(call.at("unresolved").at("method"), "chosen-by-parameter");
  EXPECT_EQ(call.at("chain").at(0).at("message"), "through 'ElationApi::send'");
  EXPECT_EQ(call.at("macro_chain").at(1).at("line"), 20);
  const json piece = call.at("body").at("raw_pieces").at(0);
  EXPECT_EQ(piece.at("literal_length"), 20);
  EXPECT_FALSE(piece.contains("end_file"));  // written only when the literal ends in another file
  const json file = encode_facts_file(sample_file());
  EXPECT_EQ(file.at("diagnostics").at(0).at("level"), "note");
  EXPECT_EQ(encode_facts_file(FactsFile{}).contains("reported_files"), false);
}

TEST(FactsCodec, MissingMembersTakeTheirDefaults) {
  const FactsFile file = parse_facts_json(
      R"({"calls": [{}, {"body": {"kind": "raw", "raw_pieces": [{"file": "a.h", "line": 3, "length": 4}]}}]})",
      "facts.json");
  ASSERT_EQ(file.facts.calls.size(), 2u);
  expect_same_call(HttpCall{}, file.facts.calls[0]);
  const LiteralPiece& piece = file.facts.calls[1].body.raw_pieces.at(0);
  EXPECT_EQ(piece.literal.end.file, "a.h");
  EXPECT_EQ(piece.literal.end.line, 3u);
  EXPECT_EQ(piece.value_length, 4u);
  EXPECT_TRUE(file.diagnostics.empty());
  EXPECT_FALSE(file.reported_files);
  const UnitWrappers wrappers =
      decode_wrappers(json::parse(R"({"summaries": [{"conditions": [{}]}]})"), JsonWhere("entry"));
  const BranchCondition& condition = wrappers.summaries.at(0).conditions.at(0);
  EXPECT_EQ(condition.parameter, -1);
  EXPECT_EQ(condition.test, BranchCondition::Test::Opaque);
  EXPECT_TRUE(condition.holds);
}

std::string error_of(const std::function<void()>& decode) {
  try {
    decode();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(FactsCodec, AMemberOfTheWrongTypeIsAnErrorAtItsPath) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[]", "f.json:1: /: expected an object"},
      {R"({"calls": {}})", "f.json:1: /calls: expected an array"},
      {R"({"calls": [{"line": -1}]})",
       "f.json:1: /calls/0/line: expected a non-negative integer below 2^32"},
      {R"({"calls": [{"line": 4294967296}]})",
       "f.json:1: /calls/0/line: expected a non-negative integer below 2^32"},
      {R"({"calls": [{"method": "FETCH"}]})",
       "f.json:1: /calls/0/method: unknown HTTP method 'FETCH'"},
      {R"({"calls": [{"base_is_elation": 1}]})",
       "f.json:1: /calls/0/base_is_elation: expected true or false"},
      {R"({"calls": [{"body": {"kind": "form"}}]})",
       "f.json:1: /calls/0/body/kind: unknown body kind 'form'"},
      {R"({"calls": [{"body": {"fields": [{"value": "x"}]}}]})",
       "f.json:1: /calls/0/body/fields/0/key: missing"},
      {R"({"calls": [{"body": {"raw_literal": {"line": 1}}}]})",
       "f.json:1: /calls/0/body/raw_literal/file: missing"},
      {R"({"calls": [{"body": {"raw_pieces": [{"file": "a.h", "end_file": 2}]}}]})",
       "f.json:1: /calls/0/body/raw_pieces/0/end_file: expected a string"},
      {R"({"calls": [{"unresolved": {"url": "later"}}]})",
       "f.json:1: /calls/0/unresolved/url: unknown URL state 'later'"},
      {R"({"calls": [{"chain": [{"message": 3}]}]})",
       "f.json:1: /calls/0/chain/0/message: expected a string"},
      {R"({"calls": [{"macro_chain": [[]]}]})",
       "f.json:1: /calls/0/macro_chain/0: expected an object"},
      {R"({"granted": [{"line": "3"}]})",
       "f.json:1: /granted/0/line: expected a non-negative integer below 2^32"},
      {R"({"diagnostics": [{"message": "x"}]})", "f.json:1: /diagnostics/0/rule: missing"},
      {R"({"diagnostics": [{"rule": "scan-error", "level": "fatal"}]})",
       "f.json:1: /diagnostics/0/level: unknown level 'fatal'"},
      {R"({"reported_files": ["a.cpp", 1]})", "f.json:1: /reported_files/1: expected a string"},
  };
  for (const auto& [text, message] : cases) {
    EXPECT_EQ(error_of([&] { (void)parse_facts_json(text, "f.json"); }), message) << text;
  }
}

TEST(FactsCodec, WrapperDataOfTheWrongTypeIsAnErrorAtItsPath) {
  const json good = encode_wrappers(sample_wrappers("/p/a.cpp"));
  const std::vector<std::tuple<std::string, std::function<void(json&)>, std::string>> cases = {
      {"not an object", [](json& j) { j = json::array(); }, ": expected an object"},
      {"summaries an object", [](json& j) { j["summaries"] = json::object(); },
       "/summaries: expected an array"},
      {"depth as text", [](json& j) { j["summaries"][0]["depth"] = "2"; },
       "/summaries/0/depth: expected an integer that fits in 32 bits"},
      {"depth too large", [](json& j) { j["summaries"][0]["depth"] = 1LL << 40; },
       "/summaries/0/depth: expected an integer that fits in 32 bits"},
      {"method slot a number", [](json& j) { j["summaries"][0]["method_slot"] = 1; },
       "/summaries/0/method_slot: expected a string"},
      {"request a list", [](json& j) { j["summaries"][0]["request"] = json::array(); },
       "/summaries/0/request: expected an object"},
      {"unknown branch test", [](json& j) { j["summaries"][0]["conditions"][0]["test"] = "maybe"; },
       "/summaries/0/conditions/0/test: unknown branch test 'maybe'"},
      {"holds as a number", [](json& j) { j["summaries"][0]["conditions"][0]["holds"] = 1; },
       "/summaries/0/conditions/0/holds: expected true or false"},
      {"condition values not strings",
       [](json& j) { j["summaries"][0]["conditions"][0]["values"] = {1}; },
       "/summaries/0/conditions/0/values/0: expected a string"},
      {"unknown method", [](json& j) { j["call_sites"][0]["arguments"][0]["method"] = "FETCH"; },
       "/call_sites/0/arguments/0/method: unknown HTTP method 'FETCH'"},
      {"fields an object",
       [](json& j) { j["call_sites"][0]["arguments"][0]["fields"] = json::object(); },
       "/call_sites/0/arguments/0/fields: expected an array"},
      {"bad literal range",
       [](json& j) {
         j["call_sites"][0]["arguments"][0]["literal"] = {1, 2, 3};
       },
       "/call_sites/0/arguments/0/literal: expected an object"},
      {"macro chain a string", [](json& j) { j["call_sites"][0]["macro_chain"] = "a.cpp"; },
       "/call_sites/0/macro_chain: expected an array"},
  };
  for (const auto& [what, breakage, path] : cases) {
    json broken = good;
    breakage(broken);
    EXPECT_EQ(error_of([&] { (void)decode_wrappers(broken, JsonWhere("entry", "")); }),
              "entry: " + path)
        << what;
  }
}

TEST(FactsCodec, DeepNestingInAnyMemberIsRefusedWhileParsing) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  for (const std::string& text :
       {R"({"calls": [{"chain": )" + deep + "}]}", R"({"diagnostics": )" + deep + "}",
        R"({"reported_files": )" + deep + "}"}) {
    EXPECT_EQ(error_of([&] { (void)parse_facts_json(text, "deep.json"); }),
              "deep.json: JSON nested deeper than 64 levels");
  }
}

}  // namespace
}  // namespace scopelint

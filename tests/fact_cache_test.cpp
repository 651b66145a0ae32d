// The fact cache: hits for unchanged units, misses for any change, corrupt entries ignored; wrapper
// data survives the round trip, so a project built on wrappers is not parsed again.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "cache/fact_cache.h"
#include "cache/facts_codec.h"
#include "test_support.h"
#include "util/file_io.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

using nlohmann::json;
using test::TempDir;

const std::string kKey(32, 'k');  // a cache key (the real one is random, cache/cache_location.h)

// A private cache directory inside `dir`, as open_cache_site makes it.
std::string cache_dir_in(const TempDir& dir) {
  const std::string path = dir.path() + "/cache";
  std::filesystem::create_directory(path);
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

// Every entry file under `cache_dir`.
std::vector<std::string> entries_in(const std::string& cache_dir) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(cache_dir)) {
    if (entry.is_regular_file()) out.push_back(entry.path().string());
  }
  return out;
}

// An entry's JSON, and an entry file holding `text` signed with `key` (the entry format: the HMAC
// of "scopelint-fact-cache-6\n" + JSON, a newline, the JSON).
json entry_json(const std::string& path) {
  const std::string bytes = read_file_or_throw(path);
  return json::parse(bytes.substr(bytes.find('\n') + 1));
}
void write_signed_entry(const std::string& path, const json& entry, const std::string& key = kKey) {
  const std::string text = entry.dump();
  const std::string mac = to_hex(hmac_sha256(key, "scopelint-fact-cache-6\n" + text));
  std::ofstream(path) << mac << "\n" << text;
}

CachedUnit sample_unit(const std::string& file) {
  CachedUnit unit;
  HttpCall call;
  call.location = {file, 3, 7};
  call.method = HttpMethod::Post;
  call.url = "https://app.elationemr.com/api/2.0/oauth2/token/";
  call.body.kind = RequestBody::Kind::Fields;
  SourceRange range{{file, 3, 20}, {file, 3, 41}, 55, 21};
  call.body.fields.push_back({"scope", std::string("system/patients.read"), range});
  call.library = "cpr";
  call.chain.push_back({{file, 1, 1}, "via wrapper"});
  call.macro_chain = {{file + ".h", 2, 9}, {file, 3, 7}};
  unit.calls.push_back(call);
  Finding diagnostic;
  diagnostic.rule = "scan-error";
  diagnostic.message = "x";
  diagnostic.location = {file, 0, 0};
  unit.diagnostics.push_back(diagnostic);
  unit.included = {"/usr/include/x.h"};
  return unit;
}

TEST(FactCache, RoundTripsEveryField) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "int x;\n");
  std::string header = dir.write("a.h", "int y;\n");
  FactCache cache(cache_dir_in(dir), "salt", kKey);
  cache.store(file, {"-std=c++17"}, sample_unit(file), {file, header});
  auto hit = cache.lookup(file, {"-std=c++17"});
  ASSERT_TRUE(hit);
  ASSERT_EQ(hit->calls.size(), 1u);
  const HttpCall& call = hit->calls[0];
  EXPECT_EQ(call.location.column, 7u);
  EXPECT_EQ(call.method, HttpMethod::Post);
  ASSERT_EQ(call.body.fields.size(), 1u);
  EXPECT_EQ(call.body.fields[0].value, "system/patients.read");
  ASSERT_TRUE(call.body.fields[0].value_literal);
  EXPECT_EQ(call.body.fields[0].value_literal->offset, 55u);
  EXPECT_EQ(call.chain.size(), 1u);
  EXPECT_EQ(call.macro_chain, (std::vector<SourceLocation>{{file + ".h", 2, 9}, {file, 3, 7}}));
  EXPECT_EQ(hit->diagnostics.size(), 1u);
  EXPECT_EQ(hit->included, std::vector<std::string>{"/usr/include/x.h"});
}

TEST(FactCache, AnyChangeIsAMiss) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "int x;\n");
  std::string header = dir.write("a.h", "int y;\n");
  FactCache cache(cache_dir_in(dir), "salt", kKey);
  cache.store(file, {"-DX"}, sample_unit(file), {file, header});
  EXPECT_FALSE(cache.lookup(file, {"-DY"}));                               // other flags
  // other rules/version
  EXPECT_FALSE(FactCache(cache_dir_in(dir), "other", kKey).lookup(file, {"-DX"}));
  dir.write("a.h", "int z;\n");                                            // an included file changed
  EXPECT_FALSE(cache.lookup(file, {"-DX"}));
  dir.write("a.h", "int y;\n");                                            // changed back: same content
  EXPECT_TRUE(cache.lookup(file, {"-DX"}));
  std::filesystem::remove(header);                                        // a dependency is gone
  EXPECT_FALSE(cache.lookup(file, {"-DX"}));
}

TEST(FactCache, CorruptOrForeignEntriesAreIgnored) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "int x;\n");
  std::string cache_dir = cache_dir_in(dir);
  FactCache cache(cache_dir, "salt", kKey);
  cache.store(file, {}, sample_unit(file), {file});
  for (const auto& path : entries_in(cache_dir)) {
    for (const char* junk :
         {"{not json", "{\"format\": \"scopelint-fact-cache-6\"}", "[]", "",
          "{\"format\":\"scopelint-fact-cache-6\",\"salt\":\"salt\",\"file\":\"x\"}"}) {
      std::ofstream(path) << junk;
      EXPECT_FALSE(cache.lookup(file, {})) << junk;
      // Signed with the right key but not an entry: still a miss.
      const bool parses = json::accept(junk);
      write_signed_entry(path, parses ? json::parse(junk) : json(junk));
      EXPECT_FALSE(cache.lookup(file, {})) << "signed " << junk;
    }
  }
  cache.store(file, {}, sample_unit(file), {file});  // rebuilt
  EXPECT_TRUE(cache.lookup(file, {}));
}

TEST(FactCache, ContentHash) {
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
  EXPECT_NE(content_hash("abc"), content_hash("abd"));
  EXPECT_EQ(content_hash("").size(), 64u);
  EXPECT_NE(default_cache_salt(), default_cache_salt("extra rules"));
}

// Field-by-field comparison. The structured bindings name every member: a field added to one of
// these types stops this file from compiling until it is compared here (and encoded, or the
// round trip below fails).
void expect_same_range(const std::optional<SourceRange>& expected,
                       const std::optional<SourceRange>& actual) {
  ASSERT_EQ(expected.has_value(), actual.has_value());
  if (!expected) return;
  const auto& [begin, end, offset, length] = *actual;
  EXPECT_EQ(begin, expected->begin);
  EXPECT_EQ(end, expected->end);
  EXPECT_EQ(offset, expected->offset);
  EXPECT_EQ(length, expected->length);
}

void expect_same_pieces(const std::vector<LiteralPiece>& expected,
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

void expect_same_fields(const std::vector<FormField>& expected,
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

void expect_same_call(const HttpCall& expected, const HttpCall& actual) {
  const auto& [location, method, url, base, base_is_elation, body, library, unresolved, chain,
               component, macro_chain] = actual;
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

void expect_same_condition(const BranchCondition& expected,
                           const BranchCondition& actual) {
  const auto& [function, parameter, test, values, holds, wrapper, parameter_name] = actual;
  EXPECT_EQ(function, expected.function);
  EXPECT_EQ(parameter, expected.parameter);
  EXPECT_EQ(test, expected.test);
  EXPECT_EQ(values, expected.values);
  EXPECT_EQ(holds, expected.holds);
  EXPECT_EQ(wrapper, expected.wrapper);
  EXPECT_EQ(parameter_name, expected.parameter_name);
}

void expect_same_wrappers(const UnitWrappers& expected,
                          const UnitWrappers& actual) {
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
    const auto& [callee, callee_name, caller, caller_name, location, macro_chain, arguments] =
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
  }
}

// Every field set to something other than its default, and the optional ones also left empty once.
UnitWrappers sample_wrappers(const std::string& file) {
  UnitWrappers wrappers;
  WrapperSummary get;
  get.function =
      "c:@S@ElationApi@F@call#&1$@N@std@S@basic_string>#C#$@N@std@S@char_traits>#C#$@N@std@S@"
      "allocator>#C#";
  get.name = "ElationApi::call";
  HttpCall& request = get.request;
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
  request.library = "cpp-httplib";
  request.unresolved.url = UnresolvedParts::Url::BuiltAtRunTime;
  request.unresolved.method = UnresolvedParts::Method::ChosenByParameter;
  request.unresolved.chooser = "ElationApi::call";
  request.unresolved.parameter = "method";
  request.chain.push_back({{file, 21, 5}, "through 'ElationApi::send'"});
  request.component = "reporting";
  request.macro_chain = {{file, 3, 9}, {file, 20, 14}};
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
  wrappers.call_sites.push_back(site);
  WrapperCallSite top_level;  // at namespace scope: no caller
  top_level.callee = "c:@F@elation_get#*1C#";
  top_level.callee_name = "elation_get";
  top_level.location = {file, 50, 1};
  wrappers.call_sites.push_back(top_level);
  return wrappers;
}

TEST(FactCache, RoundTripsWrapperDataEveryField) {
  TempDir dir;
  const std::string file = dir.write("a.cpp", "int x;\n");
  const UnitWrappers wrappers = sample_wrappers(file);
  expect_same_wrappers(wrappers, decode_wrappers(json::parse(encode_wrappers(wrappers).dump())));

  FactCache cache(cache_dir_in(dir), "salt", kKey);
  CachedUnit unit = sample_unit(file);
  unit.wrappers = wrappers;
  cache.store(file, {"-std=c++17"}, unit, {file});
  auto hit = cache.lookup(file, {"-std=c++17"});
  ASSERT_TRUE(hit);
  expect_same_wrappers(wrappers, hit->wrappers);
  ASSERT_EQ(hit->calls.size(), 1u);
  expect_same_call(unit.calls[0], hit->calls[0]);
}

TEST(FactCache, MalformedWrapperDataDoesNotDecode) {
  const json good = encode_wrappers(sample_wrappers("/p/a.cpp"));
  ASSERT_NO_THROW(decode_wrappers(good));
  // Each edit breaks one member; every one must throw, never decode to something else.
  const std::vector<std::pair<std::string, std::function<void(json&)>>> breakages = {
      {"not an object", [](json& j) { j = json::array(); }},
      {"no summaries", [](json& j) { j.erase("summaries"); }},
      {"summaries not an array", [](json& j) { j["summaries"] = json::object(); }},
      {"no call sites", [](json& j) { j.erase("call_sites"); }},
      {"summary without depth", [](json& j) { j["summaries"][0].erase("depth"); }},
      {"depth as text", [](json& j) { j["summaries"][0]["depth"] = "2"; }},
      {"method slot a number", [](json& j) { j["summaries"][0]["method_slot"] = 1; }},
      {"request without a location", [](json& j) { j["summaries"][0]["request"].erase("loc"); }},
      {"request without a macro chain",
       [](json& j) { j["summaries"][0]["request"].erase("macro"); }},
      {"conditions not an array", [](json& j) { j["summaries"][0]["conditions"] = "x"; }},
      {"unknown branch test", [](json& j) { j["summaries"][0]["conditions"][0]["test"] = 7; }},
      {"negative branch test", [](json& j) { j["summaries"][0]["conditions"][0]["test"] = -1; }},
      {"holds as a number", [](json& j) { j["summaries"][0]["conditions"][0]["holds"] = 1; }},
      {"condition values not strings",
       [](json& j) {
         j["summaries"][0]["conditions"][0]["values"] = {1, 2};
       }},
      {"no parameter name",
       [](json& j) { j["summaries"][0]["conditions"][0].erase("parameter_name"); }},
      {"call site without callee", [](json& j) { j["call_sites"][0].erase("callee"); }},
      {"bad call site location",
       [](json& j) {
         j["call_sites"][0]["loc"] = {"a.cpp", 1};
       }},
      {"call site macro chain not a list", [](json& j) { j["call_sites"][0]["macro"] = "a.cpp"; }},
      {"arguments not an array", [](json& j) { j["call_sites"][0]["arguments"] = json::object(); }},
      {"unknown method", [](json& j) { j["call_sites"][0]["arguments"][0]["method"] = "FETCH"; }},
      {"bad literal range",
       [](json& j) {
         j["call_sites"][0]["arguments"][0]["literal"] = {1, 2, 3};
       }},
      {"bad form field",
       [](json& j) {
         j["call_sites"][0]["arguments"][0]["fields"] = json::array({json::array({"scope"})});
       }},
      {"fields an object",
       [](json& j) { j["call_sites"][0]["arguments"][0]["fields"] = json::object(); }},
      {"argument text missing", [](json& j) { j["call_sites"][0]["arguments"][1].erase("text"); }},
  };
  for (const auto& [what, breakage] : breakages) {
    json broken = good;
    breakage(broken);
    EXPECT_ANY_THROW(decode_wrappers(broken)) << what;
  }
}

TEST(FactCache, EntryWithBrokenWrapperDataIsAMiss) {
  TempDir dir;
  const std::string file = dir.write("a.cpp", "int x;\n");
  const std::string cache_dir = cache_dir_in(dir);
  FactCache cache(cache_dir, "salt", kKey);
  CachedUnit unit = sample_unit(file);
  unit.wrappers = sample_wrappers(file);
  cache.store(file, {}, unit, {file});
  ASSERT_TRUE(cache.lookup(file, {}));
  for (const auto& path : entries_in(cache_dir)) {
    json stored = entry_json(path);
    write_signed_entry(path, stored);  // signed again unchanged: still a hit
    ASSERT_TRUE(cache.lookup(file, {}));
    stored["wrappers"]["call_sites"][0]["arguments"][0]["method"] = "FETCH";
    write_signed_entry(path, stored);
    EXPECT_FALSE(cache.lookup(file, {}));
    stored.erase("wrappers");  // an entry of the previous format, relabelled
    write_signed_entry(path, stored);
    EXPECT_FALSE(cache.lookup(file, {}));
  }
}

// Scans of a copy of fixtures/wrappers/wrapped_httplib (an ElationApi class over cpp-httplib,
// called from other files): each unit has wrapper summaries or call sites.
class WrappedProjectCache : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy(std::string(SCOPELINT_FIXTURES) + "/wrappers/wrapped_httplib",
                          project_.path(), std::filesystem::copy_options::recursive);
  }
  test::CommandResult scan() {
    return test::run_scopelint({"-v", "-j1", "--cache-dir", project_.path() + "/.cache-dir",
                                "--format=json", project_.path()});
  }
  // The units libclang parsed, from -v ("scopelint: FILE: N HTTP calls, T ms").
  static std::vector<std::string> parsed_units(const std::string& verbose_err) {
    std::vector<std::string> units;
    std::istringstream in(verbose_err);
    for (std::string line; std::getline(in, line);) {
      const size_t end = line.find(": ", 11);
      if (line.rfind("scopelint: ", 0) == 0 && line.find(" HTTP calls, ") != std::string::npos &&
          end != std::string::npos) {
        units.push_back(std::filesystem::path(line.substr(11, end - 11)).filename().string());
      }
    }
    std::sort(units.begin(), units.end());
    return units;
  }
  static std::vector<std::string> messages(const std::string& json_out) {
    std::vector<std::string> out;
    const json report = json::parse(json_out);
    for (const auto& finding : report.at("findings")) out.push_back(finding.at("message"));
    return out;
  }
  TempDir project_;
};

TEST_F(WrappedProjectCache, WarmRunParsesNothingAndFindsTheSame) {
  auto cold = scan();
  ASSERT_EQ(cold.exit_code, 1) << cold.err;
  EXPECT_EQ(parsed_units(cold.err),
            (std::vector<std::string>{"elation_api.cpp", "main.cpp", "patients.cpp"}))
      << cold.err;
  EXPECT_NE(cold.err.find("(3 parsed, 0 from the cache)"), std::string::npos) << cold.err;
  const auto found = messages(cold.out);
  ASSERT_EQ(found.size(), 2u) << cold.out;  // the fixture's two missing scopes, through the wrapper
  EXPECT_NE(found[0].find("system/medications.write"), std::string::npos) << found[0];
  EXPECT_NE(found[1].find("system/allergies.write"), std::string::npos) << found[1];

  auto warm = scan();
  EXPECT_EQ(parsed_units(warm.err), std::vector<std::string>{}) << warm.err;
  EXPECT_NE(warm.err.find("(0 parsed, 3 from the cache)"), std::string::npos) << warm.err;
  EXPECT_EQ(warm.out, cold.out);
  EXPECT_EQ(warm.exit_code, cold.exit_code);
}

TEST_F(WrappedProjectCache, EditedCallerIsTheOnlyUnitParsedAgain) {
  auto cold = scan();
  ASSERT_EQ(cold.exit_code, 1) << cold.err;
  // The caller now records a vital instead of an allergy: the wrapper (from the cache) composes
  // with the new call site, so the missing scope follows the edit.
  const std::string patients = project_.path() + "/patients.cpp";
  std::string text = test::read_text(patients);
  const size_t at = text.find("api.post(\"/allergies/\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("api.post(\"/allergies/\"").size(), "api.post(\"/vitals/\"");
  project_.write("patients.cpp", text);

  auto edited = scan();
  EXPECT_EQ(parsed_units(edited.err), std::vector<std::string>{"patients.cpp"}) << edited.err;
  EXPECT_NE(edited.err.find("(1 parsed, 2 from the cache)"), std::string::npos) << edited.err;
  const auto found = messages(edited.out);
  ASSERT_EQ(found.size(), 2u) << edited.out;
  EXPECT_NE(found[0].find("system/medications.write"), std::string::npos) << found[0];
  EXPECT_NE(found[1].find("POST /api/2.0/vitals/ needs scope 'system/vitals.write'"),
            std::string::npos)
      << found[1];
  EXPECT_EQ(edited.out.find("allergies"), std::string::npos) << edited.out;

  auto warm = scan();  // the edited unit was stored in turn
  EXPECT_EQ(parsed_units(warm.err), std::vector<std::string>{}) << warm.err;
  EXPECT_EQ(warm.out, edited.out);
}

}  // namespace
}  // namespace scopelint

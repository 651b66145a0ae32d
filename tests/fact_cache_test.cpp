// The fact cache: hits for unchanged units, misses for any change, corrupt entries ignored; wrapper
// data survives the round trip, so a project built on wrappers is not parsed again.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cache/fact_cache.h"
#include "facts_samples.h"
#include "test_support.h"
#include "util/file_io.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

using nlohmann::json;
using test::expect_same_call;
using test::expect_same_wrappers;
using test::sample_wrappers;
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
// of "scopelint-fact-cache-9\n" + JSON, a newline, the JSON).
json entry_json(const std::string& path) {
  const std::string bytes = read_file_or_throw(path);
  return json::parse(bytes.substr(bytes.find('\n') + 1));
}
void write_signed_entry(const std::string& path, const json& entry, const std::string& key = kKey) {
  const std::string text = entry.dump();
  const std::string mac = to_hex(hmac_sha256(key, "scopelint-fact-cache-9\n" + text));
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
         {"{not json", "{\"format\": \"scopelint-fact-cache-9\"}", "[]", "",
          "{\"format\":\"scopelint-fact-cache-9\",\"salt\":\"salt\",\"file\":\"x\"}"}) {
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

TEST(FactCache, RoundTripsWrapperDataEveryField) {
  TempDir dir;
  const std::string file = dir.write("a.cpp", "int x;\n");
  const UnitWrappers wrappers = sample_wrappers(file);
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

// The fact cache: hits for unchanged units, misses for any change, corrupt entries ignored.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cache/fact_cache.h"
#include "test_support.h"

namespace scopelint {
namespace {

using test::TempDir;

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
  FactCache cache(dir.path() + "/cache", "salt");
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
  EXPECT_EQ(hit->diagnostics.size(), 1u);
  EXPECT_EQ(hit->included, std::vector<std::string>{"/usr/include/x.h"});
}

TEST(FactCache, AnyChangeIsAMiss) {
  TempDir dir;
  std::string file = dir.write("a.cpp", "int x;\n");
  std::string header = dir.write("a.h", "int y;\n");
  FactCache cache(dir.path() + "/cache", "salt");
  cache.store(file, {"-DX"}, sample_unit(file), {file, header});
  EXPECT_FALSE(cache.lookup(file, {"-DY"}));                               // other flags
  EXPECT_FALSE(FactCache(dir.path() + "/cache", "other").lookup(file, {"-DX"}));  // other rules/version
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
  std::string cache_dir = dir.path() + "/cache";
  FactCache cache(cache_dir, "salt");
  cache.store(file, {}, sample_unit(file), {file});
  for (const auto& entry : std::filesystem::recursive_directory_iterator(cache_dir)) {
    if (!entry.is_regular_file()) continue;
    for (const char* junk : {"{not json", "{\"format\": \"scopelint-fact-cache-1\"}", "[]", "",
                             "{\"format\":\"scopelint-fact-cache-1\",\"salt\":\"salt\",\"file\":\"x\"}"}) {
      std::ofstream(entry.path()) << junk;
      EXPECT_FALSE(cache.lookup(file, {})) << junk;
    }
  }
  cache.store(file, {}, sample_unit(file), {file});  // rebuilt
  EXPECT_TRUE(cache.lookup(file, {}));
}

TEST(FactCache, ContentHash) {
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
  EXPECT_NE(content_hash("abc"), content_hash("abd"));
  EXPECT_EQ(content_hash("").size(), 32u);
  EXPECT_NE(default_cache_salt(), default_cache_salt("extra rules"));
}

}  // namespace
}  // namespace scopelint

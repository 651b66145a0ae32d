// -j: parallel scans give exactly the output of -j 1; the fact cache skips unchanged units and
// re-parses changed ones.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "test_support.h"

namespace scopelint {
namespace {

using test::run_scopelint;
using test::TempDir;

// A small C project: one token request and several units that make calls.
void write_project(const TempDir& dir, int units) {
  dir.write("api.h", "#define API \"https://app.elationemr.com/api/2.0\"\n");
  dir.write("token.c", R"(#include <curl/curl.h>
#include "api.h"
void token(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, API "/oauth2/token/");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "grant_type=client_credentials&scope=system/patients.read");
  curl_easy_perform(h);
}
)");
  const char* resources[] = {"allergies", "vitals", "problems", "patients", "medications", "appointments"};
  for (int i = 0; i < units; ++i) {
    std::string name = "unit" + std::to_string(i) + ".c";
    dir.write(name, std::string("#include <curl/curl.h>\n#include \"api.h\"\nvoid f") + std::to_string(i) +
                        "(CURL* h) {\n  curl_easy_setopt(h, CURLOPT_URL, API \"/" + resources[i % 6] +
                        "/\");\n  curl_easy_perform(h);\n}\n");
  }
}

size_t parsed_units(const std::string& verbose_err) {
  size_t count = 0;
  std::istringstream in(verbose_err);
  for (std::string line; std::getline(in, line);) count += line.find(" HTTP calls, ") != std::string::npos;
  return count;
}

TEST(ParallelScan, OutputIsIdenticalToOneJob) {
  TempDir dir;
  write_project(dir, 8);
  auto one = run_scopelint({"-j", "1", "--no-cache", "--format=json", dir.path()});
  auto two = run_scopelint({"-j2", "--no-cache", "--format=json", dir.path()});
  auto four = run_scopelint({"--jobs=4", "--no-cache", "--format=json", dir.path()});
  EXPECT_EQ(one.exit_code, 1) << one.err;
  EXPECT_NE(one.out.find("system/allergies.read"), std::string::npos);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.exit_code, four.exit_code);
}

TEST(ParallelScan, BadJobCountIsAUsageError) {
  auto result = run_scopelint({"-j", "many", "x.c"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("-j takes a number"), std::string::npos);
}

TEST(FactCacheScan, UnchangedUnitsAreNotParsedAgain) {
  TempDir dir;
  write_project(dir, 3);
  std::string cache = dir.path() + "/.cache-dir";
  auto cold = run_scopelint({"-v", "--cache-dir", cache, "--format=json", dir.path()});
  EXPECT_EQ(parsed_units(cold.err), 4u) << cold.err;
  auto warm = run_scopelint({"-v", "-j2", "--cache-dir", cache, "--format=json", dir.path()});
  EXPECT_EQ(parsed_units(warm.err), 0u) << warm.err;
  EXPECT_EQ(cold.out, warm.out);

  // One unit changes: only it is parsed again, and its new call is seen.
  dir.write("unit1.c", "#include <curl/curl.h>\n#include \"api.h\"\nvoid g(CURL* h) {\n"
                       "  curl_easy_setopt(h, CURLOPT_URL, API \"/letters/\");\n  curl_easy_perform(h);\n}\n");
  auto one_changed = run_scopelint({"-v", "--cache-dir", cache, "--format=json", dir.path()});
  EXPECT_EQ(parsed_units(one_changed.err), 1u) << one_changed.err;
  EXPECT_NE(one_changed.out.find("system/letters.read"), std::string::npos);

  // A header every unit includes changes: every unit is parsed again.
  dir.write("api.h", "#define API \"https://sandbox.elationemr.com/api/2.0\"\n");
  auto header_changed = run_scopelint({"-v", "--cache-dir", cache, "--format=json", dir.path()});
  EXPECT_EQ(parsed_units(header_changed.err), 4u) << header_changed.err;
}

TEST(FactCacheScan, NoCacheWritesNothing) {
  TempDir dir;
  write_project(dir, 1);
  std::string cache = dir.path() + "/.cache-dir";
  run_scopelint({"--no-cache", "--cache-dir", cache, dir.path()});
  EXPECT_FALSE(std::filesystem::exists(cache));
}

}  // namespace
}  // namespace scopelint

// Extraction: libcurl handle state per function: method inference, reset, several performs.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/driver/extractor.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

const char* const kSource = R"C(#include <curl/curl.h>
#define API "https://app.elationemr.com/api/2.0"
void sequence(CURL *h) {
  curl_easy_setopt(h, CURLOPT_URL, API "/oauth2/token/");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "grant_type=client_credentials&scope=system/patients.read");
  curl_easy_perform(h);
  curl_easy_perform(h);
  curl_easy_reset(h);
  curl_easy_setopt(h, CURLOPT_URL, API "/patients/");
  curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_URL, API "/patients/1/");
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "DELETE");
  curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, NULL);
  curl_easy_perform(h);
}
void methods(CURL *a, CURL *b) {
  curl_easy_setopt(a, CURLOPT_URL, API "/vitals/1/");
  curl_easy_setopt(b, CURLOPT_URL, API "/vitals/");
  curl_easy_setopt(a, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(b, CURLOPT_POST, 1L);
  curl_easy_perform(a);
  curl_easy_perform(b);
  curl_easy_setopt(b, CURLOPT_HTTPGET, 1L);
  curl_easy_perform(b);
}
void unknown_handle_state(CURL *h) {
  curl_easy_perform(h);
}
)C";

std::string describe(const HttpCall& call) {
  return std::to_string(call.location.line) + " " + (call.method ? std::string(to_string(*call.method)) : "?") +
         " " + call.url.value_or("<none>") + " body=" + std::to_string(static_cast<int>(call.body.kind)) +
         (call.body.raw ? " " + *call.body.raw : "");
}

TEST(ExtractLibcurlTest, HandleStateFollowsStatementOrder) {
  const fs::path dir = fs::temp_directory_path() / ("scopelint-libcurl-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "handles.c") << kSource;
  ExtractOptions options;
  options.paths = {(dir / "handles.c").string()};
  const ExtractResult result = extract_facts(options);
  fs::remove_all(dir);
  std::vector<std::string> calls;
  for (const auto& call : result.facts.calls) {
    EXPECT_EQ(call.library, "libcurl");
    calls.push_back(describe(call));
  }
  const std::vector<std::string> expected = {
      // Two performs with the same state are one request (same place, method and URL).
      "4 POST https://app.elationemr.com/api/2.0/oauth2/token/ body=3 "
      "grant_type=client_credentials&scope=system/patients.read",
      // After curl_easy_reset the handle starts over: GET, no body.
      "9 GET https://app.elationemr.com/api/2.0/patients/ body=0",
      // CURLOPT_CUSTOMREQUEST NULL gives the method back to the other options: NOBODY is HEAD.
      "11 HEAD https://app.elationemr.com/api/2.0/patients/1/ body=0",
      "11 DELETE https://app.elationemr.com/api/2.0/patients/1/ body=0",
      "19 PUT https://app.elationemr.com/api/2.0/vitals/1/ body=1",
      "20 GET https://app.elationemr.com/api/2.0/vitals/ body=0",
      "20 POST https://app.elationemr.com/api/2.0/vitals/ body=1",
      "29 GET <none> body=0",
  };
  EXPECT_EQ(calls, expected);
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.files_scanned, 1u);
}

}  // namespace
}  // namespace scopelint

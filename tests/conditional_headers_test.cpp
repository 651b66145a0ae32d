// Header lines appended only under a test of a parameter (`if (acting_user)` in a request helper)
// are sent only by the calls whose arguments pass the test (extract/resolve/appended_lists.cpp,
// extract/match/handle_matcher.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

std::vector<std::string> headers_of(const std::string& source, const std::string& name) {
  std::vector<std::string> out;
  for (const HttpCall& call : test::facts_of_source(source, name).calls) {
    std::string line = std::string(call.method ? to_string(*call.method) : "?") + " " + call.url.value_or("?") + ":";
    for (const std::string& header : call.headers) line += " " + header;
    out.push_back(line);
  }
  return out;
}

const char* const kRequestHelper = R"(#include <curl/curl.h>
#include <stdio.h>
static long request(CURL *h, const char *method, const char *url, const char *acting_user) {
  struct curl_slist *hdr = NULL;
  char obo[64];
  hdr = curl_slist_append(hdr, "Content-Type: application/json");
  if (acting_user) {
    snprintf(obo, sizeof obo, "X-On-Behalf-Of: %s", acting_user);
    hdr = curl_slist_append(hdr, obo);
  }
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
  return curl_easy_perform(h);
}
)";

TEST(ConditionalHeaders, AHeaderAddedForANonNullParameterIsSentOnlyByTheCallsThatPassOne) {
  const std::string source = std::string(kRequestHelper) + R"(int main(int argc, char **argv) {
  CURL *h = curl_easy_init();
  request(h, "GET", "https://app.elationemr.com/api/2.0/patients/", NULL);
  request(h, "POST", "https://app.elationemr.com/api/2.0/problems/", "42");
  request(h, "GET", "https://app.elationemr.com/api/2.0/vitals/", argv[1]);
  return 0;
}
)";
  // A run-time user may be null or not: the one call may carry the header.
  const std::vector<std::string> expected = {
      "GET https://app.elationemr.com/api/2.0/patients/: Content-Type",
      "POST https://app.elationemr.com/api/2.0/problems/: Content-Type X-On-Behalf-Of",
      "GET https://app.elationemr.com/api/2.0/vitals/: Content-Type X-On-Behalf-Of",
  };
  EXPECT_EQ(headers_of(source, "worker.c"), expected);
}

TEST(ConditionalHeaders, AnUnconditionalHeaderIsSentByEveryCall) {
  std::string source = kRequestHelper;
  source.replace(source.find("  if (acting_user) {"), std::string("  if (acting_user) {").size(), "  {");
  source += R"(int main(void) {
  CURL *h = curl_easy_init();
  request(h, "GET", "https://app.elationemr.com/api/2.0/patients/", NULL);
  return 0;
}
)";
  const std::vector<std::string> expected = {
      "GET https://app.elationemr.com/api/2.0/patients/: Content-Type X-On-Behalf-Of"};
  EXPECT_EQ(headers_of(source, "worker.c"), expected);
}

}  // namespace
}  // namespace scopelint

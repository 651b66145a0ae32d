// An API root known only at run time (classify/runtime_roots.h): a file whose token request goes
// to `<root>/oauth2/token/` makes its requests under that root to documented endpoints API calls.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "check_facts.h"
#include "classify/classify.h"
#include "source_scan.h"

namespace scopelint {
namespace {

HttpCall request(const char* method, const std::optional<std::string>& base, const std::string& url,
                 const std::string& file = "feed.cpp", unsigned line = 1) {
  HttpCall out;
  out.location = {file, line, 5};
  out.method = parse_http_method(method);
  out.base = base;
  out.url = url;
  return out;
}

// "METHOD path" of each API call and "token" for each token request.
std::vector<std::string> classified(const std::vector<HttpCall>& calls) {
  Facts facts;
  facts.calls = calls;
  const ClassifiedFacts out = classify(facts, default_catalog());
  std::vector<std::string> found;
  for (const auto& token : out.tokens) found.push_back("token " + token.location.file);
  for (const auto& api : out.calls) found.push_back(std::string(api.method ? to_string(*api.method) : "?") + " " + api.display_path);
  return found;
}

TEST(RuntimeRoots, ATokenRequestUnderARunTimeRootMakesItsDocumentedPathsApiCalls) {
  // A relative path on a run-time base (cpprestsdk's uri(root)), and "{}/path" glued by printf; an
  // absolute path on the base (another service's), an undocumented path, stay out.
  const std::vector<std::string> found = classified({
      request("POST", "{}", "oauth2/token/", "feed.cpp", 1),
      request("GET", "{}", "immunizations/?patient={}", "feed.cpp", 2),
      request("GET", "{}", "/iis/v2/persons/{}/immunizations", "feed.cpp", 3),
      request("GET", "{}", "status/", "feed.cpp", 4),
      request("POST", std::nullopt, "{}/oauth2/token/", "reminder.c", 1),
      request("GET", std::nullopt, "{}/api/2.0/appointments/?limit=50", "reminder.c", 2),
  });
  EXPECT_EQ(found, (std::vector<std::string>{"token feed.cpp", "token reminder.c", "GET /api/2.0/immunizations/",
                                             "GET /api/2.0/appointments/"}));
}

TEST(RuntimeRoots, ATokenRequestRelativeToAKnownBaseMakesRelativePathsOnARunTimeBaseApiCalls) {
  // The token request's client has a known base; the other client's base was not worked out, but
  // the file writes its paths relative to the API's root.
  const std::vector<std::string> found = classified({
      request("POST", "https://sandbox.elationemr.com/api/2.0/", "oauth2/token/", "center.cpp", 1),
      request("GET", "{}", "message_threads/?patient={}", "center.cpp", 2),
      request("GET", "{}", "/v1/sms", "center.cpp", 3),
  });
  EXPECT_EQ(found, (std::vector<std::string>{"token center.cpp", "GET /api/2.0/message_threads/"}));
}

TEST(RuntimeRoots, WithoutSuchATokenRequestARunTimeRootIsNotTheApis) {
  // No token request, one to a root without the trailing slash Elation's has (another provider's
  // `oauth2/token`), or a site whose other alternative already is the API's.
  const std::vector<std::string> found = classified({
      request("GET", "{}", "patients/", "a.cpp", 1),
      request("POST", std::nullopt, "{}/oauth2/token", "b.cpp", 1),
      request("GET", std::nullopt, "{}/patients/", "b.cpp", 2),
      request("POST", std::nullopt, "https://app.elationemr.com/api/2.0/oauth2/token/", "c.c", 1),
      request("POST", std::nullopt, "{}/oauth2/token/", "c.c", 1),
      request("GET", std::nullopt, "{}/patients/", "c.c", 2),
  });
  EXPECT_EQ(found, (std::vector<std::string>{"token c.c"}));
}

TEST(RuntimeRoots, AClientProgramWithItsRootFromTheEnvironmentIsJudged) {
  const Facts facts = test::facts_of_source(R"(#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
static void post(CURL *h, const char *url, const char *body) {
  curl_easy_setopt(h, CURLOPT_URL, url);
  if (body) curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
  curl_easy_perform(h);
}
int main(void) {
  const char *root = getenv("ELATION_ROOT");
  char url[512];
  CURL *h = curl_easy_init();
  snprintf(url, sizeof url, "%s/oauth2/token/", root);
  post(h, url, "grant_type=client_credentials&scope=system/patients.read%20system/vitals.read");
  snprintf(url, sizeof url, "%s/patients/", root);
  post(h, url, NULL);
  return 0;
}
)",
                                            "sync.c");
  EXPECT_EQ(check_facts::unused_scopes(facts), (std::vector<std::string>{"system/vitals.read"}));
}

}  // namespace
}  // namespace scopelint

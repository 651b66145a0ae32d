// Elements picked by index and loops that count through a container (extract/resolve/index_loops.cpp):
// `kPaths[1]`, and a scope joined by `for (size_t i = 0; i < kScopes.size(); ++i)` run once per index.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "check_facts.h"
#include "checks/checks.h"
#include "source_scan.h"

namespace scopelint {
namespace {

std::vector<std::string> unused_scopes(const std::string& source) {
  return check_facts::unused_scopes(test::facts_of_source(source));
}

TEST(IndexLoops, AScopeJoinedByACountingLoopIsKnown) {
  // std::array with size(), a C array with sizeof, the separator under `i > 0` and `i + 1 < n`.
  const std::string source = R"(#include <httplib.h>
#include <array>
#include <string>
static constexpr std::array<const char*, 2> kScopes{{"system/patients.read", "system/practices.read"}};
static const char* const kCScopes[] = {"system/vitals.read", "system/problems.read"};
int main() {
  httplib::Client cli("https://app.elationemr.com");
  std::string scope;
  for (std::size_t i = 0; i < kScopes.size(); ++i) {
    if (i > 0) scope += " ";
    scope += kScopes[i];
  }
  const int n = sizeof kCScopes / sizeof kCScopes[0];
  for (int i = 0; i < n; i++) {
    scope += i ? "" : " ";
    scope += kCScopes[i];
    if (i + 1 < n) scope += ' ';
  }
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/patients/");
  cli.Get("/api/2.0/vitals/");
}
)";
  EXPECT_EQ(unused_scopes(source), (std::vector<std::string>{"system/practices.read", "system/problems.read"}));
}

TEST(IndexLoops, ALoopWhoseBoundIsNotKnownLeavesTheScopeUnknown) {
  const std::string source = R"(#include <httplib.h>
#include <string>
#include <vector>
int main(int argc, char** argv) {
  httplib::Client cli("https://app.elationemr.com");
  std::string scope;
  for (int i = 1; i < argc; ++i) scope += std::string(argv[i]) + " ";
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/patients/");
}
)";
  EXPECT_TRUE(unused_scopes(source).empty());
}

TEST(IndexLoops, ASubscriptOfAConstantSequenceIsItsElementAndAMapKeyIsNot) {
  const std::vector<std::string> urls = test::urls_of(R"(#include <httplib.h>
#include <map>
#include <string>
#include <vector>
static const char* const kPaths[] = {"/api/2.0/patients/", "/api/2.0/vitals/"};
int main() {
  httplib::Client cli("https://app.elationemr.com");
  const std::vector<std::string> more = {"/api/2.0/problems/", "/api/2.0/allergies/"};
  std::map<int, std::string> by_id = {{0, "/api/2.0/letters/"}};
  cli.Get(kPaths[1]);
  cli.Get(more.at(0));
  cli.Get(by_id[0]);
}
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"10 /api/2.0/vitals/", "11 /api/2.0/problems/", "12 <none>"}));
}

TEST(IndexLoops, AMemberOfAnElementPickedByTheCounterIsThatElementsMember) {
  // A local vector read in the loop's test and body (reads change nothing), a table of structs.
  const std::string source = R"(#include <httplib.h>
#include <string>
#include <vector>
struct Resource { std::string name; std::string file; };
static const std::vector<Resource> kResources = {{"patients", "p.json"}, {"vitals", "v.json"}};
int main() {
  httplib::Client cli("https://app.elationemr.com");
  const std::vector<std::string> extra = {"system/problems.read", "system/letters.read"};
  std::string scope;
  for (size_t i = 0; i < kResources.size(); ++i) scope += (i ? " system/" : "system/") + kResources[i].name + ".read";
  for (std::size_t i = 0; i < extra.size(); ++i) scope += " " + extra[i];
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope}};
  cli.Post("/api/2.0/oauth2/token/", form);
  for (const Resource& r : kResources) cli.Get("/api/2.0/" + r.name + "/");
  cli.Get("/api/2.0/problems/");
}
)";
  EXPECT_EQ(unused_scopes(source), (std::vector<std::string>{"system/letters.read"}));
}

TEST(IndexLoops, ACNinetyCounterFillingABufferWithStrcat) {
  const Facts facts = test::facts_of_source(R"(#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
static const char *const kScopes[] = {"system/vitals.read", "system/problems.read"};
void token(CURL *h) {
  char scope[128] = "", form[256];
  size_t i;
  for (i = 0; i < sizeof kScopes / sizeof kScopes[0]; ++i) {
    if (i > 0) strcat(scope, "+");
    strcat(scope, kScopes[i]);
  }
  snprintf(form, sizeof form, "grant_type=client_credentials&scope=%s", scope);
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/oauth2/token/");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, form);
  curl_easy_perform(h);
}
)", "token.c");
  ASSERT_EQ(facts.calls.size(), 1u);
  EXPECT_EQ(facts.calls[0].body.raw.value_or("?"),
            "grant_type=client_credentials&scope=system/vitals.read+system/problems.read");
}

}  // namespace
}  // namespace scopelint

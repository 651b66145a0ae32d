// The same values written the other ways client code writes them: literal suffixes, an iterator
// moved by `+ 1`, a setting tested by `v && *v` and converted, C's NULL starting a header list,
// Poco::URI set piece by piece.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "check_facts.h"
#include "source_scan.h"

namespace scopelint {
namespace {

using test::urls_of;

TEST(WrittenForms, LiteralSuffixesAndAnIteratorMovedByPlusOne) {
  const std::string source = R"(#include <httplib.h>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>
using namespace std::literals;
int main() {
  httplib::Client cli("https://app.elationemr.com");
  std::string scope;
  for (std::string_view s : {"system/problems.read"sv, "system/vitals.read"sv}) { scope += s; scope += ' '; }
  const std::vector<std::string> more = {"system/patients.read", "system/letters.read"};
  scope += std::accumulate(more.begin() + 1, more.end(), more.front(),
                           [](const std::string& a, const std::string& b) { return a + " " + b; });
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/"s + "patients/");
  cli.Get("/api/2.0/problems/");
}
)";
  EXPECT_EQ(check_facts::unused_scopes(test::facts_of_source(source)),
            (std::vector<std::string>{"system/letters.read", "system/vitals.read"}));
}

TEST(WrittenForms, ASettingTestedBySeveralPartsAndConvertedIsItsDefault) {
  const std::string source = R"(#include <httplib.h>
#include <cstdlib>
#include <string>
std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}
int main() {
  httplib::Client cli(env_or("ELATION_HOST", "https://app.elationemr.com"));
  cli.Get(env_or("ELATION_PREFIX", "/api/2.0") + "/patients/");
}
)";
  EXPECT_EQ(urls_of(source), (std::vector<std::string>{"10 /api/2.0/patients/"}));
}

TEST(WrittenForms, CsNullStartsAnEmptyHeaderList) {
  const Facts facts = test::facts_of_source(R"(#include <curl/curl.h>
int main(void) {
  CURL *c = curl_easy_init();
  struct curl_slist *hdrs = NULL;
  hdrs = curl_slist_append(hdrs, "Accept: application/json");
  curl_easy_setopt(c, CURLOPT_URL, "https://app.elationemr.com/api/2.0/reports/");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_perform(c);
  return 0;
}
)",
                                            "report.c");
  ASSERT_EQ(facts.calls.size(), 1u);
  EXPECT_FALSE(facts.calls[0].headers_unknown);
  EXPECT_EQ(facts.calls[0].headers, (std::vector<std::string>{"Accept"}));  // header names
}

TEST(WrittenForms, APocoUriSetPieceByPiece) {
  // setPath on a base URI, query parameters added in a loop over run-time values: the path stays.
  const std::string source = R"(#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>
#include <map>
#include <string>
void list(Poco::Net::HTTPSClientSession& s, const std::map<std::string, std::string>& filters) {
  Poco::URI base("https://app.elationemr.com/api/2.0");
  Poco::URI uri(base);
  uri.setPath(base.getPath() + "/imaging_centers/");
  for (const auto& f : filters) uri.addQueryParameter(f.first, f.second);
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery());
  s.sendRequest(req);
}
)";
  EXPECT_EQ(urls_of(source), (std::vector<std::string>{"11 /api/2.0/imaging_centers/?{}"}));
}

TEST(WrittenForms, ACurlHandleSetUpByAHelperAndReturned) {
  // prepare() sets the URL from its parameters and returns the handle; each caller performs it.
  const std::string source = R"(#include <curl/curl.h>
#include <stdio.h>
#define BASE "https://app.elationemr.com/api/2.0"
static CURL *prepare(const char *path) {
  char url[512];
  CURL *h = curl_easy_init();
  snprintf(url, sizeof url, "%s%s", BASE, path);
  curl_easy_setopt(h, CURLOPT_URL, url);
  return h;
}
static void get(const char *path) {
  CURL *h = prepare(path);
  curl_easy_perform(h);
}
static void post(const char *path, const char *json) {
  CURL *h = prepare(path);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
  curl_easy_perform(h);
}
int main(void) {
  get("/medication_refills/");
  post("/discontinued_medications/", "{}");
  return 0;
}
)";
  std::vector<std::string> calls;
  for (const auto& call : test::facts_of_source(source, "refills.c").calls) {
    calls.push_back(std::string(call.method ? std::string(to_string(*call.method)) : "?") + " " + call.url.value_or("<none>"));
  }
  EXPECT_EQ(calls, (std::vector<std::string>{"GET https://app.elationemr.com/api/2.0/medication_refills/",
                                             "POST https://app.elationemr.com/api/2.0/discontinued_medications/"}));
}

TEST(WrittenForms, ScopesInsertedIntoASetOrAtAnEnd) {
  // set::insert and emplace, vector::insert at end() and at begin().
  const std::string source = R"(#include <httplib.h>
#include <set>
#include <string>
#include <vector>
int main(int argc, char**) {
  httplib::Client cli("https://app.elationemr.com");
  std::set<std::string> scopes{"system/problems.read"};
  scopes.insert("system/family_histories.read");
  if (argc > 1) scopes.emplace("system/problems.write");
  std::vector<std::string> more{"system/vitals.read"};
  more.insert(more.end(), "system/letters.read");
  more.insert(more.begin(), "system/patients.read");
  std::string scope;
  for (const auto& s : scopes) scope += s + " ";
  for (const auto& s : more) scope += s + " ";
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/problems/");
  cli.Patch("/api/2.0/problems/1/", "{}", "application/json");
  cli.Get("/api/2.0/vitals/");
  cli.Get("/api/2.0/patients/");
}
)";
  EXPECT_EQ(check_facts::unused_scopes(test::facts_of_source(source)),
            (std::vector<std::string>{"system/family_histories.read", "system/letters.read"}));
}

TEST(WrittenForms, ALibraryMethodConstantCopiedIntoAStringOrAField) {
  // Poco's HTTPRequest::HTTP_GET is declared without its value: copied, it is still "GET".
  const Facts facts = test::facts_of_source(R"(#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <string>
using Poco::Net::HTTPRequest;
struct ApiRequest { std::string method; std::string path; };
void dispatch(const ApiRequest& r) {
  Poco::Net::HTTPSClientSession session("app.elationemr.com");
  HTTPRequest req(r.method, "/api/2.0" + r.path, HTTPRequest::HTTP_1_1);
  session.sendRequest(req);
}
void copied() {
  Poco::Net::HTTPSClientSession session("app.elationemr.com");
  const std::string m = HTTPRequest::HTTP_DELETE;
  HTTPRequest req(m, "/api/2.0/letters/1/");
  session.sendRequest(req);
}
int main() { dispatch({HTTPRequest::HTTP_GET, "/problems/"}); }
)");
  std::vector<std::string> calls;
  for (const auto& call : facts.calls) {
    calls.push_back(std::to_string(call.location.line) + " " + (call.method ? std::string(to_string(*call.method)) : "?") +
                    " " + call.url.value_or("<none>"));
  }
  EXPECT_EQ(calls, (std::vector<std::string>{"8 GET /api/2.0/problems/", "14 DELETE /api/2.0/letters/1/"}));
}

TEST(WrittenForms, AnIteratorLoopOverKnownScopes) {
  // for (auto it = c.begin(); it != c.end(); ++it) over a set and a vector, reading `*it`, with
  // the separator left out on the first run (`it == c.begin() ? "" : " "`).
  const std::string source = R"(#include <httplib.h>
#include <set>
#include <sstream>
#include <string>
#include <vector>
const std::set<std::string> kScopes = {"system/medications.read", "system/medications.write"};
int main() {
  httplib::Client cli("https://app.elationemr.com");
  std::ostringstream scope;
  for (auto it = kScopes.begin(); it != kScopes.end(); ++it) scope << (it == kScopes.begin() ? "" : " ") << *it;
  const std::vector<std::string> more{"system/patients.read"};
  for (std::vector<std::string>::const_iterator it = more.cbegin(); it != more.cend(); it++) scope << " " << *it;
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope.str()}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/patients/");
  cli.Get("/api/2.0/medications/");
}
)";
  const Facts facts = test::facts_of_source(source);
  ASSERT_FALSE(facts.calls.empty());
  std::optional<std::string> scope;
  for (const auto& field : facts.calls.front().body.fields) {
    if (field.key == "scope") scope = field.value;
  }
  EXPECT_EQ(scope, "system/medications.read system/medications.write system/patients.read");
  EXPECT_EQ(check_facts::unused_scopes(facts), (std::vector<std::string>{"system/medications.write"}));
}

}  // namespace
}  // namespace scopelint

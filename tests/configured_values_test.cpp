// Values set up the way configuration is (extract/resolve/configured_values.cpp): a global that
// one function sets (an API root read in main), a setting with a default for when it is unset.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

using test::urls_of;

const char* const kCurlGet = R"(#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
static void get(const char *path);
)";

TEST(ConfiguredValues, AGlobalSetInMainFromTheEnvironmentWithADefaultIsTheDefault) {
  const std::string source = std::string(kCurlGet) + R"(static const char *g_base;
static void get(const char *path) {
  char url[256];
  CURL *h = curl_easy_init();
  snprintf(url, sizeof url, "%s%s", g_base, path);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
}
int main(void) {
  g_base = getenv("ELATION_API_BASE");
  if (!g_base) g_base = "https://app.elationemr.com/api/2.0";
  get("/patients/");
  return 0;
}
)";
  const std::vector<std::string> expected = {"16 https://app.elationemr.com/api/2.0/patients/"};
  EXPECT_EQ(urls_of(source, "export.c"), expected);
}

TEST(ConfiguredValues, AnUnsetTestWrittenOtherwiseIsADefaultToo) {
  for (const char* test : {"g_base == NULL", "!g_base || !*g_base", "(g_base == NULL) || g_base[0] == '\\0'",
                           "NULL == g_base"}) {
    const std::string source = std::string(kCurlGet) + R"(static const char *g_base = NULL;
static void get(const char *path) {
  char url[256];
  CURL *h = curl_easy_init();
  snprintf(url, sizeof url, "%s%s", g_base, path);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
}
int main(void) {
  g_base = getenv("ELATION_API_BASE");
  if ()" + test + R"() {
    g_base = "https://sandbox.elationemr.com/api/2.0";
  }
  get("/problems/");
  return 0;
}
)";
    const std::vector<std::string> expected = {"18 https://sandbox.elationemr.com/api/2.0/problems/"};
    EXPECT_EQ(urls_of(source, "export.c"), expected) << test;
  }
}

TEST(ConfiguredValues, ABranchThatDoesNotTestTheSettingIsNoDefault) {
  // The environment's value or a sandbox host, by a flag: still a run-time value.
  const std::string source = std::string(kCurlGet) + R"(static const char *g_base;
static void get(const char *path) {
  char url[256];
  CURL *h = curl_easy_init();
  snprintf(url, sizeof url, "%s%s", g_base, path);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
}
int main(int argc, char **argv) {
  g_base = getenv("ELATION_API_BASE");
  if (argc > 2) g_base = "https://sandbox.elationemr.com/api/2.0";
  get("/api/2.0/patients/");
  return 0;
}
)";
  const std::vector<std::string> expected = {"16 {}/api/2.0/patients/"};
  EXPECT_EQ(urls_of(source, "export.c"), expected);
}

TEST(ConfiguredValues, AGlobalIsWhatItsOneSetterLeavesOrWhatItSetsBeforeAUseInside) {
  const std::string source = R"(#include <httplib.h>
#include <string>
std::string g_root;
void configure(bool sandbox) {
  g_root = "/api/2.0";
}
void sync(httplib::Client& cli) { cli.Get(g_root + "/patients/"); }
int main() {
  httplib::Client cli("https://app.elationemr.com");
  configure(false);
  sync(cli);
}
)";
  const std::vector<std::string> expected = {"7 /api/2.0/patients/"};
  EXPECT_EQ(urls_of(source), expected);

  const std::string inside = R"(#include <httplib.h>
#include <string>
std::string g_root;
int main() {
  httplib::Client cli("https://app.elationemr.com");
  g_root = "/api/2.0/patients/";
  cli.Get(g_root);
  g_root = "/api/2.0/problems/";
  cli.Get(g_root);
}
)";
  const std::vector<std::string> in_order = {"7 /api/2.0/patients/", "9 /api/2.0/problems/"};
  EXPECT_EQ(urls_of(inside), in_order);
}

TEST(ConfiguredValues, AGlobalChangedInTwoFunctionsIsARunTimeValue) {
  const std::string source = R"(#include <httplib.h>
#include <string>
std::string g_root;
void use_production() { g_root = "/api/2.0"; }
void use_mock() { g_root = "/mock"; }
void sync(httplib::Client& cli) { cli.Get(g_root + "/patients/"); }
int main() {
  httplib::Client cli("https://app.elationemr.com");
  use_production();
  sync(cli);
}
)";
  const std::vector<std::string> expected = {"6 {}/patients/"};
  EXPECT_EQ(urls_of(source), expected);
}

TEST(ConfiguredValues, AnEmptySettingReplacedByADefaultIsTheDefault) {
  const std::string source = R"(#include <httplib.h>
#include <cstdlib>
#include <string>
int main() {
  const char* env = std::getenv("ELATION_HOST");
  std::string host = env ? env : "";
  if (host.empty()) host = "https://app.elationemr.com";
  httplib::Client cli(host);
  cli.Get("/api/2.0/patients/");
  const char* root = std::getenv("ELATION_ROOT") ? std::getenv("ELATION_ROOT") : "/api/2.0";
  cli.Get(std::string(root) + "/problems/");
}
)";
  const std::vector<std::string> expected = {"9 /api/2.0/patients/", "11 /api/2.0/problems/"};
  EXPECT_EQ(urls_of(source), expected);
}

TEST(ConfiguredValues, AStructMemberAssignedInMainIsThatValueInEveryFunction) {
  const std::string source = R"(#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
typedef struct { const char *base; CURL *curl; } worker_t;
static void get(worker_t *w, const char *path) {
  char url[256];
  snprintf(url, sizeof url, "%s%s", w->base, path);
  curl_easy_setopt(w->curl, CURLOPT_URL, url);
  curl_easy_perform(w->curl);
}
int main(void) {
  worker_t w = {0};
  const char *base = getenv("ELATION_API_BASE");
  w.base = base ? base : "https://sandbox.elationemr.com/api/2.0";
  w.curl = curl_easy_init();
  get(&w, "/medications/");
  return 0;
}
)";
  const std::vector<std::string> expected = {"16 https://sandbox.elationemr.com/api/2.0/medications/"};
  EXPECT_EQ(urls_of(source, "worker.c"), expected);
}

TEST(ConfiguredValues, AMemberAppendedToIsARunTimeValue) {
  const std::string source = R"(#include <httplib.h>
#include <string>
struct Config { std::string root; };
void sync(httplib::Client& cli, const Config& c) { cli.Get(c.root + "/patients/"); }
int main(int argc, char** argv) {
  httplib::Client cli("https://app.elationemr.com");
  Config c;
  c.root = "/api/2.0";
  c.root += argv[1];
  sync(cli, c);
}
)";
  const std::vector<std::string> expected = {"4 {}/patients/"};
  EXPECT_EQ(urls_of(source), expected);
}

TEST(ConfiguredValues, AMemberSetByABracedInitializerIsThatValueWhereverTheObjectGoes) {
  // Positional and designated; a table of them gives each entry; `{0}` leaves the member unset.
  const std::string source = R"(#include <httplib.h>
#include <array>
#include <string>
struct Config { std::string root; int port; };
struct Endpoint { const char* name; const char* path; };
static constexpr std::array<Endpoint, 2> kEndpoints{{{"patients", "/patients/"}, {"vitals", "/vitals/"}}};
class Client {
 public:
  explicit Client(Config c) : cfg_(std::move(c)) {}
  void sync(httplib::Client& cli) {
    for (const auto& e : kEndpoints) cli.Get(cfg_.root + e.path);
  }
  Config cfg_;
};
int main() {
  httplib::Client cli("https://app.elationemr.com");
  Config cfg{"/api/2.0", 443};
  Client(cfg).sync(cli);
}
)";
  const std::vector<std::string> expected = {"11 /api/2.0/patients/", "11 /api/2.0/vitals/"};
  EXPECT_EQ(urls_of(source), expected);

  const std::string designated = R"(#include <curl/curl.h>
#include <stdio.h>
struct api { const char *base; long timeout; };
static void get(const struct api *a, const char *path) {
  char url[256];
  CURL *h = curl_easy_init();
  snprintf(url, sizeof url, "%s%s", a->base, path);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
}
int main(void) {
  struct api unset = {0};
  struct api a = {.timeout = 30, .base = "https://app.elationemr.com/api/2.0"};
  get(&a, "/problems/");
  return 0;
}
)";
  const std::vector<std::string> in_c = {"14 https://app.elationemr.com/api/2.0/problems/"};
  EXPECT_EQ(urls_of(designated, "client.c"), in_c);
}

TEST(ConfiguredValues, AStringHandedOnToBeChangedIsARunTimeValue) {
  // An out-parameter is filled by its function; a copy into an ostream_iterator writes each
  // element and its delimiter (ScopeJoins.CopyIntoAnOstreamIterator).
  const std::string source = R"(#include <httplib.h>
#include <algorithm>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>
void fill(std::string& out);
std::string joined(const std::vector<std::string>& v) {
  std::ostringstream out;
  std::copy(v.begin(), v.end(), std::ostream_iterator<std::string>(out, " "));
  return out.str();
}
int main() {
  httplib::Client cli("https://app.elationemr.com");
  std::string path = "/api/2.0/patients/";
  fill(path);
  cli.Get(path);
  cli.Get("/api/2.0/" + joined({"a", "b"}));
}
)";
  const std::vector<std::string> expected = {"17 <none>", "18 /api/2.0/a b "};
  EXPECT_EQ(urls_of(source), expected);
}

TEST(ConfiguredValues, AnInitializerIsReadWhereTheVariableIsDeclared) {
  // `curl_free(scopes)` after the body is made does not change the body.
  const Facts facts = test::facts_of_source(R"(#include <curl/curl.h>
#include <string>
void token(CURL* h) {
  char* scopes = curl_easy_escape(h, "system/patients.read", 0);
  std::string body = std::string("grant_type=client_credentials&scope=") + scopes;
  curl_free(scopes);
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/oauth2/token/");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
}
)");
  ASSERT_EQ(facts.calls.size(), 1u);
  EXPECT_EQ(facts.calls[0].body.raw.value_or("?"), "grant_type=client_credentials&scope=system%2Fpatients.read");
}

TEST(ConfiguredValues, APagesNextLinkIsTheSameEndpointAndOtherReassignmentsAreNot) {
  const std::string source = R"(#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>
std::string link(const std::string& body);
int main() {
  httplib::Client cli("https://app.elationemr.com");
  std::string url = "/api/2.0/patients/?limit=50";
  while (!url.empty()) {
    auto res = cli.Get(url);
    auto page = nlohmann::json::parse(res->body);
    url = page["next"].is_string() ? page["next"].get<std::string>() : "";
  }
  std::string other = "/api/2.0/vitals/";
  for (int i = 0; i < 3; ++i) {
    cli.Get(other);
    other = link(other);
  }
}
)";
  const std::vector<std::string> expected = {"9 /api/2.0/patients/?limit=50", "15 <none>"};
  EXPECT_EQ(urls_of(source), expected);
}

}  // namespace
}  // namespace scopelint

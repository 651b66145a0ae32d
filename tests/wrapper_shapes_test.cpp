// Shapes of client code found by the held-out corpus (bench/heldout): a client handed in by the
// caller (also twice), a request variable made by a helper, a token form through a perform(url, body) wrapper,
// a URL variable changed later in a loop, a branch a caller decides beside a constructor's host,
// a lambda kept in a std::function member, a scope list joined by a helper it is handed to.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "check_facts.h"
#include "checks/checks.h"
#include "source_scan.h"

namespace scopelint {
namespace {

using test::facts_of_source;
using test::urls_of;

// "<line> <METHOD> <url>" of each call found in `source`.
std::vector<std::string> requests_of(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& call : facts_of_source(source).calls) {
    out.push_back(std::to_string(call.location.line) + " " + (call.method ? std::string(to_string(*call.method)) : std::string("?")) + " " +
                  call.base.value_or("") + call.url.value_or("<none>"));
  }
  return out;
}

const char* const kCpprest = R"(#include <cpprest/http_client.h>
using namespace web::http;
using namespace web::http::client;
)";

TEST(WrapperShapes, AClientHandedInTakesTheCallersBase) {
  // get_token() sends a relative path on the caller's client: the base decides the endpoint, so
  // the request is the caller's, with its client's base. list() sends an absolute path: the
  // request stays where it is made, on a host known at run time.
  const std::vector<std::string> expected = {
      "8 GET {}/api/2.0/letters/",
      "11 POST https://app.elationemr.com/api/2.0/oauth2/token/",
  };
  EXPECT_EQ(requests_of(std::string(kCpprest) + R"(void get_token(http_client& c) {
  c.request(methods::POST, U("oauth2/token/"), U("grant_type=client_credentials&scope=system/letters.read"),
            U("application/x-www-form-urlencoded")).wait();
}
void list(http_client& c) { c.request(methods::GET, U("/api/2.0/letters/")).wait(); }
int main() {
  http_client client(U("https://app.elationemr.com/api/2.0/"));
  get_token(client);
  list(client);
}
)"),
            expected);
}

TEST(WrapperShapes, AClientHandedOnTwiceKeepsItsBaseForEachCall) {
  // Handed by non-const reference, the client is not changed: the second call has the base too.
  EXPECT_EQ(requests_of(std::string(kCpprest) + R"(void get(http_client& c, const utility::string_t& path) { c.request(methods::GET, path).wait(); }
int main() {
  http_client c(U("https://app.elationemr.com/api/2.0"));
  get(c, U("bills/"));
  get(c, U("patients/"));
}
)"),
            (std::vector<std::string>{"7 GET https://app.elationemr.com/api/2.0bills/",
                                      "8 GET https://app.elationemr.com/api/2.0patients/"}));
}

TEST(WrapperShapes, ARequestVariableMadeByAHelperKeepsTheCallersMethodAndUrl) {
  // Each where its URL is given to the helper.
  const std::vector<std::string> expected = {"12 PUT {}/api/2.0/handouts/{}/", "14 POST {}/api/2.0/handouts/"};
  EXPECT_EQ(requests_of(std::string(kCpprest) + R"(#include <string>
http_request as_user(const method& m, const utility::string_t& path) {
  http_request req(m);
  req.set_request_uri(path);
  req.headers().add(U("Authorization"), U("Bearer x"));
  return req;
}
void save(http_client& c, int id) {
  http_request update = as_user(methods::PUT, U("/api/2.0/handouts/") + utility::conversions::to_string_t(std::to_string(id)) + U("/"));
  update.set_body(U("{}"));
  http_request create = as_user(methods::POST, U("/api/2.0/handouts/"));
  create.set_body(U("{}"));
  c.request(update).wait();
  c.request(create).wait();
}
int main() {
  http_client client(U("https://app.elationemr.com"));
  save(client, 3);
}
)"),
            expected);
}

TEST(WrapperShapes, ATokenFormThroughAPerformWrapperSendsItsScope) {
  // `if (!body.empty())` is decided by the text around the caller's parameter: not empty.
  const Facts facts = facts_of_source(R"(#include <curl/curl.h>
#include <string>
static CURL* h = curl_easy_init();
static void perform(const std::string& url, const std::string& body) {
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  if (!body.empty()) curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
}
static void login(const std::string& id) {
  perform("https://app.elationemr.com/api/2.0/oauth2/token/",
          "grant_type=client_credentials&client_id=" + id + "&scope=system/medications.read");
}
int main(int, char** argv) {
  login(argv[1]);
  perform("https://app.elationemr.com/api/2.0/medications/", "");
}
)");
  const auto findings = run_checks(facts, default_catalog());
  EXPECT_TRUE(check_facts::of_rule(findings, "global-scope").empty());
  EXPECT_TRUE(check_facts::of_rule(findings, "missing-scope").empty());
  EXPECT_TRUE(check_facts::of_rule(findings, "unused-scope").empty());
}

TEST(WrapperShapes, AUrlChangedLaterInALoopHasThatValueToo) {
  // The next link is a run-time value, so the URL is; a known reassignment is one more request.
  const std::vector<std::string> expected = {"7 <none>", "12 https://app.elationemr.com/api/2.0/patients/",
                                             "12 https://app.elationemr.com/api/2.0/physicians/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
void pages(httplib::Client& cli) {
  httplib::Headers h;
  std::string target = "https://app.elationemr.com/api/2.0/physicians/";
  while (!target.empty()) {
    auto res = cli.Get(target, h);
    target = res ? res->body : "";
  }
  std::string url = "https://app.elationemr.com/api/2.0/physicians/";
  for (int i = 0; i < 2; ++i) {
    cli.Get(url, h);
    url = "https://app.elationemr.com/api/2.0/patients/";
  }
}
)"),
            expected);
}

TEST(WrapperShapes, ABranchACallerDecidesComesBeforeAConstructorsHost) {
  // cli_'s host comes from the constructor; the path from submit()'s kind: each call of submit()
  // is one request, and the host stays a run-time value.
  const std::vector<std::string> expected = {"20 /api/2.0/lab_orders/", "21 /api/2.0/imaging_orders/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
enum class Kind { Lab, Imaging, Sleep };
static const char* path_for(Kind k) {
  switch (k) {
    case Kind::Lab: return "/api/2.0/lab_orders/";
    case Kind::Imaging: return "/api/2.0/imaging_orders/";
    case Kind::Sleep: return "/api/2.0/sleep_orders/";
  }
  return "";
}
class Router {
 public:
  explicit Router(const std::string& host) : cli_(host) {}
  void submit(Kind k) { cli_.Post(path_for(k), "{}", "application/json"); }
  httplib::Client cli_;
};
int main() {
  Router router("https://app.elationemr.com");
  router.submit(Kind::Lab);
  router.submit(Kind::Imaging);
}
)"),
            expected);
}

TEST(WrapperShapes, ALambdaKeptInAStdFunctionMember) {
  // Assigned once, in the constructor: each call through the member is a call of the lambda.
  const std::vector<std::string> expected = {"10 https://app.elationemr.com/api/2.0/lab_orders/",
                                             "11 https://app.elationemr.com/api/2.0/reports/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <functional>
#include <string>
class Poller {
 public:
  Poller() {
    get_ = [this](const std::string& path) { httplib::Headers h; cli_.Get("https://app.elationemr.com/api/2.0" + path, h); };
  }
  void poll() {
    get_("/lab_orders/");
    get_("/reports/");
  }
 private:
  httplib::Client cli_{"https://app.elationemr.com"};
  std::function<void(const std::string&)> get_;
};
)"),
            expected);
}

TEST(WrapperShapes, AScopeListJoinedInAHelperThatTakesTheList) {
  const Facts facts = facts_of_source(R"(#include <httplib.h>
#include <string>
#include <vector>
static std::string join_scopes(const std::vector<std::string>& v) {
  std::string joined;
  for (const auto& s : v) {
    if (!joined.empty()) joined += ' ';
    joined += s;
  }
  return joined;
}
int main() {
  httplib::Client cli("https://app.elationemr.com");
  const std::vector<std::string> scopes = {"system/patients.read", "system/vitals.read"};
  httplib::Params p{{"grant_type", "client_credentials"}, {"scope", join_scopes(scopes)}};
  cli.Post("/api/2.0/oauth2/token/", p);
  httplib::Headers h;
  cli.Get("/api/2.0/patients/", h);
}
)");
  const auto findings = run_checks(facts, default_catalog());
  EXPECT_TRUE(check_facts::of_rule(findings, "unresolved-call").empty());
  const auto unused = check_facts::of_rule(findings, "unused-scope");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].scope, "system/vitals.read");
}

TEST(WrapperShapes, ARequestHandedToAHelperHasTheTargetsOfBothBranches) {
  // Built here and sent by a helper: the request as it is when handed on, with each target.
  const std::vector<std::string> expected = {"12 /api/2.0/practices/1/",
                                             "12 /api/2.0/practices/1/eligibility_usage/"};
  EXPECT_EQ(urls_of(R"(#include <boost/beast/http.hpp>
#include <string>
namespace http = boost::beast::http;
int send(const std::string& host, http::request<http::string_body>& req);
int main(int argc, char** argv) {
  std::string target;
  if (argc > 2) {
    target = "/api/2.0/practices/1/eligibility_usage/";
  } else {
    target = "/api/2.0/practices/1/";
  }
  http::request<http::string_body> rec{http::verb::get, target, 11};
  rec.set(http::field::host, "app.elationemr.com");
  return send("app.elationemr.com", rec);
}
)"),
            expected);
}

}  // namespace
}  // namespace scopelint

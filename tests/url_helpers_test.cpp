// URL helpers: a call of a project function that returns a string is the string it returns, with
// the call's arguments for its parameters (extract/resolve/helper_returns.cpp); and lambdas that
// make requests are wrappers like named functions (extract/wrappers/wrapper_summaries.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

using test::urls_of;

TEST(UrlHelpers, AHelperReturnsItsTextWithTheCallsArguments) {
  const std::vector<std::string> expected = {
      "16 {}/api/2.0/patients/",
      "17 https://app.elationemr.com/api/2.0/problems/{}/",
      "18 https://app.elationemr.com/api/2.0/allergies/",
  };
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
const char* kHost = "https://app.elationemr.com";
std::string endpoint(const std::string& resource, long id) {
  return std::string(kHost) + "/api/2.0/" + resource + "/" + std::to_string(id) + "/";
}
std::string root() { return std::string(kHost) + "/api/2.0"; }
std::string under_root(const char* path) { return root() + path; }
class Api {
 public:
  explicit Api(std::string base) : base_(std::move(base)) {}
  std::string url(const std::string& path) const { return base_ + "/api/2.0" + path; }
  void run(httplib::Client& cli) {
    httplib::Headers none;
    // member helper, free helper with two parameters, a helper calling a helper
    cli.Get(url("/patients/"), none);
    cli.Get(endpoint("problems", 42), none);
    cli.Get(under_root("/allergies/"), none);
  }
 private:
  std::string base_;
};
)"),
            expected);
}

TEST(UrlHelpers, TheReturnsOfALambdaInsideAHelperAreTheLambdas) {
  // Qt's QStringLiteral expands to a lambda with a return of its own.
  const std::vector<std::string> expected = {"9 https://app.elationemr.com/api/2.0/patients/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
std::string patients() {
  auto label = [] { return std::string("unused"); };
  return "https://app.elationemr.com/api/2.0/patients/";
}
void run(httplib::Client& cli) {
  httplib::Headers none;
  cli.Get(patients(), none);
}
)"),
            expected);
}

TEST(UrlHelpers, HelpersThatDifferGiveOneRequestPerReturnAndRecursionStops) {
  // The recursive call inside is a run-time value: only the text around it is known.
  const std::vector<std::string> expected = {"11 https://app.elationemr.com/api/2.0/patients/",
                                             "11 https://sandbox.elationemr.com/api/2.0/patients/", "12 {}x"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
std::string either(bool sandbox) {
  if (sandbox) return "https://sandbox.elationemr.com/api/2.0/patients/";
  return "https://app.elationemr.com/api/2.0/patients/";
}
std::string forever(const std::string& p) { return forever(p + "/") + "x"; }
void run(httplib::Client& cli, bool sandbox) {
  httplib::Headers none;
  // Two different returns are two values, each a request; recursion stops.
  cli.Get(either(sandbox), none);
  cli.Get(forever("/api/2.0/patients"), none);
}
)"),
            expected);
}

TEST(UrlHelpers, AHelperInsideAWrapperKeepsTheWrappersParameter) {
  const std::vector<std::string> expected = {"10 https://app.elationemr.com/api/2.0/visit_notes/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
std::string api(const std::string& path) { return "https://app.elationemr.com/api/2.0" + path; }
void get(httplib::Client& cli, const std::string& path) {
  httplib::Headers none;
  cli.Get(api(path), none);
}
void run() {
  httplib::Client cli("https://app.elationemr.com");
  get(cli, "/visit_notes/");
}
)"),
            expected);
}

TEST(UrlHelpers, AMemberTakesWhatTheConstructorsInitializerListsGiveIt) {
  // other_ is one of two hosts: one request for each.
  const std::vector<std::string> expected = {"10 {}/api/2.0/patients/",
                                             "11 https://app.elationemr.com/api/2.0/problems/",
                                             "11 https://sandbox.elationemr.com/api/2.0/problems/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
class Api {
 public:
  explicit Api(const std::string& host) : api_(host + "/api/2.0"), other_("https://app.elationemr.com/api/2.0") {}
  Api(const std::string& host, int) : api_(host + "/api/2.0"), other_("https://sandbox.elationemr.com/api/2.0") {}
  void run(httplib::Client& cli) {
    httplib::Headers none;
    // Both constructors give api_ the same text; other_ is given different ones.
    cli.Get(api_ + "/patients/", none);
    cli.Get(other_ + "/problems/", none);
  }
 private:
  std::string api_;
  std::string other_;
};
)"),
            expected);
}

TEST(UrlHelpers, AMemberMadeOfConstructorParametersTakesEachConstructionsArguments) {
  // The host and API root come from the constructor; the one construction in the unit gives them.
  const std::vector<std::string> expected = {"9 sandbox.elationemr.com/api/2.0/problems/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
class Client {
 public:
  Client(std::string host, std::string root) : host_(std::move(host)), root_(std::move(root)) {}
  std::string url(const std::string& path) const { return host_ + root_ + path; }
  void problems(httplib::Client& cli) {
    httplib::Headers h;
    cli.Get(url("/problems/"), h);
  }
 private:
  std::string host_, root_;
};
void run(httplib::Client& cli) {
  Client client("sandbox.elationemr.com", "/api/2.0");
  client.problems(cli);
}
)"),
            expected);
}

TEST(UrlHelpers, ASwitchOnAConstantArgumentSelectsItsReturn) {
  // A case, cases that fall through, no case (the return after the switch), and a parameter of
  // the caller that nobody calls it with: any of the three.
  const std::vector<std::string> expected = {"15 /api/2.0/patients/", "16 /api/2.0/problems/",
                                             "17 /api/2.0/vitals/",   "18 /api/2.0/patients/",
                                             "18 /api/2.0/problems/", "18 /api/2.0/vitals/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
enum class Resource { Patients, Problems, Allergies };
std::string path_for(Resource r) {
  switch (r) {
    case Resource::Patients: return "/api/2.0/patients/";
    case Resource::Problems:
    case Resource::Allergies: return "/api/2.0/problems/";
    default: break;
  }
  return "/api/2.0/vitals/";
}
void run(httplib::Client& cli, Resource chosen) {
  httplib::Headers h;
  cli.Get(path_for(Resource::Patients), h);
  cli.Get(path_for(Resource::Allergies), h);
  cli.Get(path_for(static_cast<Resource>(7)), h);
  cli.Get(path_for(chosen), h);
}
)"),
            expected);
}

TEST(UrlHelpers, AHelperThatReturnsARequestGivesItsUrlWithTheCallsArguments) {
  // The URL decided by the caller is reported at the call; one fixed in the helper, in the helper.
  const std::vector<std::string> expected = {"14 https://app.elationemr.com/api/2.0/vitals/",
                                             "19 https://app.elationemr.com/api/2.0/patients/"};
  EXPECT_EQ(urls_of(R"(#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
class Client {
 public:
  QNetworkRequest authorized(const QUrl& url) const {
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", bearer_);
    return request;
  }
  QNetworkRequest vitals_request() const {
    QNetworkRequest request(QUrl(QStringLiteral("https://app.elationemr.com/api/2.0/vitals/")));
    request.setRawHeader("Authorization", bearer_);
    return request;
  }
  void run(QNetworkAccessManager& nam) {
    nam.get(authorized(QUrl(QStringLiteral("https://app.elationemr.com/api/2.0/patients/"))));
    nam.get(vitals_request());
  }
  QByteArray bearer_;
};
)"),
            expected);
}

TEST(UrlHelpers, ARequestInARangeForOverConstantsIsOnePerValue) {
  // A constant array, a std::array, a braced list; a container known only at run time is not.
  const std::vector<std::string> expected = {"8 /api/2.0/patients/",  "8 /api/2.0/problems/",
                                             "10 /api/2.0/allergies/", "10 /api/2.0/vitals/",
                                             "11 /api/2.0/{}/",       "12 /api/2.0/appointments/"};
  std::vector<std::string> urls = urls_of(R"(#include <httplib.h>
#include <array>
#include <string>
#include <vector>
constexpr const char* kFeeds[] = {"/api/2.0/patients/", "/api/2.0/problems/"};
void run(httplib::Client& cli, const std::vector<std::string>& extra) {
  httplib::Headers h;
  for (const char* feed : kFeeds) cli.Get(feed, h);
  const std::array<std::string, 2> more = {"vitals", "allergies"};
  for (const auto& m : more) cli.Get("/api/2.0/" + m + "/", h);
  for (const auto& x : extra) cli.Get("/api/2.0/" + x + "/", h);
  for (auto r : {"/api/2.0/appointments/"}) cli.Get(r, h);
}
)");
  std::sort(urls.begin(), urls.end(), [](const std::string& a, const std::string& b) {
    return std::stoi(a) != std::stoi(b) ? std::stoi(a) < std::stoi(b) : a < b;
  });
  EXPECT_EQ(urls, expected);
}

TEST(UrlHelpers, ALoopSeesTheContainerAsItIsAtTheLoop) {
  // Elements added before the loop count; a container handed to a call may change: not followed.
  const std::vector<std::string> expected = {"11 /api/2.0/patients/", "11 /api/2.0/vitals/", "13 /api/2.0/{}/"};
  std::vector<std::string> urls = urls_of(R"(#include <httplib.h>
#include <string>
#include <vector>
void fill(std::vector<std::string>& v);
void run(httplib::Client& cli) {
  httplib::Headers h;
  std::vector<std::string> paths = {"patients"};
  paths.push_back("vitals");
  std::vector<std::string> more = {"problems"};
  fill(more);
  for (const auto& p : paths) cli.Get("/api/2.0/" + p + "/", h);
  (void)0;
  for (const auto& p : more) cli.Get("/api/2.0/" + p + "/", h);
}
)");
  std::sort(urls.begin(), urls.end());
  EXPECT_EQ(urls, expected);
}

TEST(UrlHelpers, LambdasThatMakeRequestsAreWrappers) {
  // Two lambdas of one signature in one function, one kept in a std::function.
  const std::vector<std::string> expected = {"8 GET https://app.elationemr.com/api/2.0/vitals/",
                                             "9 POST https://app.elationemr.com/api/2.0/allergies/"};
  test::TempDir dir;
  ExtractOptions options;
  options.paths = {dir.write("client.cpp", R"(#include <httplib.h>
#include <functional>
#include <string>
void run() {
  httplib::Client cli("https://app.elationemr.com");
  auto get = [&cli](const std::string& p) { return cli.Get("/api/2.0" + p); };
  std::function<void(const std::string&)> post = [&cli](const std::string& p) { cli.Post("/api/2.0" + p, "{}", "application/json"); };
  get("/vitals/");
  post("/allergies/");
}
)")};
  options.jobs = 1;
  options.has_fixed_args = true;
  options.fixed_args = {"-std=c++17"};
  std::vector<std::string> calls;
  for (const auto& call : extract_facts(options).facts.calls) {
    calls.push_back(std::to_string(call.location.line) + " " + (call.method ? std::string(to_string(*call.method)) : "?") + " " +
                    call.base.value_or("") + call.url.value_or("<none>"));
  }
  EXPECT_EQ(calls, expected);
}

}  // namespace
}  // namespace scopelint

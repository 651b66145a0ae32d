// Smaller value forms of real clients: a URL's path read back (QUrl::path), an id parameter
// tested for truth, `argc > N ? argv[N] : default`, `substr` of a known string, a Qt
// command-line option read by its name, and a resource's name passed to a helper.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

using test::urls_of;

// "<line> <url>" of each call of a Qt source.
std::vector<std::string> qt_urls_of(const std::string& source) {
  std::vector<std::string> urls;
  for (const auto& call : test::facts_of_source(source, "client.cpp", {"-fPIC", "-I/usr/include/x86_64-linux-gnu/qt5"}).calls) {
    urls.push_back(std::to_string(call.location.line) + " " + call.url.value_or("<none>"));
  }
  return urls;
}

TEST(WrittenValues, AQUrlsPathReadBackAndSetAgain) {
  // QUrl::path() is the path alone: "" for a URL without one, never "/".
  const std::vector<std::string> urls = qt_urls_of(R"(#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
void run(QNetworkAccessManager& nam) {
  QUrl url("https://app.elationemr.com/api/2.0");
  url.setPath(url.path() + "/visit_notes/");
  nam.get(QNetworkRequest(url));
  QUrl bare("https://app.elationemr.com");
  bare.setPath(bare.path() + "/api/2.0/letters/");
  nam.get(QNetworkRequest(bare));
}
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"7 https://app.elationemr.com/api/2.0/visit_notes/",
                                            "10 https://app.elationemr.com/api/2.0/letters/"}));
}

TEST(WrittenValues, AQUrlResolvedAgainstABaseMember) {
  // QUrl::resolved: a relative reference goes under the base's directory, an absolute path
  // replaces its path.
  const std::vector<std::string> urls = qt_urls_of(R"(#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
class Sync {
 public:
  explicit Sync(const QUrl& base) : base_(base) {}
  void run() {
    nam_.get(QNetworkRequest(base_.resolved(QUrl("physicians/"))));
    nam_.get(QNetworkRequest(base_.resolved(QUrl("/api/2.0/service_locations/"))));
  }
  QNetworkAccessManager nam_;
  QUrl base_;
};
int main() { Sync(QUrl("https://app.elationemr.com/api/2.0/")).run(); }
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"8 https://app.elationemr.com/api/2.0/physicians/",
                                            "9 https://app.elationemr.com/api/2.0/service_locations/"}));
}

TEST(WrittenValues, APocoUriMadeByAHelper) {
  // Poco::URI is one of Poco's string types: a helper returning one is followed.
  EXPECT_EQ(urls_of(R"(#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/URI.h>
#include <string>
using Poco::Net::HTTPRequest;
Poco::URI make(const std::string& path) {
  Poco::URI u("https://app.elationemr.com");
  u.setPath("/api/2.0" + path);
  return u;
}
void get(const Poco::URI& u) {
  Poco::Net::HTTPSClientSession session(u.getHost(), u.getPort());
  HTTPRequest req(HTTPRequest::HTTP_GET, u.getPathAndQuery(), HTTPRequest::HTTP_1_1);
  session.sendRequest(req);
}
int main() {
  get(make("/appointments/"));
}
)"),
            (std::vector<std::string>{"17 https://app.elationemr.com/api/2.0/appointments/"}));
}

TEST(WrittenValues, AnIntegerParameterTestedForTruthIsDecidedByItsArgument) {
  // `id ? path + id + "/" : path` with the default 0, with 42, and with a run-time id.
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
static std::string endpoint(const std::string& path, long id = 0) {
  return id ? path + std::to_string(id) + "/" : path;
}
void run(httplib::Client& cli, long given) {
  cli.Get("/api/2.0" + endpoint("/appointments/"));
  cli.Get("/api/2.0" + endpoint("/appointments/", 42));
  cli.Get("/api/2.0" + endpoint("/letters/", given));
}
)"),
            (std::vector<std::string>{"7 /api/2.0/appointments/", "8 /api/2.0/appointments/{}/",
                                      "9 /api/2.0/letters/", "9 /api/2.0/letters/{}/"}));
}

TEST(WrittenValues, GnusConditionalWithoutAMiddleIsTheSettingOrItsDefault) {
  // `getenv(...) ?: "https://..."` is the default; a known first operand is itself.
  EXPECT_EQ(urls_of(R"(#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
int main(void) {
  char url[256];
  const char *base = getenv("ELATION_BASE") ?: "https://app.elationemr.com/api/2.0";
  const char *path = "/problems/" ?: "/allergies/";
  snprintf(url, sizeof url, "%s%s", base, path);
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_perform(c);
  return 0;
}
)", "client.c"),
            (std::vector<std::string>{"10 https://app.elationemr.com/api/2.0/problems/"}));
}

TEST(WrittenValues, AnArgumentCountTestChoosesTheDefault) {
  // `argc > 1 ? argv[1] : "default"` and the reverse `argc < 3 ? "default" : argv[2]`; a count
  // past any integer type is no test (and no crash).
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
int main(int argc, char** argv) {
  std::string base = argc > 1 ? argv[1] : "https://app.elationemr.com";
  std::string root = argc < 3 ? "/api/2.0" : argv[2];
  const char* huge = argc > 9999999999999999999 ? argv[9999999999999999999] : "";
  httplib::Client cli(base);
  cli.Get(root + "/patients/" + huge);
}
)"),
            (std::vector<std::string>{"8 /api/2.0/patients/{}"}));
}

TEST(WrittenValues, ASubstringOfAKnownString) {
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
void run(httplib::Client& cli) {
  const std::string rel = "physicians/";
  const std::string kind = rel.substr(0, rel.size() - 1);
  cli.Get("/api/2.0/" + kind + "/");
  const std::string full = "https://app.elationemr.com/api/2.0/letters/";
  cli.Get(full.substr(full.find("/api")));
}
)"),
            (std::vector<std::string>{"6 /api/2.0/physicians/", "8 /api/2.0/letters/"}));
}

TEST(WrittenValues, AQtOptionReadByItsNameIsItsDefault) {
  // An option made in addOption's braces and read by name; an option whose name two options
  // give with different defaults stays a run-time value.
  const std::vector<std::string> urls = qt_urls_of(R"(#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCommandLineParser parser;
  parser.addOption({"host", "Base URL.", "url", "https://app.elationemr.com/api/2.0"});
  parser.addOption(QCommandLineOption("root", "Root.", "url", "https://a.example"));
  parser.addOption(QCommandLineOption("root", "Root.", "url", "https://b.example"));
  parser.process(app);
  QNetworkAccessManager nam;
  nam.get(QNetworkRequest(QUrl(parser.value("host") + "/physicians/")));
  nam.get(QNetworkRequest(QUrl(parser.value("root") + "/api/2.0/letters/")));
}
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"14 https://app.elationemr.com/api/2.0/physicians/",
                                            "15 {}/api/2.0/letters/"}));
}

TEST(WrittenValues, AResourceNameParameterBeforeAQueryIsTheCallersChoice) {
  // `"/api/2.0/" + rel + "?limit=100"`: rel names the endpoint (each caller's), not an id.
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
static void fetch_all(httplib::Client& c, const std::string& rel) { c.Get("/api/2.0/" + rel + "?limit=100"); }
static void fetch_one(httplib::Client& c, const std::string& id) { c.Get("/api/2.0/letters/" + id + "/"); }
void run(httplib::Client& c) {
  fetch_all(c, "physicians/");
  fetch_all(c, "office_staff/");
  fetch_one(c, "7");
}
)"),
            (std::vector<std::string>{"4 /api/2.0/letters/{}/", "6 /api/2.0/physicians/?limit=100",
                                      "7 /api/2.0/office_staff/?limit=100"}));
}

}  // namespace
}  // namespace scopelint

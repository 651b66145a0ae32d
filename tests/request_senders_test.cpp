// A helper that sends the request object it is given (`void send(http_request req)`,
// `send(verb, QNetworkRequest(...), body)`): one request per call of the helper, made of the
// argument's request and what the helper adds (extract/match/call_matcher.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

// "<line> <METHOD> <url> [headers]" of each call found.
std::vector<std::string> requests_of(const std::string& source, const std::vector<std::string>& flags = {}) {
  std::vector<std::string> out;
  for (const auto& call : test::facts_of_source(source, "client.cpp", flags).calls) {
    std::string line = std::to_string(call.location.line) + " " +
                       std::string(call.method ? to_string(*call.method) : "?") + " " +
                       call.base.value_or("") + call.url.value_or("<none>");
    for (const auto& header : call.headers) line += " " + header;
    out.push_back(line);
  }
  return out;
}

TEST(RequestSenders, ACpprestSenderHelperSendsEachCallersRequest) {
  // A temporary from a builder, a variable given a header first, and a call whose request is not
  // worked out, which still counts (its URL unknown).
  const std::vector<std::string> requests = requests_of(R"(#include <cpprest/http_client.h>
using namespace web::http;
using namespace web::http::client;
class Chart {
 public:
  Chart() : client_(U("https://app.elationemr.com/api/2.0/")) {}
  void list() { send(build(methods::GET, U("patients/"))); }
  void add(int user) {
    http_request req = build(methods::POST, U("problems/"));
    req.headers().add(U("X-On-Behalf-Of"), user);
    send(std::move(req));
  }
  void other(const http_request& given) { send(given); }
 private:
  http_request build(const method& m, const utility::string_t& path) const {
    http_request req(m);
    req.set_request_uri(path);
    return req;
  }
  void send(http_request req) { client_.request(req).get(); }
  http_client client_;
};
)");
  EXPECT_EQ(requests, (std::vector<std::string>{"7 GET https://app.elationemr.com/api/2.0/patients/",
                                                "9 POST https://app.elationemr.com/api/2.0/problems/ X-On-Behalf-Of",
                                                "13 ? https://app.elationemr.com/api/2.0/<none>"}));
}

TEST(RequestSenders, AQtSenderHelperTakesTheVerbAndATemporaryRequest) {
  const std::vector<std::string> requests = requests_of(R"(#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
class Sync {
 public:
  void run() {
    send("GET", QNetworkRequest(QUrl(api_ + "/recurring_event_groups/")), QByteArray());
    send("DELETE", QNetworkRequest(QUrl(api_ + "/recurring_event_groups/7/")), QByteArray());
  }
 private:
  QNetworkReply* send(const QByteArray& verb, QNetworkRequest req, const QByteArray& body) {
    req.setRawHeader("Authorization", "Bearer t");
    return nam_.sendCustomRequest(req, verb, body);
  }
  QNetworkAccessManager nam_;
  QString api_ = "https://app.elationemr.com/api/2.0";
};
)",
                                                        {"-fPIC", "-I/usr/include/x86_64-linux-gnu/qt5"});
  EXPECT_EQ(requests,
            (std::vector<std::string>{"7 GET https://app.elationemr.com/api/2.0/recurring_event_groups/ Authorization",
                                      "8 DELETE https://app.elationemr.com/api/2.0/recurring_event_groups/7/ Authorization"}));
}

}  // namespace
}  // namespace scopelint

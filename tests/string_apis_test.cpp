// Library string APIs read from the models' `strings`: QString::section (`sections`),
// Poco::URI::encode writing into its third argument (`out_encoders`), settings read with a default
// (`defaults`), cpprestsdk's uri_builder query (`query_appenders`, `query_of_url`).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "check_facts.h"
#include "checks/checks.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"
#include "source_scan.h"

namespace scopelint {
namespace {

using extract::ResolvedString;

std::string section(const std::string& text, const std::string& sep, long start, long end) {
  const ResolvedString value = extract::fields_of(ResolvedString::constant(text), ResolvedString::constant(sep), start, end);
  return (value.known ? "" : "unknown:") + value.text;
}

TEST(StringApis, SectionTakesFieldsBetweenSeparators) {
  EXPECT_EQ(section("/appointments/?from_date={}&to_date={}", "?", 0, 0), "/appointments/");
  EXPECT_EQ(section("/appointments/?from_date={}", "?", 1, -1), "from_date={}");
  EXPECT_EQ(section("/appointments/{}/", "?", 0, 0), "/appointments/{}/");  // no separator: all of it
  EXPECT_EQ(section("a/b/c/d", "/", 1, 2), "b/c");
  EXPECT_EQ(section("a/b", "/", 5, 7), "unknown:");  // past the last field: empty
  EXPECT_EQ(section("{}?x", "?", 0, 0), "unknown:{}");  // a run-time field stays one
  EXPECT_EQ(section("/a/{}", "?", 1, -1), "unknown:{}");  // the run-time part may hold the query
  EXPECT_EQ(section("a?b", "?", -1, -1), "unknown:{}");  // counting from the end: not followed
  EXPECT_FALSE(extract::fields_of(ResolvedString::constant("a?b"), ResolvedString::wildcard(), 0, 0).known);
}

TEST(StringApis, AQUrlHelperCuttingTheQueryOffWithSection) {
  // The kiosk client: the base from settings, the path up to '?' set with setPath.
  const std::vector<std::string> urls = test::urls_of(R"(#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
class Kiosk {
 public:
  explicit Kiosk(const QUrl& base) : m_base(base) {}
  void types() { m_nam.get(QNetworkRequest(endpoint("/appointment_types/?limit=5"))); }
  void rooms() {
    const QString path = "/appointments/rooms/?limit=5";
    QUrl u(m_base);
    u.setPath("/api/2.0" + path.section('?', 0, 0));
    m_nam.get(QNetworkRequest(u));
  }
 private:
  QUrl endpoint(const QString& path) const {
    QUrl u(m_base);
    u.setPath("/api/2.0" + path.section('?', 0, 0));
    return u;
  }
  QUrl m_base;
  QNetworkAccessManager m_nam;
};
)");
  // In the helper the section is of its parameter, which is taken whole (run-time parts and
  // parameters are taken not to hold the separator); the query does not change the endpoint.
  EXPECT_EQ(urls, (std::vector<std::string>{"8 /api/2.0/appointment_types/?limit=5", "13 /api/2.0/appointments/rooms/"}));
}

TEST(StringApis, ASettingReadWithADefaultIsTheDefault) {
  // The API root from the environment or a settings file, with the usual one as the default; a
  // read without a default stays a run-time value.
  const std::vector<std::string> urls = test::urls_of(R"(#include <QtCore/QSettings>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
void run(QNetworkAccessManager& nam, QSettings& settings) {
  const QString root = qEnvironmentVariable("ELATION_BASE", "https://app.elationemr.com/api/2.0");
  nam.get(QNetworkRequest(QUrl(root + "/patients/")));
  const QString other = settings.value("elation/base", "https://sandbox.elationemr.com/api/2.0").toString();
  nam.get(QNetworkRequest(QUrl(other + "/vitals/")));
  nam.get(QNetworkRequest(QUrl(settings.value("elation/base").toString() + "/problems/")));
}
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"8 https://app.elationemr.com/api/2.0/patients/",
                                            "10 https://sandbox.elationemr.com/api/2.0/vitals/", "11 {}/problems/"}));
}

TEST(StringApis, PocoUriEncodeAppendsToItsThirdArgument) {
  const Facts facts = test::facts_of_source(R"(#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/URI.h>
#include <string>
using namespace Poco::Net;
int main() {
  HTTPClientSession session("app.elationemr.com", 80);
  std::string form;
  Poco::URI::encode("system/lab_vendors.read system/lab_orders.read", "", form);
  form = "grant_type=client_credentials&scope=" + form;
  HTTPRequest token(HTTPRequest::HTTP_POST, "/api/2.0/oauth2/token/", HTTPMessage::HTTP_1_1);
  session.sendRequest(token) << form;
  HTTPRequest vendors(HTTPRequest::HTTP_GET, "/api/2.0/lab_vendors/", HTTPMessage::HTTP_1_1);
  session.sendRequest(vendors);
}
)");
  const auto findings = run_checks(facts, default_catalog());
  // The scope is sent (no global-scope); lab_orders.read is the one no call needs.
  EXPECT_TRUE(check_facts::of_rule(findings, "global-scope").empty());
  const auto unused = check_facts::of_rule(findings, "unused-scope");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].scope, "system/lab_orders.read");
}

TEST(StringApis, APocoConfigurationReadWithADefaultIsTheDefault) {
  const std::vector<std::string> urls = test::urls_of(R"(#include <Poco/AutoPtr.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>
#include <Poco/Util/PropertyFileConfiguration.h>
int main() {
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> conf = new Poco::Util::PropertyFileConfiguration("a.properties");
  const Poco::URI api(conf->getString("elation.api", "https://sandbox.elationemr.com/api/2.0"));
  Poco::Net::HTTPSClientSession session(api.getHost(), api.getPort());
  Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, api.getPath() + "/patients/");
  session.sendRequest(get);
  Poco::Net::HTTPRequest other(Poco::Net::HTTPRequest::HTTP_GET, conf->getString("elation.root") + "/vitals/");
  session.sendRequest(other);
}
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"10 /api/2.0/patients/", "12 {}/vitals/"}));
}

TEST(StringApis, AUriBuilderQueryIsTheFormItsAppendsEncode) {
  const Facts facts = test::facts_of_source(R"(#include <cpprest/http_client.h>
using namespace web;
using namespace web::http;
using namespace web::http::client;
int main() {
  http_client api(U("https://app.elationemr.com/api/2.0/"));
  uri_builder form;
  form.append_query(U("grant_type"), U("client_credentials"));
  form.append_query(U("scope"), U("system/patients.read system/vitals.read"));
  http_request token(methods::POST);
  token.set_request_uri(U("oauth2/token/"));
  token.set_body(form.query(), U("application/x-www-form-urlencoded"));
  api.request(token).wait();
  api.request(methods::GET, U("patients/")).wait();
  uri_builder raw(U("/api/2.0/problems/"));
  raw.append_query(U("patient=1&limit=5"));
  api.request(methods::GET, raw.to_string()).wait();
}
)");
  std::vector<std::string> bodies, urls;
  for (const HttpCall& call : facts.calls) {
    if (call.body.raw) bodies.push_back(*call.body.raw);
    urls.push_back(call.url.value_or("?"));
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{"grant_type=client_credentials&scope=system%2Fpatients.read%20system%2Fvitals.read"}));
  EXPECT_EQ(urls[2], "/api/2.0/problems/?patient=1&limit=5");
  const auto findings = run_checks(facts, default_catalog());
  // Encoded by the builder: no scope-encoding finding, and the scope is read.
  EXPECT_TRUE(check_facts::of_rule(findings, "scope-encoding").empty());
  const auto unused = check_facts::of_rule(findings, "unused-scope");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].scope, "system/vitals.read");
}

TEST(StringApis, PocoCatJoinsARange) {
  const Facts facts = test::facts_of_source(R"(#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/String.h>
#include <string>
#include <vector>
using namespace Poco::Net;
int main() {
  HTTPClientSession session("app.elationemr.com", 80);
  const std::vector<std::string> scopes{"system/lab_vendors.read", "system/lab_orders.read"};
  const std::string form = "grant_type=client_credentials&scope=" + Poco::cat(std::string("+"), scopes.begin(), scopes.end());
  HTTPRequest token(HTTPRequest::HTTP_POST, "/api/2.0/oauth2/token/", HTTPMessage::HTTP_1_1);
  session.sendRequest(token) << form;
}
)");
  ASSERT_FALSE(facts.calls.empty());
  EXPECT_EQ(facts.calls[0].body.raw.value_or("?"),
            "grant_type=client_credentials&scope=system/lab_vendors.read+system/lab_orders.read");
}

}  // namespace
}  // namespace scopelint

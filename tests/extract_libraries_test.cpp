// Extraction: one small program per HTTP library model: method inference, body kinds, base.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "extract/driver/extractor.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

struct Scanned {
  ExtractResult result;
  std::map<std::string, unsigned> markers;  // `// @name` -> line
};

// Extracts `source` (written as `name`) once per test run; extra flags for real Qt headers.
const Scanned& scan(const std::string& name, const std::string& source,
                    const std::vector<std::string>& extra_args = {}) {
  static std::map<std::string, Scanned> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  const fs::path dir = fs::temp_directory_path() / ("scopelint-libraries-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / name) << source;
  ExtractOptions options;
  options.paths = {(dir / name).string()};
  options.extra_args = extra_args;
  Scanned scanned{extract_facts(options), {}};
  fs::remove(dir / name);
  std::istringstream lines(source);
  unsigned number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const auto at = line.find("// @");
    if (at != std::string::npos) scanned.markers[line.substr(at + 4)] = number;
  }
  return cache.emplace(name, std::move(scanned)).first->second;
}

const HttpCall& call_at(const Scanned& scanned, const std::string& marker) {
  const unsigned line = scanned.markers.at(marker);
  for (const auto& call : scanned.result.facts.calls) {
    if (call.location.line == line) return call;
  }
  static HttpCall missing;
  ADD_FAILURE() << "no call at @" << marker << " (line " << line << ")";
  return missing;
}

std::string method_of(const HttpCall& call) {
  return call.method ? std::string(to_string(*call.method)) : "?";
}

std::string fields_of(const HttpCall& call) {
  std::string out;
  for (const auto& field : call.body.fields) {
    out += field.key + "=" + field.value.value_or("?") + ";";
  }
  return out;
}

const char* const kCpr = R"CPP(#include <cpr/cpr.h>
#include <string>
const std::string kApi = "https://app.elationemr.com/api/2.0";
void calls(const std::string& id, const std::string& secret, long patient) {
  cpr::Post(cpr::Url{kApi + "/oauth2/token/"},  // @token
            cpr::Payload{{"grant_type", "client_credentials"}, {"client_id", id}, {"scope", "system/patients.read"}});
  cpr::Get(cpr::Url{kApi + "/patients/" + std::to_string(patient) + "/"}, cpr::Bearer{secret});  // @get
  cpr::Patch(cpr::Url{kApi + "/visit_notes/1/"}, cpr::Body{"{\"signed_by\": 1}"});  // @patch
  cpr::Delete(cpr::Url{kApi + "/appointments/2/"});  // @delete
  cpr::Session session;
  session.SetUrl(cpr::Url{kApi + "/vitals/"});  // @session
  session.SetBody(cpr::Body{"{}"});
  session.Post();
}
)CPP";

TEST(ExtractCprTest, MethodsUrlsAndBodies) {
  const Scanned& s = scan("cpr_calls.cpp", kCpr);
  const HttpCall& token = call_at(s, "token");
  EXPECT_EQ(token.library, "cpr");
  EXPECT_EQ(method_of(token), "POST");
  EXPECT_EQ(token.url.value_or(""), "https://app.elationemr.com/api/2.0/oauth2/token/");
  ASSERT_EQ(token.body.kind, RequestBody::Kind::Fields);
  EXPECT_EQ(fields_of(token), "grant_type=client_credentials;client_id=?;scope=system/patients.read;");
  ASSERT_TRUE(token.body.fields[2].value_literal.has_value());
  EXPECT_EQ(token.body.fields[2].value_literal->begin.line, s.markers.at("token") + 1);

  const HttpCall& get = call_at(s, "get");
  EXPECT_EQ(method_of(get), "GET");
  EXPECT_EQ(get.url.value_or(""), "https://app.elationemr.com/api/2.0/patients/{}/");
  EXPECT_EQ(get.body.kind, RequestBody::Kind::None);

  const HttpCall& patch = call_at(s, "patch");
  EXPECT_EQ(method_of(patch), "PATCH");
  ASSERT_EQ(patch.body.kind, RequestBody::Kind::Raw);
  EXPECT_EQ(patch.body.raw.value_or(""), "{\"signed_by\": 1}");

  EXPECT_EQ(method_of(call_at(s, "delete")), "DELETE");

  const HttpCall& session = call_at(s, "session");
  EXPECT_EQ(method_of(session), "POST");
  EXPECT_EQ(session.url.value_or(""), "https://app.elationemr.com/api/2.0/vitals/");
  EXPECT_EQ(session.body.kind, RequestBody::Kind::Raw);
  EXPECT_EQ(s.result.facts.calls.size(), 5u);
}

const char* const kHttplib = R"CPP(#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <string>
void calls(const std::string& id, long patient) {
  httplib::Client elation("https://app.elationemr.com");
  httplib::Params params{{"grant_type", "client_credentials"}, {"client_id", id}};
  params.emplace("scope", "system/allergies.read system/allergies.write");
  elation.Post("/api/2.0/oauth2/token/", params);  // @params
  httplib::Headers auth = {{"Authorization", "Bearer x"}};
  elation.Get("/api/2.0/allergies/?patient=" + std::to_string(patient), auth);  // @get
  elation.Post("/api/2.0/allergies/", auth, "{\"name\": \"x\"}", "application/json");  // @raw
  elation.Delete("/api/2.0/allergies/3/");  // @delete
  httplib::SSLClient sandbox("sandbox.elationemr.com", 443);
  sandbox.Put("/api/2.0/allergies/3/", "{}", "application/json");  // @ssl
  httplib::Client other("localhost", 8080);
  other.Post("/patients/", "grant_type=client_credentials", "application/x-www-form-urlencoded");  // @other
}
)CPP";

TEST(ExtractHttplibTest, MethodsBasesAndBodies) {
  const Scanned& s = scan("httplib_calls.cpp", kHttplib);
  const HttpCall& params = call_at(s, "params");
  EXPECT_EQ(params.library, "cpp-httplib");
  EXPECT_EQ(method_of(params), "POST");
  EXPECT_EQ(params.url.value_or(""), "/api/2.0/oauth2/token/");
  EXPECT_EQ(params.base.value_or(""), "https://app.elationemr.com");
  ASSERT_EQ(params.body.kind, RequestBody::Kind::Fields);
  EXPECT_EQ(fields_of(params),
            "grant_type=client_credentials;client_id=?;scope=system/allergies.read system/allergies.write;");

  const HttpCall& get = call_at(s, "get");
  EXPECT_EQ(method_of(get), "GET");
  EXPECT_EQ(get.url.value_or(""), "/api/2.0/allergies/?patient={}");
  EXPECT_EQ(get.body.kind, RequestBody::Kind::None);

  const HttpCall& raw = call_at(s, "raw");
  ASSERT_EQ(raw.body.kind, RequestBody::Kind::Raw);
  EXPECT_EQ(raw.body.raw.value_or(""), "{\"name\": \"x\"}");

  EXPECT_EQ(method_of(call_at(s, "delete")), "DELETE");
  const HttpCall& ssl = call_at(s, "ssl");
  EXPECT_EQ(method_of(ssl), "PUT");
  EXPECT_EQ(ssl.base.value_or(""), "sandbox.elationemr.com:443");
  const HttpCall& other = call_at(s, "other");
  EXPECT_EQ(other.base.value_or(""), "localhost:8080");
  EXPECT_EQ(other.body.raw.value_or(""), "grant_type=client_credentials");
}

const char* const kQt = R"CPP(#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
static const QString kApi = QStringLiteral("https://app.elationemr.com/api/2.0");
void calls(QNetworkAccessManager& nam, qint64 id, const QString& secret) {
  QUrlQuery form;
  form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
  form.addQueryItem("client_secret", secret);
  QNetworkRequest token(QUrl(kApi + "/oauth2/token/"));  // @token
  nam.post(token, form.toString(QUrl::FullyEncoded).toUtf8());
  QNetworkRequest patient(QUrl(kApi + "/patients/" + QString::number(id) + "/"));  // @get
  nam.get(patient);
  nam.deleteResource(QNetworkRequest(QUrl(QString("%1/problems/%2/").arg(kApi).arg(id))));  // @delete
  QNetworkRequest note(QUrl(kApi + "/visit_notes/1/"));  // @custom
  nam.sendCustomRequest(note, "PATCH", QByteArray("{\"signed_by\": 1}"));
  QUrl url(kApi + "/vitals/");
  QUrlQuery query;
  query.addQueryItem("patient", QString::number(id));
  url.setQuery(query);
  QNetworkRequest vitals;
  vitals.setUrl(url);  // @set_url
  nam.head(vitals);
}
)CPP";

TEST(ExtractQtTest, ManagerCallsWithRequestsAndForms) {
  const Scanned& s = scan("qt_calls.cpp", kQt);
  const HttpCall& token = call_at(s, "token");
  EXPECT_EQ(token.library, "qt");
  EXPECT_EQ(method_of(token), "POST");
  EXPECT_EQ(token.url.value_or(""), "https://app.elationemr.com/api/2.0/oauth2/token/");
  ASSERT_EQ(token.body.kind, RequestBody::Kind::Fields);
  EXPECT_EQ(fields_of(token), "grant_type=client_credentials;client_secret=?;");
  const HttpCall& get = call_at(s, "get");
  EXPECT_EQ(method_of(get), "GET");
  EXPECT_EQ(get.url.value_or(""), "https://app.elationemr.com/api/2.0/patients/{}/");
  const HttpCall& del = call_at(s, "delete");
  EXPECT_EQ(method_of(del), "DELETE");
  EXPECT_EQ(del.url.value_or(""), "https://app.elationemr.com/api/2.0/problems/{}/");
  const HttpCall& custom = call_at(s, "custom");
  EXPECT_EQ(method_of(custom), "PATCH");
  EXPECT_EQ(custom.body.raw.value_or(""), "{\"signed_by\": 1}");
  const HttpCall& head = call_at(s, "set_url");
  EXPECT_EQ(method_of(head), "HEAD");
  EXPECT_EQ(head.url.value_or(""), "https://app.elationemr.com/api/2.0/vitals/?patient={}");
}

const char* const kPoco = R"CPP(#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <string>
using namespace Poco::Net;
const std::string kApi = "/api/2.0";
void send(HTTPSClientSession& session, HTTPRequest& request) { session.sendRequest(request); }
void calls(const std::string& id, long patient) {
  HTTPSClientSession elation("app.elationemr.com");
  HTTPRequest token(HTTPRequest::HTTP_POST, kApi + "/oauth2/token/", HTTPMessage::HTTP_1_1);  // @token
  HTMLForm form;
  form.add("grant_type", "client_credentials");
  form.set("client_id", id);
  form.prepareSubmit(token);
  form.write(elation.sendRequest(token));
  HTTPRequest get(HTTPRequest::HTTP_GET, kApi + "/patients/" + std::to_string(patient) + "/");  // @get
  elation.sendRequest(get);
  HTTPRequest raw;
  raw.setMethod("PUT");
  raw.setURI(kApi + "/vitals/1/");  // @raw
  elation.sendRequest(raw) << "{\"bp_s\": 120}";
  HTTPRequest helper(HTTPRequest::HTTP_DELETE, kApi + "/problems/2/");  // @helper
  send(elation, helper);
}
)CPP";

TEST(ExtractPocoTest, RequestObjectsSessionsAndForms) {
  const Scanned& s = scan("poco_calls.cpp", kPoco);
  const HttpCall& token = call_at(s, "token");
  EXPECT_EQ(token.library, "poco");
  EXPECT_EQ(method_of(token), "POST");
  EXPECT_EQ(token.url.value_or(""), "/api/2.0/oauth2/token/");
  EXPECT_EQ(token.base.value_or(""), "app.elationemr.com");
  ASSERT_EQ(token.body.kind, RequestBody::Kind::Fields);
  EXPECT_EQ(fields_of(token), "grant_type=client_credentials;client_id=?;");
  const HttpCall& get = call_at(s, "get");
  EXPECT_EQ(method_of(get), "GET");
  EXPECT_EQ(get.url.value_or(""), "/api/2.0/patients/{}/");
  const HttpCall& raw = call_at(s, "raw");
  EXPECT_EQ(method_of(raw), "PUT");
  EXPECT_EQ(raw.body.raw.value_or(""), "{\"bp_s\": 120}");
  // Sent by a helper: reported where it is built, with the session handed along.
  const HttpCall& helper = call_at(s, "helper");
  EXPECT_EQ(method_of(helper), "DELETE");
  EXPECT_EQ(helper.base.value_or(""), "app.elationemr.com");
  EXPECT_EQ(s.result.facts.calls.size(), 4u);  // nothing reported inside send()
}

const char* const kCpprest = R"CPP(#include <cpprest/http_client.h>
#include <cpprest/uri_builder.h>
using namespace web;
using namespace web::http;
using namespace web::http::client;
void calls(const utility::string_t& form, long patient) {
  http_client elation(U("https://app.elationemr.com/api/2.0/"));
  elation.request(methods::POST, U("oauth2/token/"), form, U("application/x-www-form-urlencoded"));  // @token
  uri_builder builder(U("patients/"));
  builder.append_path(std::to_string(patient)).append_query(U("limit"), 10);
  elation.request(methods::GET, builder.to_string());  // @builder
  json::value body = json::value::object();
  elation.request(methods::PUT, U("problems/1/"), body);  // @json
  http_request del(methods::DEL);
  del.set_request_uri(U("appointments/3/"));  // @request
  elation.request(del);
}
)CPP";

TEST(ExtractCpprestTest, ClientRequestsAndUriBuilder) {
  const Scanned& s = scan("cpprest_calls.cpp", kCpprest);
  const HttpCall& token = call_at(s, "token");
  EXPECT_EQ(token.library, "cpprestsdk");
  EXPECT_EQ(method_of(token), "POST");
  EXPECT_EQ(token.url.value_or(""), "oauth2/token/");
  EXPECT_EQ(token.base.value_or(""), "https://app.elationemr.com/api/2.0/");
  EXPECT_EQ(token.body.kind, RequestBody::Kind::Raw);
  const HttpCall& builder = call_at(s, "builder");
  EXPECT_EQ(method_of(builder), "GET");
  EXPECT_EQ(builder.url.value_or(""), "patients/{}?limit=10");
  const HttpCall& json = call_at(s, "json");
  EXPECT_EQ(method_of(json), "PUT");
  EXPECT_EQ(json.body.kind, RequestBody::Kind::Unknown);
  const HttpCall& request = call_at(s, "request");
  EXPECT_EQ(method_of(request), "DELETE");
  EXPECT_EQ(request.url.value_or(""), "appointments/3/");
}

const char* const kBeast = R"CPP(#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <string>
namespace http = boost::beast::http;
void calls(boost::beast::tcp_stream& stream, const std::string& id) {
  http::request<http::string_body> token{http::verb::post, "/api/2.0/oauth2/token/", 11};  // @token
  token.set(http::field::host, "app.elationemr.com");
  token.body() = "grant_type=client_credentials&client_id=" + id;
  http::write(stream, token);
  http::request<http::empty_body> del;
  del.method(http::verb::delete_);
  del.target("/api/2.0/problems/" + id + "/");  // @target
  del.set(http::field::host, "app.elationemr.com");
}
)CPP";

TEST(ExtractBeastTest, RequestsWithVerbTargetHostAndBody) {
  const Scanned& s = scan("beast_calls.cpp", kBeast);
  const HttpCall& token = call_at(s, "token");
  EXPECT_EQ(token.library, "boost-beast");
  EXPECT_EQ(method_of(token), "POST");
  EXPECT_EQ(token.url.value_or(""), "/api/2.0/oauth2/token/");
  EXPECT_EQ(token.base.value_or(""), "app.elationemr.com");
  EXPECT_EQ(token.body.raw.value_or(""), "grant_type=client_credentials&client_id={}");
  const HttpCall& del = call_at(s, "target");
  EXPECT_EQ(method_of(del), "DELETE");
  EXPECT_EQ(del.url.value_or(""), "/api/2.0/problems/{}/");
  EXPECT_EQ(s.result.facts.calls.size(), 2u);
}

}  // namespace
}  // namespace scopelint

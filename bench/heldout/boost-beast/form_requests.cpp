// intake_forms: sends the new-patient intake form to each patient booked for next week
// and collects the submissions that came back.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

static const char* const kHost = "sandbox.elationemr.com";

static http::response<http::string_body> send(http::verb method, const std::string& target,
                                              const std::string& body, const std::string& content_type,
                                              const std::string& bearer) {
  net::io_context ioc;
  net::ssl::context ctx(net::ssl::context::tls_client);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  SSL_set_tlsext_host_name(stream.native_handle(), kHost);
  tcp::resolver resolver(ioc);
  beast::get_lowest_layer(stream).connect(resolver.resolve(kHost, "443"));
  stream.handshake(net::ssl::stream_base::client);

  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, kHost);
  if (!bearer.empty()) req.set(http::field::authorization, "Bearer " + bearer);
  if (!body.empty()) {
    req.set(http::field::content_type, content_type);
    req.body() = body;
    req.prepare_payload();
  }
  http::write(stream, req);  // api: GET /api/2.0/patient_forms/ // api: POST /api/2.0/patient_form_requests/ // api: GET /api/2.0/patient_form_submissions/
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  beast::error_code ec;
  stream.shutdown(ec);
  return res;
}

static std::string access_token() {
  std::string form = std::string("grant_type=client_credentials&client_id=") + std::getenv("ELATION_CLIENT_ID") +
                     "&client_secret=" + std::getenv("ELATION_CLIENT_SECRET") + "&scope=apiv2";
  auto res = send(http::verb::post, "/api/2.0/oauth2/token/", form, "application/x-www-form-urlencoded", "");
  // expect-warning [global-scope] {{system/patient_form_requests.write}}
  const std::string& b = res.body();
  auto p = b.find("\"access_token\":\"");
  if (p == std::string::npos) return {};
  p += 16;
  return b.substr(p, b.find('"', p) - p);
}

int main(int argc, char** argv) {
  const std::string token = access_token();
  if (token.empty()) return 1;

  auto forms = send(http::verb::get, "/api/2.0/patient_forms/?name=New%20patient%20intake", "", "", token);
  std::cout << forms.body() << "\n";
  const std::string form_id = argc > 1 ? argv[1] : "17";

  std::vector<std::string> patients = {"2201", "2202", "2203"};  // booked next week
  for (const auto& p : patients) {
    std::string json = "{\"patient\": " + p + ", \"form\": " + form_id + "}";
    auto r = send(http::verb::post, "/api/2.0/patient_form_requests/", json, "application/json", token);
    if (r.result() != http::status::created) std::cerr << "form request for " << p << " failed\n";
  }

  auto submissions = send(http::verb::get, "/api/2.0/patient_form_submissions/?form=" + form_id, "", "", token);
  std::cout << submissions.body() << "\n";
  return 0;
}

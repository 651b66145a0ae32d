// practice_health: health probe run by the operations sidecar. It checks that the SSO
// (Keycloak) issues tokens, that the local audit service answers, and that Elation
// returns the practice record (or its eligibility usage with --usage).
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cstring>
#include <iostream>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

static int status_of(const std::string& host, const std::string& port, http::request<http::string_body>& req) {
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  http::response<http::string_body> res;
  beast::flat_buffer buffer;
  if (port == "443") {
    net::ssl::context ctx(net::ssl::context::tls_client);
    beast::ssl_stream<beast::tcp_stream> s(ioc, ctx);
    SSL_set_tlsext_host_name(s.native_handle(), host.c_str());
    beast::get_lowest_layer(s).connect(resolver.resolve(host, port));
    s.handshake(net::ssl::stream_base::client);
    http::write(s, req);  // api: GET /api/2.0/practices/{id}/ // api: GET /api/2.0/practices/{id}/eligibility_usage/
    http::read(s, buffer, res);
  } else {
    beast::tcp_stream s(ioc);
    s.connect(resolver.resolve(host, port));
    http::write(s, req);
    http::read(s, buffer, res);
  }
  return res.result_int();
}

int main(int argc, char** argv) {
  if (argc < 5) return 2;
  const std::string practice = argv[3];
  const bool usage = argc > 5 && std::strcmp(argv[5], "--usage") == 0;

  http::request<http::string_body> sso{http::verb::post, "/realms/ops/protocol/openid-connect/token", 11};
  sso.set(http::field::host, "sso.clinic.example");
  sso.set(http::field::content_type, "application/x-www-form-urlencoded");
  sso.body() = "grant_type=client_credentials&client_id=probe&client_secret=" + std::string(argv[4]) + "&scope=openid";
  sso.prepare_payload();
  int sso_status = status_of("sso.clinic.example", "443", sso);

  http::request<http::string_body> audit{http::verb::get, "/healthz", 11};
  audit.set(http::field::host, "localhost");
  int audit_status = status_of("localhost", "8181", audit);

  http::request<http::string_body> tok{http::verb::post, "/api/2.0/oauth2/token/", 11};
  tok.set(http::field::host, "app.elationemr.com");
  tok.set(http::field::content_type, "application/x-www-form-urlencoded");
  tok.body() = "grant_type=client_credentials&client_id=" + std::string(argv[1]) + "&client_secret=" +
               std::string(argv[2]) + "&scope=system/practices.read";
  tok.prepare_payload();
  int token_status = status_of("app.elationemr.com", "443", tok);

  std::string target;
  if (usage) {
    target = "/api/2.0/practices/" + practice + "/eligibility_usage/";
  } else {
    target = "/api/2.0/practices/" + practice + "/";
  }
  http::request<http::string_body> rec{http::verb::get, target, 11};
  rec.set(http::field::host, "app.elationemr.com");
  int practice_status = status_of("app.elationemr.com", "443", rec);

  std::cout << "sso " << sso_status << " audit " << audit_status << " token " << token_status << " practice "
            << practice_status << "\n";
  return (sso_status == 200 && audit_status == 200 && practice_status == 200) ? 0 : 1;
}

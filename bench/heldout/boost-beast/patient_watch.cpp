// patient_watch: on-call helper that prints a patient's summary, active problems and
// allergies before a phone consult. Host and credentials come from a small config.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <iostream>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

struct WatchConfig {
  std::string host = "app.elationemr.com";
  std::string client_id;
  std::string client_secret;
};

class Connection {
 public:
  explicit Connection(const WatchConfig& cfg) : cfg_(cfg), ctx_(ssl::context::tls_client), stream_(ioc_, ctx_) {
    tcp::resolver resolver(ioc_);
    SSL_set_tlsext_host_name(stream_.native_handle(), cfg_.host.c_str());
    beast::get_lowest_layer(stream_).connect(resolver.resolve(cfg_.host, "443"));
    stream_.handshake(ssl::stream_base::client);
  }

  std::string token() {
    http::request<http::string_body> req{http::verb::post, "/api/2.0/oauth2/token/", 11};
    req.set(http::field::host, cfg_.host);
    req.set(http::field::content_type, "application/x-www-form-urlencoded");
    req.body() = "grant_type=client_credentials&client_id=" + cfg_.client_id + "&client_secret=" + cfg_.client_secret +
                 "&scope=system/patients.read%20system/problems.read";
    // expect-error [missing-scope] {{system/allergies.read}}
    req.prepare_payload();
    std::string body = round_trip(req);
    auto p = body.find("\"access_token\":\"");
    if (p == std::string::npos) return {};
    p += 16;
    return body.substr(p, body.find('"', p) - p);
  }

  std::string get(const std::string& target, const std::string& bearer) {
    http::request<http::string_body> req{http::verb::get, target, 11};
    req.set(http::field::host, cfg_.host);
    req.set(http::field::authorization, "Bearer " + bearer);
    return round_trip(req);
  }

 private:
  std::string round_trip(http::request<http::string_body>& req) {
    http::write(stream_, req);  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/problems/ // api: GET /api/2.0/allergies/
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream_, buffer, res);
    return res.body();
  }

  WatchConfig cfg_;
  net::io_context ioc_;
  ssl::context ctx_;
  beast::ssl_stream<beast::tcp_stream> stream_;
};

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: patient_watch CLIENT_ID SECRET PATIENT_ID\n";
    return 2;
  }
  WatchConfig cfg;
  cfg.client_id = argv[1];
  cfg.client_secret = argv[2];
  const long patient = std::stol(argv[3]);

  Connection conn(cfg);
  const std::string bearer = conn.token();
  std::cout << conn.get("/api/2.0/patients/" + std::to_string(patient) + "/", bearer) << "\n";
  std::cout << conn.get("/api/2.0/problems/?patient=" + std::to_string(patient), bearer) << "\n";
  std::cout << conn.get("/api/2.0/allergies/?patient=" + std::to_string(patient), bearer) << "\n";
  return 0;
}

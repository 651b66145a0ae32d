// order_status_poller: polls open diagnostic orders and prints the ones that
// have been waiting for results longer than the SLA, with a link to the
// printable lab requisition for the front desk to re-send.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>

#include <cstdlib>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

enum class OrderKind { Lab, Imaging, Cardiac };

static const char* resource(OrderKind k) {
    switch (k) {
        case OrderKind::Lab: return "lab_orders";
        case OrderKind::Imaging: return "imaging_orders";
        case OrderKind::Cardiac: return "cardiac_orders";
    }
    return "";
}

// Cardiac orders were added to the poll list later; nobody updated this.
static const std::vector<OrderKind> kTokenKinds = {OrderKind::Lab, OrderKind::Imaging};
static const std::vector<OrderKind> kPollKinds = {OrderKind::Lab, OrderKind::Imaging, OrderKind::Cardiac};

class Https {
public:
    Https(std::string host) : host_(std::move(host)), ctx_(ssl::context::tls_client) {
        ctx_.set_default_verify_paths();
    }

    http::response<http::string_body> send(http::verb verb, const std::string& target, const std::string& auth,
                                           const std::string& body, const char* type) {
        beast::ssl_stream<beast::tcp_stream> stream(ioc_, ctx_);
        SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str());
        tcp::resolver resolver(ioc_);
        beast::get_lowest_layer(stream).connect(resolver.resolve(host_, "443"));
        stream.handshake(ssl::stream_base::client);
        http::request<http::string_body> req{verb, target, 11};
        req.set(http::field::host, host_);
        req.set(http::field::user_agent, "order-status-poller/1.4");
        if (!auth.empty()) req.set(http::field::authorization, auth);
        if (type) req.set(http::field::content_type, type);
        req.body() = body;
        req.prepare_payload();
        http::write(stream, req);  // api: GET /api/2.0/lab_orders/ // api: GET /api/2.0/imaging_orders/ // api: GET /api/2.0/cardiac_orders/ // api: GET /api/2.0/lab_orders/{id}/printable/ // expect-error [missing-scope] {{system/cardiac_orders.read}}
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream, buf, res);
        beast::error_code ec;
        stream.shutdown(ec);
        return res;
    }

private:
    std::string host_;
    net::io_context ioc_;
    ssl::context ctx_;
};

static std::string token_of(const std::string& body) {
    auto p = body.find("\"access_token\"");
    p = body.find('"', body.find(':', p) + 1);
    return body.substr(p + 1, body.find('"', p + 1) - p - 1);
}

int main(int argc, char** argv) {
    const char* host = argc > 1 ? argv[1] : "sandbox.elationemr.com";
    const int sla_days = argc > 2 ? std::atoi(argv[2]) : 10;
    Https api(host);

    std::string scope = std::accumulate(kTokenKinds.begin(), kTokenKinds.end(), std::string(),
                                        [](const std::string& acc, OrderKind k) {
                                            return acc + (acc.empty() ? "" : "+") + "system/" + resource(k) + ".read";
                                        });
    std::string form = std::string("grant_type=client_credentials&client_id=") + std::getenv("ELATION_CLIENT_ID") +
                       "&client_secret=" + std::getenv("ELATION_CLIENT_SECRET") + "&scope=" + scope;
    auto tok = api.send(http::verb::post, "/api/2.0/oauth2/token/", "", form, "application/x-www-form-urlencoded");
    if (tok.result() != http::status::ok) return 1;
    const std::string bearer = "Bearer " + token_of(tok.body());

    for (OrderKind k : kPollKinds) {
        std::string target = std::string("/api/2.0/") + resource(k) + "/?status=open&older_than_days=" +
                             std::to_string(sla_days);
        auto res = api.send(http::verb::get, target, bearer, "", nullptr);
        const std::string& body = res.body();
        for (auto p = body.find("\"id\": "); p != std::string::npos; p = body.find("\"id\": ", p + 1)) {
            long id = std::atol(body.c_str() + p + 6);
            std::cout << resource(k) << " " << id << " overdue\n";
            if (k == OrderKind::Lab) {
                auto pr = api.send(http::verb::get, "/api/2.0/lab_orders/" + std::to_string(id) + "/printable/",
                                   bearer, "", nullptr);
                std::cout << "  requisition: " << pr.body().size() << " bytes\n";
            }
        }
    }
    return 0;
}

// family_history_import: moves family-history answers from the pre-visit
// questionnaire service into Elation.
//
// The questionnaire service is internal (plain HTTP inside the VPC); Elation is
// reached over TLS. ELATION_BASE_URL looks like https://app.elationemr.com/api/2.0
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Endpoint {
    std::string host;
    std::string prefix;
};

static Endpoint split_base(const std::string& url) {
    auto start = url.find("://") + 3;
    auto slash = url.find('/', start);
    return {url.substr(start, slash - start), slash == std::string::npos ? "" : url.substr(slash)};
}

using Sender = std::function<std::string(http::verb, const std::string&, const std::string&)>;

static Sender make_elation_sender(net::io_context& ioc, net::ssl::context& ctx, const Endpoint& ep,
                                  const std::string* bearer) {
    return [&ioc, &ctx, ep, bearer](http::verb v, const std::string& path, const std::string& body) {
        beast::ssl_stream<beast::tcp_stream> s(ioc, ctx);
        SSL_set_tlsext_host_name(s.native_handle(), ep.host.c_str());
        beast::get_lowest_layer(s).connect(tcp::resolver(ioc).resolve(ep.host, "443"));
        s.handshake(net::ssl::stream_base::client);
        http::request<http::string_body> req{v, ep.prefix + path, 11};
        req.set(http::field::host, ep.host);
        if (bearer->empty()) {
            req.set(http::field::content_type, "application/x-www-form-urlencoded");
        } else {
            req.set(http::field::authorization, "Bearer " + *bearer);
            req.set(http::field::content_type, "application/json");
        }
        req.body() = body;
        req.prepare_payload();
        http::write(s, req);  // api: GET /api/2.0/patients/ // api: POST /api/2.0/family_histories/
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(s, buf, res);
        return res.body();
    };
}

static std::string questionnaire(net::io_context& ioc, const std::string& mrn) {
    beast::tcp_stream s(ioc);
    s.connect(tcp::resolver(ioc).resolve("questionnaire.svc.internal", "8080"));
    http::request<http::string_body> req{http::verb::get, "/api/2.0/responses?form=family_history&mrn=" + mrn, 11};
    req.set(http::field::host, "questionnaire.svc.internal");
    http::write(s, req);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(s, buf, res);
    return res.body();
}

static std::string str_field(const std::string& j, const std::string& k, size_t from = 0) {
    auto p = j.find("\"" + k + "\"", from);
    if (p == std::string::npos) return {};
    p = j.find('"', j.find(':', p) + 1);
    return j.substr(p + 1, j.find('"', p + 1) - p - 1);
}

int main() {
    const char* base = std::getenv("ELATION_BASE_URL");
    Endpoint ep = split_base(base ? base : "https://sandbox.elationemr.com/api/2.0");
    net::io_context ioc;
    net::ssl::context ctx(net::ssl::context::tls_client);
    ctx.set_default_verify_paths();
    std::string bearer;
    Sender elation = make_elation_sender(ioc, ctx, ep, &bearer);

    // Same as the vendor sample: no scope, the token gets everything.
    std::string form = std::string("grant_type=client_credentials&client_id=") + std::getenv("ELATION_CLIENT_ID") +
                       "&client_secret=" + std::getenv("ELATION_CLIENT_SECRET");
    bearer = str_field(elation(http::verb::post, "/oauth2/token/", form), "access_token");  // expect-warning [global-scope] {{apiv2}}

    const std::map<std::string, std::string> relationship = {
        {"mother", "Mother"}, {"father", "Father"}, {"sibling", "Sibling"}, {"child", "Child"}};
    std::string next = "/patients/?limit=50&has_upcoming_appointment=true";
    int imported = 0;
    while (!next.empty()) {
        std::string page = elation(http::verb::get, next, "");
        for (auto p = page.find("\"mrn\""); p != std::string::npos; p = page.find("\"mrn\"", p + 1)) {
            std::string mrn = str_field(page, "mrn", p);
            std::string id = str_field(page, "id", p > 200 ? p - 200 : 0);
            std::string answers = questionnaire(ioc, mrn);
            for (const auto& rel : relationship) {
                std::string cond = str_field(answers, rel.first);
                if (cond.empty()) continue;
                std::string body = "{\"patient\": " + id + ", \"relationship\": \"" + rel.second +
                                   "\", \"text\": \"" + cond + "\"}";
                elation(http::verb::post, "/family_histories/", body);
                ++imported;
            }
        }
        std::string n = str_field(page, "next");
        auto at = n.find(ep.prefix);
        next = at == std::string::npos ? "" : n.substr(at + ep.prefix.size());
    }
    std::cout << "imported " << imported << " family history entries\n";
    return 0;
}

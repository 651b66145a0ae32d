// webhook_registrar: makes Elation's event subscriptions for this app match the
// resources our webhook receiver handles: removes stale ones, adds missing ones.
// Run after every receiver deploy.
//
// usage: webhook_registrar <elation-host> <receiver-host> [receiver-path]
//   e.g. webhook_registrar sandbox.elationemr.com hooks.northclinic.org /elation/events
// Environment: ELATION_CLIENT_ID, ELATION_CLIENT_SECRET
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using json = nlohmann::json;
using Stream = beast::ssl_stream<beast::tcp_stream>;

enum class Op { List, Create, Remove };

static std::string path(Op op, long id = 0) {
    switch (op) {
    case Op::List:
    case Op::Create:
        return "/api/2.0/app/subscriptions/";
    case Op::Remove:
        return "/api/2.0/app/subscriptions/" + std::to_string(id) + "/";
    }
    return {};
}

class Registrar {
public:
    Registrar(std::string host) : host_(std::move(host)) { ctx_.set_default_verify_paths(); }

    std::unique_ptr<Stream> connect(const std::string& host) {
        auto s = std::make_unique<Stream>(ioc_, ctx_);
        if (!SSL_set_tlsext_host_name(s->native_handle(), host.c_str()))
            throw beast::system_error(beast::error_code(static_cast<int>(::ERR_get_error()), net::error::get_ssl_category()));
        tcp::resolver resolver(ioc_);
        beast::get_lowest_layer(*s).connect(resolver.resolve(host, "443"));
        s->handshake(ssl::stream_base::client);
        return s;
    }

    void login() {
        http::request<http::string_body> req{http::verb::post, "/api/2.0/oauth2/token/", 11};
        req.set(http::field::host, host_);
        req.set(http::field::content_type, "application/x-www-form-urlencoded");
        // Subscriptions are outside the scoped-token list: plain (apiv2) token.
        req.body() = "grant_type=client_credentials&client_id=" + env("ELATION_CLIENT_ID") +
                     "&client_secret=" + env("ELATION_CLIENT_SECRET");
        req.prepare_payload();
        auto s = connect(host_);
        http::write(*s, req);
        token_ = json::parse(read(*s).body()).value("access_token", "");
    }

    json send(http::verb verb, const std::string& target, const json& body = nullptr) {
        auto s = connect(host_);
        http::write(*s, make_request(verb, target, body));  // api: GET /api/2.0/app/subscriptions/ // api: POST /api/2.0/app/subscriptions/ // api: DELETE /api/2.0/app/subscriptions/{id}/
        auto res = read(*s);
        if (res.result_int() / 100 != 2)
            throw std::runtime_error(std::string(http::to_string(verb)) + " " + target + ": " + std::to_string(res.result_int()));
        return res.body().empty() ? json() : json::parse(res.body());
    }

    bool receiver_alive(const std::string& receiverHost) {
        http::request<http::empty_body> req{http::verb::get, "/healthz", 11};
        req.set(http::field::host, receiverHost);
        auto s = connect(receiverHost);
        http::write(*s, req);
        return read(*s).result() == http::status::ok;
    }

private:
    static std::string env(const char* n) {
        const char* v = std::getenv(n);
        return v ? v : "";
    }

    http::request<http::string_body> make_request(http::verb verb, const std::string& target, const json& body) const {
        http::request<http::string_body> req{verb, target, 11};
        req.set(http::field::host, host_);
        req.set(http::field::authorization, "Bearer " + token_);
        req.set(http::field::accept, "application/json");
        if (!body.is_null()) {
            req.set(http::field::content_type, "application/json");
            req.body() = body.dump();
        }
        req.prepare_payload();
        return req;
    }

    http::response<http::string_body> read(Stream& s) {
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(s, buffer, res);
        beast::error_code ec;
        s.shutdown(ec);  // peers often skip close_notify; ignore
        return res;
    }

    std::string host_, token_;
    net::io_context ioc_;
    ssl::context ctx_{ssl::context::tls_client};
};

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: webhook_registrar <elation-host> <receiver-host> [receiver-path]\n";
        return 2;
    }
    const std::string receiverHost = argv[2];
    const std::string target = "https://" + receiverHost + (argc > 3 ? argv[3] : "/elation/events");
    const std::set<std::string> wanted = {"appointments", "patients", "reports", "visit_notes"};

    try {
        Registrar reg(argv[1]);
        if (!reg.receiver_alive(receiverHost)) {
            std::cerr << "receiver " << receiverHost << " is not healthy; not touching subscriptions\n";
            return 1;
        }
        reg.login();

        std::set<std::string> have;
        std::string next = path(Op::List);
        while (!next.empty()) {
            json page = reg.send(http::verb::get, next);
            for (const auto& sub : page.value("results", json::array())) {
                const std::string resource = sub.value("resource", "");
                if (sub.value("target", "") != target || !wanted.count(resource)) {
                    reg.send(http::verb::delete_, path(Op::Remove, sub.value("id", 0L)));
                    std::cout << "removed " << resource << " -> " << sub.value("target", "") << "\n";
                } else {
                    have.insert(resource);
                }
            }
            next.clear();
            if (page.contains("next") && page["next"].is_string()) {
                const std::string url = page["next"];
                const auto at = url.find("/api/2.0/");
                if (at != std::string::npos)
                    next = url.substr(at);
            }
        }
        for (const auto& resource : wanted) {
            if (have.count(resource))
                continue;
            reg.send(http::verb::post, path(Op::Create), json{{"resource", resource}, {"target", target}});
            std::cout << "subscribed " << resource << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

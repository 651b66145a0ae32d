// sleep_study_scheduler: creates Elation sleep-study orders from the sleep
// clinic's referral export. One CSV line per referral on stdin:
//   patient_id,physician_id,center_name,test_code,icd10
//
//   sleep_study_scheduler [host] < referrals.csv
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using json = nlohmann::json;
using tcp = net::ip::tcp;

class ElationHttps {
public:
    using Stream = beast::ssl_stream<beast::tcp_stream>;

    ElationHttps(std::string host, std::string root)
        : host_(std::move(host)), root_(std::move(root)), ctx_(ssl::context::tls_client) {
        ctx_.set_default_verify_paths();
        ctx_.set_verify_mode(ssl::verify_peer);
    }

    void authenticate(const std::string& clientId, const std::string& clientSecret) {
        static const std::array<const char*, 3> kScopes{
            "system/sleep_centers.read", "system/sleep_order_tests.read", "system/sleep_orders.write"};
        std::string scope;
        for (const char* s : kScopes) {
            if (!scope.empty()) scope += "%20";
            scope += s;
        }
        http::request<http::string_body> req{http::verb::post, root_ + "/oauth2/token/", 11};
        req.set(http::field::host, host_);
        req.set(http::field::content_type, "application/x-www-form-urlencoded");
        req.body() = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + clientSecret +
                     "&scope=" + scope;
        req.prepare_payload();

        Stream stream(ioc_, ctx_);
        open(stream);
        http::write(stream, req);
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream, buf, res);
        close(stream);
        if (res.result() != http::status::ok) throw std::runtime_error("token: " + res.body());
        token_ = json::parse(res.body()).at("access_token").get<std::string>();
    }

    json call(http::verb verb, const std::string& target, const std::string& body = {}) {
        http::request<http::string_body> req{verb, root_ + target, 11};
        req.set(http::field::host, host_);
        req.set(http::field::authorization, "Bearer " + token_);
        req.set(http::field::accept, "application/json");
        if (!body.empty()) {
            req.set(http::field::content_type, "application/json");
            req.body() = body;
        }
        req.prepare_payload();

        Stream stream(ioc_, ctx_);
        open(stream);
        http::write(stream, req);  // api: GET /api/2.0/sleep_centers/ // api: GET /api/2.0/sleep_order_tests/ // api: POST /api/2.0/sleep_orders/
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream, buf, res);
        close(stream);
        if (http::to_status_class(res.result()) != http::status_class::successful)
            throw std::runtime_error(std::string(http::to_string(verb)) + " " + target + " -> " + std::to_string(res.result_int()));
        return json::parse(res.body());
    }

private:
    void open(Stream& stream) {
        if (!SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str()))
            throw beast::system_error(beast::error_code(static_cast<int>(::ERR_get_error()), net::error::get_ssl_category()));
        tcp::resolver resolver(ioc_);
        beast::get_lowest_layer(stream).connect(resolver.resolve(host_, "443"));
        stream.handshake(ssl::stream_base::client);
    }

    static void close(Stream& stream) {
        beast::error_code ec;
        stream.shutdown(ec);  // peers often skip close_notify; ignore
    }

    std::string host_;
    std::string root_;
    net::io_context ioc_;
    ssl::context ctx_;
    std::string token_;
};

static std::map<std::string, int64_t> indexBy(const json& page, const char* key) {
    std::map<std::string, int64_t> out;
    for (const auto& row : page.at("results"))
        out[row.at(key).get<std::string>()] = row.at("id").get<int64_t>();
    return out;
}

int main(int argc, char** argv) {
    const std::string host = argc > 1 ? argv[1] : "sandbox.elationemr.com";
    const char* id = std::getenv("ELATION_CLIENT_ID");
    const char* secret = std::getenv("ELATION_CLIENT_SECRET");
    if (!id || !secret) {
        std::cerr << "ELATION_CLIENT_ID / ELATION_CLIENT_SECRET not set\n";
        return 2;
    }

    try {
        ElationHttps api(host, "/api/2.0");
        api.authenticate(id, secret);
        const auto centers = indexBy(api.call(http::verb::get, "/sleep_centers/?limit=100"), "name");
        const auto tests = indexBy(api.call(http::verb::get, "/sleep_order_tests/?limit=200"), "code");

        std::string line;
        int created = 0;
        while (std::getline(std::cin, line)) {
            std::istringstream cols(line);
            std::string patient, physician, center, test, icd10;
            std::getline(cols, patient, ',');
            std::getline(cols, physician, ',');
            std::getline(cols, center, ',');
            std::getline(cols, test, ',');
            std::getline(cols, icd10);
            if (!centers.count(center) || !tests.count(test)) {
                std::cerr << "skipping referral for patient " << patient << ": unknown center/test\n";
                continue;
            }
            json order = {{"patient", std::stoll(patient)},
                          {"ordering_physician", std::stoll(physician)},
                          {"sleep_center", centers.at(center)},
                          {"tests", json::array({tests.at(test)})},
                          {"icd10_codes", json::array({icd10})}};
            api.call(http::verb::post, "/sleep_orders/", order.dump());
            ++created;
        }
        std::cout << "created " << created << " sleep orders\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

// Vitals device bridge.
//
// The exam-room devices (BP cuff, pulse oximeter, scale) publish readings to a
// small hub on the clinic LAN. This bridge polls the hub, matches each reading
// to the patient by MRN, and records it as a vitals entry in Elation.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using json = nlohmann::json;

#define ELATION_HOST "app.elationemr.com"
#define ELATION_PATH(p) "/api/2.0" p
#define HUB_HOST "127.0.0.1"
#define HUB_PORT "8081"

static net::io_context ioc;
static ssl::context tls{ssl::context::tls_client};
static std::string bearer;

static std::string elation(http::verb verb, const std::string& target, const std::string& body = {}) {
    beast::ssl_stream<beast::tcp_stream> s(ioc, tls);
    SSL_set_tlsext_host_name(s.native_handle(), ELATION_HOST);
    tcp::resolver r(ioc);
    beast::get_lowest_layer(s).connect(r.resolve(ELATION_HOST, "443"));
    s.handshake(ssl::stream_base::client);
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, ELATION_HOST);
    if (!bearer.empty()) req.set(http::field::authorization, bearer);
    if (!body.empty()) {
        req.set(http::field::content_type,
                target == ELATION_PATH("/oauth2/token/") ? "application/x-www-form-urlencoded" : "application/json");
        req.body() = body;
        req.prepare_payload();
    }
    http::write(s, req);  // api: GET /api/2.0/patients/ // api: POST /api/2.0/vitals/
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(s, buf, res);
    return res.body();
}

static json poll_hub() {
    beast::tcp_stream s(ioc);
    tcp::resolver r(ioc);
    s.connect(r.resolve(HUB_HOST, HUB_PORT));
    http::request<http::empty_body> req{http::verb::get, "/readings?unsent=1", 11};
    req.set(http::field::host, HUB_HOST);
    http::write(s, req);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(s, buf, res);
    return json::parse(res.body());
}

static void login() {
    const char* id = std::getenv("ELATION_CLIENT_ID");
    const char* secret = std::getenv("ELATION_CLIENT_SECRET");
    std::string form = std::string("grant_type=client_credentials&client_id=") + (id ? id : "") +
                       "&client_secret=" + (secret ? secret : "") + "&scope=apiv2";
    // expect-warning [global-scope] {{system/vitals.write}}
    auto tok = json::parse(elation(http::verb::post, ELATION_PATH("/oauth2/token/"), form));
    bearer = "Bearer " + tok.value("access_token", "");
}

int main() {
    tls.set_default_verify_paths();
    login();
    for (;;) {
        for (const auto& reading : poll_hub()) {
            auto found = json::parse(
                elation(http::verb::get, ELATION_PATH("/patients/?master_patient_id=") + reading.value("mrn", "")));
            if (found["results"].empty()) {
                std::cerr << "no patient for MRN " << reading.value("mrn", "") << "\n";
                continue;
            }
            json vitals = {
                {"patient", found["results"][0]["id"]},
                {"practice", found["results"][0]["primary_care_provider_practice"]},
                {"bp", json::array({{{"systolic", reading.value("sys", 0)}, {"diastolic", reading.value("dia", 0)}}})},
                {"oxygen", json::array({{{"value", reading.value("spo2", 0)}}})},
                {"weight", json::array({{{"value", reading.value("weight_lb", 0.0)}, {"units", "lbs"}}})},
            };
            elation(http::verb::post, ELATION_PATH("/vitals/"), vitals.dump());
        }
        std::this_thread::sleep_for(std::chrono::seconds(30));
    }
}

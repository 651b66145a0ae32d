// bp_device_bridge: pulls home blood-pressure readings from CuffCloud (the
// remote-monitoring cuff vendor) and records them as vitals in Elation.
// Readings are matched to the chart by the Elation patient id the nurse
// entered when enrolling the cuff, and skipped if that day's reading is
// already charted.
//
// usage: bp_device_bridge <elation-base-url> <since-iso8601>
// env:   ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, CUFFCLOUD_CLIENT_ID, CUFFCLOUD_CLIENT_SECRET
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using json = nlohmann::json;

template <class... S>
std::string join_scopes(const S&... s) {
    std::string out;
    ((out += (out.empty() ? "" : " ") + std::string(s)), ...);
    return out;
}

static std::string env(const char* k) {
    const char* v = std::getenv(k);
    return v ? v : "";
}

static std::string form_escape(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

class ElationVitals {
public:
    ElationVitals(net::io_context& ioc, ssl::context& tls, const std::string& base) : ioc_(ioc), tls_(tls) {
        // https://host/api/2.0 -> host + "/api/2.0"
        auto rest = base.substr(base.find("://") + 3);
        auto slash = rest.find('/');
        host_ = rest.substr(0, slash);
        prefix_ = slash == std::string::npos ? "" : rest.substr(slash);
    }

    void authenticate() {
        const std::string scope = join_scopes("system/patients.read", "system/vitals.read", "system/vitals.write");
        http::request<http::string_body> req{http::verb::post, prefix_ + "/oauth2/token/", 11};
        req.set(http::field::host, host_);
        req.set(http::field::content_type, "application/x-www-form-urlencoded");
        req.body() = "grant_type=client_credentials&client_id=" + form_escape(env("ELATION_CLIENT_ID")) +
                     "&client_secret=" + form_escape(env("ELATION_CLIENT_SECRET")) + "&scope=" + form_escape(scope);
        req.prepare_payload();

        auto stream = open();
        http::write(stream, req);
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream, buf, res);
        if (res.result() != http::status::ok)
            throw std::runtime_error("elation token: " + res.body());
        token_ = json::parse(res.body()).at("access_token").get<std::string>();
    }

    json send(http::verb verb, const std::string& target, const json& body = nullptr) {
        http::request<http::string_body> req{verb, prefix_ + target, 11};
        req.set(http::field::host, host_);
        req.set(http::field::authorization, "Bearer " + token_);
        req.set(http::field::accept, "application/json");
        if (!body.is_null()) {
            req.set(http::field::content_type, "application/json");
            req.body() = body.dump();
        }
        req.prepare_payload();

        auto stream = open();
        http::write(stream, req); // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/vitals/ // api: POST /api/2.0/vitals/
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream, buf, res);
        beast::error_code ec;
        stream.shutdown(ec);
        if (res.result_int() / 100 != 2)
            throw std::runtime_error(std::string(http::to_string(verb)) + " " + target + ": " + std::to_string(res.result_int()));
        return json::parse(res.body());
    }

private:
    beast::ssl_stream<beast::tcp_stream> open() {
        beast::ssl_stream<beast::tcp_stream> stream(ioc_, tls_);
        SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str());
        tcp::resolver resolver(ioc_);
        beast::get_lowest_layer(stream).connect(resolver.resolve(host_, "443"));
        stream.handshake(ssl::stream_base::client);
        return stream;
    }

    net::io_context& ioc_;
    ssl::context& tls_;
    std::string host_, prefix_, token_;
};

// CuffCloud: one GET for readings after a client-credentials token.
static json cuffcloud_readings(net::io_context& ioc, ssl::context& tls, const std::string& since) {
    auto exchange = [&](http::request<http::string_body>& req) {
        beast::ssl_stream<beast::tcp_stream> stream(ioc, tls);
        const std::string host = std::string(req[http::field::host]);
        SSL_set_tlsext_host_name(stream.native_handle(), host.c_str());
        beast::get_lowest_layer(stream).connect(tcp::resolver(ioc).resolve(host, "443"));
        stream.handshake(ssl::stream_base::client);
        http::write(stream, req);
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream, buf, res);
        return json::parse(res.body());
    };

    http::request<http::string_body> tok{http::verb::post, "/oauth2/token", 11};
    tok.set(http::field::host, "auth.cuffcloud.io");
    tok.set(http::field::content_type, "application/x-www-form-urlencoded");
    tok.body() = "grant_type=client_credentials&scope=readings.read&client_id=" + form_escape(env("CUFFCLOUD_CLIENT_ID")) +
                 "&client_secret=" + form_escape(env("CUFFCLOUD_CLIENT_SECRET"));
    tok.prepare_payload();
    const std::string token = exchange(tok).at("access_token").get<std::string>();

    http::request<http::string_body> get{http::verb::get, "/v3/readings?type=blood_pressure&since=" + since, 11};
    get.set(http::field::host, "api.cuffcloud.io");
    get.set(http::field::authorization, "Bearer " + token);
    return exchange(get).at("readings");
}

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: bp_device_bridge <elation-base-url> <since-iso8601>\n";
        return 2;
    }
    net::io_context ioc;
    ssl::context tls(ssl::context::tls_client);
    tls.set_default_verify_paths();
    tls.set_verify_mode(ssl::verify_peer);

    ElationVitals elation(ioc, tls, argv[1]);
    int charted = 0, skipped = 0;
    try {
        elation.authenticate();
        for (const auto& r : cuffcloud_readings(ioc, tls, argv[2])) {
            const std::string patient = r.at("external_patient_ref").get<std::string>();
            const std::string day = r.at("taken_at").get<std::string>().substr(0, 10);

            json chart = elation.send(http::verb::get, "/patients/" + patient + "/");
            if (chart.value("dob", "") != r.value("subject_dob", "")) {
                std::cerr << "reading " << r["id"] << ": DOB does not match patient " << patient << "\n";
                ++skipped;
                continue;
            }
            json existing = elation.send(http::verb::get, "/vitals/?patient=" + patient + "&from_date=" + day + "&to_date=" + day);
            if (!existing["results"].empty()) {
                ++skipped;
                continue;
            }
            elation.send(http::verb::post, "/vitals/",
                         {{"patient", std::stol(patient)},
                          {"practice", chart.at("primary_physician_practice")},
                          {"document_date", r.at("taken_at")},
                          {"bp", json::array({{{"systolic", r.at("systolic")}, {"diastolic", r.at("diastolic")}}})},
                          {"hr", json::array({{{"value", r.value("pulse", 0)}}})},
                          {"note", "Home cuff reading (CuffCloud " + r.at("device_serial").get<std::string>() + ")"}});
            ++charted;
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    std::cout << charted << " readings charted, " << skipped << " skipped\n";
    return 0;
}

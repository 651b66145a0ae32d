// chart_summary: prints a one-page pre-visit summary for each listed patient
// (demographics, allergies, problems, medications, immunizations, last vitals).
// The MAs print these for the morning huddle.
//
// usage: chart_summary <patient-id>...
// Environment: ELATION_HOST (default sandbox.elationemr.com), ELATION_CLIENT_ID,
//              ELATION_CLIENT_SECRET
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "elation_scopes.hpp"

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using json = nlohmann::json;

struct PatientHeader {
    std::string first_name, last_name, dob, sex;
};

void from_json(const json& j, PatientHeader& p) {
    p.first_name = j.value("first_name", "");
    p.last_name = j.value("last_name", "");
    p.dob = j.value("dob", "");
    p.sex = j.value("sex", "");
}

struct Section {
    std::string_view title;
    std::string_view path;
    std::string_view field;
};

constexpr std::array<Section, 5> kSections{{
    {"Allergies", "/api/2.0/allergies/", "name"},
    {"Problems", "/api/2.0/problems/", "description"},
    {"Medications", "/api/2.0/medications/", "display_name"},
    {"Immunizations", "/api/2.0/immunizations/", "administered_date"},
    {"Vitals", "/api/2.0/vitals/", "document_date"},
}};

class ElationConnection {
public:
    explicit ElationConnection(std::string host) : host_(std::move(host)), stream_(ioc_, ctx_) {
        ctx_.set_default_verify_paths();
        SSL_set_tlsext_host_name(stream_.native_handle(), host_.c_str());
        tcp::resolver resolver(ioc_);
        beast::get_lowest_layer(stream_).connect(resolver.resolve(host_, "443"));
        stream_.handshake(ssl::stream_base::client);
    }

    void authenticate() {
        using namespace elation::scopes;
        const std::array<std::string_view, 6> requested = {kPatientsRead,  kAllergiesRead,   kAllergiesWrite,
                                                           kProblemsRead,  kMedicationsRead, kImmunizationsRead};
        auto join = [](const auto& items, const auto& sep) {
            std::string out;
            for (const auto& item : items) {
                if (!out.empty())
                    out += sep;
                out += item;
            }
            return out;
        };

        http::request<http::string_body> req{http::verb::post, "/api/2.0/oauth2/token/", 11};
        req.set(http::field::host, host_);
        req.set(http::field::content_type, "application/x-www-form-urlencoded");
        req.body() = "grant_type=client_credentials&client_id=" + env("ELATION_CLIENT_ID") +
                     "&client_secret=" + env("ELATION_CLIENT_SECRET") + "&scope=" + join(requested, "%20");
        req.prepare_payload();
        http::write(stream_, req);  // expect-error [missing-scope] {{system/vitals.read}} // expect-warning [unused-scope] {{system/allergies.write}}
        token_ = json::parse(read().body()).at("access_token").get<std::string>();
    }

    template <class T>
    T get(const std::string& target) {
        http::request<http::empty_body> req{http::verb::get, target, 11};
        req.set(http::field::host, host_);
        req.set(http::field::authorization, "Bearer " + token_);
        req.set(http::field::accept, "application/json");
        req.keep_alive(true);
        http::write(stream_, req);  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/allergies/ // api: GET /api/2.0/problems/ // api: GET /api/2.0/medications/ // api: GET /api/2.0/immunizations/ // api: GET /api/2.0/vitals/
        auto res = read();
        if (res.result() != http::status::ok)
            throw std::runtime_error(target + ": HTTP " + std::to_string(res.result_int()));
        return json::parse(res.body()).get<T>();
    }

    ~ElationConnection() {
        beast::error_code ec;
        stream_.shutdown(ec);
    }

private:
    static std::string env(const char* name) {
        const char* v = std::getenv(name);
        return v ? v : "";
    }

    http::response<http::string_body> read() {
        http::response<http::string_body> res;
        http::read(stream_, buffer_, res);
        return res;
    }

    std::string host_;
    std::string token_;
    net::io_context ioc_;
    ssl::context ctx_{ssl::context::tls_client};
    beast::ssl_stream<beast::tcp_stream> stream_;
    beast::flat_buffer buffer_;
};

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: chart_summary <patient-id>...\n";
        return 2;
    }
    const char* hostEnv = std::getenv("ELATION_HOST");
    const std::string host = hostEnv && *hostEnv ? hostEnv : "sandbox.elationemr.com";

    try {
        ElationConnection elation(host);
        elation.authenticate();

        for (int i = 1; i < argc; ++i) {
            const std::string id = argv[i];
            const auto p = elation.get<PatientHeader>("/api/2.0/patients/" + id + "/");
            std::cout << "==== " << p.last_name << ", " << p.first_name << "  DOB " << p.dob << "  " << p.sex
                      << "  (#" << id << ")\n";

            for (const auto& section : kSections) {
                std::string target(section.path);
                target.append("?patient=").append(id).append("&limit=20");
                const json page = elation.get<json>(target);
                std::cout << section.title << ":\n";
                for (const auto& item : page.value("results", json::array())) {
                    const auto& v = item.value(std::string(section.field), json());
                    std::cout << "  - " << (v.is_string() ? v.get<std::string>() : v.dump()) << "\n";
                }
            }
            std::cout << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

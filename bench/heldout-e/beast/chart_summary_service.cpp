// chart_summary_service: builds the pre-visit chart summary shown on the
// physician's tablet and, once the physician taps "approve", signs the visit
// note in Elation on their behalf.
//
//   chart_summary_service PATIENT_ID VISIT_NOTE_ID PHYSICIAN_USER_ID [--sign]
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using json = nlohmann::json;
using tcp = net::ip::tcp;
using namespace std::string_view_literals;

enum class Section { Problems, Allergies, Intolerances };

static std::string sectionPath(Section s, const std::string& patientId) {
    switch (s) {
        case Section::Problems: return "/problems/?patient=" + patientId;
        case Section::Allergies: return "/allergies/?patient=" + patientId;
        case Section::Intolerances: return "/drug_intolerances/?patient=" + patientId;
    }
    return {};
}

class ChartClient {
public:
    explicit ChartClient(std::string host)
        : host_(std::move(host)), ctx_(ssl::context::tls_client), stream_(ioc_, ctx_) {
        ctx_.set_default_verify_paths();
        SSL_set_tlsext_host_name(stream_.native_handle(), host_.c_str());
        tcp::resolver resolver(ioc_);
        beast::get_lowest_layer(stream_).connect(resolver.resolve(host_, "https"));
        stream_.handshake(ssl::stream_base::client);
    }

    void login(std::string_view clientId, std::string_view secret) {
        std::string scope;
        for (std::string_view s : {"system/problems.read"sv, "system/allergies.read"sv, "system/histories.read"sv,
                                   "system/visit_notes.read"sv, "system/visit_notes.write"sv, "act_as_user"sv}) {
            scope += s;
            scope += '+';
        }
        scope.pop_back();
        http::request<http::string_body> req{http::verb::post, "/api/2.0/oauth2/token/", 11};
        req.set(http::field::host, host_);
        req.set(http::field::content_type, "application/x-www-form-urlencoded");
        req.body() = "grant_type=client_credentials&client_id=" + std::string(clientId) +
                     "&client_secret=" + std::string(secret) + "&scope=" + scope;
        req.prepare_payload();
        http::write(stream_, req);  // expect-error [missing-scope] {{system/drug_intolerances.read}} // expect-warning [unused-scope] {{system/histories.read}}
        token_ = json::parse(readBody()).at("access_token").get<std::string>();
    }

    json send(http::verb verb, const std::string& path, const std::string& body = {},
                     std::optional<std::string> onBehalfOf = std::nullopt) {
        http::request<http::string_body> req{verb, "/api/2.0" + path, 11};
        req.set(http::field::host, host_);
        req.set(http::field::authorization, "Bearer " + token_);
        req.keep_alive(true);
        if (onBehalfOf) req.set("X-On-Behalf-Of", *onBehalfOf);
        if (!body.empty()) {
            req.set(http::field::content_type, "application/json");
            req.body() = body;
        }
        req.prepare_payload();
        http::write(stream_, req);  // api: GET /api/2.0/problems/ // api: GET /api/2.0/allergies/ // api: GET /api/2.0/drug_intolerances/ // api: GET /api/2.0/visit_notes/{id}/visit_summary/ // api: PATCH /api/2.0/visit_notes/{id}/
        return json::parse(readBody());
    }

private:
    std::string readBody() {
        http::response<http::string_body> res;
        http::read(stream_, buf_, res);
        if (res.result_int() >= 400) throw std::runtime_error("elation: HTTP " + std::to_string(res.result_int()));
        return res.body();
    }

    std::string host_;
    net::io_context ioc_;
    ssl::context ctx_;
    beast::ssl_stream<beast::tcp_stream> stream_;
    beast::flat_buffer buf_;
    std::string token_;
};

// Internal summary store backing the tablet app (plain HTTP on the cluster network).
static void publishSummary(const std::string& patientId, const json& summary) {
    net::io_context ioc;
    beast::tcp_stream s(ioc);
    s.connect(tcp::resolver(ioc).resolve("summaries.internal", "8081"));
    http::request<http::string_body> req{http::verb::put, "/v1/summaries/" + patientId, 11};
    req.set(http::field::host, "summaries.internal");
    req.set(http::field::content_type, "application/json");
    req.body() = summary.dump();
    req.prepare_payload();
    http::write(s, req);
    beast::flat_buffer b;
    http::response<http::empty_body> res;
    http::read(s, b, res);
}

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: chart_summary_service PATIENT_ID VISIT_NOTE_ID PHYSICIAN_USER_ID [--sign]\n";
        return 2;
    }
    const std::string patientId = argv[1], noteId = argv[2], physicianUser = argv[3];
    const bool sign = argc > 4 && std::string_view(argv[4]) == "--sign";
    const char* host = std::getenv("ELATION_HOST");

    try {
        ChartClient elation(host ? host : "app.elationemr.com");
        elation.login(std::getenv("ELATION_CLIENT_ID"), std::getenv("ELATION_CLIENT_SECRET"));

        static const char* const kKeys[] = {"problems", "allergies", "intolerances"};
        json summary = json::object();
        for (Section s : {Section::Problems, Section::Allergies, Section::Intolerances}) {
            json page = elation.send(http::verb::get, sectionPath(s, patientId));
            summary[kKeys[static_cast<int>(s)]] = page.at("results");
        }
        summary["visit"] = elation.send(http::verb::get, "/visit_notes/" + noteId + "/visit_summary/");
        publishSummary(patientId, summary);

        if (sign) {
            char now[32];
            std::time_t t = std::time(nullptr);
            std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
            const json patch = {{"signed_by", std::stoll(physicianUser)}, {"signed_date", now}};
            elation.send(http::verb::patch, "/visit_notes/" + noteId + "/", patch.dump(), physicianUser);
            std::cout << "signed visit note " << noteId << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

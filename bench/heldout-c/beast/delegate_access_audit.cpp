// delegate_access_audit: quarterly access review of delegate permissions.
//
// Lists every delegate permission (who may act in whose inbox), drops the ones
// whose delegate has left the practice (no longer in office staff) or is not
// in an allowed staff group, and posts a summary to the compliance channel in
// Teams.  `--raw <target>` prints one API response, for support tickets.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <string>

namespace http = boost::beast::http;
namespace ssl = boost::asio::ssl;
using boost::asio::ip::tcp;
using nlohmann::json;

struct AuditConfig {
    std::string elationHost;
    std::string apiPrefix;
    std::string teamsHost;
    std::string teamsPath;
    long allowedGroup;
};

static boost::asio::io_context ioc;
static ssl::context tls(ssl::context::tls_client);
static std::string bearer;

// Plain blocking HTTPS exchange with `host`.
static std::string exchange(const std::string& host, http::verb verb, const std::string& target,
                            const std::string& body, const char* type) {
    boost::beast::ssl_stream<boost::beast::tcp_stream> s(ioc, tls);
    SSL_set_tlsext_host_name(s.native_handle(), host.c_str());
    tcp::resolver r(ioc);
    boost::beast::get_lowest_layer(s).connect(r.resolve(host, "https"));
    s.handshake(ssl::stream_base::client);
    http::request<http::string_body> req(verb, target, 11);
    req.set(http::field::host, host);
    if (!bearer.empty() && host.find("elationemr.com") != std::string::npos)
        req.set(http::field::authorization, bearer);
    if (type) req.set(http::field::content_type, type);
    req.body() = body;
    req.prepare_payload();
    http::write(s, req);  // api: GET /api/2.0/delegate_permissions/ // api: DELETE /api/2.0/delegate_permissions/{id}/ // api: GET /api/2.0/office_staff/ // api: GET /api/2.0/staff_groups/{id}/
    boost::beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(s, buf, res);
    boost::beast::error_code ec;
    s.shutdown(ec);
    return res.body();
}

static json apiGet(const AuditConfig& c, const std::string& target) {
    return json::parse(exchange(c.elationHost, http::verb::get, target, "", nullptr));
}

static void authenticate(const AuditConfig& c) {
    const char* scopes[] = {"system/delegate_permissions.read", "system/delegate_permissions.write",
                            "system/office_staff.read", "system/staff_groups.read"};
    std::string form = "grant_type=client_credentials";
    form += "&client_id=" + std::string(std::getenv("ELATION_CLIENT_ID"));
    form += "&client_secret=" + std::string(std::getenv("ELATION_CLIENT_SECRET"));
    form += "&scope=";
    for (std::size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); ++i) {
        if (i) form += '+';
        form += scopes[i];
    }
    json tok = json::parse(exchange(c.elationHost, http::verb::post, c.apiPrefix + "/oauth2/token/", form,
                                    "application/x-www-form-urlencoded"));
    bearer = "Bearer " + tok["access_token"].get<std::string>();
}

int main(int argc, char** argv) {
    AuditConfig cfg;
    cfg.elationHost = std::getenv("ELATION_HOST") ? std::getenv("ELATION_HOST") : "app.elationemr.com";
    cfg.apiPrefix = "/api/2.0";
    cfg.teamsHost = "clinicco.webhook.office.com";
    cfg.teamsPath = std::getenv("TEAMS_WEBHOOK_PATH") ? std::getenv("TEAMS_WEBHOOK_PATH") : "/webhookb2/compliance";
    cfg.allowedGroup = std::getenv("ALLOWED_STAFF_GROUP") ? std::atol(std::getenv("ALLOWED_STAFF_GROUP")) : 0;
    tls.set_default_verify_paths();
    authenticate(cfg);

    if (argc > 2 && std::strcmp(argv[1], "--raw") == 0) {
        std::cout << apiGet(cfg, argv[2]).dump(2) << "\n";  // expect-note [unresolved-call] {{URL}}
        return 0;
    }

    std::set<long> activeStaff;
    for (const auto& s : apiGet(cfg, cfg.apiPrefix + "/office_staff/?limit=500")["results"])
        activeStaff.insert(s["user_id"].get<long>());
    std::set<long> allowed;
    if (cfg.allowedGroup) {
        json group = apiGet(cfg, cfg.apiPrefix + "/staff_groups/" + std::to_string(cfg.allowedGroup) + "/");
        for (const auto& m : group["members"]) allowed.insert(m.get<long>());
    }

    int kept = 0, revoked = 0;
    std::string target = cfg.apiPrefix + "/delegate_permissions/";
    while (!target.empty()) {
        json page = apiGet(cfg, target);
        for (const auto& p : page["results"]) {
            const long delegate = p["delegate"].get<long>();
            const bool ok = activeStaff.count(delegate) && (allowed.empty() || allowed.count(delegate));
            if (ok) {
                ++kept;
                continue;
            }
            exchange(cfg.elationHost, http::verb::delete_,
                     cfg.apiPrefix + "/delegate_permissions/" + std::to_string(p["id"].get<long>()) + "/", "",
                     nullptr);
            ++revoked;
        }
        // `next` is an absolute URL; keep the target part.
        const std::string next = page["next"].is_string() ? page["next"].get<std::string>() : "";
        const std::size_t at = next.find(cfg.apiPrefix);
        target = at == std::string::npos ? "" : next.substr(at);
    }

    json card = {{"text", "Delegate access review: " + std::to_string(kept) + " kept, " + std::to_string(revoked) +
                              " revoked"}};
    exchange(cfg.teamsHost, http::verb::post, cfg.teamsPath, card.dump(), "application/json");
    return 0;
}

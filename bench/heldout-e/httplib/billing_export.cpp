// billing_export: nightly hand-off of finalized bills from Elation to the
// practice-management bridge; each bill the bridge accepts is then released
// to PMS in Elation so it is locked against further edits.
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <utility>

using json = nlohmann::json;

namespace {

constexpr const char* kApi = "/api/2.0";

struct ExportConfig {
    std::string elationHost = "https://app.elationemr.com";
    std::string bridgeHost = "http://billing-bridge.internal:8080";
    std::string clientId;
    std::string clientSecret;
    int pageSize = 100;
    int maxRetries = 4;

    static ExportConfig fromEnv() {
        ExportConfig c;
        auto pick = [](const char* name, std::string& into) {
            if (const char* v = std::getenv(name)) into = v;
        };
        pick("ELATION_HOST", c.elationHost);
        pick("BILLING_BRIDGE_HOST", c.bridgeHost);
        pick("ELATION_CLIENT_ID", c.clientId);
        pick("ELATION_CLIENT_SECRET", c.clientSecret);
        return c;
    }
};

class BillingExporter {
public:
    explicit BillingExporter(ExportConfig cfg)
        : cfg_(std::move(cfg)), elation_(cfg_.elationHost), bridge_(cfg_.bridgeHost) {
        elation_.set_read_timeout(60);
    }

    bool authenticate() {
        // keep the global apiv2 grant until month-end reconciliation (same client id) is migrated
        std::string scope = "apiv2";
        for (const char* s : {"system/bills.read", "system/bills.write"})
            scope += std::string(" ") + s;
        auto res = elation_.Post(std::string(kApi) + "/oauth2/token/",  // expect-error [global-scope-combined] {{apiv2}}
                                 httplib::Params{{"grant_type", "client_credentials"},
                                                 {"client_id", cfg_.clientId},
                                                 {"client_secret", cfg_.clientSecret},
                                                 {"scope", scope}});
        if (!res || res->status != 200) return false;
        elation_.set_bearer_token_auth(json::parse(res->body).at("access_token").get<std::string>());
        return true;
    }

    int run(const std::string& since) {
        int released = 0;
        for (int offset = 0;; offset += cfg_.pageSize) {
            httplib::Params q{{"billing_status", "Unbilled"},
                              {"last_modified_gte", since},
                              {"limit", std::to_string(cfg_.pageSize)},
                              {"offset", std::to_string(offset)}};
            auto page = elation_.Get(std::string(kApi) + "/bills/", q, httplib::Headers{});  // api: GET /api/2.0/bills/
            if (!page || page->status != 200) {
                std::cerr << "listing bills failed at offset " << offset << "\n";
                break;
            }
            json body = json::parse(page->body);
            for (const auto& bill : body["results"])
                released += exportOne(bill.at("id").get<long>()) ? 1 : 0;
            if (body["next"].is_null()) break;
        }
        return released;
    }

private:
    bool exportOne(long billId) {
        const std::string path = std::string(kApi) + "/bills/" + std::to_string(billId) + "/";
        auto detail = elation_.Get(path);  // api: GET /api/2.0/bills/{id}/
        if (!detail || detail->status != 200) return false;

        auto pushed = withRetry([&] { return bridge_.Post("/v2/claims", detail->body, "application/json"); });
        if (!pushed || pushed->status >= 300) {
            std::cerr << "bridge rejected bill " << billId << "\n";
            return false;
        }
        auto rel = withRetry([&] {
            return elation_.Patch(path + "actions/release-to-pms/", "{}", "application/json");  // api: PATCH /api/2.0/bills/{id}/actions/release-to-pms/
        });
        return rel && rel->status / 100 == 2;
    }

    template <typename F>
    httplib::Result withRetry(F&& attempt) {
        for (int i = 1;; ++i) {
            httplib::Result r = attempt();
            bool transient = !r || r->status == 429 || r->status >= 500;
            if (!transient || i >= cfg_.maxRetries) return r;
            std::this_thread::sleep_for(std::chrono::milliseconds(500 << i));
        }
    }

    ExportConfig cfg_;
    httplib::Client elation_;
    httplib::Client bridge_;
};

}  // namespace

int main(int argc, char** argv) {
    const std::string since = argc > 1 ? argv[1] : "2024-01-01";
    BillingExporter exporter(ExportConfig::fromEnv());
    if (!exporter.authenticate()) {
        std::cerr << "authentication failed\n";
        return 1;
    }
    int n = exporter.run(since);
    std::cout << "released " << n << " bills to PMS\n";
    return 0;
}

// refill_queue: every 15 minutes, pulls new refill requests from Elation,
// adds the medication and the pharmacy, opens a message thread to the
// prescriber for controlled substances, and mirrors every request onto the
// Rx team's internal work queue (rxqueue), which has its own SSO.
//
// usage: refill_queue [--since ISO8601] [--dry-run]
// env:   ELATION_BASE (default https://api.app.elationemr.com/api/2.0),
//        ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, RXQ_CLIENT_ID, RXQ_CLIENT_SECRET
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using json = nlohmann::json;

namespace {

const std::vector<std::string> kElationScopes = {
    "system/medication_refill.read",
    "system/medications.read",
    "system/pharmacies.read",
    "system/message_threads.write",
};

std::string getenv_str(const char* k, std::string dflt = {}) {
    const char* v = std::getenv(k);
    return v ? v : dflt;
}

}  // namespace

class RefillQueue {
public:
    explicit RefillQueue(std::string base) : base_(std::move(base)) {}

    void authenticate(const std::string& id, const std::string& secret) {
        const std::string scope = std::accumulate(
            std::next(kElationScopes.begin()), kElationScopes.end(), kElationScopes.front(),
            [](std::string acc, const std::string& s) { return std::move(acc) + ' ' + s; });
        auto r = cpr::Post(cpr::Url{url("/oauth2/token/")},  // expect-error [unknown-scope] {{system/medication_refill.read}} // expect-error [missing-scope] {{system/medication_refills.read}}
                           cpr::Payload{{"grant_type", "client_credentials"},
                                        {"client_id", id},
                                        {"client_secret", secret},
                                        {"scope", scope}});
        if (r.status_code != 200)
            throw std::runtime_error("elation token: " + std::to_string(r.status_code) + " " + r.text);
        token_ = json::parse(r.text)["access_token"].get<std::string>();
    }

    json request(const std::string& method, std::string_view path, const json& body = nullptr) {
        cpr::Session s;
        s.SetUrl(cpr::Url{url(path)});
        s.SetHeader(cpr::Header{{"Authorization", "Bearer " + token_}, {"Content-Type", "application/json"}});
        cpr::Response r;
        if (method == "GET") {
            r = s.Get();  // api: GET /api/2.0/medication_refills/ // api: GET /api/2.0/medications/{id}/ // api: GET /api/2.0/pharmacies/{id}/
        } else if (method == "POST") {
            s.SetBody(cpr::Body{body.dump()});
            r = s.Post();  // api: POST /api/2.0/message_threads/
        } else {
            throw std::invalid_argument("unsupported method " + method);
        }
        if (r.status_code / 100 != 2)
            throw std::runtime_error(method + " " + std::string(path) + ": " + std::to_string(r.status_code));
        return json::parse(r.text);
    }

    std::vector<json> pending_refills(const std::string& since) {
        std::vector<json> out;
        std::string next = "/medication_refills/?status=pending&created_date__gte=" + since;
        while (!next.empty()) {
            json page = request("GET", next);
            for (auto& it : page["results"])
                out.push_back(it);
            next = page["next"].is_string() ? page["next"].get<std::string>() : "";
        }
        return out;
    }

private:
    // "next" links come back absolute; everything else is relative to base_.
    std::string url(std::string_view path) const {
        if (path.rfind("https://", 0) == 0)
            return std::string(path);
        return base_ + std::string(path);
    }

    std::string base_;
    std::string token_;
};

class RxQueueClient {
public:
    void authenticate(const std::string& id, const std::string& secret) {
        auto r = cpr::Post(cpr::Url{"https://sso.mercyclinic.net/oauth2/token"},
                           cpr::Payload{{"grant_type", "client_credentials"},
                                        {"client_id", id},
                                        {"client_secret", secret},
                                        {"scope", "rxqueue.items.write"}});
        if (r.status_code != 200)
            throw std::runtime_error("rxqueue sso: " + std::to_string(r.status_code));
        token_ = json::parse(r.text)["access_token"].get<std::string>();
    }

    void push(const json& item) {
        auto r = cpr::Post(cpr::Url{"https://rxqueue.mercyclinic.net/v2/items"}, cpr::Bearer{token_},
                           cpr::Header{{"Content-Type", "application/json"}}, cpr::Body{item.dump()});
        if (r.status_code != 201 && r.status_code != 409)  // 409: already queued
            std::cerr << "rxqueue push failed: " << r.status_code << "\n";
    }

private:
    std::string token_;
};

int main(int argc, char** argv) {
    std::string since = "1970-01-01T00:00:00Z";
    bool dry_run = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--since" && i + 1 < argc) since = argv[++i];
        else if (a == "--dry-run") dry_run = true;
    }

    RefillQueue elation(getenv_str("ELATION_BASE", "https://api.app.elationemr.com/api/2.0"));
    RxQueueClient rxq;
    try {
        elation.authenticate(getenv_str("ELATION_CLIENT_ID"), getenv_str("ELATION_CLIENT_SECRET"));
        if (!dry_run)
            rxq.authenticate(getenv_str("RXQ_CLIENT_ID"), getenv_str("RXQ_CLIENT_SECRET"));
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }

    int queued = 0, escalated = 0;
    for (const json& refill : elation.pending_refills(since)) {
        try {
            const auto med_id = refill.at("medication").get<long>();
            json med = elation.request("GET", "/medications/" + std::to_string(med_id) + "/");
            json pharmacy;
            if (refill.contains("pharmacy_ncpdpid") && refill["pharmacy_ncpdpid"].is_string())
                pharmacy = elation.request("GET", "/pharmacies/" + refill["pharmacy_ncpdpid"].get<std::string>() + "/");

            json item = {
                {"source", "elation"},
                {"refill_id", refill["id"]},
                {"patient_id", refill["patient"]},
                {"drug", med.value("display_name", "")},
                {"controlled", med.value("is_controlled", false)},
                {"pharmacy", pharmacy.is_object() ? pharmacy.value("store_name", "") : ""},
            };

            if (item["controlled"].get<bool>() && !dry_run) {
                elation.request("POST", "/message_threads/",
                                {{"patient", refill["patient"]},
                                 {"practice", refill["practice"]},
                                 {"is_urgent", true},
                                 {"members", json::array({{{"user", refill["prescriber"]}}})},
                                 {"messages", json::array({{{"body", "Controlled substance refill request: " +
                                                                         item["drug"].get<std::string>()}}})}});
                ++escalated;
            }
            if (dry_run)
                std::cout << item.dump() << "\n";
            else
                rxq.push(item);
            ++queued;
        } catch (const std::exception& e) {
            std::cerr << "refill " << refill.value("id", 0L) << ": " << e.what() << "\n";
        }
    }
    std::cout << queued << " refills queued, " << escalated << " escalated\n";
    return 0;
}

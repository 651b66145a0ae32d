// Referral fax poller.
//
// Faxed referrals land in Elation's incoming-files queue. This job picks them
// up, files each one as a report tagged "referral", and tells the local fax
// gateway that the page run was consumed so it can purge it.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using json = nlohmann::json;

namespace {

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string(fallback);
}

std::string join_scopes(const std::vector<std::string>& scopes) {
    std::string out;
    for (const auto& s : scopes) {
        if (!out.empty()) out += ' ';
        out += s;
    }
    return out;
}

}  // namespace

class ReferralFaxPoller {
public:
    explicit ReferralFaxPoller(const std::string& host)
        : cli_(host), gateway_("http://localhost:9100") {
        cli_.set_connection_timeout(10);
    }

    bool authenticate(const std::string& id, const std::string& secret) {
        const std::vector<std::string> scopes = {
            "system/incoming_files.read",
            "system/incoming_files.write",
            "system/reports.write",
            "system/document_tags.read",
        };
        // expect-warning [unused-scope] {{system/incoming_files.write}}
        httplib::Params form{
            {"grant_type", "client_credentials"},
            {"client_id", id},
            {"client_secret", secret},
            {"scope", join_scopes(scopes)},
        };
        auto res = cli_.Post("/api/2.0/oauth2/token/", form);
        if (!res || res->status != 200) return false;
        token_ = json::parse(res->body).value("access_token", "");
        return !token_.empty();
    }

    void run_once(long practice_id) {
        long tag_id = referral_tag();
        auto list = get("/incoming_files/?practice=" + std::to_string(practice_id));
        if (!list || list->status != 200) return;
        for (const auto& f : json::parse(list->body)["results"]) {
            long file_id = f.value("id", 0L);
            auto detail = get("/incoming_files/" + std::to_string(file_id) + "/");
            if (!detail || detail->status != 200) continue;
            auto meta = json::parse(detail->body);
            if (!meta.contains("patient") || meta["patient"].is_null()) {
                std::cerr << "fax " << file_id << " not matched to a patient yet\n";
                continue;
            }
            json report = {
                {"patient", meta["patient"]},
                {"practice", practice_id},
                {"document_type", "Referral"},
                {"tags", json::array({tag_id})},
                {"custom_title", "Faxed referral " + std::to_string(file_id)},
            };
            auto posted = cli_.Post(api("/reports/"), headers(), report.dump(),
                                    "application/json");  // api: POST /api/2.0/reports/
            if (posted && posted->status == 201) ack(file_id);
        }
    }

private:
    std::string api(const std::string& path) const { return "/api/2.0" + path; }

    httplib::Headers headers() const {
        return {{"Authorization", "Bearer " + token_}, {"Accept", "application/json"}};
    }

    httplib::Result get(const std::string& path) {
        return cli_.Get(api(path), headers());  // api: GET /api/2.0/incoming_files/ // api: GET /api/2.0/incoming_files/{id}/ // api: GET /api/2.0/document_tags/
    }

    long referral_tag() {
        auto res = get("/document_tags/?value=referral");
        if (!res || res->status != 200) return 0;
        auto results = json::parse(res->body)["results"];
        return results.empty() ? 0 : results[0].value("id", 0L);
    }

    void ack(long file_id) {
        json body = {{"source", "elation"}, {"file_id", file_id}};
        gateway_.Post("/v1/ack", body.dump(), "application/json");
    }

    httplib::Client cli_;
    httplib::Client gateway_;
    std::string token_;
};

int main() {
    ReferralFaxPoller poller(env_or("ELATION_HOST", "https://sandbox.elationemr.com"));
    if (!poller.authenticate(env_or("ELATION_CLIENT_ID", ""), env_or("ELATION_CLIENT_SECRET", ""))) {
        std::cerr << "token request failed\n";
        return 1;
    }
    poller.run_once(std::atol(env_or("ELATION_PRACTICE_ID", "0").c_str()));
    return 0;
}

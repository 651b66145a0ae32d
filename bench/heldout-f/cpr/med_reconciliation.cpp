// med_reconciliation: applies the clinical pharmacist's reconciliation decisions
// (exported from the pharmacy-review tool as JSON) to Elation medication lists.
// Changes are made on behalf of the reviewing prescriber so the chart attributes
// them to a clinician rather than to the integration user.
//
// usage: med_reconciliation <decisions.json>
// Environment: ELATION_BASE_URL, ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
//              ELATION_PRESCRIBER_USER_ID, RECON_AUDIT_URL
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

using json = nlohmann::json;

namespace {

std::string env_or(const char* name, std::string fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : std::move(fallback);
}

const std::set<std::string> kScopes = {
    "system/medications.read",
    "system/medications.write",
    "system/discontinued_medications.write",
    "system/reference_medications.read",
};

}  // namespace

class MedReconciler {
public:
    MedReconciler(std::string base, std::string actingUser)
        : base_(std::move(base)), actingUser_(std::move(actingUser)) {}

    void setAuditSink(std::function<void(const json&)> sink) { audit_ = std::move(sink); }

    bool login(const std::string& clientId, const std::string& clientSecret) {
        std::ostringstream scope;
        for (auto it = kScopes.begin(); it != kScopes.end(); ++it)
            scope << (it == kScopes.begin() ? "" : " ") << *it;

        cpr::Response r = cpr::Post(cpr::Url{base_ + "/oauth2/token/"},  // expect-error [missing-scope] {{act_as_user}}
                                    cpr::Payload{{"grant_type", "client_credentials"},
                                                 {"client_id", clientId},
                                                 {"client_secret", clientSecret},
                                                 {"scope", scope.str()}});
        if (r.status_code != 200)
            return false;
        token_ = json::parse(r.text).value("access_token", "");
        return !token_.empty();
    }

    void apply(const json& decision) {
        const long patient = decision.at("patient").get<long>();
        const std::string action = decision.value("action", "keep");
        json result;

        if (action == "add") {
            json refs = json::parse(send("GET", "/reference_medications/",
                                         cpr::Parameters{{"name", decision.at("drug_name").get<std::string>()}})
                                        .text);
            if (refs["results"].empty())
                throw std::runtime_error("no reference medication for " + decision.at("drug_name").dump());
            json body = {{"patient", patient},
                         {"medication", {{"id", refs["results"][0]["id"]}}},
                         {"sig", decision.value("sig", "")},
                         {"is_documented", true}};
            result = json::parse(send("POST", "/medications/", {}, body.dump()).text);
        } else if (action == "discontinue") {
            json meds = json::parse(
                send("GET", "/medications/", cpr::Parameters{{"patient", std::to_string(patient)}}).text);
            for (const auto& m : meds["results"]) {
                if (m.value("id", 0L) != decision.at("medication_id").get<long>())
                    continue;
                json body = {{"patient", patient},
                             {"medication", m["id"]},
                             {"reason", decision.value("reason", "Reconciliation")}};
                result = json::parse(send("POST", "/discontinued_medications/", {}, body.dump()).text);
            }
        }
        if (audit_)
            audit_({{"patient", patient}, {"action", action}, {"acting_user", actingUser_}, {"result", result}});
    }

private:
    cpr::Header headers() const {
        return cpr::Header{{"Authorization", "Bearer " + token_},
                           {"X-On-Behalf-Of", actingUser_},
                           {"Content-Type", "application/json"}};
    }

    cpr::Response send(const std::string& method, const std::string& path, const cpr::Parameters& params = {},
                       const std::string& body = {}) {
        cpr::Session s;
        s.SetUrl(cpr::Url{base_ + path});
        s.SetHeader(headers());
        s.SetParameters(params);
        s.SetTimeout(cpr::Timeout{20000});
        cpr::Response r;
        if (method == "GET") {
            r = s.Get();  // api: GET /api/2.0/reference_medications/ // api: GET /api/2.0/medications/
        } else if (method == "POST") {
            s.SetBody(cpr::Body{body});
            r = s.Post();  // api: POST /api/2.0/medications/ // api: POST /api/2.0/discontinued_medications/
        } else {
            throw std::invalid_argument("unsupported method " + method);
        }
        if (r.status_code / 100 != 2)
            throw std::runtime_error(method + " " + path + ": HTTP " + std::to_string(r.status_code) + " " + r.text);
        return r;
    }

    std::string base_;
    std::string actingUser_;
    std::string token_;
    std::function<void(const json&)> audit_;
};

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: med_reconciliation <decisions.json>\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    json decisions = json::parse(in, nullptr, false);
    if (!decisions.is_array()) {
        std::cerr << argv[1] << ": expected a JSON array of decisions\n";
        return 2;
    }

    MedReconciler recon(env_or("ELATION_BASE_URL", "https://sandbox.elationemr.com/api/2.0"),
                        env_or("ELATION_PRESCRIBER_USER_ID", ""));
    if (!recon.login(env_or("ELATION_CLIENT_ID", ""), env_or("ELATION_CLIENT_SECRET", ""))) {
        std::cerr << "Elation login failed\n";
        return 1;
    }

    // Compliance wants every change mirrored to the internal audit service.
    const std::string auditUrl = env_or("RECON_AUDIT_URL", "https://audit.internal.example-clinic.org/v1/events");
    recon.setAuditSink([auditUrl](const json& event) {
        cpr::Post(cpr::Url{auditUrl}, cpr::Header{{"Content-Type", "application/json"}},
                  cpr::Body{json{{"source", "med_reconciliation"}, {"event", event}}.dump()});
    });

    int failed = 0;
    for (const auto& d : decisions) {
        try {
            recon.apply(d);
        } catch (const std::exception& e) {
            std::cerr << "patient " << d.value("patient", 0L) << ": " << e.what() << "\n";
            ++failed;
        }
    }
    std::cout << decisions.size() - failed << " applied, " << failed << " failed\n";
    return failed ? 1 : 0;
}

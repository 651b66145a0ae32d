// allergy_intake_tool: records allergies reported on the paper intake form.
//
//   allergy_intake_tool <patient_id> allergy|intolerance|nkda [drug name] [reaction]
//
// The drug name is normalised through RxNav first. Before anything is posted we
// look at what is already on the chart (as an allergy or as an intolerance) so
// the front desk does not create duplicates.
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;

namespace intake {

struct Config {
    std::string apiRoot;  // https://<host>/api/2.0, no trailing slash
    std::string clientId;
    std::string clientSecret;
};

enum class EntryKind { Allergy, Intolerance, NoKnownAllergies };

const char* listPath(EntryKind k) {
    switch (k) {
    case EntryKind::Allergy:
        return "/allergies/";
    case EntryKind::Intolerance:
        return "/drug_intolerances/";
    case EntryKind::NoKnownAllergies:
        return "/allergy_documentation/";
    }
    return "/allergies/";
}

std::string joinScopes(const std::vector<std::string>& scopes) {
    std::ostringstream out;
    std::copy(scopes.begin(), scopes.end(), std::ostream_iterator<std::string>(out, " "));
    std::string s = out.str();
    if (!s.empty()) s.pop_back();
    return s;
}

class AllergyClient {
public:
    explicit AllergyClient(Config cfg) : cfg_(std::move(cfg)) {}

    bool authenticate() {
        const std::vector<std::string> scopes{"system/patients.read", "system/allergies.read",
                                              "system/allergies.write", "system/drug_intolerances.write",
                                              "system/allergy_documentation.write"};
        cpr::Response r = cpr::Post(cpr::Url{cfg_.apiRoot + "/oauth2/token/"},
                                    cpr::Payload{{"grant_type", "client_credentials"},
                                                 {"client_id", cfg_.clientId},
                                                 {"client_secret", cfg_.clientSecret},
                                                 {"scope", joinScopes(scopes)}});
        if (r.status_code != 200) {
            std::cerr << "token request failed: " << r.status_code << " " << r.text << "\n";
            return false;
        }
        auth_ = cpr::Header{{"Authorization", "Bearer " + json::parse(r.text).at("access_token").get<std::string>()},
                            {"Content-Type", "application/json"}};
        return true;
    }

    std::string patientName(long patientId) {
        cpr::Response r = cpr::Get(cpr::Url{cfg_.apiRoot + "/patients/" + std::to_string(patientId) + "/"},
                                   auth_);  // api: GET /api/2.0/patients/{id}/
        json p = json::parse(r.text);
        return p.value("first_name", "") + " " + p.value("last_name", "");
    }

    // A drug may already be on the chart as an allergy or as an intolerance.
    bool onChart(long patientId, const std::string& rxnormName) {
        static const std::array<EntryKind, 2> kinds{{EntryKind::Allergy, EntryKind::Intolerance}};
        for (EntryKind k : kinds) {
            cpr::Response r = cpr::Get(cpr::Url{cfg_.apiRoot + listPath(k)}, auth_,
                                       cpr::Parameters{{"patient", std::to_string(patientId)}});  // api: GET /api/2.0/allergies/ // api: GET /api/2.0/drug_intolerances/
            // expect-error [missing-scope] {{system/drug_intolerances.read}}
            for (const auto& e : json::parse(r.text).value("results", json::array()))
                if (e.value("name", "") == rxnormName) return true;
        }
        return false;
    }

    long record(EntryKind kind, long patientId, const json& body) {
        json payload = body;
        payload["patient"] = patientId;
        cpr::Response r = cpr::Post(cpr::Url{cfg_.apiRoot + listPath(kind)}, auth_,
                                    cpr::Body{payload.dump()});  // api: POST /api/2.0/allergies/ // api: POST /api/2.0/drug_intolerances/ // api: POST /api/2.0/allergy_documentation/
        if (r.status_code != 201) std::cerr << "post failed: " << r.text << "\n";
        return r.status_code == 201 ? json::parse(r.text).value("id", 0L) : 0L;
    }

private:
    Config cfg_;
    cpr::Header auth_;
};

// RxNav (NLM) gives us the canonical name and RxCUI for whatever the patient wrote.
std::pair<std::string, std::string> normalise(const std::string& written) {
    cpr::Response r = cpr::Get(cpr::Url{"https://rxnav.nlm.nih.gov/REST/drugs.json"},
                               cpr::Parameters{{"name", written}});
    if (r.status_code != 200) return {written, ""};
    for (const auto& group : json::parse(r.text)["drugGroup"].value("conceptGroup", json::array()))
        for (const auto& c : group.value("conceptProperties", json::array()))
            return {c.value("name", written), c.value("rxcui", "")};
    return {written, ""};
}

}  // namespace intake

int main(int argc, char** argv) {
    using namespace intake;
    if (argc < 3) {
        std::cerr << "usage: " << argv[0] << " <patient_id> allergy|intolerance|nkda [drug] [reaction]\n";
        return 2;
    }
    const char* host = std::getenv("ELATION_HOST");
    Config cfg{std::string("https://") + (host ? host : "sandbox.elationemr.com") + "/api/2.0",
               std::getenv("ELATION_CLIENT_ID") ? std::getenv("ELATION_CLIENT_ID") : "",
               std::getenv("ELATION_CLIENT_SECRET") ? std::getenv("ELATION_CLIENT_SECRET") : ""};
    AllergyClient client(cfg);
    if (!client.authenticate()) return 1;

    const long patientId = std::atol(argv[1]);
    const std::string what = argv[2];
    EntryKind kind = what == "nkda" ? EntryKind::NoKnownAllergies
                   : what == "intolerance" ? EntryKind::Intolerance : EntryKind::Allergy;
    std::cout << "Patient: " << client.patientName(patientId) << "\n";

    json body;
    if (kind == EntryKind::NoKnownAllergies) {
        body = {{"type", "NKDA"}};
    } else {
        if (argc < 4) return 2;
        auto norm = normalise(argv[3]);
        if (client.onChart(patientId, norm.first)) {
            std::cout << norm.first << " is already on the chart\n";
            return 0;
        }
        body = {{"name", norm.first}, {"rxcui", norm.second}, {"reaction", argc > 4 ? argv[4] : ""},
                {"start_date", nullptr}};
    }
    long id = client.record(kind, patientId, body);
    std::cout << (id ? "recorded #" + std::to_string(id) : std::string("not recorded")) << "\n";
    return id ? 0 : 1;
}

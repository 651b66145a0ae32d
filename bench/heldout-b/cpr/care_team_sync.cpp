// Care-team sync from Epic.
//
// Patients co-managed with the health system have a care team in Epic. This
// job reads the Epic CareTeam for each linked patient (FHIR, backend-services
// auth) and mirrors the participating physicians into the patient's provider
// team in Elation.
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <set>
#include <string>

using json = nlohmann::json;

class ElationCareTeam {
public:
    explicit ElationCareTeam(std::string base) : base_(std::move(base)) {}

    bool login(const std::string& id, const std::string& secret) {
        auto r = cpr::Post(cpr::Url{url("/oauth2/token/")},
                           cpr::Payload{{"grant_type", "client_credentials"},
                                        {"client_id", id},
                                        {"client_secret", secret},
                                        {"scope", "system/patients.read system/physicians.read "
                                                  "system/patient-provider-team-members.write"}});
        if (r.status_code != 200) return false;
        auth_ = cpr::Header{{"Authorization", "Bearer " + json::parse(r.text).value("access_token", "")}};
        return true;
    }

    json patient(long id) {
        auto r = cpr::Get(cpr::Url{url("/patients/" + std::to_string(id) + "/")}, auth_);  // api: GET /api/2.0/patients/{id}/
        return json::parse(r.text);
    }

    json team(long patientId) {
        auto r = cpr::Get(cpr::Url{url("/patients/" + std::to_string(patientId) + "/patient_provider_team/")},
                          auth_);  // api: GET /api/2.0/patients/{id}/patient_provider_team/
        return json::parse(r.text);
    }

    long physicianByNpi(const std::string& npi) {
        auto r = cpr::Get(cpr::Url{url("/physicians/")}, auth_, cpr::Parameters{{"npi", npi}});  // api: GET /api/2.0/physicians/
        auto results = json::parse(r.text)["results"];
        return results.empty() ? 0 : results[0].value("id", 0L);
    }

    void addMember(long teamId, long physicianId) {
        json body = {{"patient_provider_team", teamId}, {"physician", physicianId}, {"role", "Specialist"}};
        cpr::Post(cpr::Url{url("/patient-provider-team-members/")}, auth_,
                  cpr::Body{body.dump()});  // api: POST /api/2.0/patient-provider-team-members/
    }

    void removeMember(long memberId) {
        cpr::Delete(cpr::Url{url("/patient-provider-team-members/" + std::to_string(memberId) + "/")},
                    auth_);  // api: DELETE /api/2.0/patient-provider-team-members/{id}/
    }

private:
    std::string url(const std::string& path) const { return base_ + "/api/2.0" + path; }

    std::string base_;
    cpr::Header auth_;
};

class EpicCareTeams {
public:
    explicit EpicCareTeams(std::string assertion) {
        auto r = cpr::Post(cpr::Url{"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"},
                           cpr::Payload{{"grant_type", "client_credentials"},
                                        {"client_assertion_type",
                                         "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
                                        {"client_assertion", assertion},
                                        {"scope", "system/CareTeam.read system/Practitioner.read"}});
        token_ = json::parse(r.text).value("access_token", "");
    }

    std::set<std::string> participantNpis(const std::string& epicPatient) {
        auto r = cpr::Get(cpr::Url{"https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4/CareTeam"},
                          cpr::Header{{"Authorization", "Bearer " + token_}, {"Accept", "application/fhir+json"}},
                          cpr::Parameters{{"patient", epicPatient}, {"status", "active"}});
        std::set<std::string> npis;
        for (const auto& e : json::parse(r.text).value("entry", json::array()))
            for (const auto& p : e["resource"].value("participant", json::array()))
                npis.insert(p["member"]["identifier"].value("value", ""));
        return npis;
    }

private:
    std::string token_;
};

int main(int argc, char** argv) {
    if (argc < 3) return 2;
    const char* base = std::getenv("ELATION_BASE_URL");
    ElationCareTeam elation(base ? base : "https://sandbox.elationemr.com");
    if (!elation.login(std::getenv("ELATION_CLIENT_ID"), std::getenv("ELATION_CLIENT_SECRET"))) return 1;
    EpicCareTeams epic(std::getenv("EPIC_JWT") ? std::getenv("EPIC_JWT") : "");

    long patientId = std::stol(argv[1]);
    std::cout << "syncing " << elation.patient(patientId).value("last_name", "") << "\n";
    json team = elation.team(patientId);
    long teamId = team.value("id", 0L);
    std::set<long> wanted;
    for (const auto& npi : epic.participantNpis(argv[2]))
        if (long doc = elation.physicianByNpi(npi)) wanted.insert(doc);

    for (const auto& m : team.value("members", json::array())) {
        long doc = m.value("physician", 0L);
        if (!wanted.erase(doc) && m.value("role", "") == "Specialist") elation.removeMember(m.value("id", 0L));
    }
    for (long doc : wanted) elation.addMember(teamId, doc);
    return 0;
}

// patient_intake_sync: copies completed new-patient intake packets from the
// IntakePro portal into Elation (demographics + insurance card photos).
//
//   patient_intake_sync --practice 65540 [--elation https://sandbox.elationemr.com/api/2.0]
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

using json = nlohmann::json;

struct Settings {
    std::string elationBase = "https://sandbox.elationemr.com/api/2.0";
    std::string intakeBase = "https://api.intakepro.io/v1";
    std::string intakeIdp = "https://login.intakepro.io/oauth2/token";
    long practiceId = 0;
    long defaultPhysician = 0;
};

static std::string env(const char* k) {
    const char* v = std::getenv(k);
    return v ? v : "";
}

// Third-party intake vendor; has its own identity provider.
class IntakePortal {
public:
    explicit IntakePortal(const Settings& s) : base_(s.intakeBase) {
        cpr::Response r = cpr::Post(cpr::Url{s.intakeIdp},
                                    cpr::Payload{{"grant_type", "client_credentials"},
                                                 {"client_id", env("INTAKE_CLIENT_ID")},
                                                 {"client_secret", env("INTAKE_CLIENT_SECRET")},
                                                 {"scope", "submissions:read attachments:read"}});
        token_ = json::parse(r.text).value("access_token", "");
    }

    json completedPackets() {
        cpr::Response r = cpr::Get(cpr::Url{base_ + "/submissions"}, cpr::Bearer{token_},
                                   cpr::Parameters{{"status", "completed"}, {"exported", "false"}});
        return r.status_code == 200 ? json::parse(r.text) : json::array();
    }

    std::string download(const std::string& url, const std::string& dest) {
        cpr::Response r = cpr::Get(cpr::Url{url}, cpr::Bearer{token_});
        std::ofstream(dest, std::ios::binary) << r.text;
        return dest;
    }

private:
    std::string base_;
    std::string token_;
};

class ElationClient {
public:
    ElationClient(const Settings& s, const std::string& id, const std::string& secret) : base_(s.elationBase) {
        static const char* const kNeeded[] = {"system/patients.read", "system/patients.write"};
        std::ostringstream scope;
        for (const char* sc : kNeeded)
            scope << (scope.tellp() > 0 ? " " : "") << sc;
        cpr::Response r = cpr::Post(cpr::Url{base_ + "/oauth2/token/"},
                                    cpr::Payload{{"grant_type", "client_credentials"},
                                                 {"client_id", id},
                                                 {"client_secret", secret},
                                                 {"scope", scope.str()}});
        token_ = json::parse(r.text).at("access_token").get<std::string>();
        session_.SetHeader(cpr::Header{{"Authorization", "Bearer " + token_}, {"Content-Type", "application/json"}});
    }

    std::optional<long> findPatient(const json& demo) {
        cpr::Response r = send("GET", "/patients/", cpr::Parameters{{"last_name", demo.value("last_name", "")},
                                                                     {"first_name", demo.value("first_name", "")},
                                                                     {"dob", demo.value("dob", "")}});
        json body = json::parse(r.text, nullptr, false);
        if (r.status_code != 200 || body.value("count", 0) == 0) return std::nullopt;
        return body["results"][0].value("id", 0L);
    }

    long createPatient(const json& demo) {
        cpr::Response r = send("POST", "/patients/", {}, demo.dump());
        return r.status_code == 201 ? json::parse(r.text).value("id", 0L) : 0;
    }

    bool uploadInsuranceCard(long patientId, const std::string& imagePath, const std::string& side) {
        cpr::Response r = cpr::Post(cpr::Url{base_ + "/patients/" + std::to_string(patientId) + "/insurance_cards/"},  // api: POST /api/2.0/patients/{id}/insurance_cards/
                                    cpr::Bearer{token_},
                                    cpr::Multipart{{"side", side}, {"image", cpr::File{imagePath}}});
        return r.status_code / 100 == 2;
    }

private:
    cpr::Response send(const std::string& verb, const std::string& path, const cpr::Parameters& q = {},
                       const std::string& body = {}) {
        session_.SetUrl(cpr::Url{base_ + path});
        session_.SetParameters(q);
        if (verb == "GET")
            return session_.Get();  // api: GET /api/2.0/patients/
        session_.SetBody(cpr::Body{body});
        return session_.Post();  // api: POST /api/2.0/patients/
    }

    std::string base_;
    std::string token_;
    cpr::Session session_;
};

int main(int argc, char** argv) {
    Settings s;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--practice") s.practiceId = std::stol(argv[i + 1]);
        else if (flag == "--physician") s.defaultPhysician = std::stol(argv[i + 1]);
        else if (flag == "--elation") s.elationBase = argv[i + 1];
    }
    if (!s.practiceId) {
        std::cerr << "--practice is required\n";
        return 2;
    }

    IntakePortal portal(s);
    ElationClient elation(s, env("ELATION_CLIENT_ID"), env("ELATION_CLIENT_SECRET"));

    int created = 0, matched = 0;
    for (const auto& packet : portal.completedPackets()) {
        json demo = {{"first_name", packet.value("first_name", "")},
                     {"last_name", packet.value("last_name", "")},
                     {"dob", packet.value("date_of_birth", "")},
                     {"sex", packet.value("sex_at_birth", "Unknown")},
                     {"primary_physician", s.defaultPhysician},
                     {"caregiver_practice", s.practiceId}};
        std::optional<long> id = elation.findPatient(demo);
        if (id) {
            ++matched;
        } else if (long newId = elation.createPatient(demo)) {
            id = newId;
            ++created;
        } else {
            continue;
        }
        for (const auto& card : packet.value("insurance_cards", json::array())) {
            std::string local = portal.download(card.value("url", ""), "/tmp/card-" + card.value("id", "x") + ".jpg");
            elation.uploadInsuranceCard(*id, local, card.value("side", "front"));
        }
    }
    std::cout << "created " << created << ", matched " << matched << "\n";
    return 0;
}

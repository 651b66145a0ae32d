// care_team_admin: small ops CLI used by the care-coordination team to
// inspect and edit a patient's provider team in Elation.
//
//   care_team_admin [--host HOST] show   PATIENT_ID
//   care_team_admin [--host HOST] add    PATIENT_ID PHYSICIAN_ID [ROLE]
//   care_team_admin [--host HOST] remove MEMBER_ID
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using json = nlohmann::json;

namespace {

enum class Command { Show, Add, Remove, Unknown };

Command parse_command(const std::string& s) {
    if (s == "show") return Command::Show;
    if (s == "add") return Command::Add;
    if (s == "remove") return Command::Remove;
    return Command::Unknown;
}

class TeamAdmin {
public:
    explicit TeamAdmin(const std::string& host) : cli_("https://" + host) {
        cli_.set_connection_timeout(10);
        cli_.set_read_timeout(30);
    }

    bool login(const std::string& clientId, const std::string& clientSecret) {
        static const char* const kScopes[] = {
            "system/patients.read",
            "system/physicians.read",
            "system/patient_provider_team_members.write",
        };
        std::ostringstream scope;
        for (const char* s : kScopes) {
            if (scope.tellp() > 0) scope << ' ';
            scope << s;
        }
        httplib::Params form{{"grant_type", "client_credentials"},
                             {"client_id", clientId},
                             {"client_secret", clientSecret},
                             {"scope", scope.str()}};
        auto res = cli_.Post(api("/oauth2/token/"), form);  // expect-error [unknown-scope] {{system/patient_provider_team_members.write}} // expect-error [missing-scope] {{system/patient-provider-team-members.write}}
        if (!res || res->status != 200) {
            std::cerr << "login failed: " << (res ? std::to_string(res->status) : httplib::to_string(res.error())) << "\n";
            return false;
        }
        cli_.set_bearer_token_auth(json::parse(res->body).at("access_token").get<std::string>());
        return true;
    }

    int show(const std::string& patientId) {
        auto res = cli_.Get(api("/patients/" + patientId + "/patient_provider_team/"));  // api: GET /api/2.0/patients/{id}/patient_provider_team/
        if (!res || res->status != 200) return fail(res);
        json team = json::parse(res->body);
        for (const auto& m : team.value("members", json::array()))
            std::cout << m.value("id", 0L) << "\t" << m.value("physician", 0L) << "\t" << m.value("role", "") << "\n";
        return 0;
    }

    int add(const std::string& patientId, const std::string& physicianId, const std::string& role) {
        auto doc = cli_.Get(api("/physicians/" + physicianId + "/"));  // api: GET /api/2.0/physicians/{id}/
        if (!doc || doc->status != 200) {
            std::cerr << "no such physician " << physicianId << "\n";
            return 1;
        }
        json body = {{"patient", std::stol(patientId)}, {"physician", std::stol(physicianId)}, {"role", role}};
        auto res = cli_.Post(api("/patient-provider-team-members/"), body.dump(), "application/json");  // api: POST /api/2.0/patient-provider-team-members/
        if (!res || res->status != 201) return fail(res);
        std::cout << "added member " << json::parse(res->body).value("id", 0L) << "\n";
        return 0;
    }

    int remove(const std::string& memberId) {
        auto res = cli_.Delete(api("/patient-provider-team-members/" + memberId + "/"));  // api: DELETE /api/2.0/patient-provider-team-members/{id}/
        if (!res || res->status != 204) return fail(res);
        std::cout << "removed member " << memberId << "\n";
        return 0;
    }

private:
    static std::string api(const std::string& path) { return "/api/2.0" + path; }

    static int fail(const httplib::Result& res) {
        if (!res) std::cerr << "transport error: " << httplib::to_string(res.error()) << "\n";
        else std::cerr << "HTTP " << res->status << ": " << res->body << "\n";
        return 1;
    }

    httplib::Client cli_;
};

}  // namespace

int main(int argc, char** argv) {
    const char* envHost = std::getenv("ELATION_HOST");
    std::string host = envHost ? envHost : "sandbox.elationemr.com";
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() >= 2 && args[0] == "--host") {
        host = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty()) {
        std::cerr << "usage: care_team_admin [--host HOST] show|add|remove ...\n";
        return 2;
    }

    TeamAdmin admin(host);
    const char* id = std::getenv("ELATION_CLIENT_ID");
    const char* secret = std::getenv("ELATION_CLIENT_SECRET");
    if (!id || !secret || !admin.login(id, secret)) return 1;

    switch (parse_command(args[0])) {
        case Command::Show:
            return args.size() == 2 ? admin.show(args[1]) : 2;
        case Command::Add:
            if (args.size() < 3) return 2;
            return admin.add(args[1], args[2], args.size() > 3 ? args[3] : "Care Team Member");
        case Command::Remove:
            return args.size() == 2 ? admin.remove(args[1]) : 2;
        case Command::Unknown:
            break;
    }
    std::cerr << "unknown command " << args[0] << "\n";
    return 2;
}

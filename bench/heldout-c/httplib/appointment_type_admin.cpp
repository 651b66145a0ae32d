// appointment_type_admin: keeps the practice's appointment types in line with
// the catalogue the operations team maintains (appointment_types.json).
//
// Types missing in Elation are created, types whose duration or colour drifted
// are patched. With --dry-run nothing is written.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "scheduling_paths.h"

using nlohmann::json;

namespace {

std::string joinedScopes() {
    std::string out;
    for (const char* s : sched::kAdminScopes) {
        if (!out.empty()) out += ' ';
        out += s;
    }
    return out;
}

class SchedulingAdmin {
public:
    explicit SchedulingAdmin(const std::string& origin) : cli_(origin) {
        cli_.set_connection_timeout(10);
        cli_.set_read_timeout(30);
    }

    bool login(const std::string& id, const std::string& secret) {
        httplib::Params form{{"grant_type", "client_credentials"},
                             {"client_id", id},
                             {"client_secret", secret},
                             {"scope", joinedScopes()}};
        // expect-error [unknown-scope] {{system/appointment_type.write}}
        auto res = cli_.Post(sched::kTokenPath, form);
        if (!res || res->status != 200) return false;
        headers_ = {{"Authorization", "Bearer " + json::parse(res->body)["access_token"].get<std::string>()}};
        return true;
    }

    std::map<std::string, json> existingTypes() {
        std::map<std::string, json> byName;
        auto res = cli_.Get(sched::kAppointmentTypes, headers_);  // api: GET /api/2.0/appointment_types/
        if (!res) return byName;
        for (auto& t : json::parse(res->body)["results"]) byName[t["name"].get<std::string>()] = t;
        return byName;
    }

    bool knownPhysician(long id) {
        auto res = cli_.Get(std::string(sched::kPhysicians) + std::to_string(id) + "/", headers_);  // api: GET /api/2.0/physicians/{id}/
        return res && res->status == 200;
    }

    bool knownLocation(long id) {
        std::string path = sched::kServiceLocations + std::to_string(id) + "/";
        auto res = cli_.Get(path, headers_);  // api: GET /api/2.0/service_locations/{id}/
        return res && res->status == 200;
    }

    void create(const json& t) {
        auto res = cli_.Post(sched::kAppointmentTypes, headers_, t.dump(), "application/json");  // api: POST /api/2.0/appointment_types/
        // expect-error [missing-scope] {{system/appointment_types.write}}
        std::cout << "create " << t["name"] << ": " << (res ? res->status : -1) << "\n";
    }

    void patch(long id, const json& changes) {
        const std::string path = std::string(sched::kAppointmentTypes) + std::to_string(id) + "/";
        auto res = cli_.Patch(path, headers_, changes.dump(), "application/json");  // api: PATCH /api/2.0/appointment_types/{id}/
        // expect-error [missing-scope] {{system/appointment_types.write}}
        std::cout << "patch #" << id << ": " << (res ? res->status : -1) << "\n";
    }

private:
    httplib::Client cli_;
    httplib::Headers headers_;
};

}  // namespace

int main(int argc, char** argv) {
    bool dryRun = argc > 1 && std::string(argv[1]) == "--dry-run";
    const char* origin = std::getenv("ELATION_ORIGIN");
    SchedulingAdmin admin(origin ? origin : "https://sandbox.elationemr.com");
    if (!admin.login(std::getenv("ELATION_CLIENT_ID"), std::getenv("ELATION_CLIENT_SECRET"))) {
        std::cerr << "cannot log in\n";
        return 1;
    }

    std::ifstream in("appointment_types.json");
    json catalogue = json::parse(in);
    auto existing = admin.existingTypes();

    for (const json& wanted : catalogue) {
        if (wanted.contains("physician") && !admin.knownPhysician(wanted["physician"].get<long>())) continue;
        if (wanted.contains("service_location") && !admin.knownLocation(wanted["service_location"].get<long>()))
            continue;
        auto it = existing.find(wanted["name"].get<std::string>());
        if (it == existing.end()) {
            if (!dryRun) admin.create(wanted);
            continue;
        }
        json changes = json::object();
        for (const char* field : {"duration", "color", "is_telehealth"})
            if (wanted.contains(field) && wanted[field] != it->second[field]) changes[field] = wanted[field];
        if (!changes.empty() && !dryRun) admin.patch(it->second["id"].get<long>(), changes);
    }
    return 0;
}

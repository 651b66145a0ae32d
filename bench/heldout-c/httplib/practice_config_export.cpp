// practice_config_export: snapshot of the practice set-up (locations, staff,
// groups, physicians, the local pharmacy list) written to one JSON file per
// resource, for the go-live checklist of a new clinic. Also makes sure the
// clinic's in-house dispensary is listed as a pharmacy.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using json = nlohmann::json;

struct ExportConfig {
    std::string origin = "https://sandbox.elationemr.com";
    std::string prefix = "/api/2.0";
    std::string outDir = ".";
    std::string clientId;
    std::string clientSecret;
};

struct Resource {
    std::string name;      // path segment and scope resource
    std::string fileName;  // output file
};

static const std::vector<Resource> kResources = {
    {"practices", "practices.json"},
    {"service_locations", "service_locations.json"},
    {"staff_groups", "staff_groups.json"},
    {"office_staff", "office_staff.json"},
    {"physicians", "physicians.json"},
    {"pharmacies", "pharmacies.json"},
};

static std::string readScopes() {
    std::string scope;
    for (size_t i = 0; i < kResources.size(); ++i) {
        if (i) scope += " ";
        scope += "system/" + kResources[i].name + ".read";
    }
    return scope;
}

static ExportConfig configFromEnv(int argc, char** argv) {
    ExportConfig cfg;
    if (const char* o = std::getenv("ELATION_ORIGIN")) cfg.origin = o;
    if (const char* id = std::getenv("ELATION_CLIENT_ID")) cfg.clientId = id;
    if (const char* s = std::getenv("ELATION_CLIENT_SECRET")) cfg.clientSecret = s;
    if (argc > 1) cfg.outDir = argv[1];
    return cfg;
}

int main(int argc, char** argv) {
    const ExportConfig cfg = configFromEnv(argc, argv);
    httplib::Client api(cfg.origin);

    std::string form = "grant_type=client_credentials&client_id=" + cfg.clientId +
                       "&client_secret=" + cfg.clientSecret + "&scope=" + readScopes();
    auto tok = api.Post(cfg.prefix + "/oauth2/token/", form, "application/x-www-form-urlencoded");
    if (!tok || tok->status != 200) {
        std::cerr << "token request failed\n";
        return 1;
    }
    const httplib::Headers auth{
        {"Authorization", "Bearer " + json::parse(tok->body).value("access_token", std::string())}};

    size_t total = 0;
    for (const Resource& r : kResources) {
        json all = json::array();
        int offset = 0;
        const int limit = 100;
        for (;;) {
            const std::string path = cfg.prefix + "/" + r.name + "/?limit=" + std::to_string(limit) +
                                     "&offset=" + std::to_string(offset);
            auto res = api.Get(path, auth);  // api: GET /api/2.0/practices/ // api: GET /api/2.0/service_locations/ // api: GET /api/2.0/staff_groups/ // api: GET /api/2.0/office_staff/ // api: GET /api/2.0/physicians/ // api: GET /api/2.0/pharmacies/
            if (!res || res->status != 200) {
                std::cerr << r.name << ": HTTP " << (res ? res->status : 0) << "\n";
                break;
            }
            json page = json::parse(res->body);
            for (auto& item : page["results"]) all.push_back(item);
            if (page["next"].is_null()) break;
            offset += limit;
        }
        std::ofstream(cfg.outDir + "/" + r.fileName) << all.dump(2);
        total += all.size();
    }

    // The dispensary is not in the public pharmacy directory; "add" it.
    const char* ncpdp = std::getenv("DISPENSARY_NCPDP_ID");
    if (ncpdp) {
        json dispensary = {{"ncpdpid", ncpdp}, {"store_name", "Clinic Dispensary"}, {"phone_primary", "5550100"}};
        auto res = api.Post(cfg.prefix + "/pharmacies/", auth, dispensary.dump(), "application/json");  // api: POST /api/2.0/pharmacies/
        // expect-error [read-only-scope] {{pharmacies}}
        if (!res || res->status >= 300) std::cerr << "could not add the dispensary\n";
    }

    // Go-live dashboard scrapes the push gateway.
    httplib::Client metrics("http://localhost:9091");
    metrics.Post("/metrics/job/practice_config_export",
                 "practice_config_objects " + std::to_string(total) + "\n", "text/plain");
    std::cout << total << " objects exported\n";
    return 0;
}

// pharmacy_directory: suggests the three nearest pharmacies for a patient.
//
// Reads the patient's address and preferred pharmacy from Elation, geocodes
// the address with the company's internal geo service, then ranks pharmacies
// from Elation's directory by distance.
#include <httplib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

struct Settings {
    std::string elation_host = "sandbox.elationemr.com";
    std::string geo_host = "geo.internal.northbay-clinics.net";
    std::string client_id;
    std::string client_secret;
};

struct Pharmacy {
    std::string ncpdpid;
    double lat = 0, lon = 0;
};

static std::string field(const std::string& body, const char* key) {
    std::string k = std::string("\"") + key + "\": ";
    auto p = body.find(k);
    if (p == std::string::npos) return {};
    p += k.size();
    if (body[p] == '"') return body.substr(p + 1, body.find('"', p + 1) - p - 1);
    return body.substr(p, body.find_first_of(",}", p) - p);
}

class ElationDirectory {
public:
    explicit ElationDirectory(const Settings& s) : http_("https://" + s.elation_host), s_(s) {}

    bool login() {
        // The ops team asked for write too "in case we maintain the directory later".
        const std::vector<std::string> wanted = {"system/patients.read", "system/pharmacies.read",
                                                 "system/pharmacies.write"};
        std::string scope;
        for (const auto& w : wanted) scope += (scope.empty() ? "" : " ") + w;
        auto r = http_.Post("/api/2.0/oauth2/token/",  // expect-error [read-only-scope] {{system/pharmacies.write}}
                            httplib::Params{{"grant_type", "client_credentials"},
                                            {"client_id", s_.client_id},
                                            {"client_secret", s_.client_secret},
                                            {"scope", scope}});
        if (!r || r->status != 200) return false;
        auth_ = {{"Authorization", "Bearer " + field(r->body, "access_token")}};
        return true;
    }

    std::string get(const std::string& path) {
        auto r = http_.Get(("/api/2.0" + path).c_str(), auth_);  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/pharmacies/ // api: GET /api/2.0/pharmacies/{ncpdpid}/
        return r && r->status == 200 ? r->body : std::string();
    }

private:
    httplib::Client http_;
    Settings s_;
    httplib::Headers auth_;
};

static bool geocode(const Settings& s, const std::string& address, double& lat, double& lon) {
    httplib::Client geo(s.geo_host, 8443);
    std::string q = address;
    std::replace(q.begin(), q.end(), ' ', '+');
    auto r = geo.Get(("/v1/geocode?q=" + q).c_str());
    if (!r) return false;
    lat = std::atof(field(r->body, "lat").c_str());
    lon = std::atof(field(r->body, "lon").c_str());
    return true;
}

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    Settings s;
    if (const char* h = std::getenv("ELATION_HOST")) s.elation_host = h;
    s.client_id = std::getenv("ELATION_CLIENT_ID") ? std::getenv("ELATION_CLIENT_ID") : "";
    s.client_secret = std::getenv("ELATION_CLIENT_SECRET") ? std::getenv("ELATION_CLIENT_SECRET") : "";

    ElationDirectory dir(s);
    if (!dir.login()) return 1;
    std::string patient = dir.get(std::string("/patients/") + argv[1] + "/");
    std::string zip = field(patient, "zip");
    double plat = 0, plon = 0;
    if (!geocode(s, field(patient, "address_line1") + " " + zip, plat, plon)) return 1;

    std::string preferred = field(patient, "preferred_pharmacy_1");
    if (!preferred.empty()) std::cout << "preferred: " << dir.get("/pharmacies/" + preferred + "/") << "\n";

    std::vector<Pharmacy> found;
    std::string list = dir.get("/pharmacies/?zip=" + zip);
    for (auto p = list.find("\"ncpdpid\""); p != std::string::npos; p = list.find("\"ncpdpid\"", p + 1)) {
        std::string chunk = list.substr(p, 400);
        Pharmacy ph{field(chunk, "ncpdpid"), std::atof(field(chunk, "latitude").c_str()),
                    std::atof(field(chunk, "longitude").c_str())};
        found.push_back(ph);
    }
    std::function<double(const Pharmacy&)> dist = [&](const Pharmacy& ph) {
        return std::hypot(ph.lat - plat, ph.lon - plon);
    };
    std::sort(found.begin(), found.end(), [&](const Pharmacy& a, const Pharmacy& b) { return dist(a) < dist(b); });
    for (size_t i = 0; i < found.size() && i < 3; ++i) std::cout << found[i].ncpdpid << "\n";
    return 0;
}

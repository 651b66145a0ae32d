// vitals_backfill: posts vitals captured by the home-monitoring program
// (blood pressure cuffs, scales) into the patient's chart.
//
// Each reading is charted on behalf of the care-management nurse who owns
// the patient, so it shows up in her queue rather than the integration user's.
#include <cpr/cpr.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

struct Reading {
    long patient;
    std::string kind;  // "bp" or "weight"
    std::string value;
    std::string taken_at;
};

struct PreparedCall {
    std::string url;
    cpr::Header headers;
    std::string body;
};

class ChartWriter {
public:
    ChartWriter(std::string apiRoot, std::string nurseUserId)
        : root_(std::move(apiRoot)), nurse_(std::move(nurseUserId)) {}

    bool connect(const std::string& id, const std::string& secret) {
        const std::vector<std::string> scopes = {"system/patients.read", "system/vitals.read",
                                                 "system/vitals.write", "system/problems.read"};
        std::string joined = std::accumulate(std::next(scopes.begin()), scopes.end(), scopes.front(),
                                             [](std::string a, const std::string& b) { return a + " " + b; });
        cpr::Response r = cpr::Post(cpr::Url{root_ + "/oauth2/token/"},  // expect-warning [unused-scope] {{system/problems.read}}
                                    cpr::Payload{{"grant_type", "client_credentials"},
                                                 {"client_id", id},
                                                 {"client_secret", secret},
                                                 {"scope", joined}});
        if (r.status_code != 200) return false;
        auto p = r.text.find("\"access_token\": \"");
        if (p == std::string::npos) return false;
        p += 17;
        token_ = r.text.substr(p, r.text.find('"', p) - p);
        return true;
    }

    PreparedCall prepare(const std::string& path, std::string body = "", bool asNurse = false) const {
        PreparedCall c{root_ + path, cpr::Header{{"Authorization", "Bearer " + token_}}, std::move(body)};
        if (asNurse) c.headers["X-On-Behalf-Of"] = nurse_;
        if (!c.body.empty()) c.headers["Content-Type"] = "application/json";
        return c;
    }

    cpr::Response fetch(const PreparedCall& c) const {
        return cpr::Get(cpr::Url{c.url}, c.headers);  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/vitals/
    }

    cpr::Response submit(const PreparedCall& c) const {
        return cpr::Post(cpr::Url{c.url}, c.headers, cpr::Body{c.body});  // api: POST /api/2.0/vitals/ // expect-error [missing-scope] {{act_as_user}}
    }

private:
    std::string root_, nurse_, token_;
};

static bool already_charted(const ChartWriter& w, const Reading& r) {
    std::string path = "/vitals/?patient=" + std::to_string(r.patient) + "&limit=50";
    for (int offset = 0; offset < 500; offset += 50) {
        cpr::Response res = w.fetch(w.prepare(path + "&offset=" + std::to_string(offset)));
        if (res.status_code != 200) return false;
        if (res.text.find(r.taken_at) != std::string::npos) return true;
        if (res.text.find("\"next\": null") != std::string::npos) break;
    }
    return false;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: vitals_backfill readings.tsv NURSE_USER_ID\n";
        return 2;
    }
    const char* root = std::getenv("ELATION_API_ROOT");
    ChartWriter w(root ? root : "https://sandbox.elationemr.com/api/2.0", argv[2]);
    if (!w.connect(std::getenv("ELATION_CLIENT_ID"), std::getenv("ELATION_CLIENT_SECRET"))) return 1;

    std::ifstream in(argv[1]);
    std::string line;
    int posted = 0;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        Reading r;
        row >> r.patient >> r.kind >> r.value >> r.taken_at;
        if (w.fetch(w.prepare("/patients/" + std::to_string(r.patient) + "/")).status_code != 200) continue;
        if (already_charted(w, r)) continue;
        std::ostringstream js;
        js << "{\"patient\": " << r.patient << ", \"" << (r.kind == "bp" ? "bp" : "weight") << "\": \"" << r.value
           << "\", \"document_date\": \"" << r.taken_at << "\"}";
        if (w.submit(w.prepare("/vitals/", js.str(), true)).status_code == 201) ++posted;
    }
    std::cout << "posted " << posted << " readings\n";
    return 0;
}

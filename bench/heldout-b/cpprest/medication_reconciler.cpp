// Medication reconciler.
//
// After a hospital discharge, compares the discharge medication list (from
// the clinic's formulary mapping kept in GitHub) with the active and recently
// discontinued medications in Elation, adds new ones, discontinues stopped
// ones, and checks the patient's preferred pharmacy is still valid.
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri_builder.h>

#include <iostream>
#include <set>
#include <string>

using namespace web;
using namespace web::http;
using namespace web::http::client;

struct ReconcilerConfig {
    utility::string_t elationBase = U("https://app.elationemr.com/api/2.0");
    utility::string_t clientId;
    utility::string_t clientSecret;
};

class MedicationReconciler {
public:
    explicit MedicationReconciler(const ReconcilerConfig& cfg) : cfg_(cfg), api_(cfg.elationBase) {}

    void login() {
        utility::string_t form = U("grant_type=client_credentials&client_id=") + cfg_.clientId +
                                 U("&client_secret=") + cfg_.clientSecret +
                                 U("&scope=system/medications.read%20system/medications.write"
                                   "%20system/discontinued_medications.write%20system/pharmacies.read");
        // expect-error [missing-scope] {{system/discontinued_medications.read}}
        http_request req(methods::POST);
        req.set_request_uri(U("/oauth2/token/"));
        req.set_body(form, U("application/x-www-form-urlencoded"));
        auto res = api_.request(req).get();
        token_ = res.extract_json().get().at(U("access_token")).as_string();
    }

    json::value formularyMap() {
        http_client github(U("https://api.github.com"));
        http_request req(methods::GET);
        req.set_request_uri(U("/repos/riverbend-health/formulary/contents/discharge-map.json"));
        req.headers().add(U("Accept"), U("application/vnd.github.raw+json"));
        return github.request(req).get().extract_json().get();
    }

    void reconcile(int64_t patientId, const std::set<utility::string_t>& dischargeMeds,
                   const utility::string_t& pharmacyNcpdp) {
        auto q = utility::conversions::to_string_t(std::to_string(patientId));
        auto active = send(methods::GET, uri_builder(U("/medications/")).append_query(U("patient"), q));
        auto stopped = send(methods::GET, uri_builder(U("/discontinued_medications/")).append_query(U("patient"), q));

        std::set<utility::string_t> current;
        for (const auto& m : active.at(U("results")).as_array()) {
            auto name = m.at(U("medication")).at(U("name")).as_string();
            current.insert(name);
            if (!dischargeMeds.count(name)) {
                json::value d;
                d[U("patient")] = json::value::number(patientId);
                d[U("medication")] = m.at(U("id"));
                d[U("reason")] = json::value::string(U("Stopped at discharge"));
                send(methods::POST, uri_builder(U("/discontinued_medications/")), d);
            }
        }
        std::cout << stopped.at(U("count")).as_integer() << " previously discontinued\n";
        for (const auto& name : dischargeMeds) {
            if (current.count(name)) continue;
            json::value add;
            add[U("patient")] = json::value::number(patientId);
            add[U("medication")][U("name")] = json::value::string(name);
            add[U("start_date")] = json::value::string(U("2024-06-01"));
            send(methods::POST, uri_builder(U("/medications/")), add);
        }
        send(methods::GET, uri_builder(U("/pharmacies/")).append_path(pharmacyNcpdp + U("/")));
    }

private:
    json::value send(const method& m, const uri_builder& path, const json::value& body = json::value::null()) {
        http_request req(m);
        req.set_request_uri(path.to_uri());
        req.headers().add(U("Authorization"), U("Bearer ") + token_);
        if (!body.is_null()) req.set_body(body);
        auto res = api_.request(req).get();  // api: GET /api/2.0/medications/ // api: GET /api/2.0/discontinued_medications/ // api: POST /api/2.0/discontinued_medications/ // api: POST /api/2.0/medications/ // api: GET /api/2.0/pharmacies/{id}/
        return res.status_code() == status_codes::NoContent ? json::value::null() : res.extract_json().get();
    }

    ReconcilerConfig cfg_;
    http_client api_;
    utility::string_t token_;
};

int main(int argc, char** argv) {
    if (argc < 4) return 2;
    ReconcilerConfig cfg;
    cfg.clientId = utility::conversions::to_string_t(argv[1]);
    cfg.clientSecret = utility::conversions::to_string_t(argv[2]);
    MedicationReconciler rec(cfg);
    rec.login();
    std::set<utility::string_t> meds;
    for (const auto& m : rec.formularyMap().at(U("medications")).as_array()) meds.insert(m.as_string());
    rec.reconcile(std::stoll(argv[3]), meds, U("0512345"));
    return 0;
}

// immunization_registry_feed: imports doses reported to the state
// immunization registry (IIS) into the Elation chart.
//
//   immunization_registry_feed <elation api root> <registry root> <patient id> <registry person id>
//
// Doses already on the chart (same CVX + date) are skipped; the vaccine
// catalog is consulted to map CVX codes to Elation vaccine ids.
#include <cpprest/http_client.h>
#include <cpprest/json.h>

#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

struct Dose {
    std::string cvx;
    std::string date;
    std::string lot;
};

class RegistryClient {  // the state registry, not Elation
public:
    explicit RegistryClient(const std::string& root) : http_(uri(root)) {}
    std::vector<Dose> history(const std::string& person) {
        std::vector<Dose> out;
        auto v = http_.request(methods::GET, "/iis/v2/persons/" + person + "/immunizations").get().extract_json().get();
        for (auto& d : v.at("doses").as_array())
            out.push_back({d.at("cvx").as_string(), d.at("administered").as_string(), d.at("lot").as_string()});
        return out;
    }

private:
    http_client http_;
};

class ElationChart {
public:
    explicit ElationChart(const std::string& apiRoot) : http_(uri(apiRoot)) {}

    void connect() {
        static const char* const kScopes[] = {"system/immunisations.read", "system/immunizations.write",
                                              "system/vaccine.read"};
        std::ostringstream scope;
        for (const char* s : kScopes) {
            if (scope.tellp() > 0) scope << "%20";
            scope << s;
        }
        std::ostringstream form;
        form << "grant_type=client_credentials&client_id=" << std::getenv("ELATION_CLIENT_ID")
             << "&client_secret=" << std::getenv("ELATION_CLIENT_SECRET") << "&scope=" << scope.str();
        http_request req(methods::POST);
        req.set_request_uri(U("oauth2/token/"));
        req.set_body(form.str(), "application/x-www-form-urlencoded");
        auto tok = http_.request(req).get().extract_json().get();  // expect-error [unknown-scope] {{system/immunisations.read}}
        bearer_ = "Bearer " + tok.at("access_token").as_string();
    }

    json::value get(const std::string& path) {
        http_request req(methods::GET);
        req.set_request_uri(path);
        req.headers().add(U("Authorization"), bearer_);
        return http_.request(req).get().extract_json().get();  // api: GET /api/2.0/immunizations/ // api: GET /api/2.0/vaccine/ // expect-error [missing-scope] {{system/immunizations.read}}
    }

    status_code add(const json::value& dose) {
        http_request req(methods::POST);
        req.set_request_uri(U("immunizations/"));
        req.headers().add(U("Authorization"), bearer_);
        req.set_body(dose);
        return http_.request(req).get().status_code();  // api: POST /api/2.0/immunizations/
    }

private:
    http_client http_;
    std::string bearer_;
};

int main(int argc, char** argv) {
    if (argc < 5) {
        std::cerr << "usage: immunization_registry_feed API_ROOT REGISTRY_ROOT PATIENT PERSON\n";
        return 2;
    }
    const std::string patient = argv[3];
    ElationChart chart(argv[1]);
    RegistryClient registry(argv[2]);
    chart.connect();

    std::set<std::string> onChart;
    auto existing = chart.get("immunizations/?patient=" + patient);
    for (auto& i : existing.at("results").as_array())
        onChart.insert(i.at("cvx").as_string() + "@" + i.at("administered_date").as_string());

    int added = 0;
    for (const Dose& d : registry.history(argv[4])) {
        if (onChart.count(d.cvx + "@" + d.date)) continue;
        auto vac = chart.get("vaccine/?cvx=" + d.cvx);
        auto results = vac.at("results").as_array();
        if (results.size() == 0) continue;
        json::value body = json::value::object();
        body["patient"] = json::value::number(static_cast<int64_t>(std::stoll(patient)));
        body["vaccine"] = results.at(0).at("id");
        body["administered_date"] = json::value::string(d.date);
        body["lot_number"] = json::value::string(d.lot);
        body["source"] = json::value::string("state registry");
        if (chart.add(body) == status_codes::Created) ++added;
    }
    std::cout << "added " << added << " doses\n";
    return 0;
}

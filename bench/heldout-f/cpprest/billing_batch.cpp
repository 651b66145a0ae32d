// billing_batch: end-of-day billing pass. For each unbilled bill of the practice:
// validates its CPT codes against Elation's billing codes, releases insured
// visits to the practice-management system, and posts self-pay visits to the
// patient's outstanding balance.
//
// usage: billing_batch <practice-id> [base-url]
// Environment: ELATION_CLIENT_ID, ELATION_CLIENT_SECRET
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <iterator>
#include <numeric>
#include <set>
#include <string>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

class BillingBatch {
public:
    BillingBatch(const utility::string_t& base, utility::string_t practice)
        : base_(base), practice_(std::move(practice)), client_(base, make_config()) {}

    void login() {
        const std::vector<std::string> scopes = {"system/bills.read", "system/bills.write",
                                                 "system/billing_codes.read", "system/patients.read"};
        const std::string scope = std::accumulate(std::next(scopes.begin()), scopes.end(), scopes.front(),
                                                  [](std::string a, const std::string& b) { return a + " " + b; });
        const utility::string_t form = U("grant_type=client_credentials&client_id=") +
                                       uri::encode_data_string(env("ELATION_CLIENT_ID")) +
                                       U("&client_secret=") + uri::encode_data_string(env("ELATION_CLIENT_SECRET")) +
                                       U("&scope=") + uri::encode_data_string(scope);

        http_client auth(base_);
        http_request req(methods::POST);
        req.set_request_uri(U("/oauth2/token/"));
        req.set_body(form, U("application/x-www-form-urlencoded"));
        http_response resp = auth.request(req).get();  // expect-error [missing-scope] {{system/patients.write}}
        if (resp.status_code() != status_codes::OK)
            throw std::runtime_error("token request failed");
        token_ = resp.extract_json().get().at(U("access_token")).as_string();
    }

    void run() {
        json::value bills = call(methods::GET, endpoint(U("/bills/"))
                                                   .append_query(U("practice"), practice_)
                                                   .append_query(U("billing_status"), U("Unbilled")))
                                .get();
        std::vector<std::function<pplx::task<void>()>> steps;
        for (const auto& bill : bills[U("results")].as_array()) {
            if (!codes_valid(bill))
                continue;
            const auto billId = bill.at(U("id")).as_number().to_int64();
            const auto patientId = bill.at(U("patient")).as_number().to_int64();
            steps.push_back([this, billId, patientId, bill] {
                return call(methods::GET, endpoint(U("/patients/") + std::to_string(patientId) + U("/")))
                    .then([this, billId, patientId, bill](json::value patient) {
                        if (patient.has_field(U("insurances")) && patient[U("insurances")].size() > 0)
                            return call(methods::PATCH, endpoint(U("/bills/") + std::to_string(billId) +
                                                                 U("/actions/release-to-pms/")))
                                .then([](json::value) {});
                        json::value balance;
                        balance[U("amount")] = bill.has_field(U("total")) ? bill.at(U("total")) : json::value(0);
                        balance[U("description")] = json::value::string(U("Self-pay visit, bill ") + std::to_string(billId));
                        return call(methods::POST,
                                    endpoint(U("/patients/") + std::to_string(patientId) + U("/outstanding_balance/")),
                                    balance)
                            .then([](json::value) {});
                    });
            });
        }
        size_t failed = 0;
        for (auto& step : steps) {
            try {
                step().wait();
            } catch (const std::exception& e) {
                std::cerr << e.what() << "\n";
                ++failed;
            }
        }
        std::cout << steps.size() - failed << " bill(s) processed, " << failed << " failed\n";
    }

private:
    static http_client_config make_config() {
        http_client_config cfg;
        cfg.set_timeout(std::chrono::seconds(30));
        return cfg;
    }

    static utility::string_t env(const char* name) {
        const char* v = std::getenv(name);
        return v ? v : "";
    }

    uri_builder endpoint(const utility::string_t& path) const { return uri_builder(path); }

    pplx::task<json::value> call(const method& m, const uri_builder& target, const json::value& body = json::value::null()) {
        http_request req(m);
        req.set_request_uri(target.to_uri());
        req.headers().add(header_names::authorization, U("Bearer ") + token_);
        if (!body.is_null())
            req.set_body(body);
        return client_.request(req).then([m, target](http_response r) {  // api: GET /api/2.0/bills/ // api: GET /api/2.0/billing_codes/ // api: GET /api/2.0/patients/{id}/ // api: PATCH /api/2.0/bills/{id}/actions/release-to-pms/ // api: POST /api/2.0/patients/{id}/outstanding_balance/
            if (r.status_code() / 100 != 2)
                throw std::runtime_error(m + " " + target.to_string() + ": HTTP " + std::to_string(r.status_code()));
            return r.extract_json();
        });
    }

    bool codes_valid(const json::value& bill) {
        if (!bill.has_field(U("cpts")))
            return false;
        for (const auto& cpt : bill.at(U("cpts")).as_array()) {
            const auto code = cpt.at(U("cpt")).as_string();
            if (known_.count(code))
                continue;
            json::value found = call(methods::GET, endpoint(U("/billing_codes/")).append_query(U("code"), code)).get();
            if (found[U("results")].size() == 0) {
                std::cerr << "bill " << bill.at(U("id")).serialize() << ": unknown CPT " << code << "\n";
                return false;
            }
            known_.insert(code);
        }
        return true;
    }

    utility::string_t base_, practice_, token_;
    http_client client_;
    std::set<utility::string_t> known_;
};

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: billing_batch <practice-id> [base-url]\n";
        return 2;
    }
    try {
        BillingBatch batch(argc > 2 ? argv[2] : "https://app.elationemr.com/api/2.0", argv[1]);
        batch.login();
        batch.run();
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

// intake_history_service: small HTTP service behind the clinic's webhook relay.
//
// When a patient submits the new-patient questionnaire, the relay POSTs
// {"submission_id": N} here. We read the submission and its form definition,
// and write the family history and social history answers to the chart.
#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <cpprest/json.h>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

using namespace web;
using namespace web::http;

struct ServiceConfig {
    std::string listenAddress = "http://0.0.0.0:8085/intake";
    std::string elationApi = "https://sandbox.elationemr.com/api/2.0";
    std::string clientId;
    std::string clientSecret;
};

static ServiceConfig loadConfig() {
    ServiceConfig c;
    if (auto v = std::getenv("INTAKE_LISTEN")) c.listenAddress = v;
    if (auto v = std::getenv("ELATION_API")) c.elationApi = v;
    if (auto v = std::getenv("ELATION_CLIENT_ID")) c.clientId = v;
    if (auto v = std::getenv("ELATION_CLIENT_SECRET")) c.clientSecret = v;
    return c;
}

class IntakeWriter {
public:
    explicit IntakeWriter(const ServiceConfig& cfg) : api_(uri(cfg.elationApi)) {
        static const std::vector<std::string> scopes{"system/patient_form_submissions.read", "system/patients.read",
                                                     "system/family_histories.write", "system/histories.write"};
        const std::string scope = std::accumulate(scopes.begin(), scopes.end(), std::string(),
                                                  [](const std::string& a, const std::string& b) {
                                                      return a.empty() ? b : a + " " + b;
                                                  });
        // expect-warning [unused-scope] {{system/patients.read}}
        uri_builder form;
        form.append_query(U("grant_type"), U("client_credentials"));
        form.append_query(U("client_id"), cfg.clientId);
        form.append_query(U("client_secret"), cfg.clientSecret);
        form.append_query(U("scope"), scope);
        http_request req(methods::POST);
        req.set_request_uri(U("oauth2/token/"));
        req.set_body(form.query(), U("application/x-www-form-urlencoded"));
        auto tok = api_.request(req).get().extract_json().get();
        bearer_ = U("Bearer ") + tok.at(U("access_token")).as_string();

        sections_["family_history"] = [this](int patient, const json::value& answer) {
            json::value fh;
            fh[U("patient")] = json::value::number(patient);
            fh[U("relationship")] = answer.at(U("relative"));
            fh[U("text")] = answer.at(U("condition"));
            post(U("family_histories/"), fh);
        };
        sections_["social_history"] = [this](int patient, const json::value& answer) {
            json::value h;
            h[U("patient")] = json::value::number(patient);
            h[U("type")] = json::value::string(U("Social"));
            h[U("text")] = answer.at(U("text"));
            post(U("histories/"), h);
        };
    }

    void handleSubmission(int submissionId) {
        json::value sub = get(U("patient_form_submissions/") + std::to_string(submissionId) + U("/"));
        json::value form = get(U("patient_forms/") + std::to_string(sub.at(U("form")).as_integer()) + U("/"));  // expect-error [missing-scope] {{system/patient_forms.read}}
        const int patient = sub.at(U("patient")).as_integer();
        for (const auto& answer : sub.at(U("answers")).as_array()) {
            const auto questionId = answer.at(U("question")).as_integer();
            for (const auto& q : form.at(U("questions")).as_array()) {
                if (q.at(U("id")).as_integer() != questionId) continue;
                auto it = sections_.find(q.at(U("section")).as_string());
                if (it != sections_.end()) it->second(patient, answer);
            }
        }
    }

private:
    json::value get(const utility::string_t& path) {
        http_request req(methods::GET);
        req.set_request_uri(path);
        req.headers().add(header_names::authorization, bearer_);
        return api_.request(req).get().extract_json().get();  // api: GET /api/2.0/patient_form_submissions/{id}/ // api: GET /api/2.0/patient_forms/{id}/
    }

    void post(const utility::string_t& path, const json::value& body) {
        http_request req(methods::POST);
        req.set_request_uri(path);
        req.headers().add(header_names::authorization, bearer_);
        req.set_body(body);
        auto status = api_.request(req).get().status_code();  // api: POST /api/2.0/family_histories/ // api: POST /api/2.0/histories/
        if (status >= 300) std::cerr << path << ": " << status << "\n";
    }

    client::http_client api_;
    utility::string_t bearer_;
    std::map<std::string, std::function<void(int, const json::value&)>> sections_;
};

int main() {
    const ServiceConfig cfg = loadConfig();
    IntakeWriter writer(cfg);
    experimental::listener::http_listener listener(cfg.listenAddress);
    listener.support(methods::POST, [&writer](http_request req) {
        req.extract_json()
            .then([&writer, req](json::value body) {
                writer.handleSubmission(body.at(U("submission_id")).as_integer());
                req.reply(status_codes::Accepted);
            })
            .then([req](pplx::task<void> t) {
                try {
                    t.get();
                } catch (const std::exception& e) {
                    std::cerr << "submission failed: " << e.what() << "\n";
                    req.reply(status_codes::InternalError);
                }
            });
    });
    listener.open().wait();
    std::cout << "listening on " << cfg.listenAddress << "\n";
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

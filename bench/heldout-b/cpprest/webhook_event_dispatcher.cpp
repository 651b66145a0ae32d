// Elation webhook event dispatcher.
//
// Receives Elation event notifications (appointment, patient and problem
// changes) on a local listener, fetches the changed resource, and hands it to
// the care-coordination queue. Appointment events also pull the patient.
#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <cpprest/json.h>

#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>

using namespace web;
using namespace web::http;
using namespace web::http::client;
using namespace web::http::experimental::listener;

namespace {

const utility::string_t kElation = U("https://api.app.elationemr.com");

utility::string_t env(const char* name) {
    const char* v = std::getenv(name);
    return utility::conversions::to_string_t(v ? v : "");
}

}  // namespace

class EventDispatcher {
public:
    EventDispatcher() : elation_(kElation), listener_(U("http://0.0.0.0:8085/elation/events")) {
        listener_.support(methods::POST, [this](http_request r) { onEvent(std::move(r)); });
    }

    void authenticate() {
        http_request req(methods::POST);
        req.set_request_uri(U("/api/2.0/oauth2/token/"));
        req.set_body(U("grant_type=client_credentials&client_id=") + env("ELATION_CLIENT_ID") +
                         U("&client_secret=") + env("ELATION_CLIENT_SECRET") +
                         U("&scope=system/appointments.read+system/patients.read+system/problems.read"),
                     U("application/x-www-form-urlencoded"));
        auto body = elation_.request(req).get().extract_json().get();
        std::lock_guard<std::mutex> lock(mu_);
        token_ = body.at(U("access_token")).as_string();
    }

    void run() { listener_.open().wait(); }

private:
    void onEvent(http_request r) {
        auto event = r.extract_json().get();
        r.reply(status_codes::OK);
        const auto resource = event.at(U("resource")).as_string();
        // The event carries the canonical URL of the changed object; which
        // endpoint it is depends on the subscription that fired.
        const auto objectUrl = event.at(U("data")).at(U("url")).as_string();
        auto changed = fetchAbsolute(objectUrl);
        enqueue(resource, changed);

        if (resource == U("appointments")) {
            const auto patientId = changed.at(U("patient")).as_number().to_int64();
            http_request req(methods::GET);
            req.set_request_uri(U("/api/2.0/patients/") + utility::conversions::to_string_t(std::to_string(patientId)) + U("/"));
            req.headers().add(U("Authorization"), bearer());
            auto patient = elation_.request(req).get().extract_json().get();  // api: GET /api/2.0/patients/{id}/
            enqueue(U("patients"), patient);
        }
    }

    json::value fetchAbsolute(const utility::string_t& url) {
        http_client c(url);
        http_request req(methods::GET);
        req.headers().add(U("Authorization"), bearer());
        // expect-note [unresolved-call] {{url}}
        return c.request(req).get().extract_json().get();
    }

    void enqueue(const utility::string_t& kind, const json::value& doc) {
        http_client queue(U("http://localhost:15672"));
        json::value msg;
        msg[U("kind")] = json::value::string(kind);
        msg[U("payload")] = doc;
        queue.request(methods::POST, U("/api/exchanges/%2F/care-coord/publish"), msg).wait();
    }

    utility::string_t bearer() {
        std::lock_guard<std::mutex> lock(mu_);
        return U("Bearer ") + token_;
    }

    http_client elation_;
    http_listener listener_;
    std::mutex mu_;
    utility::string_t token_;
};

int main() {
    EventDispatcher d;
    d.authenticate();
    d.run();
    std::cout << "listening; press enter to stop" << std::endl;
    std::string line;
    std::getline(std::cin, line);
    return 0;
}

// message_center: backend for the "message your care team" widget on the
// patient portal. Threads and messages are created in Elation as the
// patient's provider, so replies land in the provider's inbox.
//
//   message_center PATIENT_ID PROVIDER_USER_ID SUBJECT TEXT
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri_builder.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

class MessageCenter {
public:
    MessageCenter(const utility::string_t& base, const utility::string_t& clientId, const utility::string_t& secret)
        : m_client(base) {
        std::vector<utility::string_t> scopes{U("system/message_threads.read"), U("system/message_threads.write"),
                                              U("system/thread_members.read")};
        scopes.push_back(U("system/thread_messages.read"));
        scopes.push_back(U("system/thread_messages.write"));
        utility::string_t joined;
        for (const auto& s : scopes) {
            if (!joined.empty()) joined += U(" ");
            joined += s;
        }
        const utility::string_t body = U("grant_type=client_credentials&client_id=") + uri::encode_data_string(clientId) +
                                       U("&client_secret=") + uri::encode_data_string(secret) +
                                       U("&scope=") + uri::encode_data_string(joined);
        http_response resp = m_client.request(methods::POST, U("oauth2/token/"), body, U("application/x-www-form-urlencoded")).get();  // expect-error [missing-scope] {{act_as_user}} // expect-warning [unused-scope] {{system/thread_messages.read}}
        if (resp.status_code() != status_codes::OK)
            throw std::runtime_error("token request failed");
        m_token = resp.extract_json().get().at(U("access_token")).as_string();
    }

    json::value threadsFor(int64_t patientId) {
        uri_builder b(U("message_threads/"));
        b.append_query(U("patient"), patientId);
        b.append_query(U("is_closed"), U("false"));
        return send(build(methods::GET, b.to_string()));
    }

    json::value membersOf(int64_t threadId) {
        uri_builder b(U("thread_members/"));
        b.append_query(U("thread"), threadId);
        return send(build(methods::GET, b.to_string()));
    }

    int64_t openThread(int64_t patientId, int64_t providerUserId, const utility::string_t& subject) {
        json::value body;
        body[U("patient")] = json::value::number(patientId);
        body[U("subject")] = json::value::string(subject);
        body[U("is_urgent")] = json::value::boolean(false);
        http_request req = build(methods::POST, U("message_threads/"));
        req.headers().add(U("X-On-Behalf-Of"), providerUserId);
        req.set_body(body);
        return send(std::move(req)).at(U("id")).as_number().to_int64();
    }

    void postMessage(int64_t threadId, int64_t providerUserId, const utility::string_t& text) {
        json::value body;
        body[U("thread")] = json::value::number(threadId);
        body[U("body")] = json::value::string(text);
        http_request req = build(methods::POST, U("thread_messages/"));
        req.headers().add(U("X-On-Behalf-Of"), providerUserId);
        req.set_body(body);
        send(std::move(req));
    }

private:
    http_request build(const method& m, const utility::string_t& pathAndQuery) const {
        http_request req(m);
        req.set_request_uri(pathAndQuery);
        req.headers().add(header_names::authorization, U("Bearer ") + m_token);
        req.headers().add(header_names::accept, U("application/json"));
        return req;
    }

    json::value send(http_request req) {
        http_response resp = m_client.request(req).get();  // api: GET /api/2.0/message_threads/ // api: GET /api/2.0/thread_members/ // api: POST /api/2.0/message_threads/ // api: POST /api/2.0/thread_messages/
        if (resp.status_code() >= 400)
            throw http_exception(resp.status_code(), resp.extract_string().get());
        return resp.extract_json().get();
    }

    http_client m_client;
    utility::string_t m_token;
};

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: message_center PATIENT_ID PROVIDER_USER_ID SUBJECT TEXT\n";
        return 2;
    }
    const int64_t patient = std::stoll(argv[1]);
    const int64_t provider = std::stoll(argv[2]);
    const char* base = std::getenv("ELATION_API_BASE");

    try {
        MessageCenter mc(utility::conversions::to_string_t(base ? base : "https://sandbox.elationemr.com/api/2.0/"),
                         utility::conversions::to_string_t(std::getenv("ELATION_CLIENT_ID")),
                         utility::conversions::to_string_t(std::getenv("ELATION_CLIENT_SECRET")));

        auto field = [](const json::value& obj, const auto& key) -> json::value {
            return obj.has_field(key) ? obj.at(key) : json::value::null();
        };

        std::optional<int64_t> thread;
        const json::value threads = field(mc.threadsFor(patient), U("results"));
        for (const auto& t : threads.as_array()) {
            const int64_t threadId = t.at(U("id")).as_number().to_int64();
            const json::value members = field(mc.membersOf(threadId), U("results"));
            for (const auto& m : members.as_array()) {
                if (field(m, U("user")).is_number() && m.at(U("user")).as_number().to_int64() == provider)
                    thread = threadId;
            }
            if (thread) break;
        }
        if (!thread)
            thread = mc.openThread(patient, provider, utility::conversions::to_string_t(argv[3]));
        mc.postMessage(*thread, provider, utility::conversions::to_string_t(argv[4]));
        std::cout << "posted to thread " << *thread << "\n";
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

// immunization_registry: reports immunizations given in the clinic to the
// state Immunization Information System (IIS). The IIS takes one C-CDA
// (immunizations section) per patient per submission window.
//
//   immunization_registry FROM_DATE [TO_DATE]
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri_builder.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

using namespace web;
using namespace web::http;
using namespace web::http::client;

struct RegistryConfig {
    utility::string_t elationBase = U("https://app.elationemr.com/api/2.0/");
    utility::string_t iisTokenUrl = U("https://auth.iis.health.example-state.gov/oauth2/token");
    utility::string_t iisBase = U("https://iis.health.example-state.gov/submissions/v1/");
    utility::string_t clientId, clientSecret, iisClientId, iisSecret;
};

class ElationSource {
public:
    explicit ElationSource(const RegistryConfig& cfg) : m_elation(cfg.elationBase) {
        static const utility::char_t* const kScopes[] = {U("system/immunizations.read"), U("system/vaccines.read"),
                                                         U("system/patients.read"), U("system/ccda.read"),
                                                         U("system/ccda.write")};
        utility::ostringstream_t scope;
        for (const auto* s : kScopes) scope << s << U(' ');
        utility::string_t scopes = scope.str();
        scopes.pop_back();

        http_request req(methods::POST);
        req.set_request_uri(U("oauth2/token/"));
        req.set_body(U("grant_type=client_credentials&client_id=") + uri::encode_data_string(cfg.clientId) +
                         U("&client_secret=") + uri::encode_data_string(cfg.clientSecret) +
                         U("&scope=") + uri::encode_data_string(scopes),
                     U("application/x-www-form-urlencoded"));
        http_response resp = m_elation.request(req).get();  // expect-error [unknown-scope] {{system/vaccines.read}} // expect-error [missing-scope] {{system/vaccine.read}} // expect-warning [unused-scope] {{system/ccda.write}}
        m_bearer = U("Bearer ") + resp.extract_json().get().at(U("access_token")).as_string();
    }

    json::value immunizationsPage(const utility::string_t& from, const utility::string_t& to, int offset) {
        uri_builder b(U("immunizations/"));
        b.append_query(U("administered_date__gte"), from).append_query(U("administered_date__lte"), to);
        b.append_query(U("limit"), 100).append_query(U("offset"), offset);
        return getWithRetry(b.to_string()).extract_json().get();
    }

    json::value vaccine(int64_t id) { return getWithRetry(U("vaccine/") + utility::conversions::to_string_t(std::to_string(id)) + U("/")).extract_json().get(); }
    json::value patient(int64_t id) { return getWithRetry(U("patients/") + utility::conversions::to_string_t(std::to_string(id)) + U("/")).extract_json().get(); }

    std::string immunizationCcda(int64_t patientId) {
        uri_builder b(U("ccda/") + utility::conversions::to_string_t(std::to_string(patientId)) + U("/"));
        b.append_query(U("sections"), U("immunizations"));
        return getWithRetry(b.to_string()).extract_utf8string().get();
    }

private:
    http_response getWithRetry(const utility::string_t& pathAndQuery) {
        std::function<pplx::task<http_response>()> attempt = [&] {
            http_request req(methods::GET);
            req.set_request_uri(pathAndQuery);
            req.headers().add(header_names::authorization, m_bearer);
            return m_elation.request(req);  // api: GET /api/2.0/immunizations/ // api: GET /api/2.0/vaccine/{id}/ // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/ccda/{id}/
        };
        for (int i = 0; i < 3; ++i) {
            http_response r = attempt().get();
            if (r.status_code() != status_codes::ServiceUnavailable && r.status_code() != status_codes::TooManyRequests)
                return r;
            std::this_thread::sleep_for(std::chrono::seconds(1 << i));
        }
        return attempt().get();
    }

    http_client m_elation;
    utility::string_t m_bearer;
};

// State IIS: separate OAuth server, not Elation.
static utility::string_t iisToken(const RegistryConfig& cfg) {
    http_client idp(cfg.iisTokenUrl);
    const utility::string_t form = U("grant_type=client_credentials&scope=iis.submit%20iis.status&client_id=") +
                                   uri::encode_data_string(cfg.iisClientId) + U("&client_secret=") +
                                   uri::encode_data_string(cfg.iisSecret);
    http_response r = idp.request(methods::POST, U(""), form, U("application/x-www-form-urlencoded")).get();
    return r.extract_json().get().at(U("access_token")).as_string();
}

static utility::string_t env(const char* k) {
    const char* v = std::getenv(k);
    return utility::conversions::to_string_t(v ? v : "");
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: immunization_registry FROM_DATE [TO_DATE]\n";
        return 2;
    }
    RegistryConfig cfg;
    cfg.clientId = env("ELATION_CLIENT_ID");
    cfg.clientSecret = env("ELATION_CLIENT_SECRET");
    cfg.iisClientId = env("IIS_CLIENT_ID");
    cfg.iisSecret = env("IIS_CLIENT_SECRET");
    const utility::string_t from = utility::conversions::to_string_t(argv[1]);
    const utility::string_t to = utility::conversions::to_string_t(argc > 2 ? argv[2] : argv[1]);

    ElationSource elation(cfg);
    http_client iis(cfg.iisBase);
    const utility::string_t iisBearer = U("Bearer ") + iisToken(cfg);

    std::set<int64_t> patients;
    for (int offset = 0;; offset += 100) {
        json::value page = elation.immunizationsPage(from, to, offset);
        for (const auto& imm : page.at(U("results")).as_array()) {
            json::value vx = elation.vaccine(imm.at(U("vaccine")).as_number().to_int64());
            if (vx.has_field(U("cvx")) && !vx.at(U("cvx")).is_null())
                patients.insert(imm.at(U("patient")).as_number().to_int64());
        }
        if (page.at(U("next")).is_null()) break;
    }

    int accepted = 0;
    for (int64_t pid : patients) {
        json::value demo = elation.patient(pid);
        if (demo.has_field(U("deleted_date")) && !demo.at(U("deleted_date")).is_null()) continue;

        http_request sub(methods::POST);
        sub.set_request_uri(U("cda"));
        sub.headers().add(header_names::authorization, iisBearer);
        sub.set_body(elation.immunizationCcda(pid), "application/xml");
        if (iis.request(sub).get().status_code() == status_codes::Accepted) ++accepted;
    }
    std::cout << "submitted " << accepted << "/" << patients.size() << " patients\n";
    return 0;
}

// referral_letter_sender: sends a referral letter to a specialist.
//
//   referral_letter_sender <elation origin> <patient id> <specialist NPI> <letter.txt>
//
// Finds the specialist in the practice contacts (adds them from the NPI
// registry if needed), files the letter in Elation, and faxes a copy through
// Phaxio for offices that do not take Direct messages.
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri_builder.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

class ElationLetters {
public:
    explicit ElationLetters(const utility::string_t& origin) : client_(origin) {}

    void authenticate(const std::string& id, const std::string& secret) {
        const std::vector<std::string> scopes = {"system/patients.read", "system/contacts.read",
                                                 "system/contacts.write", "system/letters.read",
                                                 "system/letter.write"};
        std::string scope;
        for (std::size_t i = 0; i < scopes.size(); ++i) scope += (i ? "+" : "") + scopes[i];
        // expect-error [unknown-scope] {{system/letter.write}}
        const std::string form = "grant_type=client_credentials&client_id=" + uri::encode_data_string(id) +
                                 "&client_secret=" + uri::encode_data_string(secret) + "&scope=" + scope;
        http_response res =
            client_.request(methods::POST, U("/api/2.0/oauth2/token/"), form, U("application/x-www-form-urlencoded")).get();
        bearer_ = U("Bearer ") + res.extract_json().get().at(U("access_token")).as_string();
    }

    json::value patient(int id) {
        uri_builder b(U("/api/2.0/patients/"));
        b.append_path(std::to_string(id) + "/");
        return send(methods::GET, b.to_string());
    }

    json::value contactByNpi(const std::string& npi) {
        uri_builder b(U("/api/2.0/contacts/search/"));
        b.append_query(U("npi"), npi);
        return send(methods::GET, b.to_string());
    }

    int addContact(const json::value& contact) {
        return send(methods::POST, U("/api/2.0/contacts/"), contact).at(U("id")).as_integer();
    }

    int fileLetter(int patientId, int contactId, const std::string& text) {
        json::value body;
        body[U("patient")] = json::value::number(patientId);
        body[U("send_to_contact")] = json::value::number(contactId);
        body[U("letter_type")] = json::value::string(U("referral"));
        body[U("body")] = json::value::string(text);
        return send(methods::POST, U("/api/2.0/letters/"), body).at(U("id")).as_integer();  // expect-error [missing-scope] {{system/letters.write}}
    }

    std::string letterStatus(int letterId) {
        auto v = send(methods::GET, U("/api/2.0/letters/") + std::to_string(letterId) + U("/"));
        return v.has_field(U("delivery_status")) ? v.at(U("delivery_status")).as_string() : "unknown";
    }

private:
    json::value send(const method& m, const utility::string_t& pathAndQuery, const json::value& body = json::value()) {
        http_request req(m);
        req.set_request_uri(pathAndQuery);
        req.headers().add(header_names::authorization, bearer_);
        if (!body.is_null()) req.set_body(body);
        http_response res = client_.request(req).get();  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/contacts/search/ // api: POST /api/2.0/contacts/ // api: POST /api/2.0/letters/ // api: GET /api/2.0/letters/{id}/
        return res.status_code() < 300 ? res.extract_json().get() : json::value();
    }

    http_client client_;
    utility::string_t bearer_;
};

// NPPES registry lookup for contacts we have never sent to before.
static json::value npiRegistry(const std::string& npi) {
    http_client nppes(U("https://npiregistry.cms.hhs.gov"));
    uri_builder b(U("/api/"));
    b.append_query(U("version"), U("2.1"));
    b.append_query(U("number"), npi);
    return nppes.request(methods::GET, b.to_string()).get().extract_json().get();
}

static void faxCopy(const std::string& faxNumber, const std::string& text) {
    http_client phaxio(U("https://api.phaxio.com/v2.1"));
    http_request req(methods::POST);
    req.set_request_uri(U("/faxes"));
    const char* key = std::getenv("PHAXIO_BASIC_AUTH");
    req.headers().add(U("Authorization"), std::string("Basic ") + (key ? key : ""));
    req.set_body("to=" + uri::encode_data_string(faxNumber) + "&content_url=" + uri::encode_data_string(text),
                 "application/x-www-form-urlencoded");
    phaxio.request(req).wait();
}

int main(int argc, char** argv) {
    if (argc < 5) return 2;
    ElationLetters elation(argv[1]);
    elation.authenticate(std::getenv("ELATION_CLIENT_ID"), std::getenv("ELATION_CLIENT_SECRET"));
    const int patientId = std::stoi(argv[2]);
    const std::string npi = argv[3];
    std::ifstream in(argv[4]);
    std::stringstream text;
    text << in.rdbuf();

    std::cout << "Referral for " << elation.patient(patientId).at(U("last_name")).as_string() << "\n";
    json::value hits = elation.contactByNpi(npi);
    int contactId = 0;
    std::string fax;
    if (hits.has_field(U("results")) && hits.at(U("results")).size() > 0) {
        contactId = hits.at(U("results")).at(0).at(U("id")).as_integer();
        fax = hits.at(U("results")).at(0).at(U("fax")).as_string();
    } else {
        json::value reg = npiRegistry(npi).at(U("results")).at(0);
        json::value contact;
        contact[U("npi")] = json::value::string(npi);
        contact[U("last_name")] = reg.at(U("basic")).at(U("last_name"));
        contact[U("first_name")] = reg.at(U("basic")).at(U("first_name"));
        contactId = elation.addContact(contact);
    }
    int letterId = elation.fileLetter(patientId, contactId, text.str());
    if (!fax.empty()) faxCopy(fax, text.str());
    std::cout << "letter " << letterId << ": " << elation.letterStatus(letterId) << "\n";
    return 0;
}

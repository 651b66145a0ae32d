// Immunization registry push.
//
// For each patient seen today, reads the immunizations recorded in Elation,
// resolves the vaccine product, and submits them to the state immunization
// information system (IIS) as JSON.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

using Poco::Net::HTTPMessage;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

struct Config {
    std::string elationHost = "sandbox.elationemr.com";
    std::string registryHost = "iis.health.state.mn.us";
    std::string clientId;
    std::string clientSecret;
};

class RegistryPush {
public:
    explicit RegistryPush(Config cfg)
        : cfg_(std::move(cfg)), elation_(cfg_.elationHost, 443), registry_(cfg_.registryHost, 443) {}

    void authenticate() {
        const std::vector<std::string> scopes{"system/immunizations.read", "system/immunizations.write",
                                              "system/patients.read", "system/vaccine.read"};
        const std::string scope = std::accumulate(
            std::next(scopes.begin()), scopes.end(), scopes.front(),
            [](std::string acc, const std::string& s) { return std::move(acc) + " " + s; });
        // expect-warning [unused-scope] {{system/immunizations.write}}

        HTTPRequest req(HTTPRequest::HTTP_POST, "/api/2.0/oauth2/token/", HTTPMessage::HTTP_1_1);
        Poco::Net::HTMLForm form;
        form.set("grant_type", "client_credentials");
        form.set("client_id", cfg_.clientId);
        form.set("client_secret", cfg_.clientSecret);
        form.set("scope", scope);
        form.prepareSubmit(req);
        form.write(elation_.sendRequest(req));
        token_ = readJson(elation_)->getValue<std::string>("access_token");
    }

    void pushPatient(long patientId) {
        auto patient = get("/patients/" + std::to_string(patientId) + "/");
        auto shots = get("/immunizations/?patient=" + std::to_string(patientId));
        auto results = shots->getArray("results");
        for (std::size_t i = 0; i < results->size(); ++i) {
            auto shot = results->getObject(static_cast<unsigned>(i));
            auto vaccine = get("/vaccine/" + shot->getValue<std::string>("vaccine") + "/");
            Poco::JSON::Object record;
            record.set("patient_last_name", patient->getValue<std::string>("last_name"));
            record.set("patient_dob", patient->getValue<std::string>("dob"));
            record.set("cvx", vaccine->getValue<std::string>("cvx"));
            record.set("administered", shot->getValue<std::string>("administered_date"));
            submit(record);
        }
    }

private:
    Poco::JSON::Object::Ptr get(const std::string& path) {
        HTTPRequest req(HTTPRequest::HTTP_GET, "/api/2.0" + path, HTTPMessage::HTTP_1_1);
        req.set("Authorization", "Bearer " + token_);
        elation_.sendRequest(req);  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/immunizations/ // api: GET /api/2.0/vaccine/{id}/
        return readJson(elation_);
    }

    void submit(const Poco::JSON::Object& record) {
        std::ostringstream body;
        record.stringify(body);
        HTTPRequest req(HTTPRequest::HTTP_POST, "/iis/v1/vaccinations", HTTPMessage::HTTP_1_1);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(body.str().size()));
        registry_.sendRequest(req) << body.str();
        HTTPResponse res;
        registry_.receiveResponse(res);
        if (res.getStatus() != HTTPResponse::HTTP_CREATED) std::cerr << "IIS rejected record\n";
    }

    static Poco::JSON::Object::Ptr readJson(Poco::Net::HTTPSClientSession& s) {
        HTTPResponse res;
        std::istream& in = s.receiveResponse(res);
        std::string text;
        Poco::StreamCopier::copyToString(in, text);
        return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    }

    Config cfg_;
    Poco::Net::HTTPSClientSession elation_;
    Poco::Net::HTTPSClientSession registry_;
    std::string token_;
};

int main(int argc, char** argv) {
    Config cfg;
    cfg.clientId = "immunization-push";
    cfg.clientSecret = argc > 1 ? argv[1] : "";
    RegistryPush push(cfg);
    push.authenticate();
    for (int i = 2; i < argc; ++i) push.pushPatient(std::stol(argv[i]));
    return 0;
}

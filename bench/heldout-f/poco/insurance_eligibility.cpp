// insurance_eligibility: runs a real-time eligibility check for the primary
// insurance of each listed patient before their visit and saves the payer's
// full report next to the config file.
//
// usage: insurance_eligibility <config.ini> <patient-id>...
//   [elation]
//   base_url = https://app.elationemr.com/api/2.0
//   client_id = ...
//   client_secret = ...
#include <Poco/AutoPtr.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using Poco::JSON::Object;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

// Eligibility is not in the scope list, hence apiv2; the specific scopes are
// listed so the security review can see what else this job reads.
static const std::string kScopes = "apiv2 system/patients.read system/insurance_companies.read";

class EligibilityClient {
public:
    EligibilityClient(std::string baseUrl, std::string clientId, std::string clientSecret)
        : base_(std::move(baseUrl)), clientId_(std::move(clientId)), clientSecret_(std::move(clientSecret)),
          tls_(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                      Poco::Net::Context::VERIFY_RELAXED, 9, true)) {}

    void login() {
        Poco::URI uri(base_);
        uri.setPath(uri.getPath() + "/oauth2/token/");
        Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), tls_);
        HTTPRequest req(HTTPRequest::HTTP_POST, uri.getPathAndQuery(), HTTPRequest::HTTP_1_1);
        Poco::Net::HTMLForm form;
        form.setEncoding(Poco::Net::HTMLForm::ENCODING_URL);
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId_);
        form.add("client_secret", clientSecret_);
        form.add("scope", kScopes);
        form.prepareSubmit(req);
        form.write(session.sendRequest(req));  // expect-error [global-scope-combined] {{apiv2}}
        HTTPResponse res;
        std::istream& body = session.receiveResponse(res);
        if (res.getStatus() != HTTPResponse::HTTP_OK)
            throw std::runtime_error("token: HTTP " + std::to_string(res.getStatus()));
        token_ = Poco::JSON::Parser().parse(body).extract<Object::Ptr>()->getValue<std::string>("access_token");
    }

    // Returns the raw response body; callers parse when they expect JSON.
    std::string call(const std::string& method, const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& query = {},
                     const std::string& body = "") {
        Poco::URI uri(base_);
        uri.setPath(uri.getPath() + path);
        for (const auto& [k, v] : query)
            uri.addQueryParameter(k, v);

        Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), tls_);
        session.setTimeout(Poco::Timespan(60, 0));
        HTTPRequest req(method, uri.getPathAndQuery(), HTTPRequest::HTTP_1_1);
        req.set("Authorization", "Bearer " + token_);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(req) << body;  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/insurance_companies/{id}/ // api: POST /api/2.0/patient_insurances/{id}/eligibility/ // api: GET /api/2.0/patient_insurances/{id}/eligibility_full_report/

        HTTPResponse res;
        std::istream& rs = session.receiveResponse(res);
        std::string out;
        Poco::StreamCopier::copyToString(rs, out);
        if (res.getStatus() / 100 != 2)
            throw std::runtime_error(method + " " + path + ": HTTP " + std::to_string(res.getStatus()));
        return out;
    }

private:
    std::string base_, clientId_, clientSecret_, token_;
    Poco::Net::Context::Ptr tls_;
};

static Object::Ptr parse(const std::string& s) {
    return Poco::JSON::Parser().parse(s).extract<Object::Ptr>();
}

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: insurance_eligibility <config.ini> <patient-id>...\n";
        return 2;
    }
    Poco::AutoPtr<Poco::Util::IniFileConfiguration> cfg(new Poco::Util::IniFileConfiguration(argv[1]));
    EligibilityClient elation(cfg->getString("elation.base_url", "https://sandbox.elationemr.com/api/2.0"),
                              cfg->getString("elation.client_id"), cfg->getString("elation.client_secret"));
    try {
        elation.login();
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }

    int errors = 0;
    for (int i = 2; i < argc; ++i) {
        const std::string patientId = argv[i];
        try {
            Object::Ptr patient = parse(elation.call("GET", "/patients/" + patientId + "/"));
            Poco::JSON::Array::Ptr insurances = patient->getArray("insurances");
            if (!insurances || insurances->size() == 0) {
                std::cout << patientId << ": no insurance on file\n";
                continue;
            }
            Object::Ptr primary = insurances->getObject(0);
            const std::string insuranceId = primary->getValue<std::string>("id");
            const std::string companyId = primary->optValue<std::string>("insurance_company", "");
            if (!companyId.empty()) {
                Object::Ptr company = parse(elation.call("GET", "/insurance_companies/" + companyId + "/"));
                if (company->optValue<std::string>("payer_id", "").empty()) {
                    std::cout << patientId << ": payer has no electronic id, skipping\n";
                    continue;
                }
            }

            Object::Ptr check = parse(elation.call("POST", "/patient_insurances/" + insuranceId + "/eligibility/", {},
                                                   "{\"service_type_codes\": [\"30\"]}"));
            std::cout << patientId << ": " << check->optValue<std::string>("status", "unknown") << "\n";

            const std::string report = elation.call("GET", "/patient_insurances/" + insuranceId +
                                                               "/eligibility_full_report/",
                                                    {{"format", "json"}});
            std::ofstream(std::string(argv[1]) + "." + patientId + ".eligibility.json") << report;
        } catch (const std::exception& e) {
            std::cerr << patientId << ": " << e.what() << "\n";
            ++errors;
        }
    }
    return errors ? 1 : 0;
}

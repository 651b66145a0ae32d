// Insurance card scanner station.
//
// The front desk scans both sides of the card; the local OCR service reads the
// payer and member id; we find (or create) the payer in Elation, match the
// patient's policy, and attach the images to that policy.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/FilePartSource.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using Poco::Net::HTMLForm;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

namespace {

const std::string kApi = "/api/2.0";

struct StationConfig {
    std::string elationHost = "sandbox.elationemr.com";
    std::string clientId;
    std::string clientSecret;
    std::string ocrHost = "127.0.0.1";
    unsigned short ocrPort = 8089;
};

Poco::JSON::Object::Ptr parse(std::istream& in) {
    return Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
}

class CardUploader {
public:
    explicit CardUploader(const StationConfig& cfg) : cfg_(cfg), session_(cfg.elationHost) {}

    void login() {
        std::vector<std::string> scopes{"system/patients.read", "system/patients.write",
                                        "system/insurance_companies.read", "system/insurance_plans.read",
                                        "system/insurance_plans.write"};
        std::string scope;
        for (const auto& s : scopes) scope += (scope.empty() ? "" : " ") + s;
        // expect-warning [unused-scope] {{system/insurance_plans.write}}
        HTTPRequest req(HTTPRequest::HTTP_POST, kApi + "/oauth2/token/", HTTPRequest::HTTP_1_1);
        HTMLForm form;
        form.add("grant_type", "client_credentials");
        form.add("client_id", cfg_.clientId);
        form.add("client_secret", cfg_.clientSecret);
        form.add("scope", scope);
        form.prepareSubmit(req);
        form.write(session_.sendRequest(req));
        HTTPResponse res;
        bearer_ = "Bearer " + parse(session_.receiveResponse(res))->getValue<std::string>("access_token");
    }

    Poco::JSON::Object::Ptr getJson(const std::string& pathAndQuery) {
        HTTPRequest req(HTTPRequest::HTTP_GET, kApi + pathAndQuery, HTTPRequest::HTTP_1_1);
        req.set("Authorization", bearer_);
        session_.sendRequest(req);  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/patients/{id}/policies/ // api: GET /api/2.0/insurance_companies/ // api: GET /api/2.0/insurance_plans/
        HTTPResponse res;
        return parse(session_.receiveResponse(res));
    }

    long findOrCreatePayer(const std::string& name) {
        std::string q;
        Poco::URI::encode(name, "&=+", q);
        auto found = getJson("/insurance_companies/?name=" + q)->getArray("results");
        if (found->size() > 0) return found->getObject(0)->getValue<long>("id");

        Poco::JSON::Object payer;
        payer.set("name", name);
        std::ostringstream body;
        payer.stringify(body);
        HTTPRequest req(HTTPRequest::HTTP_POST, kApi + "/insurance_companies/", HTTPRequest::HTTP_1_1);
        req.set("Authorization", bearer_);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(body.str().size()));
        session_.sendRequest(req) << body.str();  // api: POST /api/2.0/insurance_companies/
        // expect-error [missing-scope] {{system/insurance_companies.write}}
        HTTPResponse res;
        return parse(session_.receiveResponse(res))->getValue<long>("id");
    }

    void attachImages(long patientId, long policyId, const std::string& front, const std::string& back) {
        const std::string path = kApi + "/patients/" + std::to_string(patientId) + "/policies/" +
                                 std::to_string(policyId) + "/card-images";
        HTTPRequest req(HTTPRequest::HTTP_POST, path, HTTPRequest::HTTP_1_1);
        req.set("Authorization", bearer_);
        HTMLForm form(HTMLForm::ENCODING_MULTIPART);
        form.addPart("front", new Poco::Net::FilePartSource(front, "image/jpeg"));
        form.addPart("back", new Poco::Net::FilePartSource(back, "image/jpeg"));
        form.prepareSubmit(req);
        form.write(session_.sendRequest(req));  // api: POST /api/2.0/patients/{id}/policies/{id}/card-images
        HTTPResponse res;
        session_.receiveResponse(res);
        std::cout << "card images: " << res.getStatus() << "\n";
    }

private:
    StationConfig cfg_;
    Poco::Net::HTTPSClientSession session_;
    std::string bearer_;
};

// Local OCR box on the front-desk network; returns {"payer": ..., "member_id": ...}.
Poco::JSON::Object::Ptr ocrCard(const StationConfig& cfg, const std::string& frontImage) {
    Poco::Net::HTTPClientSession ocr(cfg.ocrHost, cfg.ocrPort);
    HTTPRequest req(HTTPRequest::HTTP_POST, "/ocr/insurance-card", HTTPRequest::HTTP_1_1);
    HTMLForm form(HTMLForm::ENCODING_MULTIPART);
    form.addPart("image", new Poco::Net::FilePartSource(frontImage, "image/jpeg"));
    form.prepareSubmit(req);
    form.write(ocr.sendRequest(req));
    HTTPResponse res;
    return parse(ocr.receiveResponse(res));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: card_uploader <patient_id> <front.jpg> <back.jpg>\n";
        return 2;
    }
    StationConfig cfg;
    if (const char* h = std::getenv("ELATION_HOST")) cfg.elationHost = h;
    cfg.clientId = std::getenv("ELATION_CLIENT_ID") ? std::getenv("ELATION_CLIENT_ID") : "";
    cfg.clientSecret = std::getenv("ELATION_CLIENT_SECRET") ? std::getenv("ELATION_CLIENT_SECRET") : "";
    const long patientId = std::stol(argv[1]);

    auto card = ocrCard(cfg, argv[2]);
    CardUploader up(cfg);
    up.login();
    auto patient = up.getJson("/patients/" + std::to_string(patientId) + "/");
    std::cout << "patient " << patient->getValue<std::string>("last_name") << "\n";

    long payer = up.findOrCreatePayer(card->getValue<std::string>("payer"));
    auto plans = up.getJson("/insurance_plans/?insurance_company=" + std::to_string(payer))->getArray("results");
    std::cout << plans->size() << " plan(s) on file for the payer\n";

    auto policies = up.getJson("/patients/" + std::to_string(patientId) + "/policies/")->getArray("results");
    for (size_t i = 0; i < policies->size(); ++i) {
        auto p = policies->getObject(static_cast<unsigned>(i));
        if (p->getValue<std::string>("member_id") == card->getValue<std::string>("member_id")) {
            up.attachImages(patientId, p->getValue<long>("id"), argv[2], argv[3]);
            return 0;
        }
    }
    std::cerr << "no policy with member id " << card->getValue<std::string>("member_id") << "\n";
    return 1;
}

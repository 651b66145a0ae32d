// insurance_card_import: the check-in tablets drop photos of insurance cards
// into a share as <patient-id>_front.jpg. This reads each card with the
// CardSight OCR service, matches the payer and plan in Elation, attaches the
// photo to the patient and updates the primary insurance.
//
// usage: insurance_card_import card-import.ini
//
//   [elation]
//   base_url = https://app.elationemr.com/api/2.0
//   client_id = ...
//   client_secret = ...
//   [cardsight]
//   client_id = ...
//   client_secret = ...
//   [share]
//   inbox = /srv/checkin/cards
#include <Poco/AutoPtr.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/FilePartSource.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

using Poco::JSON::Object;
using Poco::Net::HTMLForm;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPSClientSession;

namespace {

// Scopes are still beta for our account; the import runs with the default grant.
const std::string kElationScope = "apiv2";

Object::Ptr read_json(HTTPSClientSession& session, HTTPResponse& res) {
    std::istream& in = session.receiveResponse(res);
    std::string body;
    Poco::StreamCopier::copyToString(in, body);
    if (res.getStatus() / 100 != 2)
        throw std::runtime_error("HTTP " + std::to_string(res.getStatus()) + ": " + body.substr(0, 200));
    if (body.empty())
        return new Object;
    return Poco::JSON::Parser().parse(body).extract<Object::Ptr>();
}

}  // namespace

class ElationInsurance {
public:
    ElationInsurance(const std::string& base, std::string id, std::string secret)
        : base_(base), id_(std::move(id)), secret_(std::move(secret)) {}

    void login() {
        HTTPSClientSession session(base_.getHost(), base_.getPort());
        HTTPRequest req(HTTPRequest::HTTP_POST, base_.getPath() + "/oauth2/token/", HTTPRequest::HTTP_1_1);
        HTMLForm form;
        form.set("grant_type", "client_credentials");
        form.set("client_id", id_);
        form.set("client_secret", secret_);
        form.set("scope", kElationScope);
        form.prepareSubmit(req);
        form.write(session.sendRequest(req)); // expect-warning [global-scope] {{apiv2}}
        HTTPResponse res;
        token_ = read_json(session, res)->getValue<std::string>("access_token");
    }

    Object::Ptr send(const std::string& method, const std::string& path,
                     std::initializer_list<std::pair<std::string, std::string>> query = {},
                     const std::string& body = "") {
        Poco::URI uri(base_);
        uri.setPath(base_.getPath() + path);
        for (const auto& [k, v] : query)
            uri.addQueryParameter(k, v);

        HTTPSClientSession session(uri.getHost(), uri.getPort());
        HTTPRequest req(method, uri.getPathAndQuery(), HTTPRequest::HTTP_1_1);
        req.set("Authorization", "Bearer " + token_);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        std::ostream& os = session.sendRequest(req); // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/insurance_companies/ // api: GET /api/2.0/insurance_plans/ // api: PATCH /api/2.0/patients/{id}/
        os << body;
        HTTPResponse res;
        return read_json(session, res);
    }

    void attach_card(const std::string& patient_id, const std::string& image_path) {
        HTTPSClientSession session(base_.getHost(), base_.getPort());
        HTTPRequest req(HTTPRequest::HTTP_POST, base_.getPath() + "/patients/" + patient_id + "/insurance_cards/",
                        HTTPRequest::HTTP_1_1);
        req.set("Authorization", "Bearer " + token_);
        HTMLForm form(HTMLForm::ENCODING_MULTIPART);
        form.set("rank", "primary");
        form.addPart("front", new Poco::Net::FilePartSource(image_path, "image/jpeg"));
        form.prepareSubmit(req);
        form.write(session.sendRequest(req)); // api: POST /api/2.0/patients/{id}/insurance_cards/
        HTTPResponse res;
        read_json(session, res);
    }

private:
    Poco::URI base_;
    std::string id_, secret_, token_;
};

class CardSightOcr {
public:
    CardSightOcr(std::string id, std::string secret) : id_(std::move(id)), secret_(std::move(secret)) {}

    Object::Ptr scan(const std::string& image_path) {
        if (token_.empty()) {
            HTTPSClientSession auth("auth.cardsight.ai", 443);
            HTTPRequest req(HTTPRequest::HTTP_POST, "/oauth2/token", HTTPRequest::HTTP_1_1);
            HTMLForm form;
            form.set("grant_type", "client_credentials");
            form.set("client_id", id_);
            form.set("client_secret", secret_);
            form.set("scope", "scan:create");
            form.prepareSubmit(req);
            form.write(auth.sendRequest(req));
            HTTPResponse res;
            token_ = read_json(auth, res)->getValue<std::string>("access_token");
        }
        HTTPSClientSession session("api.cardsight.ai", 443);
        HTTPRequest req(HTTPRequest::HTTP_POST, "/v1/scans?sync=true", HTTPRequest::HTTP_1_1);
        req.set("Authorization", "Bearer " + token_);
        HTMLForm form(HTMLForm::ENCODING_MULTIPART);
        form.addPart("image", new Poco::Net::FilePartSource(image_path, "image/jpeg"));
        form.prepareSubmit(req);
        form.write(session.sendRequest(req));
        HTTPResponse res;
        return read_json(session, res);
    }

private:
    std::string id_, secret_, token_;
};

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: insurance_card_import card-import.ini\n";
        return 2;
    }
    Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini(new Poco::Util::IniFileConfiguration(argv[1]));
    ElationInsurance elation(ini->getString("elation.base_url", "https://app.elationemr.com/api/2.0"),
                             ini->getString("elation.client_id"), ini->getString("elation.client_secret"));
    CardSightOcr ocr(ini->getString("cardsight.client_id"), ini->getString("cardsight.client_secret"));
    const std::string inbox = ini->getString("share.inbox", "/srv/checkin/cards");

    try {
        elation.login();
    } catch (const std::exception& e) {
        std::cerr << "elation login: " << e.what() << "\n";
        return 1;
    }

    int imported = 0;
    for (Poco::DirectoryIterator it(inbox), end; it != end; ++it) {
        const std::string name = it.name();
        const auto us = name.find("_front.jpg");
        if (us == std::string::npos)
            continue;
        const std::string patient_id = name.substr(0, us);
        try {
            Object::Ptr card = ocr.scan(it->path());
            const std::string payer = card->optValue<std::string>("payer_name", "");
            const std::string member_id = card->optValue<std::string>("member_id", "");

            auto companies = elation.send("GET", "/insurance_companies/", {{"name", payer}})->getArray("results");
            if (!companies || companies->size() == 0)
                throw std::runtime_error("no insurance company matches '" + payer + "'");
            const std::string company_id = companies->getObject(0)->getValue<std::string>("id");
            auto plans = elation.send("GET", "/insurance_plans/",
                                      {{"insurance_company", company_id},
                                       {"name", card->optValue<std::string>("plan_name", "")}})->getArray("results");

            Object::Ptr patient = elation.send("GET", "/patients/" + patient_id + "/");
            Object primary;
            primary.set("rank", "primary");
            primary.set("insurance_company", company_id);
            if (plans && plans->size() > 0)
                primary.set("insurance_plan", plans->getObject(0)->getValue<std::string>("id"));
            primary.set("member_id", member_id);
            primary.set("group_id", card->optValue<std::string>("group_number", ""));
            Poco::JSON::Array insurances;
            insurances.add(primary);
            Object patch;
            patch.set("insurances", insurances);
            std::ostringstream body;
            patch.stringify(body);

            elation.attach_card(patient_id, it->path());
            elation.send("PATCH", "/patients/" + patient_id + "/", {}, body.str());
            Poco::File(it->path()).renameTo(Poco::Path(inbox, "done/" + name).toString());
            std::cout << patient_id << " (" << patient->optValue<std::string>("last_name", "?") << "): " << payer
                      << " " << member_id << "\n";
            ++imported;
        } catch (const std::exception& e) {
            std::cerr << name << ": " << e.what() << "\n";
        }
    }
    std::cout << imported << " cards imported\n";
    return 0;
}

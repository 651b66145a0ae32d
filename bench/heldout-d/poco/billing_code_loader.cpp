// billing_code_loader: loads the yearly fee schedule into Elation billing codes
// and pushes last week's bill totals to the finance ledger service.
//
// Runs from cron on the billing box; the old service account still uses the
// password grant.
#include <Poco/Base64Encoder.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#define ELATION_HOST "app.elationemr.com"
#define API(p) "/api/2.0" p
#define LEDGER_HOST "ledger.finance.local"

static const std::map<std::string, std::string> kPaths = {
    {"token", API("/oauth2/token/")},
    {"codes", API("/billing_codes/")},
    {"bills", API("/bills/")},
};

static std::string read_all(std::istream& in) {
    std::string s;
    Poco::StreamCopier::copyToString(in, s);
    return s;
}

static std::string json_str(const std::string& body, const std::string& key) {
    auto p = body.find("\"" + key + "\"");
    if (p == std::string::npos) return {};
    p = body.find('"', body.find(':', p) + 1);
    return body.substr(p + 1, body.find('"', p + 1) - p - 1);
}

class BillingApi {
public:
    BillingApi() : https_(ELATION_HOST, 443) {}

    void login(const std::string& user, const std::string& pass, const std::string& cid, const std::string& csec) {
        std::ostringstream basic;
        Poco::Base64Encoder enc(basic);
        enc << cid << ":" << csec;
        enc.close();
        std::string form = "grant_type=password&username=" + user + "&password=" + pass + "&scope=apiv2";
        Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, kPaths.at("token"));
        req.set("Authorization", "Basic " + basic.str());
        req.setContentType("application/x-www-form-urlencoded");
        req.setContentLength(static_cast<std::streamsize>(form.size()));
        https_.sendRequest(req) << form;  // expect-warning [global-scope] {{apiv2}}
        Poco::Net::HTTPResponse res;
        bearer_ = "Bearer " + json_str(read_all(https_.receiveResponse(res)), "access_token");
    }

    std::string send(const std::string& verb, const std::string& path, const std::string& body = "") {
        Poco::Net::HTTPRequest req(verb, path, Poco::Net::HTTPMessage::HTTP_1_1);
        req.set("Authorization", bearer_);
        if (!body.empty()) {
            req.setContentType("application/json");
            req.setContentLength(static_cast<std::streamsize>(body.size()));
        }
        https_.sendRequest(req) << body;  // api: GET /api/2.0/billing_codes/ // api: PUT /api/2.0/billing_codes/{id}/ // api: GET /api/2.0/bills/
        Poco::Net::HTTPResponse res;
        return read_all(https_.receiveResponse(res));
    }

private:
    Poco::Net::HTTPSClientSession https_;
    std::string bearer_;
};

static void post_to_ledger(const std::string& payload) {
    Poco::Net::HTTPClientSession ledger(LEDGER_HOST, 8080);
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, "/api/2.0/journal/entries/");
    req.setContentType("application/json");
    req.setContentLength(static_cast<std::streamsize>(payload.size()));
    ledger.sendRequest(req) << payload;
    Poco::Net::HTTPResponse res;
    ledger.receiveResponse(res);
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: billing_code_loader fee_schedule.csv\n";
        return 2;
    }
    auto env = [](const char* k) { const char* v = std::getenv(k); return std::string(v ? v : ""); };
    BillingApi api;
    api.login(env("ELATION_USER"), env("ELATION_PASS"), env("ELATION_CLIENT_ID"), env("ELATION_CLIENT_SECRET"));

    std::ifstream csv(argv[1]);
    std::string line;
    while (std::getline(csv, line)) {
        std::istringstream row(line);
        std::string code, fee;
        std::getline(row, code, ',');
        std::getline(row, fee, ',');
        std::string found = api.send(Poco::Net::HTTPRequest::HTTP_GET, kPaths.at("codes") + "?code=" + code);
        auto at = found.find("\"id\": ");
        std::string id = at == std::string::npos ? "" : std::to_string(std::atol(found.c_str() + at + 6));
        if (id.empty()) continue;
        api.send(Poco::Net::HTTPRequest::HTTP_PUT, kPaths.at("codes") + id + "/",
                 "{\"code\": \"" + code + "\", \"price\": " + fee + "}");
    }

    std::string bills = api.send(Poco::Net::HTTPRequest::HTTP_GET, kPaths.at("bills") + "?last_modified_gt=7d");
    post_to_ledger("{\"source\": \"elation\", \"raw\": " + std::to_string(bills.size()) + "}");
    return 0;
}

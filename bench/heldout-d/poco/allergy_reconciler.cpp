// allergy_reconciler: reconciles allergies captured by the patient intake kiosk
// with the chart. New allergens are added, entries the patient marked as
// "no longer allergic" are removed, and charts that already carry an NKDA
// statement are flagged for a clinician instead of being touched.
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct ApiConfig {
    std::string host = "sandbox.elationemr.com";
    std::string prefix = "/api/2.0";
    std::string client_id;
    std::string client_secret;
};

struct KioskAllergy {
    std::string name;
    std::string reaction;
    bool removed = false;
    long chart_id = 0;
};

using ResponseHandler = std::function<void(int status, const std::string& body)>;

class ChartSession {
public:
    explicit ChartSession(ApiConfig cfg) : cfg_(std::move(cfg)), session_(cfg_.host, 443) {}

    void token() {
        std::vector<std::string> parts;
        for (auto res : {"patients", "allergies"}) parts.push_back(std::string("system/") + res + ".read");
        parts.push_back("system/allergies.write");
        std::string scope;
        for (size_t i = 0; i < parts.size(); ++i) scope += (i ? " " : "") + parts[i];

        Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, cfg_.prefix + "/oauth2/token/",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
        Poco::Net::HTMLForm form;
        form.set("grant_type", "client_credentials");
        form.set("client_id", cfg_.client_id);
        form.set("client_secret", cfg_.client_secret);
        form.set("scope", scope);
        form.prepareSubmit(req);
        form.write(session_.sendRequest(req));  // expect-warning [unused-scope] {{system/patients.read}}
        Poco::Net::HTTPResponse res;
        std::string body;
        Poco::StreamCopier::copyToString(session_.receiveResponse(res), body);
        auto start = body.find('"', body.find(':', body.find("\"access_token\"")) + 1) + 1;
        bearer_ = "Bearer " + body.substr(start, body.find('"', start) - start);
    }

    void call(const std::string& method, const std::string& path, const std::string& json, const ResponseHandler& cb) {
        Poco::Net::HTTPRequest req(method, cfg_.prefix + path, Poco::Net::HTTPMessage::HTTP_1_1);
        req.set("Authorization", bearer_);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(json.size()));
        std::ostream& os = session_.sendRequest(req);  // api: GET /api/2.0/allergies/ // api: POST /api/2.0/allergies/ // api: DELETE /api/2.0/allergies/{id}/ // api: GET /api/2.0/allergy_documentation/ // expect-error [missing-scope] {{system/allergy_documentation.read}}
        os << json;
        Poco::Net::HTTPResponse res;
        std::string body;
        Poco::StreamCopier::copyToString(session_.receiveResponse(res), body);
        if (cb) cb(static_cast<int>(res.getStatus()), body);
    }

private:
    ApiConfig cfg_;
    Poco::Net::HTTPSClientSession session_;
    std::string bearer_;
};

void reconcile(ChartSession& s, long patient, const std::vector<KioskAllergy>& kiosk) {
    bool nkda = false;
    s.call(Poco::Net::HTTPRequest::HTTP_GET, "/allergy_documentation/?patient=" + std::to_string(patient), "",
           [&](int st, const std::string& body) { nkda = st == 200 && body.find("\"count\": 0") == std::string::npos; });
    if (nkda) {
        std::cerr << "patient " << patient << ": NKDA on chart, needs clinician review\n";
        return;
    }
    std::string chart;
    s.call(Poco::Net::HTTPRequest::HTTP_GET, "/allergies/?patient=" + std::to_string(patient), "",
           [&](int, const std::string& body) { chart = body; });

    for (const auto& a : kiosk) {
        if (a.removed && a.chart_id) {
            s.call(Poco::Net::HTTPRequest::HTTP_DELETE, "/allergies/" + std::to_string(a.chart_id) + "/", "", nullptr);
        } else if (!a.removed && chart.find("\"" + a.name + "\"") == std::string::npos) {
            std::ostringstream js;
            js << "{\"patient\": " << patient << ", \"name\": \"" << a.name << "\", \"reaction\": \"" << a.reaction
               << "\"}";
            s.call(Poco::Net::HTTPRequest::HTTP_POST, "/allergies/", js.str(),
                   [&](int st, const std::string&) { std::cout << a.name << " -> " << st << "\n"; });
        }
    }
}

int main(int argc, char** argv) {
    ApiConfig cfg;
    if (argc > 1) cfg.host = Poco::URI(argv[1]).getHost();
    if (const char* id = std::getenv("ELATION_CLIENT_ID")) cfg.client_id = id;
    if (const char* sec = std::getenv("ELATION_CLIENT_SECRET")) cfg.client_secret = sec;
    ChartSession s(cfg);
    s.token();
    std::vector<KioskAllergy> intake = {{"Penicillin", "hives", false, 0}, {"Latex", "", true, 88120}};
    reconcile(s, 7310045, intake);
    return 0;
}

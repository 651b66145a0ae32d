// Practice directory export.
//
// Dumps the practice's physicians, staff, locations and staff groups to a JSON
// file that the public website build consumes, then triggers the website's
// GitHub Actions workflow to rebuild.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string>

using namespace Poco::Net;

namespace {

struct Section {
    const char* name;
    const char* path;
    const char* scope;
};

constexpr std::array<Section, 4> kSections{{
    {"physicians", "/api/2.0/physicians/", "system/physicians.read"},
    {"staff", "/api/2.0/office_staff/", "system/office_staff.read"},
    {"locations", "/api/2.0/service_locations/", "system/service_locations.read"},
    {"groups", "/api/2.0/staff_groups/", "system/staff_groups.read"},
}};

std::string body(HTTPSClientSession& s, HTTPResponse& res) {
    std::string text;
    Poco::StreamCopier::copyToString(s.receiveResponse(res), text);
    return text;
}

}  // namespace

struct ExportConfig {
    std::string host = "app.elationemr.com";
    std::string clientId;
    std::string clientSecret;
    std::string githubToken;
};

class DirectoryExport {
public:
    explicit DirectoryExport(const ExportConfig& cfg) : cfg_(cfg), session_(cfg.host) {}

    void login() {
        std::ostringstream scopes;
        for (const auto& s : kSections) {
            if (scopes.tellp() > 0) scopes << ' ';
            scopes << s.scope;
        }
        HTTPRequest req(HTTPRequest::HTTP_POST, "/api/2.0/oauth2/token/", HTTPMessage::HTTP_1_1);
        HTMLForm form;
        form.set("grant_type", "client_credentials");
        form.set("client_id", cfg_.clientId);
        form.set("client_secret", cfg_.clientSecret);
        form.set("scope", scopes.str());
        form.prepareSubmit(req);
        form.write(session_.sendRequest(req));
        HTTPResponse res;
        auto tok = Poco::JSON::Parser().parse(body(session_, res)).extract<Poco::JSON::Object::Ptr>();
        token_ = tok->getValue<std::string>("access_token");
    }

    Poco::JSON::Object run() {
        Poco::JSON::Object out;
        for (const auto& section : kSections) out.set(section.name, fetchAll(section.path));
        return out;
    }

    void triggerRebuild() {
        HTTPSClientSession gh("api.github.com");
        HTTPRequest req(HTTPRequest::HTTP_POST, "/repos/riverbend-health/website/dispatches",
                        HTTPMessage::HTTP_1_1);
        req.set("Authorization", "token " + cfg_.githubToken);
        req.set("Accept", "application/vnd.github+json");
        const std::string payload = R"({"event_type":"directory-updated"})";
        req.setContentLength(static_cast<std::streamsize>(payload.size()));
        gh.sendRequest(req) << payload;
        HTTPResponse res;
        gh.receiveResponse(res);
    }

private:
    Poco::JSON::Array fetchAll(std::string pathAndQuery) {
        Poco::JSON::Array all;
        while (!pathAndQuery.empty()) {
            HTTPRequest req(HTTPRequest::HTTP_GET, pathAndQuery, HTTPMessage::HTTP_1_1);
            req.set("Authorization", "Bearer " + token_);
            session_.sendRequest(req);  // api: GET /api/2.0/physicians/ // api: GET /api/2.0/office_staff/ // api: GET /api/2.0/service_locations/ // api: GET /api/2.0/staff_groups/
            HTTPResponse res;
            auto page = Poco::JSON::Parser().parse(body(session_, res)).extract<Poco::JSON::Object::Ptr>();
            auto results = page->getArray("results");
            for (std::size_t i = 0; i < results->size(); ++i) all.add(results->get(static_cast<unsigned>(i)));
            // follow the "next" link (absolute URL) until it is null
            pathAndQuery = page->isNull("next") ? std::string()
                                                : Poco::URI(page->getValue<std::string>("next")).getPathAndQuery();
        }
        return all;
    }

    ExportConfig cfg_;
    HTTPSClientSession session_;
    std::string token_;
};

int main(int argc, char** argv) {
    ExportConfig cfg;
    cfg.clientId = argc > 1 ? argv[1] : "";
    cfg.clientSecret = argc > 2 ? argv[2] : "";
    cfg.githubToken = argc > 3 ? argv[3] : "";
    DirectoryExport job(cfg);
    job.login();
    std::ofstream file("directory.json");
    job.run().stringify(file, 2);
    file.close();
    job.triggerRebuild();
    return 0;
}

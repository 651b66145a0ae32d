// staff_directory_sync: mirrors Elation providers, office staff and staff
// groups into the HR directory so badge access and paging groups stay current.
//
//   staff_directory_sync SERVICE_USER SERVICE_PASSWORD [elation-host]
//
// Uses the service-account (password grant) credentials from the vault export.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>

#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace Net = Poco::Net;
namespace JSON = Poco::JSON;

namespace {

struct DirectorySource {
    const char* path;
    const char* kind;
};

constexpr DirectorySource kSources[] = {
    {"/physicians/", "physician"},
    {"/office_staff/", "staff"},
    {"/staff_groups/", "group"},
};

constexpr int kPage = 100;

class ElationReader {
public:
    ElationReader(const std::string& host, std::string apiRoot)
        : session_(host, Net::HTTPSClientSession::HTTPS_PORT), apiRoot_(std::move(apiRoot)) {}

    void login(const std::string& user, const std::string& pass) {
        Net::HTTPRequest req(Net::HTTPRequest::HTTP_POST, apiRoot_ + "/oauth2/token/", Net::HTTPMessage::HTTP_1_1);
        Net::HTTPBasicCredentials(std::getenv("ELATION_CLIENT_ID"), std::getenv("ELATION_CLIENT_SECRET")).authenticate(req);
        Net::HTMLForm form;
        form.add("grant_type", "password");
        form.add("username", user);
        form.add("password", pass);
        form.prepareSubmit(req);
        form.write(session_.sendRequest(req));  // expect-warning [global-scope] {{apiv2}}
        Net::HTTPResponse resp;
        std::istream& in = session_.receiveResponse(resp);
        if (resp.getStatus() != Net::HTTPResponse::HTTP_OK)
            throw std::runtime_error("login failed: " + std::to_string(resp.getStatus()));
        token_ = JSON::Parser().parse(in).extract<JSON::Object::Ptr>()->getValue<std::string>("access_token");
    }

    JSON::Array::Ptr listAll(const std::string& path) {
        JSON::Array::Ptr all = new JSON::Array;
        for (int offset = 0;; offset += kPage) {
            std::ostringstream target;
            target << apiRoot_ << path << "?limit=" << kPage << "&offset=" << offset;
            Net::HTTPRequest req(Net::HTTPRequest::HTTP_GET, target.str(), Net::HTTPMessage::HTTP_1_1);
            req.set("Authorization", "Bearer " + token_);
            session_.sendRequest(req);  // api: GET /api/2.0/physicians/ // api: GET /api/2.0/office_staff/ // api: GET /api/2.0/staff_groups/ // api: GET /api/2.0/users/
            Net::HTTPResponse resp;
            std::istream& in = session_.receiveResponse(resp);
            JSON::Object::Ptr page = JSON::Parser().parse(in).extract<JSON::Object::Ptr>();
            JSON::Array::Ptr results = page->getArray("results");
            for (std::size_t i = 0; results && i < results->size(); ++i)
                all->add(results->get(i));
            if (page->isNull("next"))
                break;
        }
        return all;
    }

private:
    Net::HTTPSClientSession session_;
    std::string apiRoot_;
    std::string token_;
};

// HR directory: internal, mTLS terminated by the sidecar so plain HTTP here
bool upsertPerson(Net::HTTPClientSession& hr, const std::string& kind, const JSON::Object::Ptr& row,
                  const std::map<long, std::string>& emails) {
    JSON::Object doc;
    const long id = row->getValue<long>("id");
    doc.set("source", "elation");
    doc.set("kind", kind);
    doc.set("display_name", row->has("name") ? row->getValue<std::string>("name")
                                              : row->optValue<std::string>("first_name", "") + " " +
                                                    row->optValue<std::string>("last_name", ""));
    const long userId = row->optValue<long>("user_id", 0);
    if (emails.count(userId)) doc.set("email", emails.at(userId));

    std::ostringstream body;
    doc.stringify(body);
    Net::HTTPRequest req(Net::HTTPRequest::HTTP_PUT, "/api/v1/people/elation-" + std::string(kind) + "-" + std::to_string(id),
                         Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json");
    req.setContentLength(static_cast<std::streamsize>(body.str().size()));
    hr.sendRequest(req) << body.str();
    Net::HTTPResponse resp;
    hr.receiveResponse(resp).ignore(std::numeric_limits<std::streamsize>::max());
    return resp.getStatus() < 300;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: staff_directory_sync USER PASSWORD [host]\n";
        return 2;
    }
    const std::string host = argc > 3 ? argv[3] : "api.app.elationemr.com";
    ElationReader elation(host, "/api/2.0");
    elation.login(argv[1], argv[2]);

    std::map<long, std::string> emails;
    JSON::Array::Ptr users = elation.listAll("/users/");
    for (std::size_t i = 0; i < users->size(); ++i) {
        JSON::Object::Ptr u = users->getObject(i);
        emails[u->getValue<long>("id")] = u->optValue<std::string>("email", "");
    }

    Net::HTTPClientSession hr("hr-directory.internal", 8080);
    int synced = 0, failed = 0;
    for (const auto& src : kSources) {
        JSON::Array::Ptr rows = elation.listAll(src.path);
        for (std::size_t i = 0; i < rows->size(); ++i)
            (upsertPerson(hr, src.kind, rows->getObject(i), emails) ? synced : failed)++;
    }
    std::cout << "synced " << synced << ", failed " << failed << "\n";
    return failed ? 1 : 0;
}

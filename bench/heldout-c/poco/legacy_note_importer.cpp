// legacy_note_importer: moves phone-call notes out of the old practice
// management system (CSV export) into Elation non-visit notes.
//
// Each note is written as the clinician who took the call, so the import runs
// with impersonation; imported notes are tagged "Legacy import" so they can be
// found (and undone) later. Settings live in importer.properties.
#include <Poco/AutoPtr.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using Poco::JSON::Object;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

int main(int argc, char** argv) {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> conf =
        new Poco::Util::PropertyFileConfiguration(argc > 2 ? argv[2] : "importer.properties");
    const Poco::URI api(conf->getString("elation.api", "https://sandbox.elationemr.com/api/2.0"));
    Poco::Net::HTTPSClientSession session(api.getHost(), api.getPort());
    const std::string root = api.getPath();

    // Impersonation needs its own grant next to the resource scopes.
    const std::vector<std::string> scopes{"system/patients.read", "system/non_visit_notes.write",
                                          "system/document_tags.read", "system/document_tags.write", "act_as_user"};
    const std::string scopeParam = Poco::cat(std::string(" "), scopes.begin(), scopes.end());

    std::string token;
    {
        std::string encoded;
        Poco::URI::encode(scopeParam, "", encoded);
        const std::string body = "grant_type=client_credentials&client_id=" + conf->getString("elation.client_id") +
                                 "&client_secret=" + conf->getString("elation.client_secret") + "&scope=" + encoded;
        HTTPRequest req(HTTPRequest::HTTP_POST, root + "/oauth2/token/", HTTPRequest::HTTP_1_1);
        req.setContentType("application/x-www-form-urlencoded");
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(req) << body;
        HTTPResponse res;
        token = Poco::JSON::Parser().parse(session.receiveResponse(res)).extract<Object::Ptr>()->getValue<std::string>(
            "access_token");
    }

    // One place that talks to Elation; `actAs` is the clinician's user id or 0.
    auto send = [&](const std::string& method, const std::string& path, const Object* body, long actAs) {
        HTTPRequest req(method, root + path, HTTPRequest::HTTP_1_1);
        req.set("Authorization", "Bearer " + token);
        if (actAs) req.set("X-On-Behalf-Of", std::to_string(actAs));
        std::ostringstream json;
        if (body) {
            body->stringify(json);
            req.setContentType("application/json");
            req.setContentLength(static_cast<std::streamsize>(json.str().size()));
        }
        session.sendRequest(req) << json.str();  // api: GET /api/2.0/patients/ // api: GET /api/2.0/document_tags/ // api: POST /api/2.0/document_tags/ // api: POST /api/2.0/non_visit_notes/ // api: PATCH /api/2.0/non_visit_notes/{id}/
        HTTPResponse res;
        return Poco::JSON::Parser().parse(session.receiveResponse(res)).extract<Object::Ptr>();
    };

    // Preflight: fail early if the app's grant is missing something.
    const std::map<std::string, std::string> preflight{{"patient search", "/patients/?limit=1"},
                                                       {"document tags", "/document_tags/?limit=1"}};
    for (const auto& check : preflight) {
        if (!send(HTTPRequest::HTTP_GET, check.second, nullptr, 0)->has("results")) {
            std::cerr << "preflight failed: " << check.first << "\n";
            return 1;
        }
    }

    long tagId = 0;
    auto tags = send(HTTPRequest::HTTP_GET, "/document_tags/?value=Legacy%20import", nullptr, 0)->getArray("results");
    if (tags->size() > 0) {
        tagId = tags->getObject(0)->getValue<long>("id");
    } else {
        Object tag;
        tag.set("value", "Legacy import");
        tag.set("practice", conf->getInt("elation.practice_id"));
        tagId = send(HTTPRequest::HTTP_POST, "/document_tags/", &tag, 0)->getValue<long>("id");
    }

    // Clinician login in the old system -> Elation user id.
    std::map<std::string, long> users;
    for (const auto& key : {"jsmith", "mlopez", "tnguyen"})
        users[key] = conf->getInt(std::string("users.") + key, 0);

    std::ifstream csv(argc > 1 ? argv[1] : "phone_notes.csv");
    std::string line;
    int imported = 0;
    std::getline(csv, line);  // header
    while (std::getline(csv, line)) {
        Poco::StringTokenizer f(line, ",", Poco::StringTokenizer::TOK_TRIM);
        if (f.count() < 5) continue;  // mrn,date,author,subject,text
        auto found = send(HTTPRequest::HTTP_GET, "/patients/?master_patient_id=" + f[0], nullptr, 0)->getArray("results");
        if (found->size() != 1) {
            std::cerr << "skip " << f[0] << ": " << found->size() << " matches\n";
            continue;
        }
        Object note;
        note.set("patient", found->getObject(0)->getValue<long>("id"));
        note.set("document_date", f[1] + "T12:00:00Z");
        note.set("bullets", f[3] + ": " + f[4]);
        note.set("type", "phone");
        const long author = users.count(f[2]) ? users[f[2]] : 0;
        auto created = send(HTTPRequest::HTTP_POST, "/non_visit_notes/", &note, author);

        Object tagging;
        Poco::JSON::Array tagIds;
        tagIds.add(tagId);
        tagging.set("tags", tagIds);
        send(HTTPRequest::HTTP_PATCH, "/non_visit_notes/" + std::to_string(created->getValue<long>("id")) + "/",
             &tagging, author);
        ++imported;
    }
    std::cout << imported << " notes imported\n";
    return 0;
}

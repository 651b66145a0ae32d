// problem_list_cleanup: finds duplicate active problems (same ICD-10 code listed
// twice) and problems that merely restate an allergy. Prints a report; with
// --write it resolves the newer duplicate of each pair.
//
// usage: problem_list_cleanup [--write] <api-base-url> <patient-id>...
// Environment (legacy password grant): ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
//              ELATION_USERNAME, ELATION_PASSWORD
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

using Poco::JSON::Object;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

struct ApiRequest {
    std::string method;
    std::string path;
    std::string body;
};

class ChartList {
public:
    virtual ~ChartList() = default;
    virtual std::string path() const = 0;
    virtual std::string key(const Object::Ptr& item) const = 0;

    ApiRequest listFor(const std::string& patient) const {
        return {HTTPRequest::HTTP_GET, path() + "?patient=" + patient + "&limit=200", ""};
    }
};

class ProblemList : public ChartList {
public:
    std::string path() const override { return "/problems/"; }
    std::string key(const Object::Ptr& p) const override {
        auto dx = p->getArray("dx");
        return dx && dx->size() ? dx->getObject(0)->optValue<std::string>("icd10", "") : "";
    }
};

class AllergyList : public ChartList {
public:
    std::string path() const override { return "/allergies/"; }
    std::string key(const Object::Ptr& a) const override { return a->optValue<std::string>("name", ""); }
};

static std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

class Dispatcher {
public:
    explicit Dispatcher(const std::string& base)
        : base_(base), tls_(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true)) {}

    bool login(bool write) {
        std::set<std::string> scopes{"system/problems.read", "system/allergies.read", "system/family_histories.read"};
        if (write)
            scopes.insert("system/problems.write");
        std::string scope;
        for (const auto& s : scopes)
            scope += (scope.empty() ? "" : " ") + s;

        Poco::URI uri(base_.toString() + "/oauth2/token/");
        Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), tls_);
        HTTPRequest req(HTTPRequest::HTTP_POST, uri.getPath(), HTTPRequest::HTTP_1_1);
        Poco::Net::HTTPBasicCredentials(env("ELATION_CLIENT_ID"), env("ELATION_CLIENT_SECRET")).authenticate(req);
        Poco::Net::HTMLForm form;
        form.add("grant_type", "password");
        form.add("username", env("ELATION_USERNAME"));
        form.add("password", env("ELATION_PASSWORD"));
        form.add("scope", scope);
        form.prepareSubmit(req);
        std::ostream& os = session.sendRequest(req);  // expect-warning [unused-scope] {{system/family_histories.read}}
        form.write(os);
        HTTPResponse res;
        auto parsed = Poco::JSON::Parser().parse(session.receiveResponse(res));
        if (res.getStatus() != HTTPResponse::HTTP_OK)
            return false;
        token_ = parsed.extract<Object::Ptr>()->getValue<std::string>("access_token");
        return true;
    }

    Object::Ptr dispatch(const ApiRequest& r) {
        Poco::URI uri(base_.toString() + r.path);
        Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), tls_);
        HTTPRequest req(r.method, uri.getPathAndQuery(), HTTPRequest::HTTP_1_1);
        req.setCredentials("Bearer", token_);
        if (!r.body.empty()) {
            req.setContentType("application/json");
            req.setContentLength(static_cast<std::streamsize>(r.body.size()));
        }
        session.sendRequest(req) << r.body;  // api: GET /api/2.0/problems/ // api: GET /api/2.0/allergies/ // api: PATCH /api/2.0/problems/{id}/
        HTTPResponse res;
        std::istream& in = session.receiveResponse(res);
        if (res.getStatus() / 100 != 2) {
            std::cerr << r.method << " " << r.path << ": HTTP " << res.getStatus() << "\n";
            return nullptr;
        }
        return Poco::JSON::Parser().parse(in).extract<Object::Ptr>();
    }

private:
    Poco::URI base_;
    Poco::Net::Context::Ptr tls_;
    std::string token_;
};

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool write = !args.empty() && args.front() == "--write";
    if (write)
        args.erase(args.begin());
    if (args.size() < 2) {
        std::cerr << "usage: problem_list_cleanup [--write] <api-base-url> <patient-id>...\n";
        return 2;
    }

    Dispatcher api(args[0]);
    if (!api.login(write)) {
        std::cerr << "login failed\n";
        return 1;
    }

    ProblemList problems;
    AllergyList allergies;
    const std::vector<const ChartList*> lists{&problems, &allergies};

    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& patient = args[i];
        std::map<const ChartList*, Poco::JSON::Array::Ptr> items;
        for (const ChartList* list : lists) {
            Object::Ptr page = api.dispatch(list->listFor(patient));
            items[list] = page ? page->getArray("results") : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
        }

        std::set<std::string> allergyNames;
        for (size_t a = 0; a < items[&allergies]->size(); ++a)
            allergyNames.insert(allergies.key(items[&allergies]->getObject(a)));

        std::map<std::string, long> firstByCode;
        for (size_t p = 0; p < items[&problems]->size(); ++p) {
            Object::Ptr prob = items[&problems]->getObject(p);
            if (prob->optValue<std::string>("status", "") != "Active")
                continue;
            const std::string desc = prob->optValue<std::string>("description", "");
            for (const auto& name : allergyNames)
                if (!name.empty() && desc.find(name) != std::string::npos)
                    std::cout << patient << ": problem '" << desc << "' duplicates allergy '" << name << "'\n";

            const std::string code = problems.key(prob);
            const long id = prob->getValue<long>("id");
            if (code.empty() || firstByCode.emplace(code, id).second)
                continue;
            std::cout << patient << ": problem " << id << " duplicates " << firstByCode[code] << " (" << code << ")\n";
            if (write)
                api.dispatch({"PATCH", problems.path() + std::to_string(id) + "/",
                              R"({"status": "Resolved"})"});
        }
    }
    return 0;
}

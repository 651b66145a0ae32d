// staff_directory: builds the internal phone directory from Elation's office staff and
// physician lists. Lists are paginated; the job follows the `next` links the API returns.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <iostream>
#include <string>

using namespace Poco::Net;

class Directory {
 public:
  Directory(const std::string& host, const std::string& id, const std::string& secret) : session_(host, 443) {
    HTTPRequest req(HTTPRequest::HTTP_POST, "/api/2.0/oauth2/token/", HTTPMessage::HTTP_1_1);
    HTMLForm form;
    form.add("grant_type", "client_credentials");
    form.add("client_id", id);
    form.add("client_secret", secret);
    form.add("scope", "system/office_staff.read system/physicians.read");
    form.prepareSubmit(req);
    form.write(session_.sendRequest(req));
    token_ = json(receive()).getValue<std::string>("access_token");
  }

  void dump(const std::string& first_page) {
    std::string target = first_page;
    while (!target.empty()) {
      HTTPRequest req(HTTPRequest::HTTP_GET, target, HTTPMessage::HTTP_1_1);
      req.set("Authorization", "Bearer " + token_);
      session_.sendRequest(req);  // api: GET /api/2.0/office_staff/ // api: GET /api/2.0/physicians/
      // expect-note [unresolved-call] {{could not work out}}
      Poco::JSON::Object page = json(receive());
      std::cout << page.getArray("results")->size() << " entries from " << target << "\n";
      target.clear();
      if (page.has("next") && !page.isNull("next")) {
        target = Poco::URI(page.getValue<std::string>("next")).getPathAndQuery();
      }
    }
  }

 private:
  std::string receive() {
    HTTPResponse res;
    std::string body;
    Poco::StreamCopier::copyToString(session_.receiveResponse(res), body);
    return body;
  }

  static Poco::JSON::Object json(const std::string& body) {
    Poco::JSON::Parser parser;
    return *parser.parse(body).extract<Poco::JSON::Object::Ptr>();
  }

  HTTPSClientSession session_;
  std::string token_;
};

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  Directory dir("app.elationemr.com", argv[1], argv[2]);
  dir.dump("/api/2.0/office_staff/?limit=50");
  dir.dump("/api/2.0/physicians/?limit=50");
  return 0;
}

// billing_export: pulls the day's bills and the billing-code list from Elation for the
// external billing company and marks each exported bill as released to the PMS.
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPSClientSession;

namespace {

const std::string kHost = "app.elationemr.com";

std::string read_body(std::istream& in) {
  std::string s;
  Poco::StreamCopier::copyToString(in, s);
  return s;
}

std::string login(HTTPSClientSession& session, const std::string& id, const std::string& secret) {
  HTTPRequest req(HTTPRequest::HTTP_POST, "/api/2.0/oauth2/token/", HTTPRequest::HTTP_1_1);
  Poco::Net::HTMLForm form;
  form.set("grant_type", "client_credentials");
  form.set("client_id", id);
  form.set("client_secret", secret);
  form.set("scope", "system/bills.read system/billing_codes.read");
  form.prepareSubmit(req);
  form.write(session.sendRequest(req));
  // expect-error [missing-scope] {{system/bills.write}}
  HTTPResponse res;
  std::string body = read_body(session.receiveResponse(res));
  auto p = body.find("\"access_token\":\"");
  if (p == std::string::npos) return {};
  p += 16;
  return body.substr(p, body.find('"', p) - p);
}

std::string get(HTTPSClientSession& session, const std::string& token, const std::string& target) {
  HTTPRequest req(HTTPRequest::HTTP_GET, target, HTTPRequest::HTTP_1_1);
  req.set("Authorization", "Bearer " + token);
  session.sendRequest(req);  // api: GET /api/2.0/bills/ // api: GET /api/2.0/billing_codes/
  HTTPResponse res;
  return read_body(session.receiveResponse(res));
}

bool release(HTTPSClientSession& session, const std::string& token, const std::string& bill_id) {
  HTTPRequest req(HTTPRequest::HTTP_PATCH, "/api/2.0/bills/" + bill_id + "/actions/release-to-pms/",
                  HTTPRequest::HTTP_1_1);
  req.set("Authorization", "Bearer " + token);
  req.setContentType("application/json");
  req.setContentLength(2);
  session.sendRequest(req) << "{}";  // api: PATCH /api/2.0/bills/{id}/actions/release-to-pms/
  HTTPResponse res;
  session.receiveResponse(res).ignore(1 << 20);
  return res.getStatus() == HTTPResponse::HTTP_OK;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: billing_export CLIENT_ID SECRET DATE\n";
    return 2;
  }
  HTTPSClientSession session(kHost, 443);
  const std::string token = login(session, argv[1], argv[2]);
  if (token.empty()) return 1;

  std::string codes = get(session, token, "/api/2.0/billing_codes/");
  std::string bills = get(session, token, std::string("/api/2.0/bills/?service_date=") + argv[3]);
  std::cout << codes << "\n" << bills << "\n";

  std::vector<std::string> exported = {"7001", "7002"};  // parsed from `bills` by the real job
  for (const auto& id : exported) {
    if (!release(session, token, id)) std::cerr << "bill " << id << " not released\n";
  }
  return 0;
}

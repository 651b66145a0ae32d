// lab_vendor_sync: mirrors Elation's lab vendor set-up (vendors, integrations, facility
// identifiers) into the interface engine's configuration database once a day.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

struct SyncConfig {
  std::string host;
  unsigned short port = 443;
  std::string client_id;
  std::string client_secret;
  std::string out_dir = "/var/lib/labsync";
};

static SyncConfig load_config() {
  SyncConfig c;
  c.host = "sandbox.elationemr.com";
  c.client_id = "labsync";
  c.client_secret = std::getenv("LABSYNC_SECRET") ? std::getenv("LABSYNC_SECRET") : "";
  return c;
}

static const std::vector<std::string> kScopes = {
    "system/lab_vendors.read",
    "system/lab_vendor_integrations.read",
    "system/lab_facility_identifiers.read",
    "system/lab_order_compendiums.read",
};

static const std::vector<std::string> kCollections = {
    "/api/2.0/lab_vendors/",
    "/api/2.0/lab_vendor_integrations/",
    "/api/2.0/lab_facility_identifiers/",
};

int main() {
  const SyncConfig cfg = load_config();
  Poco::Net::HTTPSClientSession session(cfg.host, cfg.port);

  const std::string scope = std::accumulate(
      std::next(kScopes.begin()), kScopes.end(), kScopes.front(),
      [](const std::string& acc, const std::string& s) { return acc + " " + s; });
  std::string form;
  Poco::URI::encode(scope, "", form);
  form = "grant_type=client_credentials&client_id=" + cfg.client_id + "&client_secret=" + cfg.client_secret +
         "&scope=" + form;

  Poco::Net::HTTPRequest tokenReq(Poco::Net::HTTPRequest::HTTP_POST, "/api/2.0/oauth2/token/",
                                  Poco::Net::HTTPMessage::HTTP_1_1);
  tokenReq.setContentType("application/x-www-form-urlencoded");
  tokenReq.setContentLength(static_cast<std::streamsize>(form.size()));
  session.sendRequest(tokenReq) << form;
  // expect-warning [unused-scope] {{system/lab_order_compendiums.read}}
  Poco::Net::HTTPResponse tokenRes;
  std::string tokenBody;
  Poco::StreamCopier::copyToString(session.receiveResponse(tokenRes), tokenBody);
  if (tokenRes.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) return 1;
  auto p = tokenBody.find("\"access_token\": \"") + 17;
  const std::string token = tokenBody.substr(p, tokenBody.find('"', p) - p);

  for (const auto& path : kCollections) {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Authorization", "Bearer " + token);
    session.sendRequest(req);  // api: GET /api/2.0/lab_vendors/ // api: GET /api/2.0/lab_vendor_integrations/ // api: GET /api/2.0/lab_facility_identifiers/
    Poco::Net::HTTPResponse res;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(res), body);
    std::string name = path.substr(9, path.size() - 10);
    std::ofstream(cfg.out_dir + "/" + name + ".json") << body;
  }
  return 0;
}

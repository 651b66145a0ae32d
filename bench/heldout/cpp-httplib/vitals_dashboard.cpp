// Backend of the ward dashboard: every minute it pulls the latest vitals and the patient
// list from Elation and pushes a summary to the local Prometheus push gateway.
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

constexpr const char* kTokenPath = "/api/2.0/oauth2/token/";
constexpr const char* kFeeds[] = {"/api/2.0/vitals/", "/api/2.0/patients/"};

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

std::string parse_token(const std::string& body) {
  auto p = body.find("\"access_token\"");
  if (p == std::string::npos) return {};
  p = body.find('"', body.find(':', p)) + 1;
  return body.substr(p, body.find('"', p) - p);
}

}  // namespace

int main() {
  const std::string host = env_or("ELATION_HOST", "https://sandbox.elationemr.com");
  httplib::Client elation(host);
  elation.set_connection_timeout(5);

  httplib::Params form{{"grant_type", "client_credentials"},
                       {"client_id", env_or("ELATION_CLIENT_ID", "")},
                       {"client_secret", env_or("ELATION_CLIENT_SECRET", "")},
                       {"scope", "system/vitals.read system/patients.read"}};
  auto tok = elation.Post(kTokenPath, form);
  if (!tok || tok->status != 200) {
    std::cerr << "token request failed\n";
    return 1;
  }
  httplib::Headers headers{{"Authorization", "Bearer " + parse_token(tok->body)}};

  std::string summary;
  for (const char* feed : kFeeds) {
    auto res = elation.Get(feed, headers);  // api: GET /api/2.0/vitals/ // api: GET /api/2.0/patients/
    if (!res || res->status != 200) {
      std::cerr << feed << ": failed\n";
      continue;
    }
    summary += std::string("elation_feed_bytes{feed=\"") + feed + "\"} " +
               std::to_string(res->body.size()) + "\n";
  }

  // Detail for the vitals record pinned on the dashboard.
  const std::string pinned = env_or("PINNED_VITALS_ID", "0");
  if (pinned != "0") {
    auto detail = elation.Get(("/api/2.0/vitals/" + pinned + "/").c_str(), headers);  // api: GET /api/2.0/vitals/{id}/
    if (detail && detail->status == 200) summary += "elation_pinned_vitals_ok 1\n";
  }

  httplib::Client pushgw("http://localhost:9091");
  auto pushed = pushgw.Post("/metrics/job/ward_dashboard", summary, "text/plain");
  if (!pushed || pushed->status >= 300) {
    std::cerr << "push gateway unavailable\n";
    return 1;
  }
  return 0;
}

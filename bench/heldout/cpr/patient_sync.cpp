// Nightly job: copies patient demographics and allergy lists from Elation into the
// clinic's data warehouse staging tables, and files a problem-list entry for
// patients whose allergy list is empty (so a clinician reviews them).
#include <cpr/cpr.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace warehouse {

struct Patient {
  long id = 0;
  std::string json;
};

class ElationClient {
 public:
  ElationClient(std::string base_url, std::string client_id, std::string client_secret)
      : base_url_(std::move(base_url)),
        client_id_(std::move(client_id)),
        client_secret_(std::move(client_secret)) {}

  bool authenticate() {
    cpr::Response r = cpr::Post(cpr::Url{url("/oauth2/token/")},
                                cpr::Payload{{"grant_type", "client_credentials"},
                                             {"client_id", client_id_},
                                             {"client_secret", client_secret_},
                                             {"scope", "system/patients.read system/allergies.read"}});
    // expect-error [missing-scope] {{system/problems.write}}
    if (r.status_code != 200) {
      std::cerr << "token request failed: " << r.status_code << "\n";
      return false;
    }
    token_ = extract_access_token(r.text);
    return !token_.empty();
  }

  std::string list_patients(int offset) {
    cpr::Response r = cpr::Get(cpr::Url{url("/patients/")}, auth(),  // api: GET /api/2.0/patients/
                               cpr::Parameters{{"limit", "100"}, {"offset", std::to_string(offset)}});
    return r.text;
  }

  std::string patient(long id) {
    cpr::Response r = cpr::Get(cpr::Url{url("/patients/" + std::to_string(id) + "/")}, auth());  // api: GET /api/2.0/patients/{id}/
    return r.text;
  }

  std::string allergies_of(long patient_id) {
    cpr::Response r = cpr::Get(cpr::Url{url("/allergies/")}, auth(),  // api: GET /api/2.0/allergies/
                               cpr::Parameters{{"patient", std::to_string(patient_id)}});
    return r.text;
  }

  bool flag_for_review(long patient_id) {
    std::string body = "{\"patient\": " + std::to_string(patient_id) +
                       ", \"description\": \"Allergy list not reviewed\", \"status\": \"Active\"}";
    cpr::Response r = cpr::Post(cpr::Url{url("/problems/")}, auth(),  // api: POST /api/2.0/problems/
                                cpr::Header{{"Content-Type", "application/json"}}, cpr::Body{body});
    return r.status_code == 201;
  }

 private:
  std::string url(const std::string& path) const { return base_url_ + "/api/2.0" + path; }

  cpr::Bearer auth() const { return cpr::Bearer{token_}; }

  static std::string extract_access_token(const std::string& body) {
    const std::string key = "\"access_token\":\"";
    auto start = body.find(key);
    if (start == std::string::npos) return {};
    start += key.size();
    return body.substr(start, body.find('"', start) - start);
  }

  std::string base_url_;
  std::string client_id_;
  std::string client_secret_;
  std::string token_;
};

}  // namespace warehouse

int main() {
  const char* id = std::getenv("ELATION_CLIENT_ID");
  const char* secret = std::getenv("ELATION_CLIENT_SECRET");
  if (!id || !secret) return 2;
  warehouse::ElationClient client("https://sandbox.elationemr.com", id, secret);
  if (!client.authenticate()) return 1;

  for (int offset = 0; offset < 1000; offset += 100) {
    std::string page = client.list_patients(offset);
    if (page.find("\"results\":[]") != std::string::npos) break;
    std::cout << page << "\n";
  }
  std::vector<long> ids = {1001, 1002, 1003};
  for (long pid : ids) {
    std::cout << client.patient(pid) << "\n";
    std::string allergies = client.allergies_of(pid);
    if (allergies.find("\"count\":0") != std::string::npos) client.flag_for_review(pid);
  }
  return 0;
}

// care_team_service: keeps each patient's Elation care team in line with the
// attribution list from the ACO (adds new members, removes the ones no longer attributed).
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri.h>

#include <iostream>
#include <string>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

struct Attribution {
  int patient;
  int physician;
  bool active;
  int member_id;  // Elation team member id when already present
};

class CareTeamService {
 public:
  CareTeamService(const utility::string_t& base, utility::string_t id, utility::string_t secret)
      : client_(base), id_(std::move(id)), secret_(std::move(secret)) {}

  pplx::task<void> login() {
    const utility::string_t scopes = U("system/patient-provider-team-members.write system/patients.read");
    utility::string_t body = U("grant_type=client_credentials&client_id=") + uri::encode_data_string(id_) +
                             U("&client_secret=") + uri::encode_data_string(secret_) +
                             U("&scope=") + uri::encode_data_string(scopes);
    return client_.request(methods::POST, U("/api/2.0/oauth2/token/"), body, U("application/x-www-form-urlencoded"))
        .then([](http_response r) { return r.extract_json(); })
        .then([this](json::value v) { token_ = v.at(U("access_token")).as_string(); });
  }

  json::value team_of(int patient) {
    http_request req(methods::GET);
    req.set_request_uri(U("/api/2.0/patients/") + utility::conversions::to_string_t(std::to_string(patient)) +
                        U("/patient_provider_team/"));
    req.headers().add(header_names::authorization, U("Bearer ") + token_);
    return client_.request(req).get().extract_json().get();  // api: GET /api/2.0/patients/{id}/patient_provider_team/
  }

  void add_member(const Attribution& a) {
    json::value body;
    body[U("patient")] = json::value::number(a.patient);
    body[U("provider")] = json::value::number(a.physician);
    http_request req(methods::POST);
    req.set_request_uri(U("/api/2.0/patient-provider-team-members/"));
    req.headers().add(header_names::authorization, U("Bearer ") + token_);
    req.set_body(body);
    client_.request(req).wait();  // api: POST /api/2.0/patient-provider-team-members/
  }

  void remove_member(int member_id) {
    uri_builder b(U("/api/2.0/patient-provider-team-members/"));
    b.append_path(utility::conversions::to_string_t(std::to_string(member_id)) + U("/"));
    http_request req(methods::DEL);
    req.set_request_uri(b.to_uri());
    req.headers().add(header_names::authorization, U("Bearer ") + token_);
    client_.request(req).wait();  // api: DELETE /api/2.0/patient-provider-team-members/{id}/
  }

 private:
  http_client client_;
  utility::string_t id_;
  utility::string_t secret_;
  utility::string_t token_;
};

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  CareTeamService svc(U("https://app.elationemr.com"), argv[1], argv[2]);
  svc.login().wait();
  std::vector<Attribution> list = {{310, 7, true, 0}, {311, 7, false, 5521}};
  for (const auto& a : list) {
    json::value team = svc.team_of(a.patient);
    if (a.active && team.size() == 0) svc.add_member(a);
    if (!a.active && a.member_id) svc.remove_member(a.member_id);
  }
  return 0;
}

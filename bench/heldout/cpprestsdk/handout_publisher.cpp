// handout_publisher: publishes the patient-education handouts kept in the clinic's
// GitHub repository to Elation, acting as the medical director who owns them.
#include <cpprest/http_client.h>
#include <cpprest/json.h>

#include <cstdlib>
#include <iostream>
#include <string>

using namespace web;
using namespace web::http;
using namespace web::http::client;

static utility::string_t env(const char* name) {
  const char* v = std::getenv(name);
  return utility::conversions::to_string_t(v ? v : "");
}

class HandoutPublisher {
 public:
  HandoutPublisher() : elation_(U("https://app.elationemr.com")), github_(U("https://api.github.com")) {}

  void login() {
    utility::string_t form = U("grant_type=client_credentials&client_id=") + env("ELATION_CLIENT_ID") +
                             U("&client_secret=") + env("ELATION_CLIENT_SECRET") +
                             U("&scope=system/handouts.read+system/handouts.write+act_as_user");
    auto r = elation_.request(methods::POST, U("/api/2.0/oauth2/token/"), form,
                              U("application/x-www-form-urlencoded")).get();
    token_ = r.extract_json().get().at(U("access_token")).as_string();
  }

  json::value repo_handouts() {
    http_request req(methods::GET);
    req.set_request_uri(U("/repos/clinic/patient-handouts/contents/handouts"));
    req.headers().add(U("Authorization"), U("token ") + env("GITHUB_TOKEN"));
    req.headers().add(U("Accept"), U("application/vnd.github+json"));
    return github_.request(req).get().extract_json().get();
  }

  json::value existing() {
    return elation_.request(as_director(methods::GET, U("/api/2.0/handouts/"))).get().extract_json().get();  // api: GET /api/2.0/handouts/
  }

  void create(const json::value& handout) {
    http_request req = as_director(methods::POST, U("/api/2.0/handouts/"));
    req.set_body(handout);
    elation_.request(req).wait();  // api: POST /api/2.0/handouts/
  }

  void update(int id, const json::value& handout) {
    http_request req = as_director(methods::PUT, U("/api/2.0/handouts/") + utility::conversions::to_string_t(std::to_string(id)) + U("/"));
    req.set_body(handout);
    elation_.request(req).wait();  // api: PUT /api/2.0/handouts/{id}/
  }

 private:
  http_request as_director(const method& m, const utility::string_t& path) {
    http_request req(m);
    req.set_request_uri(path);
    req.headers().add(U("Authorization"), U("Bearer ") + token_);
    req.headers().add(U("X-On-Behalf-Of"), env("MEDICAL_DIRECTOR_USER_ID"));
    return req;
  }

  http_client elation_;
  http_client github_;
  utility::string_t token_;
};

int main() {
  HandoutPublisher pub;
  pub.login();
  json::value files = pub.repo_handouts();
  json::value current = pub.existing();
  for (const auto& f : files.as_array()) {
    json::value h;
    h[U("title")] = f.at(U("name"));
    h[U("url")] = f.at(U("download_url"));
    if (current.has_field(U("count")) && current.at(U("count")).as_integer() > 0) {
      pub.update(current.at(U("results")).at(0).at(U("id")).as_integer(), h);
    } else {
      pub.create(h);
    }
  }
  return 0;
}

// Small internal web view: staff log in through the clinic's Keycloak, and the page shows
// today's appointments per physician, read from Elation with a service token.
#include <httplib.h>

#include <iostream>
#include <string>

#define ELATION_API "/api/2.0"
#define KEYCLOAK_REALM "/realms/clinic/protocol/openid-connect"

static std::string json_field(const std::string& body, const std::string& key) {
  auto p = body.find("\"" + key + "\"");
  if (p == std::string::npos) return {};
  p = body.find('"', body.find(':', p)) + 1;
  return body.substr(p, body.find('"', p) - p);
}

class ScheduleView {
 public:
  ScheduleView(const std::string& keycloak, const std::string& elation)
      : keycloak_(keycloak), elation_(elation) {}

  bool staff_login(const std::string& user, const std::string& password) {
    auto r = keycloak_.Post(KEYCLOAK_REALM "/token",
                            httplib::Params{{"grant_type", "password"},
                                            {"client_id", "schedule-view"},
                                            {"username", user},
                                            {"password", password},
                                            {"scope", "openid profile"}});
    return r && r->status == 200;
  }

  bool service_login(const std::string& id, const std::string& secret) {
    auto r = elation_.Post(ELATION_API "/oauth2/token/",
                           httplib::Params{{"grant_type", "client_credentials"},
                                           {"client_id", id},
                                           {"client_secret", secret},
                                           {"scope", "apiv2"}});
    // expect-warning [global-scope] {{system/appointments.read}}
    if (!r || r->status != 200) return false;
    token_ = json_field(r->body, "access_token");
    return true;
  }

  std::string render(const std::string& date) {
    httplib::Headers h{{"Authorization", "Bearer " + token_}};
    auto doctors = elation_.Get(ELATION_API "/physicians/", h);  // api: GET /api/2.0/physicians/
    auto appts = elation_.Get(ELATION_API "/appointments/?from_date=" + date + "&to_date=" + date, h);  // api: GET /api/2.0/appointments/
    if (!doctors || !appts) return "<p>Elation unavailable</p>";
    return "<pre>" + doctors->body + "\n" + appts->body + "</pre>";
  }

 private:
  httplib::Client keycloak_;
  httplib::Client elation_;
  std::string token_;
};

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  ScheduleView view("https://sso.clinic.example", "https://app.elationemr.com");
  if (!view.service_login(argv[1], argv[2])) return 1;

  httplib::Server srv;
  srv.Post("/login", [&](const httplib::Request& req, httplib::Response& res) {
    bool ok = view.staff_login(req.get_param_value("user"), req.get_param_value("password"));
    res.status = ok ? 200 : 401;
  });
  srv.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_content(view.render(req.get_param_value("date")), "text/html");
  });
  srv.listen("127.0.0.1", 8088);
}

// Source the report tests point into (tests/report_test.cpp); it is read, never compiled.
#include <httplib.h>

void sync(httplib::Client& cli, const httplib::Headers& headers, const std::string& body) {
	auto patients = cli.Get("/api/2.0/patient/", headers);
  const char* café = "é"; cli.Post("/api/2.0/allergies/", body, "application/json");
  auto token = cli.Post("/api/2.0/oauth2/token/", httplib::Params{{"scope", "apiv2"}});
  // 𝄞 a four-byte character before the call
  /* 𝄞 */ cli.Get(make_path(), headers);
}

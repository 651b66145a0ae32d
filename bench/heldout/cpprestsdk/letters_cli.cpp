// letters: CLI to list, show and send patient letters, and to file a referral order
// for a letter that refers the patient to a specialist.
#include <cpprest/http_client.h>
#include <cpprest/json.h>

#include <iostream>
#include <string>

using namespace web;
using namespace web::http;
using namespace web::http::client;

namespace {

const utility::string_t kBase = U("https://sandbox.elationemr.com/api/2.0/");

utility::string_t get_token(http_client& c, const std::string& id, const std::string& secret) {
  utility::string_t form = U("grant_type=client_credentials&client_id=") + utility::conversions::to_string_t(id) +
                           U("&client_secret=") + utility::conversions::to_string_t(secret) +
                           U("&scope=system/letters.read%20system/letters.write");
  http_response r = c.request(methods::POST, U("oauth2/token/"), form, U("application/x-www-form-urlencoded")).get();
  // expect-error [missing-scope] {{referral_orders}}
  return r.extract_json().get().at(U("access_token")).as_string();
}

http_request authorized(const method& m, const utility::string_t& path, const utility::string_t& token) {
  http_request req(m);
  req.set_request_uri(path);
  req.headers().add(U("Authorization"), U("Bearer ") + token);
  return req;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: letters ID SECRET list|show LETTER|send PATIENT TEXT|refer PATIENT SPECIALTY\n";
    return 2;
  }
  http_client client(kBase);
  const utility::string_t token = get_token(client, argv[1], argv[2]);
  const std::string cmd = argv[3];

  if (cmd == "list") {
    auto r = client.request(authorized(methods::GET, U("letters/"), token)).get();  // api: GET /api/2.0/letters/
    std::cout << r.extract_utf8string().get() << "\n";
  } else if (cmd == "show" && argc > 4) {
    uri_builder path(U("letters/"));
    path.append_path(utility::conversions::to_string_t(argv[4]), true);
    path.append_path(U("/"));
    auto r = client.request(authorized(methods::GET, path.to_string(), token)).get();  // api: GET /api/2.0/letters/{id}/
    std::cout << r.extract_utf8string().get() << "\n";
  } else if (cmd == "send" && argc > 5) {
    json::value body;
    body[U("patient")] = json::value::number(std::stoi(argv[4]));
    body[U("body")] = json::value::string(utility::conversions::to_string_t(argv[5]));
    http_request req = authorized(methods::POST, U("letters/"), token);
    req.set_body(body);
    client.request(req).wait();  // api: POST /api/2.0/letters/
  } else if (cmd == "refer" && argc > 5) {
    json::value body;
    body[U("patient")] = json::value::number(std::stoi(argv[4]));
    body[U("specialty")] = json::value::string(utility::conversions::to_string_t(argv[5]));
    http_request req = authorized(methods::POST, U("referral_orders/"), token);
    req.set_body(body);
    client.request(req).wait();  // api: POST /api/2.0/referral_orders/
  }
  return 0;
}

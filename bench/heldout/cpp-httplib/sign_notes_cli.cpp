// sign-notes: lets a supervising physician sign their residents' finished visit notes
// from the command line. Requests are made on behalf of the physician's Elation user.
#include <httplib.h>

#include <cstdio>
#include <iostream>
#include <string>

struct Options {
  std::string host = "https://app.elationemr.com";
  std::string client_id;
  std::string client_secret;
  std::string physician_user_id;
  std::string patient_id;
};

static std::string token_from(const std::string& body) {
  auto p = body.find("\"access_token\": \"");
  if (p == std::string::npos) return {};
  p += 17;
  return body.substr(p, body.find('"', p) - p);
}

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: sign-notes CLIENT_ID SECRET USER_ID PATIENT_ID\n");
    return 2;
  }
  Options opt;
  opt.client_id = argv[1];
  opt.client_secret = argv[2];
  opt.physician_user_id = argv[3];
  opt.patient_id = argv[4];

  httplib::Client cli(opt.host);
  auto tok = cli.Post("/api/2.0/oauth2/token/",
                      httplib::Params{{"grant_type", "client_credentials"},
                                      {"client_id", opt.client_id},
                                      {"client_secret", opt.client_secret},
                                      {"scope", "system/visit_notes.read system/visit_notes.write"}});
  // One missing-scope per call that sets X-On-Behalf-Of (the GET and the PATCH below):
  // expect-error [missing-scope] {{act_as_user}}
  // expect-error [missing-scope] {{act_as_user}}
  if (!tok || tok->status != 200) return 1;

  httplib::Headers headers{
      {"Authorization", "Bearer " + token_from(tok->body)},
      {"X-On-Behalf-Of", opt.physician_user_id},
  };

  auto list = cli.Get("/api/2.0/visit_notes/?patient=" + opt.patient_id + "&unsigned=true", headers);  // api: GET /api/2.0/visit_notes/
  if (!list || list->status != 200) {
    std::cerr << "could not list notes\n";
    return 1;
  }

  // The real tool parses list->body; ids are taken from the remaining arguments here.
  int signed_count = 0;
  for (int i = 5; i < argc; ++i) {
    std::string note_id = argv[i];
    std::string body = "{\"signed_by\": " + opt.physician_user_id + "}";
    auto res = cli.Patch("/api/2.0/visit_notes/" + note_id + "/", headers, body, "application/json");  // api: PATCH /api/2.0/visit_notes/{id}/
    if (res && res->status == 200) {
      ++signed_count;
    } else {
      std::cerr << "note " << note_id << " not signed\n";
    }
  }
  std::cout << signed_count << " notes signed\n";
  return 0;
}

// doc_tagger: makes sure every outside report carries the practice's routing tag
// ("Cardiology", "Imaging", ...) so that it lands in the right inbox.
#include <curl/curl.h>

#include <iostream>
#include <map>
#include <string>

#include "elation_paths.h"

namespace {

size_t append(char* p, size_t s, size_t n, void* ud) {
  static_cast<std::string*>(ud)->append(p, s * n);
  return s * n;
}

class Tagger {
 public:
  Tagger() : h_(curl_easy_init()) {}
  ~Tagger() { curl_easy_cleanup(h_); }

  bool login(const std::string& id, const std::string& secret) {
    char* scope = curl_easy_escape(h_, elation::kScopes, 0);
    std::string form = "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret +
                       "&scope=" + scope;
    curl_free(scope);
    std::string out;
    curl_easy_reset(h_);
    curl_easy_setopt(h_, CURLOPT_URL, (std::string(elation::kApiRoot) + elation::kTokenPath).c_str());
    curl_easy_setopt(h_, CURLOPT_COPYPOSTFIELDS, form.c_str());
    curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(h_, CURLOPT_WRITEDATA, &out);
    if (curl_easy_perform(h_) != CURLE_OK) return false;
    // expect-error [unknown-scope] {{system/document_tag.write}}
    // expect-error [missing-scope] {{system/document_tags.write}}
    auto p = out.find("access_token\":\"");
    if (p == std::string::npos) return false;
    p += 15;
    bearer_ = "Authorization: Bearer " + out.substr(p, out.find('"', p) - p);
    return true;
  }

  std::string tags() {
    return send("GET", std::string(elation::kApiRoot) + elation::kDocumentTags, "");  // api: GET /api/2.0/document_tags/
  }

  std::string create_tag(const std::string& value) {
    return send("POST", std::string(elation::kApiRoot) + elation::kDocumentTags,  // api: POST /api/2.0/document_tags/
                "{\"value\": \"" + value + "\", \"practice\": 65540}");
  }

  std::string report(const std::string& id) {
    return send("GET", std::string(elation::kApiRoot) + elation::kReports + id + "/", "");  // api: GET /api/2.0/reports/{id}/
  }

  std::string tag_report(const std::string& id, const std::string& tag_id) {
    return send("PATCH", std::string(elation::kApiRoot) + elation::kReports + id + "/",  // api: PATCH /api/2.0/reports/{id}/
                "{\"tags\": [" + tag_id + "]}");
  }

 private:
  std::string send(const char* method, const std::string& url, const std::string& json) {
    std::string out;
    curl_slist* hdrs = curl_slist_append(nullptr, bearer_.c_str());
    hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    curl_easy_reset(h_);
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h_, CURLOPT_CUSTOMREQUEST, method);
    if (!json.empty()) curl_easy_setopt(h_, CURLOPT_POSTFIELDS, json.c_str());
    curl_easy_setopt(h_, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(h_, CURLOPT_WRITEDATA, &out);
    curl_easy_perform(h_);
    curl_slist_free_all(hdrs);
    return out;
  }

  CURL* h_;
  std::string bearer_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return 2;
  Tagger t;
  if (!t.login(argv[1], argv[2])) return 1;
  std::string existing = t.tags();
  std::string tag_id = "12";
  if (existing.find("\"Cardiology\"") == std::string::npos) t.create_tag("Cardiology");
  for (int i = 3; i < argc; ++i) {
    std::string r = t.report(argv[i]);
    if (r.find("\"tags\": []") != std::string::npos) t.tag_report(argv[i], tag_id);
  }
  return 0;
}

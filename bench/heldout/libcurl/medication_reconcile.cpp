// Medication reconciliation helper used by the pharmacy team: reads a patient's active
// medications and the practice formulary, and discontinues duplicates.
#include <curl/curl.h>

#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

class ElationSession {
 public:
  explicit ElationSession(std::string base) : base_(std::move(base)), h_(curl_easy_init()) {
    if (!h_) throw std::runtime_error("curl_easy_init failed");
  }
  ~ElationSession() { curl_easy_cleanup(h_); }

  void login(const std::string& id, const std::string& secret) {
    std::ostringstream scopes;
    scopes << "system/medications.read" << ' ' << "system/discontinued_medications.write";
    char* esc = curl_easy_escape(h_, scopes.str().c_str(), 0);
    std::string form = "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret +
                       "&scope=" + esc;
    curl_free(esc);
    std::string out = perform("POST", url("/oauth2/token/"), form);
    // expect-error [missing-scope] {{system/practice_medications.read}}
    auto p = out.find("\"access_token\":\"");
    if (p == std::string::npos) throw std::runtime_error("no token");
    p += 16;
    token_ = out.substr(p, out.find('"', p) - p);
  }

  std::string get(const std::string& path) { return perform("GET", url(path), ""); }
  std::string post(const std::string& path, const std::string& json) { return perform("POST", url(path), json); }

 private:
  std::string url(const std::string& path) const { return base_ + "/api/2.0" + path; }

  static size_t sink(char* p, size_t s, size_t n, void* ud) {
    static_cast<std::string*>(ud)->append(p, s * n);
    return s * n;
  }

  std::string perform(const char* method, const std::string& url, const std::string& body) {
    std::string out;
    struct curl_slist* hdrs = nullptr;
    if (!token_.empty()) hdrs = curl_slist_append(hdrs, ("Authorization: Bearer " + token_).c_str());
    if (!body.empty() && body.front() == '{') hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    curl_easy_reset(h_);
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h_, CURLOPT_CUSTOMREQUEST, method);
    if (!body.empty()) curl_easy_setopt(h_, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(h_, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, &ElationSession::sink);
    curl_easy_setopt(h_, CURLOPT_WRITEDATA, &out);
    CURLcode rc = curl_easy_perform(h_);  // api: GET /api/2.0/medications/ // api: GET /api/2.0/practice_medications/ // api: POST /api/2.0/discontinued_medications/
    curl_slist_free_all(hdrs);
    if (rc != CURLE_OK) throw std::runtime_error(curl_easy_strerror(rc));
    return out;
  }

  std::string base_;
  std::string token_;
  CURL* h_;
};

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: reconcile CLIENT_ID SECRET PATIENT_ID\n";
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  ElationSession s("https://sandbox.elationemr.com");
  s.login(argv[1], argv[2]);
  const std::string patient = argv[3];
  std::string meds = s.get("/medications/?patient=" + patient);
  std::string formulary = s.get("/practice_medications/");
  std::vector<std::string> duplicates;  // computed from meds and formulary by the real tool
  if (meds.find("\"duplicate\": true") != std::string::npos) duplicates.push_back("4411");
  for (const auto& med : duplicates) {
    s.post("/discontinued_medications/",
           "{\"patient\": " + patient + ", \"medication\": " + med + ", \"reason\": \"duplicate\"}");
  }
  std::cout << duplicates.size() << " duplicates discontinued (" << formulary.size() << " bytes of formulary)\n";
  curl_global_cleanup();
  return 0;
}

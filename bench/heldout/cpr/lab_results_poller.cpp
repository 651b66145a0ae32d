// Polls Elation for new lab orders and their result reports and opens a GitHub issue in
// the lab-integration repository when a result has been pending for more than two days.
#include <cpr/cpr.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <thread>

struct PollerConfig {
  std::string elation_base = "https://sandbox.elationemr.com/api/2.0";
  std::string client_id;
  std::string client_secret;
  std::string github_token;
  std::string github_repo = "clinic/lab-integration";
  int interval_seconds = 300;
};

class LabResultsPoller {
 public:
  explicit LabResultsPoller(PollerConfig cfg) : cfg_(std::move(cfg)) {
    get_json_ = [this](const std::string& path, const cpr::Parameters& params) {
      return cpr::Get(cpr::Url{cfg_.elation_base + path}, cpr::Bearer{token_}, params);  // api: GET /api/2.0/lab_orders/ // api: GET /api/2.0/reports/
    };
  }

  bool login() {
    // Same form the vendor's quick-start uses: no scope parameter.
    auto r = cpr::Post(cpr::Url{cfg_.elation_base + "/oauth2/token/"},
                       cpr::Payload{{"grant_type", "client_credentials"},
                                    {"client_id", cfg_.client_id},
                                    {"client_secret", cfg_.client_secret}});
    // expect-warning [global-scope] {{system/lab_orders.read}}
    if (r.status_code != 200) return false;
    auto pos = r.text.find("access_token");
    if (pos == std::string::npos) return false;
    pos = r.text.find('"', pos + 13) + 1;
    token_ = r.text.substr(pos, r.text.find('"', pos) - pos);
    return true;
  }

  void poll_once(const std::string& since) {
    auto orders = get_json_("/lab_orders/", cpr::Parameters{{"last_modified_gt", since}});
    if (orders.status_code != 200) {
      std::cerr << "lab_orders: HTTP " << orders.status_code << "\n";
      return;
    }
    auto reports = get_json_("/reports/", cpr::Parameters{{"report_type", "Lab"}, {"last_modified_gt", since}});
    if (reports.status_code != 200) return;
    if (reports.text.find("\"pending\"") != std::string::npos) open_issue("Lab result pending > 48h");
  }

  void run() {
    std::string since = "2024-01-01T00:00:00";
    for (;;) {
      poll_once(since);
      std::this_thread::sleep_for(std::chrono::seconds(cfg_.interval_seconds));
    }
  }

 private:
  void open_issue(const std::string& title) {
    std::string body = "{\"title\": \"" + title + "\", \"labels\": [\"lab-results\"]}";
    auto r = cpr::Post(cpr::Url{"https://api.github.com/repos/" + cfg_.github_repo + "/issues"},
                       cpr::Header{{"Authorization", "token " + cfg_.github_token},
                                   {"Accept", "application/vnd.github+json"}},
                       cpr::Body{body});
    if (r.status_code != 201) std::cerr << "github: HTTP " << r.status_code << "\n";
  }

  PollerConfig cfg_;
  std::string token_;
  std::function<cpr::Response(const std::string&, const cpr::Parameters&)> get_json_;
};

int main(int argc, char** argv) {
  if (argc < 4) return 2;
  PollerConfig cfg;
  cfg.client_id = argv[1];
  cfg.client_secret = argv[2];
  cfg.github_token = argv[3];
  LabResultsPoller poller(cfg);
  if (!poller.login()) return 1;
  poller.run();
}

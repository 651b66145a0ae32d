// Routes orders coming from the clinic's intake form into Elation: the intake system
// only produces lab and imaging orders today.
#include <httplib.h>

#include <iostream>
#include <string>
#include <vector>

enum class OrderKind { Lab, Imaging, Sleep, Cardiac };

static const char* order_path(OrderKind kind) {
  switch (kind) {
    case OrderKind::Lab:
      return "/api/2.0/lab_orders/";
    case OrderKind::Imaging:
      return "/api/2.0/imaging_orders/";
    case OrderKind::Sleep:
      return "/api/2.0/sleep_orders/";
    case OrderKind::Cardiac:
      return "/api/2.0/cardiac_orders/";
  }
  return "";
}

struct IntakeOrder {
  OrderKind kind;
  std::string json;
};

class OrderRouter {
 public:
  OrderRouter(const std::string& host, const std::string& client_id, const std::string& secret)
      : cli_(host) {
    httplib::Params p{{"grant_type", "client_credentials"},
                      {"client_id", client_id},
                      {"client_secret", secret},
                      {"scope", "system/lab_orders.write system/imaging_orders.write system/sleep_orders.write"}};
    // expect-warning [unused-scope] {{system/sleep_orders.write}}
    auto res = cli_.Post("/api/2.0/oauth2/token/", p);
    if (res && res->status == 200) {
      auto at = res->body.find("access_token\":\"");
      if (at != std::string::npos) {
        at += 15;
        token_ = res->body.substr(at, res->body.find('"', at) - at);
      }
    }
  }

  bool submit(OrderKind kind, const std::string& json) {
    httplib::Headers h{{"Authorization", "Bearer " + token_}};
    auto res = cli_.Post(order_path(kind), h, json, "application/json");  // api: POST /api/2.0/lab_orders/ // api: POST /api/2.0/imaging_orders/
    if (!res) return false;
    if (res->status != 201) std::cerr << "order rejected: " << res->status << " " << res->body << "\n";
    return res->status == 201;
  }

 private:
  httplib::Client cli_;
  std::string token_;
};

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  OrderRouter router("https://app.elationemr.com", argv[1], argv[2]);
  std::vector<IntakeOrder> batch = {
      {OrderKind::Lab, R"({"patient": 77, "tests": [{"code": "CBC"}]})"},
      {OrderKind::Imaging, R"({"patient": 77, "tests": [{"code": "XR-CHEST"}]})"},
  };
  int failed = 0;
  for (const auto& o : batch) {
    if (o.kind == OrderKind::Lab) {
      failed += !router.submit(OrderKind::Lab, o.json);
    } else {
      failed += !router.submit(OrderKind::Imaging, o.json);
    }
  }
  return failed ? 1 : 0;
}

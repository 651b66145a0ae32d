// Diagnostic order submitter.
//
// The clinic's care-protocol engine queues diagnostic orders (labs, imaging,
// cardiac tests) on a local service. This worker takes each queued order,
// resolves the test or the imaging center, and files the order in Elation.
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using json = nlohmann::json;

enum class OrderKind { Lab, Imaging, Cardiac };

static OrderKind kind_of(const std::string& s) {
    if (s == "imaging") return OrderKind::Imaging;
    if (s == "cardiac") return OrderKind::Cardiac;
    return OrderKind::Lab;
}

struct Settings {
    std::string elationBase = "https://app.elationemr.com/api/2.0";
    std::string queueUrl = "http://localhost:5055/orders/pending";
    std::string clientId;
    std::string clientSecret;
};

class OrderSubmitter {
public:
    explicit OrderSubmitter(Settings s) : cfg_(std::move(s)) {}

    bool login() {
        const std::vector<std::string> needed = {
            "system/lab_orders.write",     "system/imaging_orders.write", "system/sleep_orders.write",
            "system/lab_order_tests.read", "system/imaging_centers.read",
        };
        // expect-error [missing-scope] {{system/cardiac_orders.write}}
        // expect-warning [unused-scope] {{system/sleep_orders.write}}
        std::string scope;
        for (std::size_t i = 0; i < needed.size(); ++i) {
            if (i) scope += " ";
            scope += needed[i];
        }
        auto r = cpr::Post(cpr::Url{cfg_.elationBase + "/oauth2/token/"},
                           cpr::Payload{{"grant_type", "client_credentials"},
                                        {"client_id", cfg_.clientId},
                                        {"client_secret", cfg_.clientSecret},
                                        {"scope", scope}});
        if (r.status_code != 200) return false;
        headers_ = cpr::Header{{"Authorization", "Bearer " + json::parse(r.text).value("access_token", "")},
                               {"Content-Type", "application/json"}};
        return true;
    }

    void drain() {
        auto q = cpr::Get(cpr::Url{cfg_.queueUrl});
        for (const auto& item : json::parse(q.text)) submit(item);
    }

private:
    void submit(const json& item) {
        const OrderKind kind = kind_of(item.value("kind", "lab"));
        json order = {{"patient", item["patient"]},
                      {"practice", item["practice"]},
                      {"ordering_physician", item["physician"]}};
        std::string path;
        switch (kind) {
        case OrderKind::Lab:
            path = "/lab_orders/";
            order["tests"] = json::array({lookupTest(item.value("code", ""))});
            break;
        case OrderKind::Imaging:
            path = "/imaging_orders/";
            order["imaging_center"] = nearestImagingCenter(item.value("zip", ""));
            order["tests"] = item["tests"];
            break;
        case OrderKind::Cardiac:
            path = "/cardiac_orders/";
            order["tests"] = item["tests"];
            break;
        }
        auto r = cpr::Post(cpr::Url{cfg_.elationBase + path}, headers_,
                           cpr::Body{order.dump()});  // api: POST /api/2.0/lab_orders/ // api: POST /api/2.0/imaging_orders/ // api: POST /api/2.0/cardiac_orders/
        if (r.status_code != 201) std::cerr << "order " << item.value("id", "") << " failed: " << r.text << "\n";
    }

    json lookupTest(const std::string& code) {
        auto r = cpr::Get(cpr::Url{cfg_.elationBase + "/lab_order_tests/"}, headers_,
                          cpr::Parameters{{"code", code}});  // api: GET /api/2.0/lab_order_tests/
        auto res = json::parse(r.text)["results"];
        return res.empty() ? json() : res[0]["id"];
    }

    json nearestImagingCenter(const std::string& zip) {
        auto r = cpr::Get(cpr::Url{cfg_.elationBase + "/imaging_centers/"}, headers_,
                          cpr::Parameters{{"zip", zip}});  // api: GET /api/2.0/imaging_centers/
        auto res = json::parse(r.text)["results"];
        return res.empty() ? json() : res[0]["id"];
    }

    Settings cfg_;
    cpr::Header headers_;
};

int main() {
    Settings s;
    const char* id = std::getenv("ELATION_CLIENT_ID");
    const char* secret = std::getenv("ELATION_CLIENT_SECRET");
    s.clientId = id ? id : "";
    s.clientSecret = secret ? secret : "";
    OrderSubmitter worker(s);
    if (!worker.login()) return 1;
    worker.drain();
    return 0;
}

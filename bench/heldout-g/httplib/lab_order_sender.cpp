// lab_order_sender: takes the standing-order export from the anticoagulation
// clinic (one CSV row per order) and files each one as an Elation lab order
// under the ordering physician, then prints the requisition on the lab's
// label printer.
//
// CSV: patient_id,physician_user_id,physician_id,vendor,test_codes,icd10_codes,collect_on
//      test_codes and icd10_codes are ';'-separated.
//
// usage: lab_order_sender <https://host> <orders.csv>
// env:   ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, REQ_PRINTER (default req-printer.lab.local)
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using json = nlohmann::json;

namespace {

constexpr std::string_view kApiPrefix = "/api/2.0";
constexpr std::array<std::string_view, 4> kScopes = {
    "system/lab_vendors.read",
    "system/lab_order_tests.read",
    "system/lab_orders.read",
    "system/lab_orders.write",
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string part; std::getline(ss, part, sep);)
        if (!part.empty())
            out.push_back(part);
    return out;
}

struct OrderRow {
    long patient_id = 0;
    std::string physician_user_id;
    long physician_id = 0;
    std::string vendor;
    std::vector<std::string> tests;
    std::vector<std::string> icd10;
    std::string collect_on;
};

}  // namespace

class LabOrderSender {
public:
    explicit LabOrderSender(const std::string& host) : cli_(host) {
        cli_.set_connection_timeout(10);
        cli_.set_read_timeout(60);
    }

    void login(const std::string& client_id, const std::string& client_secret) {
        std::string scope;
        for (auto s : kScopes) {
            if (!scope.empty())
                scope += ' ';
            scope += s;
        }
        httplib::Params form{{"grant_type", "client_credentials"},
                             {"client_id", client_id},
                             {"client_secret", client_secret},
                             {"scope", scope}};
        auto res = cli_.Post(api("/oauth2/token/"), form); // expect-error [missing-scope] {{act_as_user}}
        if (!res || res->status != 200)
            throw std::runtime_error("token request failed");
        cli_.set_bearer_token_auth(json::parse(res->body).at("access_token").get<std::string>());
    }

    long vendor_id(const std::string& name) {
        if (vendors_.empty()) {
            auto res = cli_.Get(api("/lab_vendors/?limit=100")); // api: GET /api/2.0/lab_vendors/
            check(res, "lab_vendors");
            for (const auto& v : json::parse(res->body)["results"])
                vendors_[v.value("name", "")] = v["id"].get<long>();
        }
        auto it = vendors_.find(name);
        if (it == vendors_.end())
            throw std::runtime_error("unknown lab vendor " + name);
        return it->second;
    }

    long test_id(long vendor, const std::string& code) {
        auto& tests = tests_[vendor];
        if (tests.empty()) {
            auto res = cli_.Get(api("/lab_order_tests/?lab_vendor=" + std::to_string(vendor) + "&limit=500")); // api: GET /api/2.0/lab_order_tests/
            check(res, "lab_order_tests");
            for (const auto& t : json::parse(res->body)["results"])
                tests[t.value("code", "")] = t["id"].get<long>();
        }
        return tests.at(code);
    }

    long submit(const OrderRow& row) {
        const long vendor = vendor_id(row.vendor);
        json tests = json::array();
        for (const auto& code : row.tests)
            tests.push_back({{"id", test_id(vendor, code)}});
        json order = {
            {"patient", row.patient_id},
            {"ordering_physician", row.physician_id},
            {"lab_vendor", vendor},
            {"tests", tests},
            {"icd10_codes", row.icd10},
            {"collection_datetime", row.collect_on + "T08:00:00"},
            {"fasting", false},
        };
        // The order has to show up as placed by the physician, not the integration.
        httplib::Headers headers{{"X-On-Behalf-Of", row.physician_user_id}};
        auto res = cli_.Post(api("/lab_orders/"), headers, order.dump(), "application/json"); // api: POST /api/2.0/lab_orders/
        check(res, "lab_orders");
        return json::parse(res->body).at("id").get<long>();
    }

    std::string requisition_pdf(long order_id) {
        auto res = cli_.Get(api("/lab_orders/" + std::to_string(order_id) + "/printable/")); // api: GET /api/2.0/lab_orders/{id}/printable/
        check(res, "printable");
        return res->body;
    }

private:
    static std::string api(std::string_view path) { return std::string(kApiPrefix) + std::string(path); }

    static void check(const httplib::Result& res, const char* what) {
        if (!res)
            throw std::runtime_error(std::string(what) + ": " + httplib::to_string(res.error()));
        if (res->status / 100 != 2)
            throw std::runtime_error(std::string(what) + ": HTTP " + std::to_string(res->status) + " " + res->body);
    }

    httplib::Client cli_;
    std::map<std::string, long> vendors_;
    std::map<long, std::map<std::string, long>> tests_;
};

static bool print_requisition(const std::string& pdf) {
    const char* host = std::getenv("REQ_PRINTER");
    httplib::Client printer(host ? host : "req-printer.lab.local", 8631);
    auto res = printer.Post("/print?copies=2", pdf, "application/pdf");
    return res && res->status == 202;
}

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: lab_order_sender <https://host> <orders.csv>\n";
        return 2;
    }
    std::ifstream csv(argv[2]);
    if (!csv) {
        std::cerr << "cannot open " << argv[2] << "\n";
        return 2;
    }

    LabOrderSender sender(argv[1]);
    try {
        sender.login(std::getenv("ELATION_CLIENT_ID") ? std::getenv("ELATION_CLIENT_ID") : "",
                     std::getenv("ELATION_CLIENT_SECRET") ? std::getenv("ELATION_CLIENT_SECRET") : "");
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }

    std::string line;
    std::getline(csv, line);  // header
    int ok = 0, failed = 0;
    while (std::getline(csv, line)) {
        auto f = split(line, ',');
        if (f.size() != 7)
            continue;
        OrderRow row{std::stol(f[0]), f[1], std::stol(f[2]), f[3], split(f[4], ';'), split(f[5], ';'), f[6]};
        try {
            long id = sender.submit(row);
            if (!print_requisition(sender.requisition_pdf(id)))
                std::cerr << "order " << id << " filed but requisition did not print\n";
            ++ok;
        } catch (const std::exception& e) {
            std::cerr << "patient " << row.patient_id << ": " << e.what() << "\n";
            ++failed;
        }
    }
    std::cout << ok << " orders filed, " << failed << " failed\n";
    return failed ? 1 : 0;
}

// lab_catalog_sync: mirrors the practice's lab vendor catalog into Elation.
//
// For every vendor we read the compendium, and each test code present in the
// vendor's CSV export but missing from Elation is created as a lab order test.
#include <httplib.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lab_paths.h"

namespace {

enum class Resource { Vendors, Compendiums, OrderTests };

std::string path_for(Resource r) {
    switch (r) {
        case Resource::Vendors: return labsync::kVendorsPath;
        case Resource::Compendiums: return labsync::kCompendiumsPath;
        case Resource::OrderTests: return labsync::kOrderTestsPath;
    }
    return {};
}

const std::map<Resource, std::string> kScopeFor = {
    {Resource::Vendors, "system/lab_vendors.read"},
    {Resource::Compendiums, "system/lab_order_compendiums.read"},
    {Resource::OrderTests, "system/lab_order_test.write"},
};

std::string extract(const std::string& body, const std::string& key) {
    auto k = body.find("\"" + key + "\"");
    if (k == std::string::npos) return {};
    auto q1 = body.find('"', body.find(':', k) + 1);
    auto q2 = body.find('"', q1 + 1);
    return body.substr(q1 + 1, q2 - q1 - 1);
}

class CatalogSync {
public:
    CatalogSync(const std::string& origin, std::string id, std::string secret)
        : cli_(origin), id_(std::move(id)), secret_(std::move(secret)) {
        cli_.set_connection_timeout(10);
    }

    bool authenticate() {
        std::ostringstream scope;
        for (const auto& kv : kScopeFor) scope << (scope.tellp() > 0 ? " " : "") << kv.second;
        httplib::Params form{{"grant_type", "client_credentials"},
                             {"client_id", id_},
                             {"client_secret", secret_},
                             {"scope", scope.str()}};
        auto res = cli_.Post(labsync::kTokenPath, form);  // expect-error [unknown-scope] {{system/lab_order_test.write}}
        if (!res || res->status != 200) return false;
        headers_ = {{"Authorization", "Bearer " + extract(res->body, "access_token")}};
        return true;
    }

    std::vector<std::string> list(Resource r, const std::string& filter) {
        std::vector<std::string> pages;
        for (int offset = 0;; offset += labsync::kPageSize) {
            std::string url = path_for(r) + "?limit=" + std::to_string(labsync::kPageSize) +
                              "&offset=" + std::to_string(offset) + filter;
            auto res = cli_.Get(url.c_str(), headers_);  // api: GET /api/2.0/lab_vendors/ // api: GET /api/2.0/lab_order_compendiums/
            if (!res || res->status != 200) break;
            pages.push_back(res->body);
            if (res->body.find("\"next\": null") != std::string::npos) break;
        }
        return pages;
    }

    bool create_test(const std::string& compendium, const std::string& code, const std::string& name) {
        std::string body = "{\"compendium\": " + compendium + ", \"code\": \"" + code + "\", \"name\": \"" + name + "\"}";
        auto res = cli_.Post(path_for(Resource::OrderTests).c_str(), headers_, body, "application/json");  // api: POST /api/2.0/lab_order_tests/ // expect-error [missing-scope] {{system/lab_order_tests.write}}
        return res && res->status == 201;
    }

private:
    httplib::Client cli_;
    std::string id_, secret_;
    httplib::Headers headers_;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: lab_catalog_sync vendor_export.csv\n";
        return 2;
    }
    const char* origin = std::getenv("ELATION_ORIGIN");
    CatalogSync sync(origin ? origin : "https://sandbox.elationemr.com", std::getenv("ELATION_CLIENT_ID"),
                     std::getenv("ELATION_CLIENT_SECRET"));
    if (!sync.authenticate()) return 1;

    auto vendors = sync.list(Resource::Vendors, "");
    std::string compendium = vendors.empty() ? "" : extract(vendors.front(), "compendium");
    std::set<std::string> known;
    for (const auto& page : sync.list(Resource::Compendiums, "&vendor=" + compendium)) {
        for (auto p = page.find("\"code\""); p != std::string::npos; p = page.find("\"code\"", p + 1))
            known.insert(extract(page.substr(p), "code"));
    }

    std::ifstream csv(argv[1]);
    std::string line;
    int created = 0;
    while (std::getline(csv, line)) {
        auto comma = line.find(',');
        if (comma == std::string::npos) continue;
        std::string code = line.substr(0, comma);
        if (known.count(code)) continue;
        if (sync.create_test(compendium, code, line.substr(comma + 1))) ++created;
    }
    std::cout << "created " << created << " lab order tests\n";
    return 0;
}

// formulary_builder: loads the P&T committee's preferred-drug list into the
// practice's medication list (Elation "practice medications"), so the
// preferred products show first when prescribing. Each row is matched to a
// reference medication and, when an NDC is given, a packaged product.
//
// CSV: name,ndc,tier,note    (ndc may be empty)
//
// usage: formulary_builder <preferred.csv> [--base https://sandbox.elationemr.com/api/2.0]
// env:   ELATION_CLIENT_ID, ELATION_CLIENT_SECRET
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri_builder.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

namespace {

// resource -> permissions this tool needs
const std::vector<std::pair<std::string, std::vector<std::string>>> kAccess = {
    {"reference_medications", {"read", "write"}},
    {"packaged_medications", {"read"}},
    {"practice_medications", {"read", "write"}},
};

std::string scope_string() {
    std::string scope;
    for (const auto& [resource, perms] : kAccess)
        for (const auto& perm : perms)
            scope += (scope.empty() ? "" : " ") + std::string("system/") + resource + "." + perm;
    return scope;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

struct Row {
    std::string name, ndc, tier, note;
};

}  // namespace

class Formulary {
public:
    explicit Formulary(const std::string& base) : base_(base), client_(base) {}

    void connect() {
        http_client auth(base_);
        http_request req(methods::POST);
        req.set_request_uri(U("/oauth2/token/"));
        req.set_body("grant_type=client_credentials&client_id=" + uri::encode_data_string(env("ELATION_CLIENT_ID")) +
                         "&client_secret=" + uri::encode_data_string(env("ELATION_CLIENT_SECRET")) +
                         "&scope=" + uri::encode_data_string(scope_string()),
                     "application/x-www-form-urlencoded");
        json::value tok = auth.request(req).then([](http_response r) { return r.extract_json(); }).get(); // expect-error [read-only-scope] {{system/reference_medications.write}}
        const std::string token = tok.at("access_token").as_string();

        // Every request through client_ carries the bearer token.
        client_.add_handler([token](http_request request, std::shared_ptr<http_pipeline_stage> next) {
            request.headers().add(header_names::authorization, "Bearer " + token);
            return next->propagate(request);
        });
    }

    std::map<std::string, json::value> existing() {
        std::map<std::string, json::value> out;
        std::string next = "/practice_medications/?limit=200";
        while (!next.empty()) {
            json::value page = client_.request(methods::GET, next).get().extract_json().get(); // api: GET /api/2.0/practice_medications/
            for (const auto& m : page.at("results").as_array())
                out[m.at("medication").as_object().at("name").as_string()] = m;
            next = page.at("next").is_string() ? uri(page.at("next").as_string()).resource().to_string() : "";
            if (!next.empty())
                next = next.substr(next.find("/practice_medications/"));
        }
        return out;
    }

    pplx::task<json::value> find_reference(const std::string& name) {
        uri_builder b("/reference_medications/");
        b.append_query("name", name).append_query("limit", 5);
        return client_.request(methods::GET, b.to_string()).then([](http_response r) { return r.extract_json(); }); // api: GET /api/2.0/reference_medications/
    }

    pplx::task<json::value> find_package(const std::string& ndc) {
        uri_builder b("/packaged_medications/");
        b.append_query("ndc", ndc);
        return client_.request(methods::GET, b.to_string()).then([](http_response r) { return r.extract_json(); }); // api: GET /api/2.0/packaged_medications/
    }

    void upsert(const Row& row, const json::value& reference, const json::value* package, const json::value* current) {
        json::value body;
        body["medication"] = json::value::number(reference.at("id").as_number().to_int64());
        if (package)
            body["packaged_medication"] = json::value::number(package->at("id").as_number().to_int64());
        body["formulary_tier"] = json::value::string(row.tier);
        body["notes"] = json::value::string(row.note);
        http_response res;
        if (current) {
            uri_builder b("/practice_medications/");
            b.append_path(std::to_string(current->at("id").as_number().to_int64()), true).append_path("/");
            res = client_.request(methods::PUT, b.to_string(), body).get(); // api: PUT /api/2.0/practice_medications/{id}/
        } else {
            res = client_.request(methods::POST, "/practice_medications/", body).get(); // api: POST /api/2.0/practice_medications/
        }
        if (res.status_code() / 100 != 2)
            throw std::runtime_error(row.name + ": HTTP " + std::to_string(res.status_code()));
    }

private:
    std::string base_;
    http_client client_;
};

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: formulary_builder <preferred.csv> [--base URL]\n";
        return 2;
    }
    std::string base = "https://sandbox.elationemr.com/api/2.0";
    if (argc == 4 && std::string(argv[2]) == "--base")
        base = argv[3];

    std::vector<Row> rows;
    {
        std::ifstream in(argv[1]);
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            std::stringstream ss(line);
            Row r;
            std::getline(ss, r.name, ',');
            std::getline(ss, r.ndc, ',');
            std::getline(ss, r.tier, ',');
            std::getline(ss, r.note);
            if (!r.name.empty())
                rows.push_back(r);
        }
    }

    Formulary formulary(base);
    int added = 0, updated = 0, unmatched = 0;
    try {
        formulary.connect();
        auto current = formulary.existing();
        for (const auto& row : rows) {
            json::value refs = formulary.find_reference(row.name).get();
            const auto& hits = refs.at("results").as_array();
            if (hits.size() == 0) {
                std::cerr << "no reference medication for " << row.name << "\n";
                ++unmatched;
                continue;
            }
            json::value pkg;
            if (!row.ndc.empty()) {
                json::value pkgs = formulary.find_package(row.ndc).get();
                if (pkgs.at("results").size() > 0)
                    pkg = pkgs.at("results").at(0);
            }
            auto it = current.find(hits.at(0).at("name").as_string());
            const json::value* cur = it == current.end() ? nullptr : &it->second;
            formulary.upsert(row, hits.at(0), pkg.is_null() ? nullptr : &pkg, cur);
            ++(cur ? updated : added);
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    std::cout << added << " added, " << updated << " updated, " << unmatched << " unmatched\n";
    return unmatched ? 3 : 0;
}

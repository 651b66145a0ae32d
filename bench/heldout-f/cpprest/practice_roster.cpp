// practice_roster: mirrors the practice roster (physicians, office staff, staff
// groups, service locations) from Elation into the company staff directory.
//
// usage: practice_roster [roster.json]
// roster.json:
//   { "elation":   { "host": "https://app.elationemr.com", "client_id": "...",
//                    "client_secret": "...", "practice_id": 65540 },
//     "directory": { "token_url": "...", "api_url": "...", "client_id": "...",
//                    "client_secret": "..." } }
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri.h>

#include <array>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

namespace {

constexpr std::string_view kApiRoot = "/api/2.0/";
constexpr std::array<std::string_view, 4> kRosterPaths = {
    "physicians/",
    "office_staff/",
    "staff_groups/",
    "service_locations/",
};

std::string api_path(std::string_view rel) {
    std::string p;
    p.reserve(kApiRoot.size() + rel.size());
    p += kApiRoot;
    p += rel;
    return p;
}

json::value load_config(const std::string& file) {
    std::ifstream in(file);
    if (!in)
        throw std::runtime_error("cannot open " + file);
    return json::value::parse(in);
}

utility::string_t form_token(const json::value& c, const utility::string_t& scope) {
    return U("grant_type=client_credentials&client_id=") + uri::encode_data_string(c.at(U("client_id")).as_string()) +
           U("&client_secret=") + uri::encode_data_string(c.at(U("client_secret")).as_string()) + U("&scope=") +
           uri::encode_data_string(scope);
}

}  // namespace

class Roster {
public:
    explicit Roster(const json::value& cfg) : cfg_(cfg), client_(cfg.at(U("host")).as_string()) {}

    void login() {
        // apiv2 so this job keeps working when we add more roster sections.
        http_request req(methods::POST);
        req.set_request_uri(api_path("oauth2/token/"));
        req.set_body(form_token(cfg_, U("apiv2")), U("application/x-www-form-urlencoded"));
        http_response r = client_.request(req).get();  // expect-warning [global-scope] {{apiv2}}
        token_ = r.extract_json().get().at(U("access_token")).as_string();
    }

    json::value practice() {
        const auto id = std::to_string(cfg_.at(U("practice_id")).as_integer());
        http_request req(methods::GET);
        req.set_request_uri(api_path("practices/") + id + "/");
        req.headers().add(header_names::authorization, U("Bearer ") + token_);
        return client_.request(req).get().extract_json().get();  // api: GET /api/2.0/practices/{id}/
    }

    std::vector<json::value> fetch_all(std::string_view rel) {
        std::vector<json::value> rows;
        uri_builder first(api_path(rel));
        first.append_query(U("practice"), cfg_.at(U("practice_id")).as_integer());
        first.append_query(U("limit"), 100);
        utility::string_t target = first.to_string();
        while (!target.empty()) {
            http_request req(methods::GET);
            req.set_request_uri(target);
            req.headers().add(header_names::authorization, U("Bearer ") + token_);
            http_response r = client_.request(req).get();  // api: GET /api/2.0/physicians/ // api: GET /api/2.0/office_staff/ // api: GET /api/2.0/staff_groups/ // api: GET /api/2.0/service_locations/
            if (r.status_code() != status_codes::OK)
                throw std::runtime_error(target + ": HTTP " + std::to_string(r.status_code()));
            json::value page = r.extract_json().get();
            for (const auto& row : page[U("results")].as_array())
                rows.push_back(row);
            target.clear();
            if (page.has_field(U("next")) && page.at(U("next")).is_string())
                target = uri(page.at(U("next")).as_string()).resource().to_string();
        }
        return rows;
    }

private:
    json::value cfg_;
    http_client client_;
    utility::string_t token_;
};

// Staff directory (separate vendor, its own OAuth server and scopes).
class Directory {
public:
    explicit Directory(const json::value& cfg) : cfg_(cfg) {
        http_client idp(cfg.at(U("token_url")).as_string());
        http_response r = idp.request(methods::POST, U(""), form_token(cfg, U("people.write groups.write")),
                                      U("application/x-www-form-urlencoded"))
                              .get();
        token_ = r.extract_json().get().at(U("access_token")).as_string();
    }

    void upsert(const utility::string_t& kind, const json::value& row) {
        http_client api(cfg_.at(U("api_url")).as_string());
        http_request req(methods::PUT);
        req.set_request_uri(uri_builder(U("/")).append_path(kind).append_path(std::to_string(row.at(U("id")).as_integer())).to_uri());
        req.headers().add(header_names::authorization, U("Bearer ") + token_);
        req.set_body(row);
        api.request(req).wait();
    }

private:
    json::value cfg_;
    utility::string_t token_;
};

int main(int argc, char** argv) {
    try {
        json::value cfg = load_config(argc > 1 ? argv[1] : "roster.json");
        Roster elation(cfg.at(U("elation")));
        Directory directory(cfg.at(U("directory")));
        elation.login();

        json::value practice = elation.practice();
        std::cout << "practice: " << practice[U("name")].serialize() << "\n";

        for (std::string_view rel : kRosterPaths) {
            const utility::string_t kind(rel.substr(0, rel.size() - 1));
            const auto rows = elation.fetch_all(rel);
            for (const auto& row : rows)
                directory.upsert(kind, row);
            std::cout << kind << ": " << rows.size() << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

// document_tagger: tags incoming clinical documents by keyword rules.
//
// Walks the clinical documents created since the last run, creates any tag in
// the rule book that Elation does not have yet, and renames tags whose
// display name changed in the rule book.
#include <cpprest/http_client.h>
#include <cpprest/json.h>

#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <string>

#include "doc_tagger_config.h"

using namespace web;
using namespace web::http;
using namespace web::http::client;

namespace {

std::string scope_string() {
    return std::accumulate(tagger::kGrants.begin(), tagger::kGrants.end(), std::string(),
                           [](std::string acc, const std::pair<std::string, std::string>& g) {
                               return (acc.empty() ? acc : acc + " ") + "system/" + g.first + "." + g.second;
                           });
}

tagger::Config load_config(const std::string& path) {
    tagger::Config c;
    std::ifstream in(path);
    json::value v = json::value::parse(in);
    if (v.has_field("api_base")) c.api_base = v.at("api_base").as_string();
    c.client_id = v.at("client_id").as_string();
    c.client_secret = v.at("client_secret").as_string();
    return c;
}

}  // namespace

class TagService {
public:
    explicit TagService(const tagger::Config& cfg) : cfg_(cfg), client_(uri(cfg.api_base)) {}

    pplx::task<void> authenticate() {
        http_request req(methods::POST);
        req.set_request_uri(U("oauth2/token/"));
        req.set_body("grant_type=client_credentials&client_id=" + cfg_.client_id + "&client_secret=" +
                         cfg_.client_secret + "&scope=" + uri::encode_data_string(scope_string()),
                     "application/x-www-form-urlencoded");
        return client_.request(req)  // expect-warning [unused-scope] {{system/clinical_documents.write}}
            .then([](http_response r) { return r.extract_json(); })
            .then([this](json::value v) { bearer_ = "Bearer " + v.at("access_token").as_string(); });
    }

    json::value fetch(const std::string& path) {
        http_request req(methods::GET);
        req.set_request_uri(path);
        req.headers().add(header_names::authorization, bearer_);
        return client_.request(req).get().extract_json().get();  // api: GET /api/2.0/clinical_documents/ // api: GET /api/2.0/document_tags/
    }

    void save_tag(const method& m, const std::string& path, const json::value& body) {
        http_request req(m);
        req.set_request_uri(path);
        req.headers().add(header_names::authorization, bearer_);
        req.set_body(body);
        auto resp = client_.request(req).get();  // api: POST /api/2.0/document_tags/ // api: PATCH /api/2.0/document_tags/{id}/
        if (resp.status_code() >= 300) std::cerr << "tag save failed: " << resp.status_code() << "\n";
    }

    int page_size() const { return cfg_.page_size; }

private:
    tagger::Config cfg_;
    http_client client_;
    std::string bearer_;
};

int main(int argc, char** argv) {
    tagger::Config cfg = load_config(argc > 1 ? argv[1] : "tagger.json");
    TagService svc(cfg);
    svc.authenticate().wait();

    std::map<std::string, std::string> rulebook = {{"cardiology", "Cardiology"}, {"mri", "Imaging - MRI"},
                                                   {"pathology", "Pathology report"}};
    std::map<std::string, int> existing;
    json::value tags = svc.fetch("document_tags/?limit=200");
    for (auto& t : tags.at("results").as_array()) existing[t.at("code").as_string()] = t.at("id").as_integer();

    for (const auto& rule : rulebook) {
        json::value body = json::value::object();
        body["code"] = json::value::string(rule.first);
        body["value"] = json::value::string(rule.second);
        auto hit = existing.find(rule.first);
        if (hit == existing.end())
            svc.save_tag(methods::POST, "document_tags/", body);
        else
            svc.save_tag(methods::PATCH, "document_tags/" + std::to_string(hit->second) + "/", body);
    }

    int offset = 0, seen = 0;
    for (;;) {
        json::value page = svc.fetch("clinical_documents/?limit=" + std::to_string(svc.page_size()) +
                                     "&offset=" + std::to_string(offset));
        seen += static_cast<int>(page.at("results").as_array().size());
        if (page.at("next").is_null()) break;
        offset += svc.page_size();
    }
    std::cout << "checked " << seen << " documents against " << rulebook.size() << " rules\n";
    return 0;
}

// outside_results_intake: files outside lab and imaging results (PDFs that
// the fax team has already indexed in the document store) into Elation as
// reports, with an internal note saying where they came from.
//
// usage: outside_results_intake intake.json
//   {
//     "elation":  {"base_url": "https://app.elationemr.com/api/2.0", "client_id": "...",
//                  "client_secret": "...", "practice": 65540},
//     "docstore": {"url": "https://docstore.internal.riverbend.health", "token": "..."}
//   }
#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <cpprest/uri_builder.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace web;
using namespace web::http;
using namespace web::http::client;

namespace {

json::value load_config(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return json::value::parse(ss.str());
}

}  // namespace

class ResultsFiler {
public:
    explicit ResultsFiler(const json::value& cfg)
        : client_(uri(cfg.at(U("base_url")).as_string())),
          client_id_(cfg.at(U("client_id")).as_string()),
          client_secret_(cfg.at(U("client_secret")).as_string()),
          practice_(cfg.at(U("practice")).as_integer()) {}

    void login() {
        // 2024-03: added apiv2 at the front, internal notes were coming back 403.
        utility::string_t scope = U("apiv2 system/reports.read system/reports.write system/report_types.read");
        utility::string_t body = U("grant_type=client_credentials&client_id=") + uri::encode_data_string(client_id_) +
                                 U("&client_secret=") + uri::encode_data_string(client_secret_) +
                                 U("&scope=") + uri::encode_data_string(scope);
        http_request req(methods::POST);
        req.set_request_uri(U("/oauth2/token/"));
        req.set_body(body, U("application/x-www-form-urlencoded"));
        http_response res = client_.request(req).get(); // expect-error [global-scope-combined] {{apiv2}}
        if (res.status_code() != status_codes::OK)
            throw std::runtime_error("token request failed: " + std::to_string(res.status_code()));
        token_ = res.extract_json().get().at(U("access_token")).as_string();
    }

    pplx::task<json::value> call(const method& m, const uri_builder& path, const json::value& body = json::value::null()) {
        http_request req(m);
        req.set_request_uri(path.to_uri());
        req.headers().add(header_names::authorization, U("Bearer ") + token_);
        if (!body.is_null())
            req.set_body(body);
        return client_.request(req).then([m](http_response res) { // api: GET /api/2.0/report_types/ // api: GET /api/2.0/reports/ // api: POST /api/2.0/reports/ // api: POST /api/2.0/reports/{id}/internal_notes/
            if (res.status_code() / 100 != 2)
                throw std::runtime_error(utility::conversions::to_utf8string(m) + " failed: " +
                                         std::to_string(res.status_code()));
            return res.extract_json();
        });
    }

    std::map<utility::string_t, int> report_types() {
        std::map<utility::string_t, int> out;
        json::value page = call(methods::GET, uri_builder(U("/report_types/"))).get();
        for (const auto& t : page.at(U("results")).as_array())
            out[t.at(U("name")).as_string()] = t.at(U("id")).as_integer();
        return out;
    }

    bool already_filed(int patient, const utility::string_t& title, const utility::string_t& date) {
        uri_builder b(U("/reports/"));
        b.append_query(U("patient"), patient).append_query(U("document_date"), date);
        json::value page = call(methods::GET, b).get();
        for (const auto& r : page.at(U("results")).as_array())
            if (r.has_field(U("custom_title")) && r.at(U("custom_title")).as_string() == title)
                return true;
        return false;
    }

    int file(int patient, int type_id, const utility::string_t& title, const utility::string_t& date,
             const std::vector<unsigned char>& pdf) {
        json::value file;
        file[U("content_type")] = json::value::string(U("application/pdf"));
        file[U("base64_content")] = json::value::string(utility::conversions::to_base64(pdf));
        json::value report;
        report[U("patient")] = json::value::number(patient);
        report[U("practice")] = json::value::number(practice_);
        report[U("report_type")] = json::value::number(type_id);
        report[U("custom_title")] = json::value::string(title);
        report[U("document_date")] = json::value::string(date);
        report[U("files")] = json::value::array({file});
        return call(methods::POST, uri_builder(U("/reports/")), report).get().at(U("id")).as_integer();
    }

    void note(int report_id, const utility::string_t& text) {
        uri_builder b(U("/reports/"));
        b.append_path(std::to_string(report_id), true).append_path(U("internal_notes/"));
        json::value n;
        n[U("text")] = json::value::string(text);
        call(methods::POST, b, n).wait();
    }

private:
    http_client client_;
    utility::string_t client_id_, client_secret_, token_;
    int practice_;
};

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: outside_results_intake intake.json\n";
        return 2;
    }
    json::value cfg;
    try {
        cfg = load_config(argv[1]);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }

    ResultsFiler elation(cfg.at(U("elation")));
    http_client docstore(cfg.at(U("docstore")).at(U("url")).as_string());
    const utility::string_t docstore_auth = U("Bearer ") + cfg.at(U("docstore")).at(U("token")).as_string();

    int filed = 0, skipped = 0;
    try {
        elation.login();
        const auto types = elation.report_types();

        http_request q(methods::GET);
        q.set_request_uri(uri_builder(U("/api/queue")).append_query(U("state"), U("indexed")).to_string());
        q.headers().add(header_names::authorization, docstore_auth);
        json::value queue = docstore.request(q).get().extract_json().get();

        for (const auto& item : queue.at(U("items")).as_array()) {
            const int patient = item.at(U("elation_patient_id")).as_integer();
            const utility::string_t title = item.at(U("title")).as_string();
            const utility::string_t date = item.at(U("document_date")).as_string();
            const utility::string_t kind = item.at(U("category")).as_string();  // "Lab" or "Imaging"
            auto type = types.find(kind);
            if (type == types.end() || elation.already_filed(patient, title, date)) {
                ++skipped;
                continue;
            }

            http_request dl(methods::GET);
            dl.set_request_uri(uri_builder(U("/api/documents")).append_path(item.at(U("id")).as_string()).append_path(U("content")).to_string());
            dl.headers().add(header_names::authorization, docstore_auth);
            std::vector<unsigned char> pdf = docstore.request(dl).get().extract_vector().get();

            const int report_id = elation.file(patient, type->second, title, date, pdf);
            elation.note(report_id, U("Imported from fax document store, item ") + item.at(U("id")).as_string());

            http_request ack(methods::POST);
            ack.set_request_uri(uri_builder(U("/api/queue")).append_path(item.at(U("id")).as_string()).append_path(U("ack")).to_string());
            ack.headers().add(header_names::authorization, docstore_auth);
            docstore.request(ack).wait();
            ++filed;
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    std::cout << filed << " results filed, " << skipped << " skipped\n";
    return 0;
}

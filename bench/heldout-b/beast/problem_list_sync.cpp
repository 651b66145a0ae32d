// Problem-list sync from the chronic-care management vendor.
//
// The vendor drops a nightly extract (one line per patient problem change).
// This tool applies it to Elation: new problems are created, changed ones are
// updated, resolved ones removed.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <initializer_list>
#include <iostream>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using json = nlohmann::json;

static std::string scope_param(std::initializer_list<const char*> scopes) {
    std::string out;
    for (const char* s : scopes) {
        if (!out.empty()) out += "%20";
        out += s;
    }
    return out;
}

class ElationClient {
public:
    ElationClient(std::string host, std::string api_root)
        : host_(std::move(host)), root_(std::move(api_root)), ctx_(ssl::context::tls_client) {
        ctx_.set_default_verify_paths();
    }

    void login(const std::string& id, const std::string& secret) {
        std::string form = "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret +
                           "&scope=" +
                           scope_param({"system/problems.read", "system/problems.write", "system/patients.read"});
        auto res = send(http::verb::post, "/oauth2/token/", form, "application/x-www-form-urlencoded");
        token_ = json::parse(res.body()).value("access_token", "");
    }

    http::response<http::string_body> send(http::verb verb, const std::string& path, const std::string& body = {},
                                           const char* type = "application/json") {
        beast::ssl_stream<beast::tcp_stream> stream(ioc_, ctx_);
        SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str());
        tcp::resolver resolver(ioc_);
        beast::get_lowest_layer(stream).connect(resolver.resolve(host_, "443"));
        stream.handshake(ssl::stream_base::client);

        http::request<http::string_body> req{verb, target(path), 11};
        req.set(http::field::host, host_);
        if (!token_.empty()) req.set(http::field::authorization, "Bearer " + token_);
        if (!body.empty()) {
            req.set(http::field::content_type, type);
            req.body() = body;
            req.prepare_payload();
        }
        http::write(stream, req);  // api: GET /api/2.0/problems/ // api: POST /api/2.0/problems/ // api: PUT /api/2.0/problems/{id}/ // api: DELETE /api/2.0/problems/{id}/ // api: GET /api/2.0/patients/{id}/

        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(stream, buffer, res);
        beast::error_code ec;
        stream.shutdown(ec);
        return res;
    }

private:
    std::string target(const std::string& path) const { return root_ + path; }

    std::string host_;
    std::string root_;
    net::io_context ioc_;
    ssl::context ctx_;
    std::string token_;
};

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: problem_sync EXTRACT CLIENT_ID CLIENT_SECRET\n";
        return 2;
    }
    ElationClient elation("sandbox.elationemr.com", "/api/2.0");
    elation.login(argv[2], argv[3]);

    const std::function<json(long)> existing = [&](long patient) {
        auto res = elation.send(http::verb::get, "/problems/?patient=" + std::to_string(patient));
        return json::parse(res.body())["results"];
    };
    const std::function<void(long, const json&)> upsert = [&](long id, const json& p) {
        if (id == 0)
            elation.send(http::verb::post, "/problems/", p.dump());
        else
            elation.send(http::verb::put, "/problems/" + std::to_string(id) + "/", p.dump());
    };
    auto remove = [&](long id) { elation.send(http::verb::delete_, "/problems/" + std::to_string(id) + "/"); };

    std::ifstream extract(argv[1]);
    std::string line;
    while (std::getline(extract, line)) {
        json change = json::parse(line);
        long patient = change.value("patient", 0L);
        auto chart = elation.send(http::verb::get, "/patients/" + std::to_string(patient) + "/");
        if (chart.result() != http::status::ok) continue;

        long match = 0;
        for (const auto& p : existing(patient))
            if (p.value("icd10_codes", json::array()).dump() == change["icd10_codes"].dump()) match = p.value("id", 0L);

        if (change.value("status", "") == "Resolved" && match != 0) {
            remove(match);
        } else {
            json problem = {{"patient", patient},
                            {"description", change.value("description", "")},
                            {"icd10_codes", change["icd10_codes"]},
                            {"status", "Active"}};
            upsert(match, problem);
        }
    }
    return 0;
}

// user_provisioning: nightly sync of clinical staff from the HR system into
// Elation user accounts. New hires get an account in the staff group that
// matches their department; people marked terminated in HR are deactivated.
// Nothing is ever deleted.
//
// usage: user_provisioning [--dry-run]
// env:   ELATION_HOST (default app.elationemr.com), ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
//        ELATION_PRACTICE, HR_CLIENT_ID, HR_CLIENT_SECRET
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using json = nlohmann::json;

namespace {

std::string env(const char* k, const char* dflt = "") {
    const char* v = std::getenv(k);
    return v && *v ? v : dflt;
}

enum class Op { ListUsers, CreateUser, DeactivateUser, ListStaffGroups };

struct ApiRequest {
    Op op;
    std::string id;     // DeactivateUser
    std::string query;  // list calls
    json body;          // CreateUser / DeactivateUser
};

http::verb verb_for(Op op) {
    switch (op) {
    case Op::CreateUser: return http::verb::post;
    case Op::DeactivateUser: return http::verb::patch;
    default: return http::verb::get;
    }
}

std::string path_for(const ApiRequest& r) {
    switch (r.op) {
    case Op::ListUsers:
    case Op::CreateUser: return "/api/2.0/users/";
    case Op::DeactivateUser: return "/api/2.0/users/" + r.id + "/";
    case Op::ListStaffGroups: return "/api/2.0/staff_groups/";
    }
    return {};
}

// One TLS connection, kept alive for the whole run.
class Connection {
public:
    Connection(net::io_context& ioc, ssl::context& tls, std::string host)
        : host_(std::move(host)), stream_(std::make_unique<beast::ssl_stream<beast::tcp_stream>>(ioc, tls)) {
        SSL_set_tlsext_host_name(stream_->native_handle(), host_.c_str());
        beast::get_lowest_layer(*stream_).connect(tcp::resolver(ioc).resolve(host_, "443"));
        stream_->handshake(ssl::stream_base::client);
    }

    const std::string& host() const { return host_; }
    beast::ssl_stream<beast::tcp_stream>& stream() { return *stream_; }

private:
    std::string host_;
    std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> stream_;
};

json read_json(Connection& c) {
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(c.stream(), buf, res);
    if (res.result_int() / 100 != 2)
        throw std::runtime_error(c.host() + ": HTTP " + std::to_string(res.result_int()) + " " + res.body());
    return res.body().empty() ? json() : json::parse(res.body());
}

class ElationAdmin {
public:
    explicit ElationAdmin(Connection& conn) : conn_(conn) {}

    void login() {
        // /users/ is not in the scope list, so this job has to keep the global scope.
        http::request<http::string_body> req{http::verb::post, "/api/2.0/oauth2/token/", 11};
        req.set(http::field::host, conn_.host());
        req.set(http::field::content_type, "application/x-www-form-urlencoded");
        req.body() = "grant_type=client_credentials&scope=apiv2&client_id=" + env("ELATION_CLIENT_ID") +
                     "&client_secret=" + env("ELATION_CLIENT_SECRET");
        req.prepare_payload();
        http::write(conn_.stream(), req);
        token_ = read_json(conn_).at("access_token").get<std::string>();
    }

    json dispatch(const ApiRequest& r) {
        std::string target = path_for(r);
        if (!r.query.empty())
            target += "?" + r.query;
        http::request<http::string_body> req{verb_for(r.op), target, 11};
        req.set(http::field::host, conn_.host());
        req.set(http::field::authorization, "Bearer " + token_);
        req.keep_alive(true);
        if (!r.body.is_null()) {
            req.set(http::field::content_type, "application/json");
            req.body() = r.body.dump();
        }
        req.prepare_payload();
        http::write(conn_.stream(), req); // api: GET /api/2.0/users/ // api: POST /api/2.0/users/ // api: PATCH /api/2.0/users/{id}/ // api: GET /api/2.0/staff_groups/
        return read_json(conn_);
    }

private:
    Connection& conn_;
    std::string token_;
};

json hr_active_and_terminated(net::io_context& ioc, ssl::context& tls) {
    Connection sso(ioc, tls, "sso.riverbend.health");
    http::request<http::string_body> tok{http::verb::post, "/oauth2/token", 11};
    tok.set(http::field::host, sso.host());
    tok.set(http::field::content_type, "application/x-www-form-urlencoded");
    tok.body() = "grant_type=client_credentials&scope=employees.read&client_id=" + env("HR_CLIENT_ID") +
                 "&client_secret=" + env("HR_CLIENT_SECRET");
    tok.prepare_payload();
    http::write(sso.stream(), tok);
    const std::string token = read_json(sso).at("access_token").get<std::string>();

    Connection hr(ioc, tls, "hr-api.internal.riverbend.health");
    http::request<http::empty_body> get{http::verb::get, "/v1/employees?job_family=clinical&include_terminated=true", 11};
    get.set(http::field::host, hr.host());
    get.set(http::field::authorization, "Bearer " + token);
    http::write(hr.stream(), get);
    return read_json(hr).at("employees");
}

}  // namespace

int main(int argc, char** argv) {
    const bool dry_run = argc > 1 && std::string(argv[1]) == "--dry-run";
    net::io_context ioc;
    ssl::context tls(ssl::context::tls_client);
    tls.set_default_verify_paths();

    try {
        json employees = hr_active_and_terminated(ioc, tls);

        Connection conn(ioc, tls, env("ELATION_HOST", "app.elationemr.com"));
        ElationAdmin elation(conn);
        elation.login();

        std::map<std::string, long> group_by_name;
        for (const auto& g : elation.dispatch({Op::ListStaffGroups, "", "limit=100", nullptr})["results"])
            group_by_name[g.value("name", "")] = g["id"].get<long>();

        std::map<std::string, json> user_by_email;
        for (int offset = 0;; offset += 100) {
            json page = elation.dispatch({Op::ListUsers, "", "limit=100&offset=" + std::to_string(offset), nullptr});
            for (const auto& u : page["results"])
                user_by_email[u.value("email", "")] = u;
            if (page["next"].is_null())
                break;
        }

        int created = 0, deactivated = 0;
        for (const auto& e : employees) {
            const std::string email = e.value("work_email", "");
            auto existing = user_by_email.find(email);
            const bool terminated = e.value("status", "") == "terminated";

            if (terminated && existing != user_by_email.end() && existing->second.value("is_active", false)) {
                std::cout << "deactivate " << email << "\n";
                if (!dry_run)
                    elation.dispatch({Op::DeactivateUser, std::to_string(existing->second["id"].get<long>()), "",
                                      json{{"is_active", false}}});
                ++deactivated;
            } else if (!terminated && existing == user_by_email.end()) {
                auto group = group_by_name.find(e.value("department", ""));
                json user = {{"email", email},
                             {"first_name", e.value("first_name", "")},
                             {"last_name", e.value("last_name", "")},
                             {"practice", std::stol(env("ELATION_PRACTICE", "0"))},
                             {"user_type", "office_staff"}};
                if (group != group_by_name.end())
                    user["staff_groups"] = json::array({group->second});
                std::cout << "create " << email << "\n";
                if (!dry_run)
                    elation.dispatch({Op::CreateUser, "", "", user});
                ++created;
            }
        }
        std::cout << created << " created, " << deactivated << " deactivated" << (dry_run ? " (dry run)" : "") << "\n";
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

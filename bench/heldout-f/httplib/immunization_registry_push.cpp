// immunization_registry_push: nightly job that reports the day's administered
// immunizations to the regional HIE immunization hub as HL7 v2 VXU messages.
//
// Environment: ELATION_HOST (default sandbox), ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
//              HIE_HUB_HOST, HIE_HUB_KEY, REPORT_DATE (YYYY-MM-DD, default today)
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

using json = nlohmann::json;

namespace {

const char* env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

std::string today() {
    std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    return buf;
}

const std::vector<std::string> kScopes = {
    "system/immunizations.read",
    "system/vaccines.read",
    "system/patients.read",
};

std::string token_form() {
    std::string scope;
    for (const auto& s : kScopes) {
        if (!scope.empty())
            scope += "%20";
        scope += s;
    }
    std::string form;
    form.append("grant_type=client_credentials")
        .append("&client_id=")
        .append(env_or("ELATION_CLIENT_ID", ""))
        .append("&client_secret=")
        .append(env_or("ELATION_CLIENT_SECRET", ""))
        .append("&scope=")
        .append(scope);
    return form;
}

// GET with a small retry budget; Elation throttles bursts with 429.
json get_json(httplib::Client& cli, const std::string& path) {
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (auto res = cli.Get(path)) {  // api: GET /api/2.0/immunizations/ // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/vaccine/{id}/
            if (res->status == 200)
                return json::parse(res->body);
            if (res->status != 429 && res->status < 500) {
                std::cerr << "GET " << path << ": HTTP " << res->status << "\n";
                return json();
            }
        }
        std::this_thread::sleep_for(std::chrono::seconds(1 << attempt));
    }
    return json();
}

std::string vxu(const json& imm, const json& patient, const json& vaccine) {
    std::string msg;
    msg.append("MSH|^~\\&|ELATION|CLINIC|HIE|HUB|")
        .append(imm.value("administered_date", ""))
        .append("||VXU^V04^VXU_V04|")
        .append(std::to_string(imm.value("id", 0L)))
        .append("|P|2.5.1\r");
    msg.append("PID|1||")
        .append(std::to_string(patient.value("id", 0L)))
        .append("||")
        .append(patient.value("last_name", ""))
        .append("^")
        .append(patient.value("first_name", ""))
        .append("||")
        .append(patient.value("dob", ""))
        .append("|")
        .append(patient.value("sex", "U").substr(0, 1))
        .append("\r");
    msg.append("RXA|0|1|")
        .append(imm.value("administered_date", ""))
        .append("||")
        .append(vaccine.value("cvx", ""))
        .append("^")
        .append(vaccine.value("name", ""))
        .append("^CVX|")
        .append(imm.value("dose", "999"))
        .append("\r");
    return msg;
}

}  // namespace

int main() {
    httplib::Client elation(env_or("ELATION_HOST", "https://sandbox.elationemr.com"));
    httplib::Client hub(env_or("HIE_HUB_HOST", "https://imm-hub.regional-hie.org"));
    const std::string date = env_or("REPORT_DATE", today().c_str());

    auto tok = elation.Post("/api/2.0/oauth2/token/", token_form(), "application/x-www-form-urlencoded");  // expect-error [unknown-scope] {{system/vaccines.read}} // expect-error [missing-scope] {{system/vaccine.read}}
    if (!tok || tok->status != 200) {
        std::cerr << "token request failed\n";
        return 1;
    }
    elation.set_bearer_token_auth(json::parse(tok->body).value("access_token", ""));

    std::map<long, json> vaccines;  // vaccine id -> record, shared across patients
    int reported = 0, rejected = 0;

    std::string path;
    path.append("/api/2.0/immunizations/?administered_date=").append(date).append("&limit=100");
    while (!path.empty()) {
        json page = get_json(elation, path);
        for (const auto& imm : page.value("results", json::array())) {
            std::string ppath;
            ppath.append("/api/2.0/patients/").append(std::to_string(imm.value("patient", 0L))).append("/");
            json patient = get_json(elation, ppath);

            long vid = imm.value("vaccine", 0L);
            if (!vaccines.count(vid)) {
                std::string vpath;
                vpath.append("/api/2.0/vaccine/").append(std::to_string(vid)).append("/");
                vaccines[vid] = get_json(elation, vpath);
            }

            httplib::Headers h{{"X-Api-Key", env_or("HIE_HUB_KEY", "")}};
            auto res = hub.Post("/v1/vxu", h, vxu(imm, patient, vaccines[vid]), "application/hl7-v2");
            (res && res->status == 200) ? ++reported : ++rejected;
        }
        // "next" is an absolute URL; keep only path + query for the same client.
        path.clear();
        if (page.contains("next") && page["next"].is_string()) {
            const std::string next = page["next"].get<std::string>();
            const auto at = next.find("/api/2.0/");
            if (at != std::string::npos)
                path = next.substr(at);
        }
    }
    std::cout << date << ": " << reported << " reported, " << rejected << " rejected\n";
    return rejected ? 1 : 0;
}

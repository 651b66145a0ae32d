// intake_form_requests: run by cron at 17:00. For every "New Patient" visit
// booked for tomorrow, sends the patient the practice's intake form through
// the patient portal, as the front-desk user, so replies land in their inbox.
// Appointments already handled are remembered in a small state file.
//
// usage: intake_form_requests <practice-id> [--base URL] [--state FILE]
// env:   ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, ELATION_FRONT_DESK_USER,
//        ELATION_API_BASE (used when --base is not given)
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

using json = nlohmann::json;

namespace {

constexpr const char* kIntakeFormName = "New Patient Intake";

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

std::string tomorrow_iso() {
    std::time_t t = std::time(nullptr) + 24 * 3600;
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    return buf;
}

}  // namespace

class PortalFormSender {
public:
    enum class Verb { Get, Post };

    PortalFormSender(std::string base, std::string front_desk_user)
        : base_(std::move(base)), on_behalf_of_(std::move(front_desk_user)) {}

    void login(const std::string& client_id, const std::string& client_secret) {
        const std::vector<std::string> scopes = {
            "system/appointments.read",
            "system/patients.read",
            "system/patient_forms.read",
            "system/patient_form_requests.write",
            "act_as_user",  // requests are sent as the front-desk user
        };
        std::ostringstream joined;
        for (size_t i = 0; i < scopes.size(); ++i)
            joined << (i ? " " : "") << scopes[i];

        cpr::Response r = cpr::Post(cpr::Url{base_ + "/oauth2/token/"},
                                    cpr::Payload{{"grant_type", "client_credentials"},
                                                 {"client_id", client_id},
                                                 {"client_secret", client_secret},
                                                 {"scope", joined.str()}});
        if (r.status_code != 200)
            throw std::runtime_error("token: HTTP " + std::to_string(r.status_code) + " " + r.text);
        token_ = json::parse(r.text).at("access_token").get<std::string>();
    }

    json call(Verb verb, const std::string& url, const json& body = nullptr) {
        cpr::Session s;
        s.SetUrl(cpr::Url{url});
        s.SetBearer(cpr::Bearer{token_});
        cpr::Header headers{{"Accept", "application/json"}, {"X-On-Behalf-Of", on_behalf_of_}};
        if (verb == Verb::Post) {
            headers["Content-Type"] = "application/json";
            s.SetBody(cpr::Body{body.dump()});
        }
        s.SetHeader(headers);
        s.SetTimeout(cpr::Timeout{std::chrono::seconds(20)});
        cpr::Response r = verb == Verb::Post ? s.Post() : s.Get();  // api: POST /api/2.0/patient_form_requests/ // api: GET /api/2.0/patient_forms/ // api: GET /api/2.0/appointments/ // api: GET /api/2.0/patients/{id}/
        if (r.status_code < 200 || r.status_code >= 300)
            throw std::runtime_error(url + ": HTTP " + std::to_string(r.status_code));
        return r.text.empty() ? json() : json::parse(r.text);
    }

    std::string url(const std::string& path) const { return base_ + path; }

    std::vector<json> list(std::string next) {
        std::vector<json> out;
        while (!next.empty()) {
            json page = call(Verb::Get, next);
            for (auto& item : page["results"])
                out.push_back(std::move(item));
            next = page.value("next", json()).is_string() ? page["next"].get<std::string>() : "";
        }
        return out;
    }

private:
    std::string base_;
    std::string on_behalf_of_;
    std::string token_;
};

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: intake_form_requests <practice-id> [--base URL] [--state FILE]\n";
        return 2;
    }
    std::string practice = argv[1];
    std::string base = env_or("ELATION_API_BASE", "https://app.elationemr.com/api/2.0");
    std::string state_path = "/var/lib/intake-forms/sent.txt";
    for (int i = 2; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--base") base = argv[i + 1];
        else if (flag == "--state") state_path = argv[i + 1];
    }

    std::unordered_set<std::string> done;
    {
        std::ifstream in(state_path);
        for (std::string line; std::getline(in, line);)
            done.insert(line);
    }
    std::ofstream state(state_path, std::ios::app);

    PortalFormSender sender(base, env_or("ELATION_FRONT_DESK_USER", ""));
    try {
        sender.login(env_or("ELATION_CLIENT_ID", ""), env_or("ELATION_CLIENT_SECRET", ""));

        long form_id = 0;
        for (const auto& form : sender.list(sender.url("/patient_forms/?practice=" + practice)))
            if (form.value("name", "") == kIntakeFormName)
                form_id = form.at("id").get<long>();
        if (!form_id)
            throw std::runtime_error(std::string("no form named ") + kIntakeFormName);

        const std::string day = tomorrow_iso();
        auto appts = sender.list(sender.url("/appointments/?practice=" + practice + "&from_date=" + day +
                                            "T00:00:00&to_date=" + day + "T23:59:59"));
        int sent = 0, no_email = 0;
        for (const auto& appt : appts) {
            const std::string appt_id = std::to_string(appt.at("id").get<long>());
            if (appt.value("reason", "") != "New Patient" || done.count(appt_id))
                continue;
            const long patient_id = appt.at("patient").get<long>();
            json patient = sender.call(PortalFormSender::Verb::Get,
                                       sender.url("/patients/" + std::to_string(patient_id) + "/"));
            if (patient.value("email", "").empty()) {
                ++no_email;
                continue;
            }
            sender.call(PortalFormSender::Verb::Post, sender.url("/patient_form_requests/"),
                        json{{"patient", patient_id}, {"form", form_id}, {"practice", std::stol(practice)},
                             {"due_date", day}});
            state << appt_id << "\n";
            ++sent;
        }
        std::cout << "sent " << sent << " intake forms, " << no_email << " patients without email\n";
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}

// appointment_reminder: texts every patient with a visit tomorrow.
// Runs from cron at 17:00 local time on the scheduling box.
//
// Environment: ELATION_BASE_URL, ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
//              SMS_GATEWAY_URL, SMS_GATEWAY_KEY, REMINDER_LOG_TO_CHART
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

using json = nlohmann::json;

namespace {

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

std::string day_iso(int offsetDays) {
    std::time_t t = std::time(nullptr) + offsetDays * 24 * 3600;
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    return buf;
}

struct Reminder {
    std::string phone;
    std::string text;
};

bool send_sms(const std::string& gateway, const Reminder& r) {
    cpr::Response resp = cpr::Post(cpr::Url{gateway},
                                   cpr::Header{{"Authorization", "Key " + env_or("SMS_GATEWAY_KEY", "")},
                                               {"Content-Type", "application/json"}},
                                   cpr::Body{json{{"to", r.phone}, {"body", r.text}}.dump()});
    return resp.status_code / 100 == 2;
}

}  // namespace

int main() {
    const std::string base = env_or("ELATION_BASE_URL", "https://app.elationemr.com/api/2.0");
    const std::string gateway = env_or("SMS_GATEWAY_URL", "https://api.textrelay.io/v2/messages");

    // Keep this list minimal -- security review signs off on each entry.
    std::vector<std::string> scopes = {"system/appointments.read", "system/patients.read"};
    if (env_or("REMINDER_LOG_TO_CHART", "1") == "1")
        scopes.push_back("system/thread_messages.write");
    const std::string scope = std::accumulate(
        std::next(scopes.begin()), scopes.end(), scopes.front(),
        [](std::string acc, const std::string& s) { return std::move(acc) + " " + s; });

    cpr::Response tok = cpr::Post(cpr::Url{base + "/oauth2/token/"},  // expect-error [missing-scope] {{system/service_locations.read}} // expect-warning [unused-scope] {{system/thread_messages.write}}
                                  cpr::Payload{{"grant_type", "client_credentials"},
                                               {"client_id", env_or("ELATION_CLIENT_ID", "")},
                                               {"client_secret", env_or("ELATION_CLIENT_SECRET", "")},
                                               {"scope", scope}});
    if (tok.status_code != 200) {
        std::cerr << "token: HTTP " << tok.status_code << "\n";
        return 1;
    }
    const std::string bearer = json::parse(tok.text).value("access_token", "");

    std::function<json(const std::string&, const cpr::Parameters&)> get =
        [&](const std::string& path, const cpr::Parameters& params) -> json {
        for (int attempt = 0; attempt < 3; ++attempt) {
            cpr::Response r = cpr::Get(cpr::Url{base + path}, cpr::Bearer{bearer}, params);  // api: GET /api/2.0/appointments/ // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/service_locations/{id}/
            if (r.status_code == 200)
                return json::parse(r.text);
            if (r.status_code != 429 && r.status_code < 500)
                break;
            std::this_thread::sleep_for(std::chrono::seconds(2 << attempt));
        }
        return json::object();
    };

    std::map<long, std::string> locations;  // service_location id -> printable address
    std::vector<Reminder> outbox;
    for (int offset = 0;; offset += 50) {
        json page = get("/appointments/", cpr::Parameters{{"from_date", day_iso(1)},
                                                          {"to_date", day_iso(2)},
                                                          {"limit", "50"},
                                                          {"offset", std::to_string(offset)}});
        for (const auto& appt : page.value("results", json::array())) {
            if (appt.value("status", json::object()).value("status", "") == "Cancelled")
                continue;
            json patient = get("/patients/" + std::to_string(appt.value("patient", 0L)) + "/", {});
            std::string phone;
            for (const auto& p : patient.value("phones", json::array()))
                if (p.value("phone_type", "") == "Mobile") phone = p.value("phone", "");
            if (phone.empty())
                continue;

            long loc = appt.value("service_location", 0L);
            if (!locations.count(loc)) {
                json sl = get("/service_locations/" + std::to_string(loc) + "/", {});
                locations[loc] = sl.value("name", "") + ", " + sl.value("address_line1", "");
            }
            outbox.push_back({phone, "Reminder: " + patient.value("first_name", "") + ", you have a visit on " +
                                         appt.value("scheduled_date", "").substr(0, 16) + " at " + locations[loc] +
                                         ". Reply C to confirm."});
        }
        if (page.value("next", json()).is_null())
            break;
    }

    int sent = 0;
    for (const auto& r : outbox)
        sent += send_sms(gateway, r) ? 1 : 0;
    std::cout << "reminders sent: " << sent << "/" << outbox.size() << "\n";
    return 0;
}

// Lobby check-in kiosk back end.
//
// Shows today's appointments for the kiosk's location, lets a patient confirm
// date of birth, and marks the appointment as checked in.
#include "kiosk_endpoints.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

using json = nlohmann::json;

enum class Listing { TodaysAppointments, Locations };

static const char* listing_path(Listing l) {
    switch (l) {
    case Listing::TodaysAppointments:
        return kiosk::kAppointmentsPath;
    case Listing::Locations:
        return kiosk::kServiceLocationsPath;
    }
    return kiosk::kAppointmentsPath;
}

class KioskBackend {
public:
    KioskBackend(std::string device_id, std::string practice)
        : elation_(kiosk::kElationHost), sso_(kiosk::kKeycloakHost),
          device_id_(std::move(device_id)), practice_(std::move(practice)) {}

    bool enrol_device(const std::string& device_secret) {
        // The kiosk proves who it is to the clinic IdP first (not Elation).
        httplib::Params p{{"grant_type", "client_credentials"},
                          {"client_id", device_id_},
                          {"client_secret", device_secret},
                          {"scope", "openid kiosk"}};
        auto res = sso_.Post(kiosk::kKeycloakTokenPath, p);
        return res && res->status == 200;
    }

    bool elation_login(const std::string& id, const std::string& secret) {
        httplib::Params p{{"grant_type", "client_credentials"},
                          {"client_id", id},
                          {"client_secret", secret},
                          {"scope", kiosk::kKioskScopes}};
        auto res = elation_.Post(kiosk::kTokenPath, p);
        if (!res || res->status != 200) return false;
        auth_ = {{"Authorization", "Bearer " + json::parse(res->body).value("access_token", "")}};
        return true;
    }

    json list(Listing what, const std::string& date) {
        std::string path = listing_path(what);
        path += "?practice=" + practice_;
        if (what == Listing::TodaysAppointments) path += "&from_date=" + date + "&to_date=" + date;
        auto res = elation_.Get(path, auth_);  // api: GET /api/2.0/appointments/ // api: GET /api/2.0/service_locations/
        if (!res || res->status != 200) return json::array();
        return json::parse(res->body)["results"];
    }

    std::optional<json> patient(long patient_id) {
        std::string path = std::string(kiosk::kPatientsPath) + std::to_string(patient_id) + "/";
        auto res = elation_.Get(path, auth_);  // api: GET /api/2.0/patients/{id}/
        if (!res || res->status != 200) return std::nullopt;
        return json::parse(res->body);
    }

    bool check_in(long appointment_id) {
        std::string path =
            std::string(kiosk::kAppointmentsPath) + std::to_string(appointment_id) + "/";
        json body = {{"status", {{"status", "Checked In"}}}};
        auto res = elation_.Patch(path, auth_, body.dump(), "application/json");  // api: PATCH /api/2.0/appointments/{id}/
        return res && res->status == 200;
    }

private:
    httplib::Client elation_;
    httplib::Client sso_;
    httplib::Headers auth_;
    std::string device_id_;
    std::string practice_;
};

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: kiosk DATE DOB\n";
        return 2;
    }
    const char* secret = std::getenv("KIOSK_DEVICE_SECRET");
    KioskBackend k("lobby-2", "65540");
    if (!k.enrol_device(secret ? secret : "") ||
        !k.elation_login(std::getenv("ELATION_CLIENT_ID") ? std::getenv("ELATION_CLIENT_ID") : "",
                         std::getenv("ELATION_CLIENT_SECRET") ? std::getenv("ELATION_CLIENT_SECRET") : "")) {
        return 1;
    }
    std::cout << k.list(Listing::Locations, argv[1]).size() << " locations\n";
    for (const auto& appt : k.list(Listing::TodaysAppointments, argv[1])) {
        auto p = k.patient(appt.value("patient", 0L));
        if (p && p->value("dob", "") == argv[2]) {
            k.check_in(appt.value("id", 0L));
            std::cout << "checked in " << p->value("first_name", "") << "\n";
            break;
        }
    }
    return 0;
}

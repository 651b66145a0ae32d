// Endpoints and credentials layout shared by the lobby check-in kiosk.
#pragma once

namespace kiosk {

constexpr const char* kElationHost = "https://app.elationemr.com";
constexpr const char* kTokenPath = "/api/2.0/oauth2/token/";

constexpr const char* kAppointmentsPath = "/api/2.0/appointments/";
constexpr const char* kPatientsPath = "/api/2.0/patients/";
constexpr const char* kServiceLocationsPath = "/api/2.0/service_locations/";

// Device enrolment happens against the clinic's own identity provider.
constexpr const char* kKeycloakHost = "https://sso.northside-clinic.org";
constexpr const char* kKeycloakTokenPath = "/realms/kiosk/protocol/openid-connect/token";

constexpr const char* kKioskScopes =
    "system/appointments.read system/appointments.write "
    "system/patients.read system/service_locations.read";

}  // namespace kiosk

// Paths and scopes shared by the scheduling admin tools.
#pragma once

#define ELATION_API_PREFIX "/api/2.0"

namespace sched {

constexpr const char* kTokenPath = ELATION_API_PREFIX "/oauth2/token/";
constexpr const char* kAppointmentTypes = ELATION_API_PREFIX "/appointment_types/";
constexpr const char* kPhysicians = ELATION_API_PREFIX "/physicians/";
constexpr const char* kServiceLocations = ELATION_API_PREFIX "/service_locations/";

// What the admin tool is allowed to touch.
constexpr const char* kAdminScopes[] = {
    "system/appointment_types.read",
    "system/appointment_type.write",
    "system/physicians.read",
    "system/service_locations.read",
};

}  // namespace sched

// Shared constants for the lab catalog sync job.
#pragma once

namespace labsync {

constexpr const char* kApiPrefix = "/api/2.0";
constexpr const char* kTokenPath = "/api/2.0/oauth2/token/";
constexpr const char* kVendorsPath = "/api/2.0/lab_vendors/";
constexpr const char* kCompendiumsPath = "/api/2.0/lab_order_compendiums/";
constexpr const char* kOrderTestsPath = "/api/2.0/lab_order_tests/";
constexpr int kPageSize = 100;

}  // namespace labsync

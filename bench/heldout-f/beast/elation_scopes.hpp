// elation_scopes.hpp -- scope names used by the clinic's Elation integrations.
// One constant per scope so a typo is a compile error rather than a 403.
#pragma once

#include <string_view>

namespace elation::scopes {

inline constexpr std::string_view kPatientsRead = "system/patients.read";
inline constexpr std::string_view kPatientsWrite = "system/patients.write";
inline constexpr std::string_view kAllergiesRead = "system/allergies.read";
inline constexpr std::string_view kAllergiesWrite = "system/allergies.write";
inline constexpr std::string_view kProblemsRead = "system/problems.read";
inline constexpr std::string_view kMedicationsRead = "system/medications.read";
inline constexpr std::string_view kImmunizationsRead = "system/immunizations.read";
inline constexpr std::string_view kVitalsRead = "system/vitals.read";
inline constexpr std::string_view kVitalsWrite = "system/vitals.write";

}  // namespace elation::scopes

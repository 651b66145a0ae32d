// Suppression hygiene: NOLINT comments that name no scopelint rule (unknown-nolint) or suppress
// nothing (unused-nolint), each with a fix-it.
#pragma once

#include <string>
#include <vector>

#include "model/finding.h"
#include "suppress/apply_nolint.h"

namespace scopelint {

// Which files' NOLINT comments are judged, and for what.
struct NolintAudit {
  // unknown-nolint: names in the list that look like a misspelt scopelint rule.
  std::vector<std::string> name_files;
  // unused-nolint: scopelint rule names that suppress no finding. Only files whose every finding
  // the scan saw (whole translation units, fully parsed) may be listed here.
  std::vector<std::string> usage_files;
};

// Only directives that begin a comment are judged (NolintDirective::comment); a NOLINTEND is judged
// with its NOLINTBEGIN. `findings`: every finding of the scan, before configuration and NOLINT, so
// that a NOLINT for a rule the configuration turns off is not unused while its finding exists.
std::vector<Finding> audit_nolint(const std::vector<Finding>& findings, const NolintAudit& audit,
                                  NolintFiles& sources);

// The scopelint rule a misspelt NOLINT name most likely means ("missing-scop" -> "missing-scope");
// empty when `name` is a rule, a glob, or not close to any rule (another tool's check, such as
// clang-tidy's "bugprone-use-after-move").
std::string misspelt_rule(const std::string& name);

}  // namespace scopelint

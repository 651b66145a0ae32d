// Scope fix-its made from what the checks planned (PlannedFix), after suppression: only findings
// that are reported cost a read of the literal's file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/finding.h"

namespace scopelint {

// The replacement of the scope value `edit` plans, or nullopt with `why_not` (when given) saying
// why: the value cannot be edited, the file cannot be read, the literal uses escapes or is a raw
// string, or the file no longer holds what was scanned. Records the file's content hash
// (fix/snapshots.h).
std::optional<Replacement> scope_edit_replacement(const ScopeEdit& edit, std::string* why_not = nullptr);

// Turns each finding's planned fix into its fix, or into no_fix_reason (the reason of the last
// edit that could not be made) when no edit can be made.
void make_planned_fixes(std::vector<Finding>& findings);

}  // namespace scopelint

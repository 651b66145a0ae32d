// --fix: applies the findings' fix-its to the files in place.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "model/finding.h"

namespace scopelint {

struct FixOutcome {
  size_t fixes_applied = 0;  // findings whose whole fix was applied
  size_t files_changed = 0;
  std::vector<bool> fixed;  // per finding: its fix was applied
};

// Applies every fix that can be applied whole: identical replacements are applied once, a fix that
// overlaps an earlier one is skipped, and a file whose content changed since its fix-its were
// computed (fix/snapshots.h) is not touched. Each file is rewritten atomically. Problems are
// reported on `err` as "scopelint: warning: ..." lines; I/O errors throw std::runtime_error.
FixOutcome apply_fixes(const std::vector<Finding>& findings, std::ostream& err);

}  // namespace scopelint

// Drops findings that NOLINT comments suppress and reports malformed NOLINTBEGIN/END pairs.
#pragma once

#include <string>
#include <vector>

#include "model/finding.h"

namespace scopelint {

struct NolintResult {
  std::vector<Finding> kept;  // findings not suppressed, plus "nolint" errors
  size_t suppressed = 0;
};

// `files`: every file whose directives are checked for pairing, in addition to the files that
// hold findings. Unreadable files suppress nothing.
NolintResult apply_nolint(std::vector<Finding> findings, const std::vector<std::string>& files);

}  // namespace scopelint

// --pre-commit: judge the staged files against facts from their whole project.
#pragma once

#include <string>
#include <vector>

#include "model/finding.h"

namespace scopelint {

// The project a pre-commit run scans: the git top-level of the first file, else `fallback`.
std::string project_root(const std::vector<std::string>& files, const std::string& fallback);

// The findings located in one of `files`, or with a note pointing into one of them (a missing
// scope in an unstaged file caused by a staged token request).
std::vector<Finding> findings_touching(std::vector<Finding> findings,
                                       const std::vector<std::string>& files);

}  // namespace scopelint

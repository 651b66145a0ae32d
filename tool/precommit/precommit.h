// --pre-commit: judge the staged files against facts from their whole project.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/finding.h"

namespace scopelint {

// The project a pre-commit run scans: the git top-level of the first file, else `fallback`.
std::string project_root(const std::vector<std::string>& files, const std::string& fallback);

// The findings located in one of `files`, with a note pointing into one of them (a missing scope in
// an unstaged file caused by a staged token request), or depending on one of them (Finding::
// depends_on: a scope constant in a staged header, a wrapper the request goes through).
// Findings located nowhere in particular (granted scopes from the command line) are kept or dropped.
enum class Unlocated { kKeep, kDrop };
std::vector<Finding> findings_touching(std::vector<Finding> findings,
                                       const std::set<std::string>& canonical_files,
                                       Unlocated unlocated);

// The same for `files` as named (canonicalised here), dropping unlocated findings.
std::vector<Finding> findings_touching(std::vector<Finding> findings,
                                       const std::vector<std::string>& files);

}  // namespace scopelint

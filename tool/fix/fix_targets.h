// What --fix may write: files inside the project, checked whole before the first write
// (docs/security.md).
#pragma once

#include <sys/stat.h>

#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "model/finding.h"

namespace scopelint {

// "file:line:col [rule]": how warnings about a finding's fix name it.
std::string describe_finding(const Finding& finding);

// The file a replacement edits (its range's file, else the finding's).
std::string replacement_file(const Finding& finding, const Replacement& replacement);

// The findings with every fix that would edit a file outside `project_root` (after resolving
// symlinks) removed, each with a one-line warning on `err` naming the finding.
std::vector<Finding> confine_fixes_to_project(std::vector<Finding> findings,
                                              const std::string& project_root, std::ostream& err);

// A file --fix may rewrite, as read now.
struct FixTarget {
  std::string real_path;  // symlinks resolved: the file that is replaced (a symlink stays one)
  struct stat status {};  // its mode and owner, kept by the rewrite
  std::string text;
};

// `file` (the name the fix-its use) as a FixTarget, or why it must not be written: it does not
// resolve to a regular file inside `project_root`, it is read-only (no write bit for its owner:
// refused even for root) or not writable by this user, its directory is not writable, its owner
// or group could not be kept, or its content changed since its fix-its were computed.
std::variant<FixTarget, std::string> check_fix_target(const std::string& file,
                                                      const std::string& project_root);

}  // namespace scopelint

// --fix: applies the findings' fix-its to the files in place, all of them or none.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "model/finding.h"

namespace scopelint {

struct FixOutcome {
  size_t fixes_applied = 0;  // findings whose whole fix was applied
  size_t files_changed = 0;
  size_t files_refused = 0;  // files that failed their checks: then nothing was written
  std::vector<bool> fixed;   // per finding: its fix was applied
};

// Applies every fix that can be applied whole. A fix that edits a file outside `project_root`
// (symlinks resolved), or whose range no longer holds the text it replaces, is dropped; identical
// replacements are applied once; a fix that overlaps an earlier one is skipped. Then every file to
// edit is checked (fix/fix_targets.h) before the first write: if any fails, no file is written.
// New contents are staged in unnamed files beside each file's real path and put in place at the
// end (util/staged_file.h), keeping mode and owner; a symlink stays a symlink. Problems are
// reported on `err` as one "scopelint: warning: ..." line each; nothing is thrown.
FixOutcome apply_fixes(const std::vector<Finding>& findings, const std::string& project_root,
                       std::ostream& err);

// One line per finding that a rule could have fixed but no fix-it was made for, saying why:
// "scopelint: unused-scope at include/client.h:6: not fixed: the scope string is built at run time".
// Paths relative to `base_directory`.
std::string not_fixed_lines(const std::vector<Finding>& findings, const std::string& base_directory);

// "scopelint: fixed N findings in M files; K remain" (`remaining`: the findings not fixed), and
// why nothing was written when files were refused.
std::string fix_summary(const FixOutcome& outcome, size_t remaining);

}  // namespace scopelint

// Checks on the files --fix writes.
#include "fix/fix_targets.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "fix/snapshots.h"
#include "util/bounded_input.h"
#include "util/project_root.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

bool in_my_groups(gid_t gid) {
  if (gid == ::getegid()) return true;
  const int count = ::getgroups(0, nullptr);
  if (count <= 0) return false;
  std::vector<gid_t> groups(static_cast<size_t>(count));
  const int filled = ::getgroups(count, groups.data());
  return filled > 0 &&
         std::find(groups.begin(), groups.begin() + filled, gid) != groups.begin() + filled;
}

// A replaced file gets a new inode: only root can give it another user's ownership.
bool ownership_can_be_kept(const struct stat& st) {
  if (::geteuid() == 0) return true;
  return st.st_uid == ::geteuid() && in_my_groups(st.st_gid);
}

std::string error_text() { return std::strerror(errno); }

}  // namespace

std::string describe_finding(const Finding& finding) {
  return finding.location.file + ":" + std::to_string(finding.location.line) + ":" +
         std::to_string(finding.location.column) + " [" + finding.rule + "]";
}

std::string replacement_file(const Finding& finding, const Replacement& replacement) {
  return replacement.range.begin.file.empty() ? finding.location.file
                                              : replacement.range.begin.file;
}

std::vector<Finding> confine_fixes_to_project(std::vector<Finding> findings,
                                              const std::string& project_root, std::ostream& err) {
  const std::string root = canonical_path(project_root);
  for (auto& finding : findings) {
    if (!finding.fix) continue;
    for (const auto& replacement : finding.fix->replacements) {
      const std::string file = replacement_file(finding, replacement);
      if (path_inside(file, root)) continue;
      err << "scopelint: warning: dropping the fix for " << describe_finding(finding)
          << ": it would edit " << file << ", outside the project " << root << "\n";
      finding.fix.reset();
      break;
    }
  }
  return findings;
}

std::variant<FixTarget, std::string> check_fix_target(const std::string& file,
                                                      const std::string& project_root) {
  char resolved[PATH_MAX];
  if (!::realpath(file.c_str(), resolved)) return "cannot resolve it: " + error_text();
  FixTarget target;
  target.real_path = resolved;
  if (!path_inside(target.real_path, project_root)) {
    return "it resolves to " + target.real_path + ", outside the project " + project_root;
  }
  if (::lstat(target.real_path.c_str(), &target.status) != 0) return error_text();
  if (!S_ISREG(target.status.st_mode)) return "it is not a regular file";
  if ((target.status.st_mode & S_IWUSR) == 0) return "it is read-only";
  if (::access(target.real_path.c_str(), W_OK) != 0) return "it is not writable: " + error_text();
  const std::string directory = std::filesystem::path(target.real_path).parent_path().string();
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    return "its directory is not writable: " + error_text();
  if (!ownership_can_be_kept(target.status)) {
    return "it belongs to another user or group, which rewriting it would change";
  }
  try {
    target.text = read_input_file(target.real_path, kMaxSourceBytes);
  } catch (const InputError& e) {
    return e.what();
  }
  const std::optional<std::string> snapshot = fix_snapshot(file);
  if (!snapshot || *snapshot != content_hash(target.text)) return "it changed since it was scanned";
  return target;
}

}  // namespace scopelint

// A process-wide record of the file contents fix-its were computed from.
#include "fix/snapshots.h"

#include <map>
#include <mutex>

namespace scopelint {
namespace {

std::mutex& snapshot_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, std::string>& snapshots() {
  static std::map<std::string, std::string> by_path;
  return by_path;
}

}  // namespace

void record_fix_snapshot(const std::string& path, const std::string& hash) {
  std::lock_guard<std::mutex> lock(snapshot_mutex());
  snapshots()[path] = hash;
}

std::optional<std::string> fix_snapshot(const std::string& path) {
  std::lock_guard<std::mutex> lock(snapshot_mutex());
  auto it = snapshots().find(path);
  if (it == snapshots().end()) return std::nullopt;
  return it->second;
}

}  // namespace scopelint

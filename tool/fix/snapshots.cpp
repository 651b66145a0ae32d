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

std::map<std::string, uint64_t>& snapshots() {
  static std::map<std::string, uint64_t> by_path;
  return by_path;
}

}  // namespace

uint64_t content_hash(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

void record_fix_snapshot(const std::string& path, uint64_t hash) {
  std::lock_guard<std::mutex> lock(snapshot_mutex());
  snapshots()[path] = hash;
}

std::optional<uint64_t> fix_snapshot(const std::string& path) {
  std::lock_guard<std::mutex> lock(snapshot_mutex());
  auto it = snapshots().find(path);
  if (it == snapshots().end()) return std::nullopt;
  return it->second;
}

}  // namespace scopelint

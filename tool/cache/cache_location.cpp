// The cache's directories and key: created private, refused when anyone else could have written
// them.
#include "cache/cache_location.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include "util/bounded_input.h"
#include "util/private_files.h"
#include "util/project_root.h"
#include "util/sha256.h"
#include "util/staged_file.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

constexpr size_t kKeyBytes = 32;

std::string absolute_environment_path(const char* name) {
  const char* value = std::getenv(name);
  if (!value || value[0] != '/') return "";  // XDG: a relative path is invalid and ignored
  return value;
}

// The key in `base`: read when it is there and private, else created from fresh random bytes. A
// concurrent scopelint may create it first; then its key is used.
std::optional<std::string> user_key(const std::string& base, std::string& problem) {
  const std::string path = base + "/key";
  for (int attempt = 0; attempt < 2; ++attempt) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
      try {
        std::string key = read_private_file(path, kKeyBytes, {077});
        if (key.size() == kKeyBytes) return key;
        problem = path + " is not a scopelint cache key";
      } catch (const InputError& e) {
        problem = e.what();
      }
      return std::nullopt;
    }
    try {
      // Read back through the same checks, whether this process or a concurrent one made it.
      StagedFile(path, random_bytes(kKeyBytes), 0600).commit_if_absent();
    } catch (const std::exception& e) {
      problem = e.what();
      return std::nullopt;
    }
  }
  problem = path + ": cannot create the cache key";
  return std::nullopt;
}

// Inside the project, a directory the user named must not be reached through a symlink that the
// repository could have planted (a committed `.cache -> /elsewhere`).
std::optional<std::string> symlink_inside_project(const std::string& directory,
                                                  const std::string& root) {
  const fs::path full = fs::absolute(directory).lexically_normal();
  const fs::path relative = full.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  fs::path partial(root);
  for (const auto& part : relative) {
    if (part.empty() || part == ".") continue;
    partial /= part;
    struct stat st {};
    if (::lstat(partial.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
      return partial.string() + " is a symlink";
  }
  return std::nullopt;
}

// A cache directory made inside a git work tree (a --cache-dir in the project, or an
// XDG_CACHE_HOME=$PWD/.cache as CI jobs set it for their cache step) must never show as untracked
// files: it gets a .gitignore that ignores everything, itself included.
void ignore_in_git_work_tree(const std::string& directory) {
  if (!inside_git_work_tree(directory)) return;
  try {
    StagedFile(directory + "/.gitignore", "*\n", 0600).commit_if_absent();
  } catch (const std::exception&) {
    // Only cosmetic.
  }
}

}  // namespace

std::optional<std::string> user_cache_base() {
  std::string root = absolute_environment_path("XDG_CACHE_HOME");
  if (root.empty()) {
    const std::string home = absolute_environment_path("HOME");
    if (home.empty()) return std::nullopt;
    root = home + "/.cache";
  }
  return (fs::path(root) / "scopelint").lexically_normal().string();
}

std::string default_cache_directory(const std::string& base, const std::string& project_root) {
  return base + "/" + content_hash(canonical_path(project_root)).substr(0, 32);
}

std::optional<CacheSite> open_cache_site(const std::string& requested,
                                         const std::string& project_root, std::string& problem) {
  const std::optional<std::string> base = user_cache_base();
  if (!base) {
    problem = "neither XDG_CACHE_HOME nor HOME is set";
    return std::nullopt;
  }
  bool created = false;
  if (auto trouble = make_private_directory(*base, created)) {
    problem = *trouble;
    return std::nullopt;
  }
  if (created) ignore_in_git_work_tree(*base);
  std::optional<std::string> key = user_key(*base, problem);
  if (!key) return std::nullopt;
  const std::string directory = requested.empty()
                                    ? default_cache_directory(*base, project_root)
                                    : fs::absolute(requested).lexically_normal().string();
  if (auto trouble = symlink_inside_project(directory, project_root)) {
    problem = *trouble;
    return std::nullopt;
  }
  if (auto trouble = make_private_directory(directory, created)) {
    problem = *trouble;
    return std::nullopt;
  }
  if (created) ignore_in_git_work_tree(directory);
  return CacheSite{directory, *key};
}

}  // namespace scopelint

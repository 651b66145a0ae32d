// Where the fact cache lives and the key its entries are signed with: outside the scanned tree, in
// directories only the current user can change (docs/security.md).
#pragma once

#include <optional>
#include <string>

namespace scopelint {

// A cache ready to use: FactCache(directory, salt, key).
struct CacheSite {
  std::string directory;
  std::string key;  // the user's secret MAC key (raw bytes)
};

// The per-user base directory: $XDG_CACHE_HOME/scopelint (when absolute), else
// $HOME/.cache/scopelint; nullopt when neither variable is usable.
std::optional<std::string> user_cache_base();

// The default cache directory of a project: <base>/<hash of the canonical project root>.
std::string default_cache_directory(const std::string& base, const std::string& project_root);

// Creates (0700) and checks the cache directory, and reads or creates the key in the base
// directory. `requested`: --cache-dir, or "" for the default. `problem` says why there is no cache
// for this run (no base directory, a directory that is a symlink, someone else's or writable by
// others, a path inside the project that runs through a symlink, a key that is not private).
std::optional<CacheSite> open_cache_site(const std::string& requested,
                                         const std::string& project_root, std::string& problem);

}  // namespace scopelint

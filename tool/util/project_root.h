// The project a scan belongs to: what config discovery, the cache, --fix and compile flags are
// confined to (docs/security.md).
#pragma once

#include <string>
#include <vector>

namespace scopelint {

// The git work tree holding the first path (the nearest ancestor directory with a `.git` entry,
// found without running git), else the deepest directory holding every path and the compile
// database directory. Absolute and canonical; the current directory when `paths` is empty.
std::string find_project_root(const std::vector<std::string>& paths, const std::string& compile_db_dir = "");

// Whether `path` (made absolute and canonical, symlinks resolved as far as they exist) lies in
// `root` (canonical) or is `root` itself.
bool path_inside(const std::string& path, const std::string& root);

// `path` absolute and canonical, resolving the symlinks of the part that exists.
std::string canonical_path(const std::string& path);

}  // namespace scopelint

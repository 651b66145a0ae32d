// Project root discovery by walking up the directories.
#include "util/project_root.h"

#include <filesystem>

namespace scopelint {
namespace fs = std::filesystem;

std::string canonical_path(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path.empty() ? "." : path, ec);
  fs::path result = fs::weakly_canonical(absolute, ec);
  if (ec) result = absolute.lexically_normal();
  std::string text = result.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

bool path_inside(const std::string& path, const std::string& root) {
  const std::string full = canonical_path(path);
  if (root == "/") return true;
  return full == root || (full.size() > root.size() && full.compare(0, root.size(), root) == 0 &&
                          full[root.size()] == '/');
}

namespace {

std::string directory_of(const std::string& path) {
  const std::string full = canonical_path(path);
  std::error_code ec;
  return fs::is_directory(full, ec) ? full : fs::path(full).parent_path().string();
}

std::string common_ancestor(const std::string& a, const std::string& b) {
  fs::path result;
  const fs::path pa(a), pb(b);
  for (auto ia = pa.begin(), ib = pb.begin(); ia != pa.end() && ib != pb.end() && *ia == *ib; ++ia, ++ib) {
    result /= *ia;
  }
  return result.empty() ? "/" : result.string();
}

}  // namespace

std::string find_project_root(const std::vector<std::string>& paths, const std::string& compile_db_dir) {
  if (paths.empty()) return canonical_path(".");
  std::error_code ec;
  for (fs::path dir = directory_of(paths.front());; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.root_path() || dir.empty()) break;
  }
  std::string root = directory_of(paths.front());
  for (const auto& path : paths) root = common_ancestor(root, directory_of(path));
  if (!compile_db_dir.empty()) root = common_ancestor(root, canonical_path(compile_db_dir));
  return root;
}

}  // namespace scopelint

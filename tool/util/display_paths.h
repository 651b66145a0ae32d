// Paths as reports and messages show them: relative to a base directory when under it.
#pragma once

#include <string>

namespace scopelint {

// `file` relative to `base_directory` when it lies under it (both made absolute against the current
// directory first); the absolute path otherwise. Empty `base_directory`: `file` unchanged.
std::string display_path(const std::string& file, const std::string& base_directory);

// Where a path points for SARIF: relative to the base (forward slashes) or an absolute path.
struct RelativePath {
  std::string path;  // "src/a.cpp" when relative, "/abs/a.cpp" otherwise
  bool relative = false;
};
RelativePath relative_to_base(const std::string& file, const std::string& base_directory);

// The absolute, lexically normal form of `directory` (the current directory when empty).
std::string absolute_directory(const std::string& directory);

}  // namespace scopelint

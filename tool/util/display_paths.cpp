// Path relativisation for reports and messages.
#include "util/display_paths.h"

#include <filesystem>
#include <system_error>

namespace scopelint {
namespace fs = std::filesystem;

namespace {

// Absolute and lexically normal, without a trailing separator, so that paths compare element-wise.
fs::path absolute_normal(const std::string& text) {
  fs::path path(text);
  if (path.is_relative()) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (!ec) path = cwd / path;
  }
  path = path.lexically_normal();
  if (!path.has_filename() && path.has_relative_path()) path = path.parent_path();
  return path;
}

// `file` relative to `base` when it lies strictly under it; empty otherwise.
fs::path relative_under(const fs::path& file, const fs::path& base) {
  fs::path rel = file.lexically_relative(base);
  if (rel.empty() || rel == "." || *rel.begin() == "..") return {};
  return rel;
}

// The same, resolving symlinks when the plain comparison fails (a base given through a symlink).
fs::path relative_under_resolved(const fs::path& file, const fs::path& base) {
  fs::path rel = relative_under(file, base);
  if (!rel.empty()) return rel;
  std::error_code ec1, ec2;
  fs::path real_file = fs::weakly_canonical(file, ec1);
  fs::path real_base = fs::weakly_canonical(base, ec2);
  if (ec1 || ec2) return {};
  return relative_under(real_file, real_base);
}

}  // namespace

std::string display_path(const std::string& file, const std::string& base_directory) {
  if (base_directory.empty() || file.empty()) return file;
  fs::path abs_file = absolute_normal(file);
  fs::path rel = relative_under_resolved(abs_file, absolute_normal(base_directory));
  return rel.empty() ? abs_file.string() : rel.string();
}

RelativePath relative_to_base(const std::string& file, const std::string& base_directory) {
  fs::path abs_file = absolute_normal(file);
  fs::path rel = relative_under_resolved(abs_file, fs::path(absolute_directory(base_directory)));
  if (rel.empty()) return {abs_file.generic_string(), false};
  return {rel.generic_string(), true};
}

std::string absolute_directory(const std::string& directory) {
  return absolute_normal(directory.empty() ? std::string(".") : directory).string();
}

}  // namespace scopelint

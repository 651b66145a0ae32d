// Walks the named paths and lists the source files to scan, in a deterministic order.
#include "extract/driver/source_discovery.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <system_error>

namespace scopelint::extract {
namespace fs = std::filesystem;
namespace {

std::string extension_of(const std::string& path) {
  return fs::path(path).extension().string();
}

bool is_excluded(const std::string& path, const std::vector<std::string>& globs) {
  const std::string name = fs::path(path).filename().string();
  for (const auto& glob : globs) {
    if (fnmatch(glob.c_str(), path.c_str(), 0) == 0) return true;
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

bool is_skipped_directory(const std::string& name) {
  return name.empty() || name[0] == '.' || name.rfind("build", 0) == 0;
}

// Depth-first walk; `seen` holds canonical directories already entered (symlink loops).
void walk_directory(const fs::path& dir, const std::vector<std::string>& globs,
                    std::set<fs::path>& seen, std::vector<SourceFile>& out) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec || !seen.insert(canonical).second) return;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    const std::string name = entry.filename().string();
    const std::string path = entry.string();
    if (is_excluded(path, globs)) continue;
    if (fs::is_directory(entry, ec)) {
      if (!is_skipped_directory(name)) walk_directory(entry, globs, seen, out);
    } else if (!name.empty() && name[0] != '.' && fs::is_regular_file(entry, ec) &&
               has_source_extension(path)) {
      out.push_back({path, language_of(path), false});
    }
  }
}

}  // namespace

bool has_source_extension(const std::string& path) {
  static const std::set<std::string> kExtensions = {".c",  ".cc", ".cpp", ".cxx", ".h",
                                                    ".hh", ".hpp", ".hxx", ".m",   ".mm"};
  return kExtensions.count(extension_of(path)) > 0;
}

SourceLanguage language_of(const std::string& path) {
  const std::string ext = extension_of(path);
  if (ext == ".c") return SourceLanguage::C;
  if (ext == ".m") return SourceLanguage::ObjC;
  if (ext == ".mm") return SourceLanguage::ObjCxx;
  if (ext == ".h" || ext == ".hh" || ext == ".hpp" || ext == ".hxx") return SourceLanguage::Header;
  return SourceLanguage::Cxx;
}

std::vector<SourceFile> discover_sources(const std::vector<std::string>& paths,
                                         const std::vector<std::string>& exclude_globs) {
  std::vector<SourceFile> files;
  std::set<fs::path> seen_dirs;
  std::set<std::string> seen_files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw std::runtime_error("no such file or directory: " + path);
    std::vector<SourceFile> found;
    if (fs::is_directory(path, ec)) {
      walk_directory(path, exclude_globs, seen_dirs, found);
    } else if (!is_excluded(path, exclude_globs)) {
      found.push_back({path, language_of(path), true});
    }
    for (auto& file : found) {
      if (seen_files.insert(fs::weakly_canonical(file.path, ec).string()).second) {
        files.push_back(std::move(file));
      }
    }
  }
  return files;
}

}  // namespace scopelint::extract

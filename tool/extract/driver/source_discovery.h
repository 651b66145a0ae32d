// Which files a scan covers: the named files, and the sources found under the named directories.
#pragma once

#include <string>
#include <vector>

namespace scopelint::extract {

enum class SourceLanguage { C, Cxx, ObjC, ObjCxx, Header };

struct SourceFile {
  std::string path;  // as given (a named file) or joined onto the named directory
  SourceLanguage language = SourceLanguage::Cxx;
  bool named = false;  // given directly by the user, not found by walking a directory
};

// Whether the path's extension is one scopelint scans (.c .cc .cpp .cxx .h .hh .hpp .hxx .m .mm).
bool has_source_extension(const std::string& path);
SourceLanguage language_of(const std::string& path);

// Files first named, then directory contents (sorted, recursive, skipping hidden and build* folders
// and following no directory symlink twice). Throws std::runtime_error for a path that does not exist.
// Paths matching one of `exclude_globs` (fnmatch on the whole path or on the file name) are skipped.
std::vector<SourceFile> discover_sources(const std::vector<std::string>& paths,
                                         const std::vector<std::string>& exclude_globs);

}  // namespace scopelint::extract

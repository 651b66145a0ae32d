// Whole-file I/O.
#include "util/file_io.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util/staged_file.h"

namespace scopelint {

std::string read_file_or_throw(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw std::runtime_error(path + ": cannot read file: is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read file: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error(path + ": cannot read file: " + std::strerror(errno));
  return text.str();
}

void write_file_atomically(const std::string& path, const std::string& contents) {
  struct stat existing {};
  const bool replacing = ::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
  StagedFile staged(path, contents, 0666, replacing ? &existing : nullptr);
  staged.commit();
}

void write_private_file_atomically(const std::string& path, const std::string& contents) {
  StagedFile staged(path, contents, 0600);
  staged.commit();
}

}  // namespace scopelint

// Whole-file I/O.
#include "util/file_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

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
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (dir / (".scopelint-XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error(path + ": cannot write file: " + std::strerror(errno));
  // Keep the permissions of a file being replaced; a new file gets the usual 0666 & ~umask.
  struct stat existing {};
  mode_t mode;
  if (::stat(path.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      int saved = errno;
      ::close(fd);
      std::remove(pattern.c_str());
      throw std::runtime_error(path + ": cannot write file: " + std::strerror(saved));
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::remove(pattern.c_str());
    throw std::runtime_error(path + ": cannot write file: " + std::strerror(errno));
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    int saved = errno;
    std::remove(pattern.c_str());
    throw std::runtime_error(path + ": cannot write file: " + std::strerror(saved));
  }
}

}  // namespace scopelint

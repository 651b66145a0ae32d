// Private directories and random bytes.
#include "util/private_files.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace scopelint {
namespace fs = std::filesystem;

std::optional<std::string> private_directory_problem(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return path + ": " + std::strerror(errno);
  if (S_ISLNK(st.st_mode)) return path + " is a symlink";
  if (!S_ISDIR(st.st_mode)) return path + " is not a directory";
  if (st.st_uid != ::geteuid()) return path + " is not owned by the current user";
  if ((st.st_mode & 022) != 0) return path + " is writable by other users";
  return std::nullopt;
}

std::optional<std::string> make_private_directory(const std::string& path, bool& created) {
  created = false;
  std::string full = fs::absolute(path).lexically_normal().string();
  while (full.size() > 1 && full.back() == '/') full.pop_back();
  fs::path partial;
  for (const auto& part : fs::path(full)) {
    partial /= part;
    if (partial == partial.root_path()) continue;
    created = ::mkdir(partial.c_str(), 0700) == 0;
    if (!created && errno != EEXIST) {
      return partial.string() + ": cannot create directory: " + std::strerror(errno);
    }
  }
  return private_directory_problem(full);
}

std::string random_bytes(size_t count) {
  std::string bytes(count, '\0');
  size_t filled = 0;
  while (filled < count) {
    const ssize_t n = ::getrandom(bytes.data() + filled, count - filled, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    filled += static_cast<size_t>(n);
  }
  if (filled == count) return bytes;
  const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  while (fd >= 0 && filled < count) {
    const ssize_t n = ::read(fd, bytes.data() + filled, count - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    filled += static_cast<size_t>(n);
  }
  if (fd >= 0) ::close(fd);
  if (filled < count)
    throw std::runtime_error("no source of random bytes (getrandom, /dev/urandom)");
  return bytes;
}

bool inside_git_work_tree(const std::string& path) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(path, ec).lexically_normal();; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return true;
    if (dir == dir.root_path() || dir.empty()) return false;
  }
}

}  // namespace scopelint

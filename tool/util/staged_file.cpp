// Staged files: O_TMPFILE where the kernel and file system have it, a named temp file elsewhere.
#include "util/staged_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "util/private_files.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

// Raised by link_as when the name is taken, so callers can pick another name or give up.
struct NameTaken {};

// An unnamed file can be given a name only through /proc/self/fd (linkat with AT_EMPTY_PATH needs
// CAP_DAC_READ_SEARCH); without /proc, named temp files are used from the start.
bool can_link_unnamed_files() {
  static const bool can = ::access("/proc/self/fd", X_OK) == 0;
  return can;
}

}  // namespace

std::string temporary_name_in(const std::string& directory) {
  return (std::filesystem::path(directory) / (".scopelint-" + to_hex(random_bytes(6)))).string();
}

StagedFile::StagedFile(std::string target, std::string_view contents, mode_t new_mode,
                       const struct stat* replaced)
    : target_(std::move(target)) {
  const std::filesystem::path path(target_);
  directory_ = path.has_parent_path() ? path.parent_path().string() : ".";
  try {
    create(new_mode);
    write(contents, replaced);
  } catch (...) {
    discard();
    throw;
  }
}

void StagedFile::create(mode_t mode) {
  if (can_link_unnamed_files()) {
    fd_ = ::open(directory_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
    // EISDIR: a kernel without O_TMPFILE; EOPNOTSUPP: a file system without it.
    if (fd_ < 0 && errno != EISDIR && errno != EOPNOTSUPP) fail(std::strerror(errno));
  }
  while (fd_ < 0) {
    const std::string name = temporary_name_in(directory_);
    fd_ = ::open(name.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd_ >= 0)
      temp_path_ = name;
    else if (errno != EEXIST)
      fail(std::strerror(errno));
  }
}

void StagedFile::write(std::string_view contents, const struct stat* replaced) {
  // The owner first: chown clears set-id bits, which the mode then restores.
  if (replaced && (replaced->st_uid != ::geteuid() || replaced->st_gid != ::getegid()) &&
      ::fchown(fd_, replaced->st_uid, replaced->st_gid) != 0) {
    fail(std::string("cannot keep its owner: ") + std::strerror(errno));
  }
  if (replaced && ::fchmod(fd_, replaced->st_mode & 07777) != 0) fail(std::strerror(errno));
  for (size_t written = 0; written < contents.size();) {
    const ssize_t n = ::write(fd_, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(std::strerror(errno));
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd_) != 0) fail(std::strerror(errno));
}

void StagedFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  temp_path_.clear();
}

StagedFile::~StagedFile() { discard(); }

void StagedFile::fail(const std::string& reason) const {
  throw std::runtime_error(target_ + ": cannot write file: " + reason);
}

void StagedFile::link_as(const std::string& name) {
  if (!temp_path_.empty()) {
    if (::link(temp_path_.c_str(), name.c_str()) == 0) return;
  } else {
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return;
  }
  if (errno == EEXIST) throw NameTaken{};
  fail(std::strerror(errno));
}

void StagedFile::commit() {
  if (temp_path_.empty()) {
    try {
      link_as(target_);  // nothing there yet: the file appears whole, under its own name
      ::close(fd_);
      fd_ = -1;
      return;
    } catch (const NameTaken&) {
    }
    // An unnamed file cannot replace another: it is named for the instant before the rename.
    for (;;) {
      const std::string name = temporary_name_in(directory_);
      try {
        link_as(name);
        temp_path_ = name;
        break;
      } catch (const NameTaken&) {
      }
    }
  }
  if (std::rename(temp_path_.c_str(), target_.c_str()) != 0) fail(std::strerror(errno));
  temp_path_.clear();
  ::close(fd_);
  fd_ = -1;
}

bool StagedFile::commit_if_absent() {
  try {
    link_as(target_);
  } catch (const NameTaken&) {
    return false;
  }
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  temp_path_.clear();
  ::close(fd_);
  fd_ = -1;
  return true;
}

}  // namespace scopelint

// New contents for a file, written beside it and invisible until committed: a reader sees the old
// file or the new one, and a process killed before commit() leaves nothing behind.
#pragma once

#include <sys/stat.h>

#include <string>
#include <string_view>

namespace scopelint {

class StagedFile {
 public:
  // Writes `contents` to an unnamed file (O_TMPFILE) in the directory of `target`, or where the
  // file system has no O_TMPFILE, to a named `.scopelint-XXXXXXXXXXXX` file there. A new file is
  // created with `new_mode` (the kernel applies the umask); with `replaced` (the stat of the file
  // it will replace) it gets that file's owner, group and mode instead. Throws
  // std::runtime_error "<target>: cannot write file: <reason>".
  StagedFile(std::string target, std::string_view contents, mode_t new_mode,
             const struct stat* replaced = nullptr);
  ~StagedFile();  // not committed: the unnamed file vanishes, a named one is removed
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  // Puts the new contents at `target`, replacing what is there (rename(2), atomic).
  void commit();
  // Puts the new contents at `target` only if nothing is there; false when something is.
  bool commit_if_absent();

 private:
  void create(mode_t mode);
  void write(std::string_view contents, const struct stat* replaced);
  void discard();
  [[noreturn]] void fail(const std::string& reason) const;
  void link_as(const std::string& name);  // throws; errno EEXIST is reported as such
  std::string target_;
  std::string directory_;
  int fd_ = -1;
  std::string temp_path_;  // a named temp file to remove on failure; empty when none exists
};

// The path of a fresh, not yet existing, name for a temporary file in `directory`.
std::string temporary_name_in(const std::string& directory);

}  // namespace scopelint

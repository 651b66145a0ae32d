// Bounded reads of untrusted files and JSON with a nesting limit.
#include "util/bounded_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "util/json_error_text.h"

namespace scopelint {
namespace {

std::string megabytes(size_t bytes) {
  return bytes % (size_t{1} << 20) == 0 ? std::to_string(bytes >> 20) + " MB" : std::to_string(bytes) + " bytes";
}

// Closes a descriptor on every path out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

class DepthExceeded : public std::exception {};

// Reads the regular file open on `fd`, described by `st`, within `max_bytes`.
std::string read_open_file(int fd, const struct stat& st, const std::string& path,
                           size_t max_bytes) {
  if (S_ISDIR(st.st_mode)) throw InputError(path + ": cannot read file: is a directory");
  if (!S_ISREG(st.st_mode)) throw InputError(path + ": cannot read file: not a regular file");
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    throw InputError(path + ": cannot read file: larger than " + megabytes(max_bytes));
  }
  // Regular files never block; clear O_NONBLOCK anyway so a short read means end of file.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string text;
  text.resize(static_cast<size_t>(st.st_size));
  size_t filled = 0;
  for (;;) {
    if (filled == text.size()) {
      // The file grew since fstat: read on, still within the limit.
      if (text.size() >= max_bytes + 1) break;
      text.resize(std::min(max_bytes + 1, std::max<size_t>(text.size() * 2, 4096)));
    }
    const ssize_t n = ::read(fd, text.data() + filled, text.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(path + ": cannot read file: " + std::strerror(errno));
    }
    if (n == 0) break;
    filled += static_cast<size_t>(n);
  }
  if (filled > max_bytes) throw InputError(path + ": cannot read file: larger than " + megabytes(max_bytes));
  text.resize(filled);
  return text;
}

// O_NONBLOCK: opening a FIFO with no writer must not wait; it is rejected after fstat.
constexpr int kInputOpenFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;

}  // namespace

std::string read_input_file(const std::string& path, size_t max_bytes) {
  Descriptor in{::open(path.c_str(), kInputOpenFlags)};
  if (in.fd < 0) throw InputError(path + ": cannot read file: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(in.fd, &st) != 0) throw InputError(path + ": cannot read file: " + std::strerror(errno));
  return read_open_file(in.fd, st, path, max_bytes);
}

std::string read_private_file(const std::string& path, size_t max_bytes, PrivateFileRules rules) {
  const auto refuse = [&](const std::string& why) {
    return InputError(path + ": cannot read file: " + why);
  };
  Descriptor in{::open(path.c_str(), kInputOpenFlags | O_NOFOLLOW)};
  if (in.fd < 0) throw refuse(errno == ELOOP ? "is a symlink" : std::strerror(errno));
  struct stat st {};
  if (::fstat(in.fd, &st) != 0) throw refuse(std::strerror(errno));
  if (st.st_uid != ::geteuid()) throw refuse("not owned by the current user");
  if ((st.st_mode & rules.forbidden_mode_bits) != 0) {
    throw refuse("its permissions let other users change or read it");
  }
  return read_open_file(in.fd, st, path, max_bytes);
}

TextPosition position_of(std::string_view text, size_t offset) {
  TextPosition position;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

nlohmann::json parse_json_input(std::string_view text, const std::string& name, unsigned max_depth) {
  const nlohmann::json::parser_callback_t limit = [max_depth](int depth, nlohmann::json::parse_event_t,
                                                              nlohmann::json&) {
    if (depth > static_cast<int>(max_depth)) throw DepthExceeded();
    return true;
  };
  try {
    return nlohmann::json::parse(text.begin(), text.end(), limit);
  } catch (const DepthExceeded&) {
    throw InputError(name + ": JSON nested deeper than " + std::to_string(max_depth) + " levels");
  } catch (const nlohmann::json::parse_error& error) {
    // error.byte is 1-based and points just past the offending character.
    const size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    const TextPosition at = position_of(text, offset);
    throw InputError(name + ": invalid JSON at line " + std::to_string(at.line) + ", column " +
                         std::to_string(at.column),
                     at, describe_json_syntax_error(text, offset, error.what()));
  } catch (const nlohmann::json::out_of_range&) {  // 406: a number too large for a double
    throw InputError(name + ": invalid JSON: a number out of range");
  }
}

}  // namespace scopelint

// Directories only the current user may change (the fact cache), and random bytes for its key.
#pragma once

#include <optional>
#include <string>

namespace scopelint {

// Why `path` is not a directory private to this user (missing, a symlink, not a directory, owned
// by someone else, writable by group or others), or nullopt when it is.
std::optional<std::string> private_directory_problem(const std::string& path);

// Creates `path` and its missing parents with mkdir(..., 0700) (the process umask is neither read
// nor changed; it can only take bits away) and checks `path` with private_directory_problem.
// `created`: whether `path` itself was made by this call.
std::optional<std::string> make_private_directory(const std::string& path, bool& created);

// `count` bytes from getrandom(2), else /dev/urandom; throws std::runtime_error when neither works.
std::string random_bytes(size_t count);

// Whether `path` lies in a git work tree: a `.git` entry in it or a directory above it.
bool inside_git_work_tree(const std::string& path);

}  // namespace scopelint

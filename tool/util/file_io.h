// Reading and writing whole files, with errors as exceptions that name the file.
#pragma once

#include <string>

namespace scopelint {

// Throws std::runtime_error "<path>: cannot read file: <reason>".
std::string read_file_or_throw(const std::string& path);

// Writes through a temporary file in the same directory (util/staged_file.h) that replaces `path`
// at once, so a reader never sees a half-written file. A replaced file keeps its mode and owner;
// a new one gets 0666 less the umask. Throws std::runtime_error "<path>: cannot write file: ...".
void write_file_atomically(const std::string& path, const std::string& contents);

// The same for a file only the current user may read: always mode 0600 (the fact cache).
void write_private_file_atomically(const std::string& path, const std::string& contents);

}  // namespace scopelint

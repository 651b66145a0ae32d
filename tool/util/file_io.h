// Reading and writing whole files, with errors as exceptions that name the file.
#pragma once

#include <string>

namespace scopelint {

// Throws std::runtime_error "<path>: cannot read file: <reason>".
std::string read_file_or_throw(const std::string& path);

// Writes through a temporary file in the same directory and renames it over `path`, so a reader
// never sees a half-written file. Throws std::runtime_error "<path>: cannot write file: <reason>".
void write_file_atomically(const std::string& path, const std::string& contents);

}  // namespace scopelint

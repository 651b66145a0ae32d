// Splitting command lines into arguments the way clang does, so that scopelint can read compile
// databases and response files itself instead of handing them to libclang.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scopelint::extract {

// The "command" of a compile_commands.json entry, as clang's JSON database splits it on POSIX:
// arguments separated by spaces (only ' '), '...' taken literally, "..." and bare text with
// backslash escaping the next character.
std::vector<std::string> split_database_command(std::string_view command);

// The text of a response file (@file), as llvm::cl::TokenizeGNUCommandLine splits it: arguments
// separated by spaces, tabs and line breaks, '...' and "..." quoting, backslash escaping the next
// character everywhere. A leading UTF-8 byte order mark is skipped.
std::vector<std::string> split_response_file(std::string_view text);

}  // namespace scopelint::extract

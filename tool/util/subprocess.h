// Running a helper program (git, tar) without a shell: argv as given, output captured and bounded.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace scopelint {

struct ProgramResult {
  int exit_code = -1;  // -1: killed by a signal
  std::string out;     // stdout, at most `max_output` bytes (the rest is read and dropped)
  std::string err;     // stderr, the same
};

// Runs `argv` (argv[0] looked up in PATH) with stdin from /dev/null and no other open files of
// ours, and waits for it. No shell is involved, so nothing in an argument is interpreted. Throws
// std::runtime_error when the program cannot be started.
ProgramResult run_program(const std::vector<std::string>& argv, size_t max_output = 1 << 20);

}  // namespace scopelint

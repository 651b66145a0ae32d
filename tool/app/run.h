// One scopelint invocation: options in, report out, exit code back.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scopelint {

enum ExitCode { kExitClean = 0, kExitFindings = 1, kExitError = 2 };

// `args` excludes argv[0]. Reports go to `out` (or -o FILE), messages and the summary to `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace scopelint

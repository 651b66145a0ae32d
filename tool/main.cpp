// scopelint entry point: argv -> run (or the language server for "scopelint lsp") -> exit code.
// The same binary is the worker process that parses units for a scan (extract/driver/unit_worker.h).
#include <iostream>
#include <string>
#include <vector>

#include "app/run.h"
#include "extract/driver/unit_runner.h"
#include "extract/driver/unit_worker.h"
#include "lsp/server.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (scopelint::extract::is_worker_invocation(args)) return scopelint::extract::run_unit_worker(args);
  // Each unit is parsed in a worker process running this very binary: a unit that crashes or hangs
  // libclang becomes a scan-error instead of ending the scan (or the language server).
  scopelint::extract::set_worker_executable("/proc/self/exe");
  if (!args.empty() && args.front() == "lsp") {
    return scopelint::lsp::run_stdio_server({args.begin() + 1, args.end()}, std::cerr);
  }
  return scopelint::run(args, std::cout, std::cerr);
}

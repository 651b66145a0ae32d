// scopelint entry point: argv -> run (or the language server for "scopelint lsp") -> exit code.
#include <iostream>
#include <string>
#include <vector>

#include "app/run.h"
#include "lsp/server.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args.front() == "lsp") {
    return scopelint::lsp::run_stdio_server({args.begin() + 1, args.end()}, std::cerr);
  }
  return scopelint::run(args, std::cout, std::cerr);
}

// scopelint entry point: argv -> run -> exit code.
#include <iostream>
#include <string>
#include <vector>

#include "app/run.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return scopelint::run(args, std::cout, std::cerr);
}

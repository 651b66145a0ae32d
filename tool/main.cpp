// scopelint entry point: argv -> options -> run -> exit code.
#include <cstdio>

int main() { std::puts("scopelint"); return 0; }

// Fuzzes the .scopelint.json parser and the globs it yields: a Config or a ConfigError, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    scopelint::Config config = scopelint::parse_config(text, "/fuzz/.scopelint.json");
    for (const char* rule : {"missing-scope", "unused-scope", "scan-error", ""}) {
      (void)config.level_for(rule, scopelint::Level::Warning);
      (void)config.enables(rule);
    }
    for (const char* path : {"/fuzz/a/b.cpp", "/fuzz/reporting/x.cc", "/elsewhere/y.cpp", ""}) {
      (void)config.component_for(path);
      (void)config.excludes(path);
      (void)config.ignores("unused-scope", path);
    }
  } catch (const scopelint::ConfigError&) {
  }
  // The glob matcher on its own: the first line is the glob, the rest the path.
  size_t newline = text.find('\n');
  if (newline != std::string::npos) {
    (void)scopelint::path_glob_matches(text.substr(0, newline), text.substr(newline + 1));
  }
  return 0;
}

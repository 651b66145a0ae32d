// Lookup of embedded rule files by path.
#include "catalog/embedded_rules.h"

#include <cstring>

namespace scopelint {

const char* find_embedded_rule_file(const char* path) {
  for (const auto& file : embedded_rule_files()) {
    if (std::strcmp(file.path, path) == 0) return file.text;
  }
  return nullptr;
}

}  // namespace scopelint

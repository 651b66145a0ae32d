// The rules/*.json files compiled into the binary (see cmake/embed_rules.cmake).
#pragma once

#include <vector>

namespace scopelint {

struct EmbeddedRuleFile {
  const char* path;  // relative to the repository root, e.g. "rules/elation.json"
  const char* text;
};

const std::vector<EmbeddedRuleFile>& embedded_rule_files();

// The text of one embedded file, or nullptr.
const char* find_embedded_rule_file(const char* path);

}  // namespace scopelint

// --export-fixes: the fix-its as clang-apply-replacements YAML, like clang-tidy writes them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"

namespace scopelint {

// A YAML scalar that reads back as `text`: plain when safe, else single-quoted (quotes doubled),
// else double-quoted with escapes for line breaks and other non-printable characters.
std::string yaml_scalar(std::string_view text);

// One diagnostic per finding with a fix; a replacement already written for an earlier finding is
// not repeated. File paths are made absolute (against the current directory), as
// clang-apply-replacements resolves them independently of where it runs. `main_source_file` is
// always written (clang-apply-replacements ignores a file without it).
std::string export_fixes_yaml(const std::vector<Finding>& findings,
                              const std::string& main_source_file,
                              const std::string& build_directory);

}  // namespace scopelint

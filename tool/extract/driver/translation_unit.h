// Parsing one file with libclang, and the checks that keep bad input from reaching the parser.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/clang/clang_handles.h"
#include "extract/driver/compile_commands.h"

namespace scopelint::extract {

struct ParseResult {
  TranslationUnitHandle tu;
  std::string error;  // why there is no usable TU (for a "scan-error" diagnostic); empty if none
};

// Why a file cannot be scanned (unreadable, binary); nullopt for a readable text file.
// `empty` is set for an empty file (nothing to scan, nothing to report).
std::optional<std::string> unscannable_reason(const std::string& path, bool& empty);

enum class FunctionBodies {
  All,
  // Not those of functions in the preamble: the headers included before the main file's first
  // declaration, with everything they include (see unit_parse.h for when that loses nothing).
  SkipInPreamble,
};

// Parses with KeepGoing | IgnoreNonErrorsFromIncludedFiles via the FullArgv entry point.
// `unsaved`: editor buffers that replace files on disk.
ParseResult parse_translation_unit(CXIndex index, const ParseCommand& command, bool verbose,
                                   const std::vector<std::pair<std::string, std::string>>& unsaved = {},
                                   FunctionBodies bodies = FunctionBodies::All);

// A TU whose main file is not C-family source at all (errors and no declarations of its own).
bool main_file_unparsable(CXTranslationUnit tu);

}  // namespace scopelint::extract

// Parsing one unit for analysis, skipping the function bodies of third-party headers when that
// loses nothing: the speed-up of issue 6, with the same facts as a parse with every body.
//
// A unit is parsed with FunctionBodies::SkipInPreamble (translation_unit.h): the headers included at
// the top of the main file form a preamble parsed without function bodies, the main file is parsed
// whole. Analysis needs the bodies of the functions defined in the scanned (project) headers too:
// their requests become calls and wrapper summaries, and the main file's values are resolved
// through them (a member initialised in an inline constructor). So a unit that includes a project
// header defining functions is parsed with every body: predicted from the text before parsing
// (project_includes.h), and checked after a skipping parse, which is redone with every body when
// a function of a project header lost its body.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "extract/clang/ast_walker.h"
#include "extract/clang/clang_handles.h"
#include "extract/driver/compile_commands.h"
#include "extract/driver/translation_unit.h"

namespace scopelint::extract {

struct ParsedUnit {
  TranslationUnitHandle tu;
  AstTree tree;  // walk_translation_unit(tu, in_scan)
  std::string error;  // as ParseResult::error; no tu then
  bool unparsable = false;  // main_file_unparsable(tu) and no header missing; no tree then
  FunctionBodies bodies = FunctionBodies::All;  // how `tu` was parsed
  bool reparsed = false;  // a skipping parse lost project bodies and was redone with all
};

struct UnitParseInputs {
  const ParseCommand& command;
  bool verbose = false;
  const std::vector<std::pair<std::string, std::string>>& unsaved;
  const std::function<bool(CXFile)>& in_scan;  // the files whose code is analysed
  const std::function<bool(const std::string&)>& in_scan_path;  // the same, by canonical path
};

ParsedUnit parse_unit(CXIndex index, const UnitParseInputs& inputs);

// Whether a function-like declaration of the tree, outside the main file, in a file the tree walked,
// is a definition whose body was skipped (or may be: conservatively true when unsure).
bool tree_has_skipped_bodies(CXTranslationUnit tu, const AstTree& tree);

}  // namespace scopelint::extract

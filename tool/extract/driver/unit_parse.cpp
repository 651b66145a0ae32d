// Parsing a unit with the bodies of third-party functions skipped, checked for lost project bodies.
#include "extract/driver/unit_parse.h"

#include <iostream>
#include <map>

#include "extract/clang/missing_headers.h"
#include "extract/driver/project_includes.h"

namespace scopelint::extract {
namespace {

ParsedUnit parse_with(CXIndex index, const UnitParseInputs& inputs, FunctionBodies bodies) {
  ParsedUnit unit;
  unit.bodies = bodies;
  ParseResult parsed = parse_translation_unit(index, inputs.command, inputs.verbose, inputs.unsaved, bodies);
  unit.error = std::move(parsed.error);
  unit.tu = std::move(parsed.tu);
  if (!unit.error.empty()) return unit;
  // Errors caused by a missing header are the price of scanning without the build, not a sign
  // that the file is not C: such a unit is analysed (and recovered from tokens).
  if (missing_headers(unit.tu.get()).empty() && main_file_unparsable(unit.tu.get())) {
    unit.unparsable = true;
    return unit;
  }
  unit.tree = walk_translation_unit(unit.tu.get(), inputs.in_scan);
  return unit;
}

// False for a location inside a macro expansion.
bool written_where_expanded(CXSourceLocation location) {
  CXFile file_a = nullptr, file_b = nullptr;
  unsigned offset_a = 0, offset_b = 0;
  clang_getExpansionLocation(location, &file_a, nullptr, nullptr, &offset_a);
  clang_getSpellingLocation(location, &file_b, nullptr, nullptr, &offset_b);
  return file_a && file_b && clang_File_isEqual(file_a, file_b) && offset_a == offset_b;
}

void say_how(const UnitParseInputs& inputs, const char* how) {
  if (!inputs.verbose) return;
  // One write per line: other workers log at the same time.
  std::cerr << ("scopelint: " + inputs.command.source + ": " + how + "\n");
}

}  // namespace

bool tree_has_skipped_bodies(CXTranslationUnit tu, const AstTree& tree) {
  const auto& nodes = tree.nodes;
  std::vector<bool> has_body(nodes.size(), false);
  for (const auto& node : nodes) {
    if ((node.kind == CXCursor_CompoundStmt || node.kind == CXCursor_CXXTryStmt) && node.parent >= 0) {
      has_body[static_cast<size_t>(node.parent)] = true;
    }
  }
  std::map<CXFile, std::string> code;  // per file, code_only(contents)
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (has_body[i] || !is_function_like(nodes[i].kind)) continue;
    const CXCursor cursor = nodes[i].cursor;
    if (clang_Location_isFromMainFile(clang_getCursorLocation(cursor))) continue;
    const CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(cursor));
    // Declared by a macro: what follows in the file says nothing about the body.
    if (!written_where_expanded(end)) return true;
    CXFile file = nullptr;
    unsigned offset = 0;
    clang_getExpansionLocation(end, &file, nullptr, nullptr, &offset);
    if (!file) return true;
    auto it = code.find(file);
    if (it == code.end()) {
      size_t size = 0;
      const char* contents = clang_getFileContents(tu, file, &size);
      if (!contents) return true;
      it = code.emplace(file, code_only(std::string(contents, size))).first;
    }
    if (offset > it->second.size() || body_follows(it->second, offset)) return true;
  }
  return false;
}

ParsedUnit parse_unit(CXIndex index, const UnitParseInputs& inputs) {
  if (includes_project_function_definitions(inputs.command, inputs.in_scan_path, inputs.unsaved)) {
    say_how(inputs, "parsed with every function body (it includes a project header that defines functions)");
    return parse_with(index, inputs, FunctionBodies::All);
  }
  ParsedUnit unit = parse_with(index, inputs, FunctionBodies::SkipInPreamble);
  if (unit.unparsable || (unit.error.empty() && !tree_has_skipped_bodies(unit.tu.get(), unit.tree))) {
    say_how(inputs, "parsed without the function bodies of third-party headers");
    return unit;
  }
  say_how(inputs, "parsed again with every function body (a project header lost function bodies)");
  unit = ParsedUnit{};  // the skipping parse's memory goes before the next parse takes its own
  unit = parse_with(index, inputs, FunctionBodies::All);
  unit.reparsed = true;
  return unit;
}

}  // namespace scopelint::extract

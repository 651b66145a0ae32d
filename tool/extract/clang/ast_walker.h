// One iterative pass over a translation unit: every cursor of the wanted files, in source order,
// with its parent and enclosing function (no recursive clang_visitChildren; see ecosystem.md 2.8).
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <vector>

namespace scopelint::extract {

struct AstNode {
  CXCursor cursor;
  CXCursorKind kind;
  int parent = -1;  // index in AstTree::nodes; -1 for top-level declarations
  int function = -1;  // the enclosing function-like declaration; -1 at namespace scope
};

struct AstTree {
  std::vector<AstNode> nodes;  // pre-order, so source order within a function
  // One past the last node below nodes[i]: the subtree of i is [i, subtree_end[i]).
  std::vector<int> subtree_end;
};

bool is_function_like(CXCursorKind kind);
// for, while, do and range-for statements.
bool is_loop_kind(CXCursorKind kind);
// A loop over a range: C++'s range-for, Objective-C's for-in (`for (NSString *p in paths)`).
bool is_range_loop(CXCursorKind kind);
// A range loop's loop variable (a VarDecl, or the unexposed structured binding), its range and
// its body; empty when the loop is not written that way.
std::vector<CXCursor> range_loop_parts(CXCursor loop);

// Walks the top-level declarations for which `wanted(file)` is true (file of the expansion
// location) and everything below them.
AstTree walk_translation_unit(CXTranslationUnit tu, const std::function<bool(CXFile)>& wanted);

}  // namespace scopelint::extract

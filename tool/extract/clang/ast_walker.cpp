// Iterative traversal with CXChildVisit_Recurse and an explicit parent stack.
#include "extract/clang/ast_walker.h"

#include <algorithm>
#include <map>
#include <utility>

#include "extract/clang/cursor_utils.h"

namespace scopelint::extract {
namespace {

struct WalkState {
  AstTree* tree;
  const std::function<bool(CXFile)>* wanted;
  std::vector<std::pair<CXCursor, int>> stack;  // ancestors, innermost last
  std::map<CXFile, bool> file_cache;
};

bool wanted_cursor(WalkState& state, CXCursor cursor) {
  CXFile file = nullptr;
  clang_getExpansionLocation(clang_getCursorLocation(cursor), &file, nullptr, nullptr, nullptr);
  if (!file) return false;
  auto it = state.file_cache.find(file);
  if (it != state.file_cache.end()) return it->second;
  const bool wanted = (*state.wanted)(file);
  state.file_cache.emplace(file, wanted);
  return wanted;
}

CXChildVisitResult visit(CXCursor cursor, CXCursor parent, CXClientData data) {
  auto& state = *static_cast<WalkState*>(data);
  auto& nodes = state.tree->nodes;
  while (!state.stack.empty() && !clang_equalCursors(state.stack.back().first, parent)) {
    state.stack.pop_back();
  }
  const int parent_index = state.stack.empty() ? -1 : state.stack.back().second;
  if (parent_index < 0 && !wanted_cursor(state, cursor)) return CXChildVisit_Continue;
  AstNode node{cursor, clang_getCursorKind(cursor), parent_index, -1};
  if (parent_index >= 0) {
    const AstNode& up = nodes[static_cast<size_t>(parent_index)];
    node.function = is_function_like(up.kind) ? parent_index : up.function;
  }
  nodes.push_back(node);
  state.stack.emplace_back(cursor, static_cast<int>(nodes.size() - 1));
  return CXChildVisit_Recurse;
}

}  // namespace

bool is_loop_kind(CXCursorKind kind) {
  return kind == CXCursor_ForStmt || kind == CXCursor_WhileStmt || kind == CXCursor_DoStmt ||
         is_range_loop(kind);
}

bool is_range_loop(CXCursorKind kind) {
  return kind == CXCursor_CXXForRangeStmt || kind == CXCursor_ObjCForCollectionStmt;
}

std::vector<CXCursor> range_loop_parts(CXCursor loop) {
  std::vector<CXCursor> kids = children(loop);
  if (kids.size() != 3) return {};
  // for-in declares its variable in a statement of its own: `for (NSString *p in paths)`.
  if (clang_getCursorKind(loop) == CXCursor_ObjCForCollectionStmt &&
      clang_getCursorKind(kids[0]) == CXCursor_DeclStmt) {
    const auto declared = children(kids[0]);
    if (declared.size() != 1) return {};
    kids[0] = declared.front();
  }
  return kids;
}

bool is_function_like(CXCursorKind kind) {
  switch (kind) {
    case CXCursor_FunctionDecl:
    case CXCursor_CXXMethod:
    case CXCursor_Constructor:
    case CXCursor_Destructor:
    case CXCursor_ConversionFunction:
    case CXCursor_FunctionTemplate:
    case CXCursor_ObjCInstanceMethodDecl:
    case CXCursor_ObjCClassMethodDecl:
      return true;
    default:
      return false;
  }
}

AstTree walk_translation_unit(CXTranslationUnit tu, const std::function<bool(CXFile)>& wanted) {
  AstTree tree;
  WalkState state{&tree, &wanted, {}, {}};
  clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &state);
  // Children come after their parent in pre-order: one backward pass settles every subtree.
  const int count = static_cast<int>(tree.nodes.size());
  tree.subtree_end.resize(tree.nodes.size());
  for (int i = 0; i < count; ++i) tree.subtree_end[i] = i + 1;
  for (int i = count - 1; i >= 0; --i) {
    const int parent = tree.nodes[i].parent;
    if (parent >= 0) tree.subtree_end[parent] = std::max(tree.subtree_end[parent], tree.subtree_end[i]);
  }
  return tree;
}

}  // namespace scopelint::extract

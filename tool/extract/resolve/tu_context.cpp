// Indexes a walked translation unit by variable (see tu_context.h).
#include "extract/resolve/tu_context.h"

#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/objc_cursors.h"
#include "extract/resolve/parameter_slots.h"

namespace scopelint::extract {
namespace {

const std::vector<int> kNoEvents;

bool returns_reference(CXCursor call) {
  const CXType type = clang_getCursorType(call);
  if (type.kind == CXType_LValueReference) return true;
  // libclang reports the value category's type; ask the callee's declared result instead.
  CXCursor callee = callee_of(call);
  if (is_null(callee)) return false;
  return clang_getCursorResultType(callee).kind == CXType_LValueReference;
}

bool is_operator_call(CXCursor call) { return spelling(call).rfind("operator", 0) == 0; }

// The expression a call acts on: the receiver of a member call, else argument 0.
CXCursor direct_subject(CXCursor event) {
  const CXCursorKind kind = clang_getCursorKind(event);
  if (kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator) {
    auto kids = children(event);
    if (kids.empty()) return clang_getNullCursor();
    // `req.HTTPMethod = m` calls the setter of `req`.
    if (clang_getCursorKind(kids.front()) == CXCursor_MemberRefExpr) {
      if (auto property = property_assignment(clang_Cursor_getTranslationUnit(event), event)) return property->object;
    }
    return kids.front();
  }
  if (!is_call(kind)) return clang_getNullCursor();
  if (!is_operator_call(event)) {
    CXCursor object = member_call_object(event);
    if (!is_null(object)) return object;
    if (is_member_call(event)) return clang_getNullCursor();  // implicit this
  }
  if (clang_Cursor_getNumArguments(event) < 1) return clang_getNullCursor();
  return clang_Cursor_getArgument(event, 0);
}

// The out-encoder a call is a call of, or null. The argument count and the short name are
// tested first: this runs for every call of the unit.
const OutEncoderModel* out_encoder_called(const StringApis& apis, CXCursor call) {
  if (apis.out_encoders.empty()) return nullptr;
  const int count = clang_Cursor_getNumArguments(call);
  std::string name;
  for (const auto& encoder : apis.out_encoders) {
    if (count <= static_cast<int>(encoder.into)) continue;
    if (name.empty()) name = spelling(call);
    const size_t colons = encoder.function.rfind("::");
    if (encoder.function.compare(colons == std::string::npos ? 0 : colons + 2, std::string::npos, name) == 0) {
      return apis.out_encoder(callee_name(call));
    }
  }
  return nullptr;
}

}  // namespace

CXCursor TuContext::subject_variable(CXCursor event) {
  CXCursor subject = direct_subject(event);
  for (int guard = 0; guard < 256 && !is_null(subject); ++guard) {
    CXCursor var = referenced_variable(subject);
    if (!is_null(var)) return var;
    CXCursor inner = strip_wrappers(subject);
    if (!is_call(clang_getCursorKind(inner)) || !returns_reference(inner)) break;
    subject = direct_subject(inner);
  }
  return clang_getNullCursor();
}

TuContext::TuContext(CXTranslationUnit tu, AstTree tree, const LibraryModels& models,
                     std::function<bool(CXFile)> in_scan)
    : tu_(tu), tree_(std::move(tree)), models_(models), in_scan_(std::move(in_scan)) {
  for (size_t i = 0; i < tree_.nodes.size(); ++i) {
    const AstNode& node = tree_.nodes[i];
    if (is_function_like(node.kind) && clang_isCursorDefinition(node.cursor)) {
      definitions_.emplace(declaration_key(node.cursor), static_cast<int>(i));
    }
    if (is_range_loop(node.kind)) {
      // for (declaration : range) body, for (declaration in range) body
      auto kids = range_loop_parts(node.cursor);
      if (kids.size() >= 2 && clang_getCursorKind(kids[0]) == CXCursor_VarDecl) {
        loop_ranges_.emplace(declaration_key(kids[0]), kids[1]);
      } else if (kids.size() >= 2 && clang_getCursorKind(kids[0]) == CXCursor_UnexposedDecl) {
        record_binding_loop(kids[0], kids[1]);
      }
    }
    if (!is_call(node.kind) && node.kind != CXCursor_BinaryOperator &&
        node.kind != CXCursor_CompoundAssignOperator) {
      continue;
    }
    CXCursor subject = subject_variable(node.cursor);
    // An out-encoder's subject is the string it appends to (Poco::URI::encode(str, reserved, out)).
    if (is_call(node.kind)) {
      if (const auto* encoder = out_encoder_called(models_.strings, node.cursor)) {
        const auto args = call_arguments(node.cursor);
        if (encoder->into < args.size()) subject = referenced_variable(args[encoder->into]);
      }
    }
    std::string subject_key;
    if (!is_null(subject)) {
      subject_key = declaration_key(subject);
      subject_events_[subject_key].push_back(static_cast<int>(i));
    }
    if (!is_call(node.kind)) continue;
    for (CXCursor arg : call_arguments(node.cursor)) {
      CXCursor var = referenced_variable(arg);
      if (is_null(var)) continue;
      std::string key = declaration_key(var);
      if (key != subject_key) argument_uses_[key].push_back(static_cast<int>(i));
    }
  }
}

const std::vector<int>& TuContext::subject_events(CXCursor variable) const {
  auto it = subject_events_.find(declaration_key(variable));
  return it == subject_events_.end() ? kNoEvents : it->second;
}

const std::vector<int>& TuContext::call_sites(CXCursor function) const {
  if (!call_sites_read_) {  // one pass over the calls, on first use
    call_sites_read_ = true;
    for (size_t i = 0; i < tree_.nodes.size(); ++i) {
      if (!is_call(tree_.nodes[i].kind)) continue;
      const CXCursor callee = callee_of(tree_.nodes[i].cursor);
      if (!is_null(callee)) call_sites_[function_key(callee)].push_back(static_cast<int>(i));
    }
  }
  auto it = call_sites_.find(function_key(function));
  return it == call_sites_.end() ? kNoEvents : it->second;
}

// `for (auto& [key, value] : range)`: libclang leaves the structured binding unexposed; its two
// names are its unexposed children, the entry's first and second.
void TuContext::record_binding_loop(CXCursor binding, CXCursor range) {
  std::vector<CXCursor> names;
  for (CXCursor kid : children(binding)) {
    if (clang_getCursorKind(kid) == CXCursor_UnexposedDecl) names.push_back(kid);
  }
  if (names.size() != 2) return;
  const std::string loop = declaration_key(binding);
  loop_ranges_.emplace(loop, range);
  binding_parts_.emplace(declaration_key(names[0]), std::pair{loop, kLoopEntryFirst});
  binding_parts_.emplace(declaration_key(names[1]), std::pair{loop, kLoopEntrySecond});
}

const std::pair<std::string, int>* TuContext::binding_part(const std::string& name_key) const {
  auto it = binding_parts_.find(name_key);
  return it == binding_parts_.end() ? nullptr : &it->second;
}

const std::vector<int>& TuContext::overriders(CXCursor method) const {
  static const std::vector<int> kNone;
  if (clang_getCursorKind(method) != CXCursor_CXXMethod || !clang_CXXMethod_isVirtual(method)) return kNone;
  const std::string key = declaration_key(clang_getCanonicalCursor(method));
  auto cached = overriders_.find(key);
  if (cached != overriders_.end()) return cached->second;
  std::vector<int>& found = overriders_[key];
  for (const auto& [definition, index] : definitions_) {
    const CXCursor candidate = tree_.nodes[static_cast<size_t>(index)].cursor;
    if (clang_getCursorKind(candidate) != CXCursor_CXXMethod) continue;
    // Directly or through an override in between (`Base::path` <- `Mid::path` <- `Leaf::path`).
    std::vector<CXCursor> pending{candidate};
    for (int guard = 0; !pending.empty() && guard < 16; ++guard) {
      const CXCursor current = pending.back();
      pending.pop_back();
      CXCursor* overridden = nullptr;
      unsigned count = 0;
      clang_getOverriddenCursors(current, &overridden, &count);
      bool matched = false;
      for (unsigned i = 0; i < count; ++i) {
        if (declaration_key(clang_getCanonicalCursor(overridden[i])) == key) matched = true;
        pending.push_back(overridden[i]);
      }
      if (overridden) clang_disposeOverriddenCursors(overridden);
      if (matched) {
        found.push_back(index);
        break;
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

CXCursor TuContext::loop_range(const std::string& variable_key) const {
  auto it = loop_ranges_.find(variable_key);
  return it == loop_ranges_.end() ? clang_getNullCursor() : it->second;
}

int TuContext::definition_node(CXCursor function) const {
  CXCursor definition = clang_getCursorDefinition(function);
  if (is_null(definition)) return -1;
  auto it = definitions_.find(declaration_key(definition));
  return it == definitions_.end() ? -1 : it->second;
}

std::vector<int> TuContext::init_lists(CXCursor record) const {
  std::vector<int> lists;
  const std::string key = declaration_key(record);
  for (size_t i = 0; i < tree_.nodes.size(); ++i) {
    if (tree_.nodes[i].kind != CXCursor_InitListExpr) continue;
    const CXCursor declaration =
        clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(tree_.nodes[i].cursor)));
    if (!is_null(declaration) && declaration_key(declaration) == key) lists.push_back(static_cast<int>(i));
  }
  return lists;
}

std::vector<int> TuContext::member_initializers(CXCursor field) const {
  // In a constructor, a member initializer is a MemberRef followed by its initializing expression.
  std::vector<int> inits;
  const auto& nodes = tree_.nodes;
  const std::string key = declaration_key(field);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].kind != CXCursor_MemberRef || nodes[i].parent < 0 ||
        nodes[static_cast<size_t>(nodes[i].parent)].kind != CXCursor_Constructor) {
      continue;
    }
    CXCursor ref = clang_getCursorReferenced(nodes[i].cursor);
    if (is_null(ref) || declaration_key(ref) != key) continue;
    for (size_t j = i + 1; j < nodes.size(); ++j) {
      if (nodes[j].parent != nodes[i].parent) continue;
      if (clang_isExpression(nodes[j].kind)) inits.push_back(static_cast<int>(j));
      break;
    }
  }
  return inits;
}

std::vector<int> TuContext::return_statements(int function) const {
  std::vector<int> returns;
  if (function < 0) return returns;
  for (int i = function + 1; i < tree_.subtree_end[static_cast<size_t>(function)]; ++i) {
    const AstNode& node = tree_.nodes[static_cast<size_t>(i)];
    // A lambda's nodes belong to the function around it: its returns are found by the walk up.
    const bool lambda = tree_.nodes[static_cast<size_t>(function)].kind == CXCursor_LambdaExpr;
    if (node.kind != CXCursor_ReturnStmt || (!lambda && node.function != function)) continue;
    // A lambda's returns are its own (QStringLiteral expands to one).
    int up = node.parent;
    while (up > function && tree_.nodes[static_cast<size_t>(up)].kind != CXCursor_LambdaExpr) {
      up = tree_.nodes[static_cast<size_t>(up)].parent;
    }
    if (up == function) returns.push_back(i);
  }
  return returns;
}

namespace {

// Cursors reached by different paths can differ in identity; their kind and extent do not.
size_t extent_key(CXCursor cursor) {
  const CXSourceRange range = clang_getCursorExtent(cursor);
  return std::hash<unsigned long long>()((static_cast<unsigned long long>(range.begin_int_data) << 32) ^
                                         range.end_int_data ^ (static_cast<unsigned long long>(clang_getCursorKind(cursor)) << 20));
}

}  // namespace

int TuContext::node_index(CXCursor cursor) const {
  if (nodes_by_extent_.empty()) {
    nodes_by_extent_.reserve(tree_.nodes.size());
    for (size_t i = 0; i < tree_.nodes.size(); ++i) {
      nodes_by_extent_.emplace(extent_key(tree_.nodes[i].cursor), static_cast<int>(i));
    }
  }
  // The first (outermost) of the nodes with that kind and extent.
  int found = -1;
  auto [begin, end] = nodes_by_extent_.equal_range(extent_key(cursor));
  for (auto it = begin; it != end; ++it) {
    if ((found < 0 || it->second < found) && same_expression(tree_.nodes[static_cast<size_t>(it->second)].cursor, cursor)) {
      found = it->second;
    }
  }
  return found;
}

const std::vector<int>& TuContext::argument_uses(CXCursor variable) const {
  auto it = argument_uses_.find(declaration_key(variable));
  return it == argument_uses_.end() ? kNoEvents : it->second;
}

// One pass over the unit on first use: C and C++ units have none of these nodes.
void TuContext::read_properties() const {
  properties_read_ = true;
  for (size_t i = 0; i < tree_.nodes.size(); ++i) {
    const AstNode& node = tree_.nodes[i];
    if (node.kind == CXCursor_BinaryOperator) {
      if (auto assigned = property_assignment(tu_, node.cursor)) {
        property_writes_[declaration_key(assigned->declaration)].push_back(static_cast<int>(i));
      }
    } else if (node.kind == CXCursor_MemberRefExpr) {
      const CXCursor ref = clang_getCursorReferenced(node.cursor);
      if (clang_getCursorKind(ref) == CXCursor_ObjCIvarDecl) ivars_.emplace(qualified_name(ref), ref);
    }
  }
}

const std::vector<int>& TuContext::property_writes(CXCursor property) const {
  if (!properties_read_) read_properties();
  auto it = property_writes_.find(declaration_key(property));
  return it == property_writes_.end() ? kNoEvents : it->second;
}

CXCursor TuContext::synthesized_ivar(CXCursor property) const {
  if (!properties_read_) read_properties();
  const std::string name = qualified_name(property);
  const size_t colons = name.rfind("::");
  if (colons == std::string::npos) return clang_getNullCursor();
  auto it = ivars_.find(name.substr(0, colons + 2) + "_" + name.substr(colons + 2));
  return it == ivars_.end() ? clang_getNullCursor() : it->second;
}

}  // namespace scopelint::extract

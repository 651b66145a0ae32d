// Values set up at run time the way configuration is (part of StringResolver, string_resolver.h):
// a global assigned in one function (`g_base = getenv(...)` in main), a member of a braced object
// (`cfg.root`), a member C code fills in main, and the members of request records handed to a
// dispatcher (`{"GET", "/problems/"}` to `dispatch(const ApiRequest& r)`). Defaults of settings:
// setting_defaults.cpp.
#include <algorithm>
#include <utility>

#include "extract/clang/ast_walker.h"
#include "extract/clang/cursor_utils.h"
#include "extract/clang/field_initializers.h"
#include "extract/resolve/buffer_writes.h"
#include "extract/resolve/string_values.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

// What an event does to the variable it acts on: nothing (a read), an assignment of `value`, a
// printf-style write that replaces it (`value` is the call), or another change (an append).
struct Change {
  enum class Kind { None, Assign, Write, Other } kind = Kind::None;
  CXCursor value = clang_getNullCursor();
};

Change change_of(const TuContext& context, const AstNode& node) {
  const auto kids = children(node.cursor);
  if (node.kind == CXCursor_BinaryOperator) {
    if (kids.size() != 2 || binary_operator_token(context.tu(), node.cursor) != "=") return {};
    return {Change::Kind::Assign, kids[1]};
  }
  if (node.kind == CXCursor_CompoundAssignOperator) return {Change::Kind::Other};
  const std::string name = spelling(node.cursor);
  const auto args = call_arguments(node.cursor);
  if (name == "operator=" && args.size() == 2) return {Change::Kind::Assign, args[1]};
  auto unknown = [](size_t) { return ResolvedString::wildcard(); };
  const BufferWrite::Kind write = buffer_write(name, args.size(), unknown).kind;
  if (write == BufferWrite::Kind::Replace) return {Change::Kind::Write, node.cursor};
  const bool other = name == "operator+=" || name == "operator<<" || name == "append" || name == "clear" ||
                     write != BufferWrite::Kind::None ||
                     context.models().strings.out_encoder(callee_name(node.cursor)) != nullptr;
  return {other ? Change::Kind::Other : Change::Kind::None};
}

}  // namespace

ResolvedString StringResolver::resolve_global(CXCursor var, CXCursor init, int position, int depth) const {
  // A library's method constant (`HTTPRequest::HTTP_GET`), declared without its value: the
  // method's name, also once copied (`std::string m = HTTPRequest::HTTP_GET`).
  if (is_null(init)) {
    const std::string name = qualified_name(var);
    for (const auto& library : context_.models().libraries) {
      auto it = library.method_constants.find(name);
      if (it != library.method_constants.end()) return ResolvedString::constant(it->second);
    }
  }
  // Every change in one function (the setter, usually main or an init function) that is not a
  // lambda: a use inside it sees what is set before; one outside it what the setter leaves, or,
  // when the initializer gives a value, that value too (the setter may not have run).
  const auto& nodes = context_.tree().nodes;
  int setter = -1;
  bool changed = false;
  for (int index : context_.subject_events(var)) {
    const AstNode& node = nodes[static_cast<size_t>(index)];
    if (change_of(context_, node).kind == Change::Kind::None) continue;
    changed = true;
    if (node.function < 0 || nodes[static_cast<size_t>(node.function)].kind == CXCursor_LambdaExpr) {
      return ResolvedString::wildcard();
    }
    if (setter >= 0 && setter != node.function) return ResolvedString::wildcard();
    setter = node.function;
  }
  ResolvedString start = is_null(init) ? ResolvedString::constant("") : resolve_at(init, -1, depth);
  if (!changed) return is_null(init) ? ResolvedString::wildcard() : start;
  const int end = context_.tree().subtree_end[static_cast<size_t>(setter)];
  if (position >= setter && position < end) return apply_events(var, std::move(start), position, depth);
  const bool unset = start.text.empty() || is_null_pointer_constant(init);
  ResolvedString left = apply_events(var, start, end, depth);
  if (unset) return left;
  return choose({Alternative{std::move(start), {}}, Alternative{std::move(left), {}}});
}

CXCursor StringResolver::braced_member(CXCursor list, CXCursor field) const {
  // Positional (`{"https://...", 443}`) or designated (`{.base = "https://..."}`); a record with
  // bases or a list of another shape gives nothing.
  const CXCursor record = clang_getCursorSemanticParent(field);
  int index = -1, count = 0;
  for (CXCursor member : children(record)) {
    const CXCursorKind kind = clang_getCursorKind(member);
    if (kind == CXCursor_CXXBaseSpecifier) return clang_getNullCursor();
    if (kind != CXCursor_FieldDecl) continue;
    if (same_expression(member, field) || declaration_key(member) == declaration_key(field)) index = count;
    ++count;
  }
  if (index < 0) return clang_getNullCursor();
  const auto elements = children(list);
  const std::string name = spelling(field);
  int position = 0;
  for (CXCursor element : elements) {
    const std::vector<std::string> words = token_spellings(context_.tu(), element);
    if (words.size() >= 3 && words[0] == ".") {
      if (words[1] != name) continue;
      const auto parts = children(element);
      return parts.empty() ? clang_getNullCursor() : parts.back();
    }
    if (position++ == index) return element;
  }
  return clang_getNullCursor();
}

std::optional<ResolvedString> StringResolver::braced_object_member(CXCursor member_ref, CXCursor field, int position,
                                                                   int depth) const {
  const auto parts = children(member_ref);
  if (parts.empty() || depth > 96) return std::nullopt;
  const CXCursor object = strip_wrappers(parts.front());
  CXCursor list = clang_getNullCursor();
  const CXCursorKind kind = clang_getCursorKind(object);
  if (kind == CXCursor_ArraySubscriptExpr) {
    const auto kids = children(object);
    const auto index = kids.size() == 2 ? integer_of(kids[1], position, depth + 1) : std::nullopt;
    if (index) list = braced_element(kids[0], *index, position, depth + 1);
  } else if (is_call(kind) && (spelling(object) == "operator[]" || spelling(object) == "at")) {
    const auto args = call_arguments(object);
    const bool at = spelling(object) == "at";
    const auto index = args.empty() ? std::nullopt : integer_of(args.back(), position, depth + 1);
    if (index && (at ? args.size() == 1 : args.size() == 2)) {
      list = braced_element(at ? member_call_object(object) : args[0], *index, position, depth + 1);
    }
  } else if (kind == CXCursor_DeclRefExpr) {
    // A constant (or a variable nothing changes) initialized with a braced list.
    CXCursor var = referenced_variable(object);
    const bool unchanged = !is_null(var) && context_.subject_events(var).empty() &&
                           context_.argument_uses(var).empty();
    const CXCursor init = unchanged && clang_getCursorKind(var) == CXCursor_VarDecl
                              ? clang_Cursor_getVarDeclInitializer(var)
                              : clang_getNullCursor();
    if (!is_null(init) && clang_getCursorKind(strip_wrappers(init)) == CXCursor_InitListExpr) {
      list = strip_wrappers(init);
    }
  }
  if (is_null(list) || clang_getCursorKind(list) != CXCursor_InitListExpr) return std::nullopt;
  // A member also assigned (`w.base = ...` after `worker_t w = {0}`) is left to assigned_member.
  const auto& nodes = context_.tree().nodes;
  for (int index : context_.subject_events(field)) {
    if (change_of(context_, nodes[static_cast<size_t>(index)]).kind != Change::Kind::None) return std::nullopt;
  }
  const CXCursor element = braced_member(list, field);
  if (is_null(element) || is_null_pointer_constant(element)) return std::nullopt;
  return resolve_at(element, position, depth + 1);
}

std::vector<Alternative> StringResolver::bound_by_callers(const ResolvedString& value, int index, int depth) const {
  if (!has_slot(value.text) || depth >= 48) return {};
  const auto& nodes = context_.tree().nodes;
  int function = nodes[static_cast<size_t>(index)].parent;
  while (function >= 0 && !is_function_like(nodes[static_cast<size_t>(function)].kind)) {
    function = nodes[static_cast<size_t>(function)].parent;
  }
  if (function < 0) return {};
  const CXCursor cursor = nodes[static_cast<size_t>(function)].cursor;
  const std::vector<int>& sites = context_.call_sites(cursor);
  if (sites.empty() || sites.size() > 8) return {};
  std::vector<Alternative> bound;
  for (int site : sites) {
    bound.push_back({bind_arguments(value, cursor, nodes[static_cast<size_t>(site)].cursor, site, depth + 1), {}});
  }
  return bound;
}

std::optional<std::vector<Alternative>> StringResolver::assigned_member(CXCursor field, int depth) const {
  // `w.base = base ? base : "https://..."`, `cfg->root = "/api/2.0"`: each assignment to the
  // member (or printf-style write into it), on any object, is an alternative; any other change to
  // it, and it is unknown. A braced initializer of the record that sets it
  // (`Config c{"https://..."}`) is one more.
  const auto& nodes = context_.tree().nodes;
  std::vector<Alternative> alternatives;
  for (int list : context_.init_lists(clang_getCursorSemanticParent(field))) {
    const CXCursor element = braced_member(nodes[static_cast<size_t>(list)].cursor, field);
    if (is_null(element) || is_null_pointer_constant(element)) continue;  // left unset
    alternatives.push_back({resolve_at(element, list, depth + 1), {}});
  }
  for (int index : context_.subject_events(field)) {
    const Change change = change_of(context_, nodes[static_cast<size_t>(index)]);
    if (change.kind == Change::Kind::Other) return std::nullopt;
    if (change.kind == Change::Kind::Assign) {
      ResolvedString value = resolve_at(change.value, index, depth + 1);
      // `_root = root` in `initWithRoot:`: each call's argument, as for a constructor's (resolve_field).
      if (auto bound = bound_by_callers(value, index, depth); !bound.empty()) {
        alternatives.insert(alternatives.end(), bound.begin(), bound.end());
      } else {
        alternatives.push_back({std::move(value), {}});
      }
    }
    if (change.kind == Change::Kind::Write) {
      // `snprintf(cf->base, sizeof cf->base, "%s", value)` from a settings file.
      const auto args = call_arguments(change.value);
      const BufferWrite write = buffer_write(spelling(change.value), args.size(), [&](size_t i) {
        return i < args.size() ? resolve_at(args[i], index, depth + 1) : ResolvedString::wildcard();
      });
      alternatives.push_back({write.text, {}});
    }
  }
  if (alternatives.empty()) return std::nullopt;
  return alternatives;
}

namespace {

constexpr size_t kMaxRecordObjects = 64;

// The record a member belongs to and its index among the record's members; null when it has none.
std::pair<CXCursor, int> record_of(CXCursor field) {
  const CXCursor record = clang_getCursorSemanticParent(field);
  int index = 0;
  for (CXCursor member : children(record)) {
    if (clang_getCursorKind(member) != CXCursor_FieldDecl) continue;
    if (declaration_key(member) == declaration_key(field)) return {record, index};
    ++index;
  }
  return {clang_getNullCursor(), -1};
}

// The member of `record` at `index`.
CXCursor member_at(CXCursor record, int index) {
  for (CXCursor member : children(record)) {
    if (clang_getCursorKind(member) == CXCursor_FieldDecl && index-- == 0) return member;
  }
  return clang_getNullCursor();
}

// Whether a braced list gives nothing but zeros (`{0}`, `{}`, `{NULL}`): an object cleared before
// use, not one that describes a request.
bool only_zeros(CXCursor list) {
  for (CXCursor element : children(list)) {
    if (!is_null_pointer_constant(element) && evaluate_integer(strip_wrappers(element)).value_or("") != "0") return false;
  }
  return true;
}

}  // namespace

// The braced objects of `record` in this unit that describe something (not cleared ones).
std::vector<int> StringResolver::record_objects(CXCursor record) const {
  std::vector<int> out;
  for (int list : context_.init_lists(record)) {
    if (!only_zeros(context_.tree().nodes[static_cast<size_t>(list)].cursor)) out.push_back(list);
  }
  return out;
}

// `r.method` / `r->url` where `r` is a parameter whose record is made by several braced objects in
// this unit and whose members nothing assigns: a record slot, so that a request reads the method
// and the URL of one object together (value_expansion.cpp), not every method with every URL.
std::optional<ResolvedString> StringResolver::record_member_slot(CXCursor member_ref, CXCursor field) const {
  const auto parts = children(member_ref);
  const CXCursor object = parts.empty() ? clang_getNullCursor() : referenced_variable(parts.front());
  if (is_null(object) || clang_getCursorKind(object) != CXCursor_ParmDecl) return std::nullopt;
  const auto [record, index] = record_of(field);
  if (index < 0) return std::nullopt;
  const std::string key = declaration_key(record);
  if (record_objects(record).size() < 2) return std::nullopt;
  records_.emplace(key, record);
  return ResolvedString::constant(slot_text(record_slot_function(key), index));
}

// The values the member at `field` takes, one per braced object of the record (in source order,
// cleared objects left out):
// its element, else its default initializer, else ""; nullopt when the member is also assigned.
std::optional<std::vector<ResolvedString>> StringResolver::record_values(const std::string& slot_function,
                                                                         int field) const {
  const std::string prefix = record_slot_function("");
  const auto found = records_.find(slot_function.substr(prefix.size()));
  if (slot_function.rfind(prefix, 0) != 0 || found == records_.end()) return std::nullopt;
  const CXCursor record = found->second;
  const auto& nodes = context_.tree().nodes;
  const CXCursor member = member_at(record, field);
  const auto lists = record_objects(record);
  if (is_null(member) || lists.size() > kMaxRecordObjects) return std::nullopt;
  // A member also set after its object is made (`snprintf(req.path, ...)`) is not the braced value.
  for (int index : context_.subject_events(member)) {
    if (change_of(context_, nodes[static_cast<size_t>(index)]).kind != Change::Kind::None) return std::nullopt;
  }
  std::vector<ResolvedString> values;
  for (int list : lists) {
    const CXCursor element = braced_member(nodes[static_cast<size_t>(list)].cursor, member);
    const CXCursor given = is_null(element) || is_null_pointer_constant(element) ? field_initializer(member) : element;
    values.push_back(is_null(given) ? ResolvedString::constant("") : resolve_at(given, list, 1));
  }
  return values;
}

}  // namespace scopelint::extract

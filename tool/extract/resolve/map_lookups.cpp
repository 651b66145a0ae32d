// Maps of strings built from braced {key, value} lists, and sequences of pairs (part of
// StringResolver, see string_resolver.h). A lookup by a key known statically is that key's value;
// a range-for over the map or the pairs runs once per entry with `.first` and `.second` bound
// (loop_joins.cpp), as does a std::accumulate's lambda (string_joins.cpp). A map that anything may
// change, or a key known only at run time, stays unknown.
//
//   const std::map<std::string, std::string> kPaths = {{"codes", "/billing_codes/"}, ...};
//   cli.Get(kBase + kPaths.at("codes"));
//   for (const auto& kv : kScopeFor) scope << kv.second << ' ';
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/field_initializers.h"
#include "extract/resolve/braced_lists.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {
namespace {

const std::vector<std::string> kMaps = {"std::map", "std::unordered_map", "QMap", "QHash"};
const std::vector<std::string> kOrdered = {"std::map", "QMap"};

// Calls that read a map without changing it.
bool reads_map(const std::string& name) {
  static const std::vector<std::string> kReaders = {
      "at",   "find",   "value",   "count", "contains", "size",       "empty",    "isEmpty",
      "begin", "end", "cbegin", "cend", "constBegin", "constEnd", "keys", "values"};
  return std::find(kReaders.begin(), kReaders.end(), name) != kReaders.end();
}

// A sequence whose elements are pairs: `std::vector<std::pair<A, B>>`, an array of them, QList<QPair>.
bool holds_pairs(CXType type) {
  static const std::vector<std::string> kSequences = {"std::vector", "std::array", "std::initializer_list",
                                                      "QList", "QVector"};
  CXType canonical = clang_getCanonicalType(type);
  CXType element = clang_getArrayElementType(canonical);
  if (element.kind == CXType_Invalid) {
    if (!type_is_one_of(type, kSequences)) return false;
    element = clang_Type_getTemplateArgumentAsType(canonical, 0);
  }
  return element.kind != CXType_Invalid && type_is_one_of(element, {"std::pair", "QPair"});
}

// Keys in the map's order: numbers by value, strings by their text.
bool key_before(const std::string& a, const std::string& b) {
  const bool number_a = a[0] == '#', number_b = b[0] == '#';
  if (number_a != number_b) return number_a;
  if (number_a) return std::stoll(a.substr(1)) < std::stoll(b.substr(1));
  return a < b;
}

}  // namespace

std::string StringResolver::first_key(CXCursor var) { return declaration_key(var) + "#first"; }

std::optional<std::string> StringResolver::key_identity(CXCursor key, int position, int depth) const {
  if (is_integral(clang_getCursorType(strip_wrappers(key)))) {
    const auto number = integer_of(key, position, depth + 1);
    return number ? std::optional<std::string>("#" + std::to_string(*number)) : std::nullopt;
  }
  const ResolvedString text = resolve_at(key, position, depth + 1);
  if (!text.known || text.text.find(kWildcard) != std::string::npos) return std::nullopt;
  return "s" + text.text;
}

CXCursor StringResolver::unchanged_container(CXCursor expr) const {
  CXCursor var = referenced_variable(strip_wrappers(expr));
  const CXCursorKind kind = is_null(var) ? CXCursor_NoDeclFound : clang_getCursorKind(var);
  if (kind != CXCursor_VarDecl && kind != CXCursor_FieldDecl) return clang_getNullCursor();
  CXCursor definition = kind == CXCursor_VarDecl ? clang_getCursorDefinition(var) : clang_getNullCursor();
  if (!is_null(definition)) var = definition;
  if (clang_isConstQualifiedType(clang_getCursorType(var))) return var;
  // Not const: known only while nothing but reads and lookups is done to it.
  const auto& nodes = context_.tree().nodes;
  for (int index : context_.subject_events(var)) {
    const auto& node = nodes[static_cast<size_t>(index)];
    if (!is_call(node.kind) || !reads_map(spelling(node.cursor))) return clang_getNullCursor();
  }
  for (int use : context_.argument_uses(var)) {
    if (!passes_read_only(nodes[static_cast<size_t>(use)].cursor, var)) return clang_getNullCursor();
  }
  return var;
}

// What a container is made from: a variable's initializer; a member's default initializer, or
// the one constructor initializer that gives it a value.
CXCursor StringResolver::container_initializer(CXCursor var) const {
  if (clang_getCursorKind(var) != CXCursor_FieldDecl) return clang_Cursor_getVarDeclInitializer(var);
  const CXCursor initializer = field_initializer(var);
  const auto& given = context_.member_initializers(var);
  if (!is_null(initializer)) return given.empty() ? initializer : clang_getNullCursor();
  return given.size() == 1 ? context_.tree().nodes[static_cast<size_t>(given.front())].cursor : clang_getNullCursor();
}

std::optional<std::vector<StringResolver::MapEntry>> StringResolver::map_entries(CXCursor map, int depth) const {
  const bool pairs = holds_pairs(clang_getCursorType(strip_wrappers(map)));
  if (depth > 96 || (!type_is_one_of(clang_getCursorType(strip_wrappers(map)), kMaps) && !pairs)) return std::nullopt;
  const CXCursor var = unchanged_container(map);
  if (is_null(var)) return std::nullopt;
  const CXCursor init = container_initializer(var);
  const CXCursor list = is_null(init) ? init : braced_list(init);
  if (is_null(list)) return std::nullopt;
  const int position = is_local_variable(var) ? context_.node_index(var) : -1;
  std::vector<MapEntry> entries;
  bool all_keys_known = true;
  for (CXCursor item : children(list)) {
    const auto entry = braced_entry(item);
    if (!entry || entries.size() >= 64) return std::nullopt;
    // Pairs are taken in order: their keys are not compared.
    auto key = pairs ? std::nullopt : key_identity(entry->first, position, depth + 1);
    all_keys_known = all_keys_known && key.has_value();
    // In a map, the first of two equal keys is the one kept.
    const auto same = [&](const MapEntry& e) { return key && e.key == key; };
    if (!pairs && std::any_of(entries.begin(), entries.end(), same)) continue;
    entries.push_back({std::move(key), entry->first, entry->second, position});
  }
  if (!pairs && all_keys_known && type_is_one_of(clang_getCursorType(var), kOrdered)) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const MapEntry& a, const MapEntry& b) { return key_before(*a.key, *b.key); });
  }
  return entries;
}

std::optional<StringResolver::EntryValues> StringResolver::entry_values(CXCursor container, int depth) const {
  const auto entries = map_entries(container, depth);
  if (!entries) return std::nullopt;
  EntryValues out;
  for (const auto& entry : *entries) {
    out.keys.push_back(resolve_at(entry.key_expr, entry.position, depth + 1));
    out.values.push_back(resolve_at(entry.value_expr, entry.position, depth + 1));
  }
  return out;
}

std::optional<ResolvedString> StringResolver::map_lookup(CXCursor map, CXCursor key, int position,
                                                         int depth) const {
  if (!type_is_one_of(clang_getCursorType(strip_wrappers(map)), kMaps)) return std::nullopt;
  const auto wanted = key_identity(key, position, depth + 1);
  if (!wanted) return std::nullopt;
  const auto entries = map_entries(map, depth + 1);
  if (!entries) return std::nullopt;
  for (const auto& entry : *entries) {
    if (entry.key == wanted) return resolve_at(entry.value_expr, entry.position, depth + 1);
  }
  return std::nullopt;
}

std::optional<ResolvedString> StringResolver::pair_member(CXCursor member_ref, CXCursor field, int position,
                                                          int depth) const {
  const std::string name = spelling(field);
  const auto parts = children(member_ref);
  if ((name != "first" && name != "second") || parts.empty()) return std::nullopt;
  const CXCursor object = strip_wrappers(parts.front());
  // A loop's entry of a map (or a lambda's pair), while it is run: its key is bound beside it.
  CXCursor var = referenced_variable(object);
  if (!is_null(var)) {
    if (const ResolvedString* key = bound_to(first_key(var))) return name == "first" ? *key : *bound_value(var);
    // A range-for's entry outside a run: a loop slot, one request per entry (loop_values).
    const std::string loop = declaration_key(var);
    if (is_null(context_.loop_range(loop))) return std::nullopt;
    return ResolvedString::constant(
        slot_text(loop_slot_function(loop), name == "first" ? kLoopEntryFirst : kLoopEntrySecond));
  }
  // `m.find(k)->second`
  if (!is_call(clang_getCursorKind(object)) || spelling(object) != "operator->") return std::nullopt;
  const auto arrow = call_arguments(object);
  const CXCursor found = strip_wrappers(arrow.empty() ? member_call_object(object) : arrow[0]);
  if (!is_call(clang_getCursorKind(found)) || spelling(found) != "find" ||
      call_arguments(found).size() != 1) {
    return std::nullopt;
  }
  const CXCursor key = call_arguments(found)[0];
  auto value = map_lookup(member_call_object(found), key, position, depth + 1);
  if (!value || name == "second") return value;
  return resolve_at(key, position, depth + 1);  // the key found is the key looked up
}

}  // namespace scopelint::extract

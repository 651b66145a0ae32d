// Elements picked by index, and loops that count through a container (part of StringResolver, see
// string_resolver.h): `kScopes[2]`, and
//
//   for (size_t i = 0; i < kScopes.size(); ++i) { if (i > 0) scope += ' '; scope += kScopes[i]; }
//
// run once per index with the counter bound, its tests (`i > 0`, `i + 1 < n`, `i ? " " : ""`)
// decided on the running value, as loop_joins.cpp does for a range-for. Also the integers of a
// known string (`rel.size() - 1`, `url.find("/api")`) and the `substr` they cut.
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {
namespace {

constexpr long long kMaxIterations = 64;

std::optional<long long> parse_integer(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  size_t i = text[0] == '-' ? 1 : 0;
  if (i == text.size()) return std::nullopt;
  for (size_t k = i; k < text.size(); ++k) {
    if (text[k] < '0' || text[k] > '9') return std::nullopt;
  }
  return std::stoll(text);
}

}  // namespace

std::optional<long long> StringResolver::integer_of(CXCursor expr, int position, int depth) const {
  if (depth > 96) return std::nullopt;
  expr = strip_wrappers(expr);
  if (auto constant = evaluate_integer(expr)) return parse_integer(*constant);
  const CXCursorKind kind = clang_getCursorKind(expr);
  if (kind == CXCursor_DeclRefExpr) {
    // A loop counter while the loop is run.
    CXCursor var = referenced_variable(expr);
    const ResolvedString* bound = is_null(var) ? nullptr : bound_value(var);
    return bound && bound->known ? parse_integer(bound->text) : std::nullopt;
  }
  if (kind == CXCursor_BinaryOperator) {
    const auto kids = children(expr);
    const std::string op = binary_operator_token(context_.tu(), expr);
    if (kids.size() != 2 || (op != "+" && op != "-")) return std::nullopt;
    const auto a = integer_of(kids[0], position, depth + 1);
    const auto b = integer_of(kids[1], position, depth + 1);
    if (!a || !b) return std::nullopt;
    return op == "+" ? *a + *b : *a - *b;
  }
  if (is_call(kind)) {
    // `v.size()`, `std::size(a)`: the count of a container whose elements are known.
    const std::string name = spelling(expr);
    const auto args = call_arguments(expr);
    CXCursor container = clang_getNullCursor();
    if ((name == "size" || name == "length") && args.empty()) container = member_call_object(expr);
    if (name == "size" && args.size() == 1 && callee_name(expr) == "std::size") container = args[0];
    const bool from_start = args.size() == 1 || (args.size() == 2 && integer_of(args[1], position, depth + 1) == 0);
    if (name == "find" && from_start && is_stringish_type(clang_getCursorType(member_call_object(expr)))) {
      return found_at(member_call_object(expr), args[0], position, depth);
    }
    if (is_null(container)) return std::nullopt;
    if (is_stringish_type(clang_getCursorType(container))) {  // a string's length, when all of it is known
      const ResolvedString text = resolve_at(container, position, depth + 1);
      if (!text.known || text.text.find(kWildcard) != std::string::npos || has_slot(text.text)) return std::nullopt;
      return static_cast<long long>(text.text.size());
    }
    const auto items = resolve_elements(container, position, depth + 1);
    if (!items) return std::nullopt;
    return static_cast<long long>(items->size());
  }
  return std::nullopt;
}

std::optional<bool> StringResolver::decide_count(CXCursor condition) const {
  condition = strip_wrappers(condition);
  const CXCursorKind kind = clang_getCursorKind(condition);
  if (kind == CXCursor_DeclRefExpr) {
    const auto value = integer_of(condition, -1, 0);
    return value ? std::optional<bool>(*value != 0) : std::nullopt;
  }
  if (kind != CXCursor_BinaryOperator) return std::nullopt;
  const auto kids = children(condition);
  const std::string op = binary_operator_token(context_.tu(), condition);
  if (kids.size() != 2) return std::nullopt;
  const auto a = integer_of(kids[0], -1, 0);
  const auto b = a ? integer_of(kids[1], -1, 0) : std::nullopt;
  if (!a || !b) return std::nullopt;
  if (op == "<") return *a < *b;
  if (op == "<=") return *a <= *b;
  if (op == ">") return *a > *b;
  if (op == ">=") return *a >= *b;
  if (op == "==") return *a == *b;
  if (op == "!=") return *a != *b;
  return std::nullopt;
}

std::optional<ResolvedString> StringResolver::resolve_subscript(CXCursor container, CXCursor index, int position,
                                                                int depth) const {
  // A map's subscript is a key.
  if (auto value = map_lookup(container, index, position, depth + 1)) return value;
  const CXType type = clang_getCanonicalType(clang_getCursorType(strip_wrappers(container)));
  static const std::vector<std::string> kSequences = {"std::array", "std::vector", "std::initializer_list",
                                                      "QList", "QStringList", "QVector"};
  const bool array = type.kind == CXType_ConstantArray || type.kind == CXType_IncompleteArray ||
                     type.kind == CXType_Pointer;
  if (!array && !type_is_one_of(clang_getCursorType(strip_wrappers(container)), kSequences)) return std::nullopt;
  const auto at = integer_of(index, position, depth + 1);
  if (!at || *at < 0) return std::nullopt;
  const auto items = resolve_elements(container, position, depth + 1);
  if (!items || static_cast<size_t>(*at) >= items->size()) return std::nullopt;
  return (*items)[static_cast<size_t>(*at)];
}

std::optional<StringResolver::LoopRun> StringResolver::index_loop_run(CXCursor loop, int depth) const {
  // for (T i = start; i < bound; ++i) body (or `i = start` on a counter declared before, as C89
  // writes it), with start and bound known.
  const auto kids = children(loop);
  if (kids.size() != 4) return std::nullopt;
  CXCursor counter = clang_getNullCursor(), start_expr = clang_getNullCursor();
  if (clang_getCursorKind(kids[0]) == CXCursor_DeclStmt) {
    const auto declared = children(kids[0]);
    if (declared.size() != 1 || clang_getCursorKind(declared[0]) != CXCursor_VarDecl) return std::nullopt;
    counter = declared[0];
    start_expr = clang_Cursor_getVarDeclInitializer(counter);
  } else if (clang_getCursorKind(kids[0]) == CXCursor_BinaryOperator &&
             binary_operator_token(context_.tu(), kids[0]) == "=") {
    const auto sides = children(kids[0]);
    counter = sides.size() == 2 ? referenced_variable(sides[0]) : clang_getNullCursor();
    if (is_null(counter) || clang_getCursorKind(counter) != CXCursor_VarDecl) return std::nullopt;
    start_expr = sides[1];
  } else {
    return std::nullopt;
  }
  const auto start = is_null(start_expr) ? std::nullopt : integer_of(start_expr, -1, depth + 1);
  const CXCursor condition = strip_wrappers(kids[1]);
  const auto tested = children(condition);
  const std::string op = clang_getCursorKind(condition) == CXCursor_BinaryOperator
                             ? binary_operator_token(context_.tu(), condition)
                             : "";
  if (!start || tested.size() != 2 || !refers_to_variable(tested[0], counter) || (op != "<" && op != "!=" && op != "<=")) {
    return std::nullopt;
  }
  const auto bound = integer_of(tested[1], context_.node_index(loop), depth + 1);
  const auto step = token_spellings(context_.tu(), kids[2]);
  const std::string name = spelling(counter);
  const bool increments = step == std::vector<std::string>{"++", name} || step == std::vector<std::string>{name, "++"} ||
                          step == std::vector<std::string>{name, "+=", "1"};
  if (!bound || !increments) return std::nullopt;
  const long long first = start.value_or(0);  // known here (value_or: GCC's maybe-uninitialized)
  const long long end = op == "<=" ? *bound + 1 : *bound;
  if (end - first > kMaxIterations) return std::nullopt;
  std::vector<ResolvedString> counts;
  for (long long i = first; i < end; ++i) counts.push_back(ResolvedString::constant(std::to_string(i)));
  return LoopRun{counter, kids[3], std::move(counts), {}};
}

CXCursor container_of_call(CXCursor expr, std::initializer_list<const char*> names) {
  CXCursor call = strip_wrappers(expr);
  if (is_call(clang_getCursorKind(call)) && call_arguments(call).size() == 1 &&
      clang_getCursorKind(callee_of(call)) == CXCursor_Constructor) {
    call = strip_wrappers(call_arguments(call).front());
  }
  if (!is_call(clang_getCursorKind(call)) || !call_arguments(call).empty()) return clang_getNullCursor();
  for (const char* name : names) {
    if (spelling(call) == name) return member_call_object(call);
  }
  return clang_getNullCursor();
}


// for (auto it = c.begin(); it != c.end(); ++it) body, over a container whose elements are known:
// `it` is bound to each element in turn, and `*it` reads it.
std::optional<StringResolver::LoopRun> StringResolver::iterator_loop_run(CXCursor loop, int depth) const {
  const auto kids = children(loop);
  if (kids.size() != 4 || clang_getCursorKind(kids[0]) != CXCursor_DeclStmt) return std::nullopt;
  const auto declared = children(kids[0]);
  if (declared.size() != 1 || clang_getCursorKind(declared[0]) != CXCursor_VarDecl) return std::nullopt;
  const CXCursor it = declared[0];
  const CXCursor container = container_of_call(clang_Cursor_getVarDeclInitializer(it), {"begin", "cbegin"});
  const CXCursor tested = strip_wrappers(kids[1]);
  const auto sides = spelling(tested) == "operator!=" ? call_arguments(tested) : children(tested);
  if (is_null(container) || sides.size() != 2 || !refers_to_variable(sides[0], it)) return std::nullopt;
  const CXCursor end = container_of_call(sides[1], {"end", "cend"});
  const std::string name = spelling(it);
  const auto step = token_spellings(context_.tu(), kids[2]);
  if (is_null(end) || !refers_to_variable(end, referenced_variable(container)) ||
      (step != std::vector<std::string>{"++", name} && step != std::vector<std::string>{name, "++"})) {
    return std::nullopt;
  }
  auto items = resolve_elements(container, context_.node_index(loop), depth + 1);
  if (!items || static_cast<long long>(items->size()) > kMaxIterations) return std::nullopt;
  return LoopRun{it, kids[3], std::move(*items), {}};
}

std::optional<bool> StringResolver::decide_first_run(CXCursor condition) const {
  const std::string name = spelling(condition);
  std::string op;
  std::vector<CXCursor> sides;
  if (is_call(clang_getCursorKind(condition)) && (name == "operator==" || name == "operator!=")) {
    op = name.substr(8);
    sides = call_arguments(condition);
  } else if (clang_getCursorKind(condition) == CXCursor_BinaryOperator) {
    op = binary_operator_token(context_.tu(), condition);
    sides = children(condition);
  }
  if ((op != "==" && op != "!=") || sides.size() != 2) return std::nullopt;
  for (int side = 0; side < 2; ++side) {
    const CXCursor it = referenced_variable(sides[static_cast<size_t>(side)]);
    const ResolvedString* run = is_null(it) ? nullptr : bound_to(run_key(it));
    if (!run || is_null(container_of_call(sides[static_cast<size_t>(1 - side)], {"begin", "cbegin"}))) continue;
    return (run->text == "0") == (op == "==");
  }
  return std::nullopt;
}

// `s.substr(pos, n)` of a string known in full, with a position and a count known statically.
std::optional<ResolvedString> StringResolver::substring(const ResolvedString& text, const std::vector<CXCursor>& args,
                                                        int position, int depth) const {
  if (!text.known || text.text.find(kWildcard) != std::string::npos || has_slot(text.text)) return std::nullopt;
  const auto from = integer_of(args[0], position, depth + 1);
  if (!from || *from < 0 || static_cast<size_t>(*from) > text.text.size()) return std::nullopt;
  const size_t begin = static_cast<size_t>(*from);
  size_t end = text.text.size();
  if (args.size() == 2) {
    const auto count = integer_of(args[1], position, depth + 1);
    if (!count || *count < 0) return std::nullopt;  // npos reads as -1
    end = std::min(end, begin + static_cast<size_t>(*count));
  }
  return text.slice(begin, end);
}

// `s.find(x)` of a string and a needle known in full: where the needle starts; -1 when it is not
// found (a position substr then refuses).
std::optional<long long> StringResolver::found_at(CXCursor text, CXCursor needle, int position, int depth) const {
  const ResolvedString haystack = resolve_at(text, position, depth + 1);
  const ResolvedString wanted = resolve_at(needle, position, depth + 1);
  for (const ResolvedString* value : {&haystack, &wanted}) {
    if (!value->known || value->text.find(kWildcard) != std::string::npos || has_slot(value->text)) return std::nullopt;
  }
  const size_t at = haystack.text.find(wanted.text);
  return at == std::string::npos ? -1 : static_cast<long long>(at);
}

}  // namespace scopelint::extract

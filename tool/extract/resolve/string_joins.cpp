// Strings joined from a container of constants (part of StringResolver, see string_resolver.h):
//
//   scopes.join(' ')                                      // StringApis::joiners, and the table
//   below std::accumulate(std::next(v.begin()), v.end(), v[0],
//                   [](std::string a, const std::string& b) { return a + " " + b; })
//
// The lambda's return is resolved with its parameters bound to the running value and the element.
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {
namespace {

// Joiners of general-purpose libraries that no HTTP library model owns.
const std::vector<JoinerModel>& general_joiners() {
  static const std::vector<JoinerModel> kJoiners = {{"boost::algorithm::join", 0u, 1, std::nullopt},
                                                    {"absl::StrJoin", 0u, 1, std::nullopt}};
  return kJoiners;
}

// The container an iterator expression starts at, and how far into it: `v.begin()`,
// `std::begin(v)`, `std::next(v.begin())`, `std::next(v.begin(), 2)`, `v.begin() + 1`.
std::optional<std::pair<CXCursor, long long>> iterator_of(CXCursor expr, const char* begin_name) {
  expr = strip_wrappers(expr);
  // `v.begin() + 1`: an operator call on a class iterator, a built-in `+` on a pointer.
  std::vector<CXCursor> sum;
  if (clang_getCursorKind(expr) == CXCursor_BinaryOperator &&
      binary_operator_token(clang_Cursor_getTranslationUnit(expr), expr) == "+") {
    sum = children(expr);
  } else if (is_call(clang_getCursorKind(expr)) && spelling(expr) == "operator+") {
    sum = call_arguments(expr);
  }
  if (sum.size() == 2 && std::string(begin_name) == "begin") {
    const auto inner = iterator_of(sum[0], begin_name);
    const auto step = evaluate_integer(strip_wrappers(sum[1]));
    if (!inner || !step || step->empty() || step->size() > 6 || step->find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return std::pair{inner->first, inner->second + std::stoll(*step)};
  }
  if (!is_call(clang_getCursorKind(expr))) return std::nullopt;
  const std::string name = spelling(expr);
  // Written arguments: std::next's default step is not one.
  const auto args = written_arguments(clang_Cursor_getTranslationUnit(expr), expr);
  const std::string wanted = begin_name;
  CXCursor object = member_call_object(expr);
  if ((name == wanted || name == "c" + wanted) && args.empty() && !is_null(object))
    return std::pair{object, 0LL};
  if ((name == wanted || name == "c" + wanted) && args.size() == 1 &&
      callee_name(expr).rfind("std::", 0) == 0) {
    return std::pair{args[0], 0LL};
  }
  if (name == "next" && wanted == "begin" && (args.size() == 1 || args.size() == 2)) {
    auto inner = iterator_of(args[0], begin_name);
    if (!inner) return std::nullopt;
    long long step = 1;
    if (args.size() == 2) {
      const auto tokens = token_spellings(clang_Cursor_getTranslationUnit(args[1]), args[1]);
      if (tokens.size() != 1 || tokens[0].find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
      step = std::stoll(tokens[0]);
    }
    return std::pair{inner->first, inner->second + step};
  }
  return std::nullopt;
}

// `begin`..`end` over one container variable: the container, the variable it names, and how many
// elements `begin` skips (`std::next(v.begin())`).
struct IteratorRange {
  CXCursor container;
  CXCursor var;
  long long skipped = 0;
};

std::optional<IteratorRange> iterator_range(CXCursor begin, CXCursor end) {
  const auto first = iterator_of(begin, "begin");
  const auto last = iterator_of(end, "end");
  if (!first || !last || last->second != 0) return std::nullopt;
  const CXCursor container = strip_wrappers(first->first);
  const CXCursor var = referenced_variable(container);
  if (is_null(var) || !refers_to_variable(last->first, var)) return std::nullopt;
  return IteratorRange{container, var, first->second};
}

// Whether `expr` is the first element of `container`: `v[0]`, `v.front()`, `v.first()`, `v.at(0)`.
bool is_first_element(CXCursor expr, CXCursor container) {
  expr = strip_wrappers(expr);
  for (int guard = 0; guard < 4 && is_call(clang_getCursorKind(expr)) &&
                      clang_getCursorKind(callee_of(expr)) == CXCursor_Constructor &&
                      call_arguments(expr).size() == 1;
       ++guard) {
    expr = strip_wrappers(call_arguments(expr)[0]);
  }
  if (!is_call(clang_getCursorKind(expr))) return false;
  const std::string name = spelling(expr);
  const auto args = call_arguments(expr);
  const auto is_zero = [](CXCursor index) {
    const auto tokens = token_spellings(clang_Cursor_getTranslationUnit(index), index);
    return tokens.size() == 1 && tokens[0] == "0";
  };
  if (name == "operator[]" && args.size() == 2)
    return refers_to_variable(args[0], container) && is_zero(args[1]);
  CXCursor object = member_call_object(expr);
  if ((name == "front" || name == "first") && args.empty()) return refers_to_variable(object, container);
  if (name == "at" && args.size() == 1) return refers_to_variable(object, container) && is_zero(args[0]);
  return false;
}

// The lambda an accumulate's operation names: written in place, or a local `auto join = [...]`.
CXCursor lambda_of(CXCursor expr) {
  expr = strip_wrappers(expr);
  for (int guard = 0; guard < 4 && clang_getCursorKind(expr) != CXCursor_LambdaExpr; ++guard) {
    CXCursor var = referenced_variable(expr);
    if (!is_null(var) && clang_getCursorKind(var) == CXCursor_VarDecl && is_local_variable(var) &&
        clang_isConstQualifiedType(clang_getCursorType(var))) {
      expr = strip_wrappers(clang_Cursor_getVarDeclInitializer(var));
    } else if (is_call(clang_getCursorKind(expr)) && call_arguments(expr).size() == 1) {
      expr = strip_wrappers(call_arguments(expr)[0]);  // the closure's copy constructor
    } else {
      break;
    }
  }
  return clang_getCursorKind(expr) == CXCursor_LambdaExpr ? expr : clang_getNullCursor();
}

// Whether a value is empty: nullopt when only run-time parts (which may be empty) are left.
std::optional<bool> is_empty(const ResolvedString& value) {
  const std::string text = wildcard_slots(value.text);
  if (text.empty()) return true;
  std::string rest = text;
  for (size_t at; (at = rest.find(kWildcard)) != std::string::npos;) rest.erase(at, 2);
  if (!rest.empty()) return false;
  return std::nullopt;
}

}  // namespace

const ResolvedString* StringResolver::bound_value(CXCursor var) const {
  return bindings_.empty() ? nullptr : bound_to(declaration_key(var));
}

const ResolvedString* StringResolver::bound_to(const std::string& key) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->first == key) return &it->second;
  }
  return nullptr;
}

size_t StringResolver::bind(CXCursor var, ResolvedString value) const {
  bindings_.emplace_back(declaration_key(var), std::move(value));
  return bindings_.size() - 1;
}

std::optional<bool> StringResolver::decide(CXCursor condition) const {
  condition = strip_wrappers(condition);
  if (auto counted = decide_count(condition)) return counted;
  if (auto first = decide_first_run(condition)) return first;
  const CXCursorKind kind = clang_getCursorKind(condition);
  if (kind == CXCursor_UnaryOperator) {
    const auto tokens = token_spellings(context_.tu(), condition);
    auto kids = children(condition);
    if (tokens.empty() || tokens[0] != "!" || kids.size() != 1) return std::nullopt;
    auto inner = decide(kids[0]);
    return inner ? std::optional<bool>(!*inner) : std::nullopt;
  }
  if (kind == CXCursor_BinaryOperator) {
    // `s.size() > 0`, `os.tellp() != 0`, `s.length() == 0` on the running value.
    const auto kids = children(condition);
    const std::string op = binary_operator_token(context_.tu(), condition);
    if (kids.size() != 2 || evaluate_integer(strip_wrappers(kids[1])).value_or("") != "0") return std::nullopt;
    const auto empty = bound_emptiness(kids[0], {"size", "length", "tellp"});
    if (!empty) return std::nullopt;
    if (op == ">" || op == "!=") return !*empty;
    if (op == "==" || op == "<=") return *empty;
    return std::nullopt;
  }
  return bound_emptiness(condition, {"empty", "isEmpty"});
}

std::optional<bool> StringResolver::bound_emptiness(CXCursor call, const std::vector<std::string>& names) const {
  call = strip_wrappers(call);
  // A conversion (`streampos` to an integer) of the call.
  if (is_call(clang_getCursorKind(call)) && spelling(call).rfind("operator ", 0) == 0)
    call = member_call_object(call);
  if (!is_call(clang_getCursorKind(call)) || !call_arguments(call).empty() ||
      std::find(names.begin(), names.end(), spelling(call)) == names.end()) {
    return std::nullopt;
  }
  CXCursor object = strip_wrappers(member_call_object(call));
  // `os.str().empty()`: the stream's text.
  if (is_call(clang_getCursorKind(object)) && spelling(object) == "str" && call_arguments(object).empty())
    object = strip_wrappers(member_call_object(object));
  CXCursor var = referenced_variable(object);
  const ResolvedString* value = is_null(var) ? nullptr : bound_value(var);
  return value ? is_empty(*value) : std::nullopt;
}

std::optional<ResolvedString> StringResolver::apply_lambda(CXCursor lambda, const ResolvedString& a,
                                                           const ResolvedString& b, int position, int depth,
                                                           const ResolvedString* b_first) const {
  std::vector<CXCursor> parameters;
  CXCursor body = clang_getNullCursor();
  for (CXCursor kid : children(lambda)) {
    if (clang_getCursorKind(kid) == CXCursor_ParmDecl) parameters.push_back(kid);
    if (clang_getCursorKind(kid) == CXCursor_CompoundStmt) body = kid;
  }
  if (parameters.size() != 2 || is_null(body)) return std::nullopt;
  const auto statements = children(body);
  if (statements.size() != 1 || clang_getCursorKind(statements[0]) != CXCursor_ReturnStmt)
    return std::nullopt;
  const auto returned = children(statements[0]);
  if (returned.size() != 1) return std::nullopt;
  const size_t before = bindings_.size();
  bind(parameters[0], a);
  if (b_first) bindings_.emplace_back(first_key(parameters[1]), *b_first);
  bind(parameters[1], b);
  ResolvedString value = resolve_at(returned[0], position, depth + 1);
  unbind_to(before);
  return value;
}

std::optional<ResolvedString> StringResolver::resolve_join(CXCursor call, const std::string& name,
                                                           int position, int depth) const {
  const auto& models = context_.models().strings.joiners;
  auto matches = [&](const JoinerModel& joiner) { return joiner.function == name; };
  auto joiner = std::find_if(models.begin(), models.end(), matches);
  if (joiner == models.end()) {
    joiner = std::find_if(general_joiners().begin(), general_joiners().end(), matches);
    if (joiner == general_joiners().end()) return std::nullopt;
  }
  const auto args = call_arguments(call);
  if (joiner->begin && *joiner->begin + 1 < args.size() && joiner->separator < args.size()) {
    const auto items = range_elements(args[*joiner->begin], args[*joiner->begin + 1], context_.node_index(call), depth);
    if (!items) return ResolvedString::wildcard();
    return joined(*items, resolve_at(args[joiner->separator], position, depth + 1), false);
  }
  const CXCursor list =
      joiner->list ? (*joiner->list < args.size() ? args[*joiner->list] : clang_getNullCursor())
                   : member_call_object(call);
  if (is_null(list) || joiner->separator >= args.size()) return ResolvedString::wildcard();
  const int at = context_.node_index(call);
  auto items = resolve_elements(list, at, depth + 1);
  if (!items) return ResolvedString::wildcard();
  return joined(*items, resolve_at(args[joiner->separator], position, depth + 1), false);
}

std::optional<std::vector<ResolvedString>> StringResolver::range_elements(CXCursor begin, CXCursor end, int position,
                                                                          int depth) const {
  // Both ends of one container variable, from its start.
  const auto range = iterator_range(begin, end);
  if (!range || range->skipped != 0) return std::nullopt;
  return resolve_elements(range->container, position, depth + 1);
}

ResolvedString StringResolver::joined(const std::vector<ResolvedString>& items, const ResolvedString& separator,
                                      bool after_each) const {
  ResolvedString value = ResolvedString::constant("");
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0 && !after_each) value.append(separator);
    value.append(items[i]);
    if (after_each) value.append(separator);
  }
  return value;
}

std::optional<ResolvedString> StringResolver::copied_into_stream(int event, int depth) const {
  // `std::copy(v.begin(), v.end(), std::ostream_iterator<std::string>(out, " "))`: each element
  // then the separator (the iterator's constructor is the event on `out`).
  // The copy is a call around the constructor, past the temporary's own constructions (the fifth
  // call up at most).
  const auto& nodes = context_.tree().nodes;
  int up = nodes[static_cast<size_t>(event)].parent;
  for (int calls = 0; up >= 0; up = nodes[static_cast<size_t>(up)].parent) {
    if (!is_call(nodes[static_cast<size_t>(up)].kind)) continue;
    if (spelling(nodes[static_cast<size_t>(up)].cursor) == "copy" || ++calls == 5) break;
  }
  if (up < 0 || callee_name(nodes[static_cast<size_t>(up)].cursor) != "std::copy") return std::nullopt;
  const auto args = call_arguments(nodes[static_cast<size_t>(up)].cursor);
  const auto ctor_args = call_arguments(nodes[static_cast<size_t>(event)].cursor);
  if (args.size() != 3 || ctor_args.empty() || ctor_args.size() > 2) return std::nullopt;
  const auto items = range_elements(args[0], args[1], up, depth);
  if (!items) return std::nullopt;
  const ResolvedString separator =
      ctor_args.size() == 2 ? resolve_at(ctor_args[1], event, depth + 1) : ResolvedString::constant("");
  // An ostream_iterator writes the delimiter after each element, an ostream_joiner between them.
  return joined(*items, separator, spelling(nodes[static_cast<size_t>(event)].cursor) == "ostream_iterator");
}

std::optional<ResolvedString> StringResolver::resolve_accumulate(CXCursor call, int position,
                                                                 int depth) const {
  const auto args = call_arguments(call);
  if (args.size() != 3 && args.size() != 4) return std::nullopt;
  const auto range = iterator_range(args[0], args[1]);
  if (!range) return std::nullopt;
  // Pairs (`{"patients", "read"}`): the lambda reads `.first` and `.second` of each.
  std::optional<std::vector<ResolvedString>> items;
  std::vector<ResolvedString> firsts;
  if (auto entries = entry_values(range->container, depth + 1)) {
    items = std::move(entries->values);
    firsts = std::move(entries->keys);
  } else {
    items = resolve_elements(range->container, context_.node_index(call), depth + 1);
  }
  if (!items || range->skipped > static_cast<long long>(items->size())) return std::nullopt;
  ResolvedString value;
  if (is_first_element(args[2], range->var)) {
    if (items->empty()) return std::nullopt;  // v[0] of an empty container
    value = items->front();
  } else {
    value = resolve_at(args[2], position, depth + 1);
  }
  const CXCursor lambda = args.size() == 4 ? lambda_of(args[3]) : clang_getNullCursor();
  if (args.size() == 4 && is_null(lambda)) return std::nullopt;
  for (size_t i = static_cast<size_t>(range->skipped); i < items->size(); ++i) {
    if (is_null(lambda)) {
      value.append((*items)[i]);
      continue;
    }
    auto next = apply_lambda(lambda, value, (*items)[i], position, depth, i < firsts.size() ? &firsts[i] : nullptr);
    if (!next) return std::nullopt;
    value = std::move(*next);
  }
  return value;
}

}  // namespace scopelint::extract

// Values set up at run time the way configuration is (part of StringResolver, string_resolver.h):
// a global assigned in one function (`g_base = getenv(...)` in main) and a setting with a default
// (`if (!base) base = "https://app.elationemr.com/api/2.0";`, `env ? env : "default"`).
#include <algorithm>
#include <cctype>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/buffer_writes.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

using Words = std::vector<std::string>;

// `words` without the parentheses around the whole.
Words unwrapped(Words words) {
  while (words.size() >= 2 && words.front() == "(" && words.back() == ")") {
    int level = 0;
    bool outer = true;
    for (size_t i = 0; i + 1 < words.size() && outer; ++i) {
      if (words[i] == "(") ++level;
      if (words[i] == ")") --level;
      outer = level > 0;
    }
    if (!outer) break;
    words = Words(words.begin() + 1, words.end() - 1);
  }
  return words;
}

// Top-level parts of `words` between `separator`s.
std::vector<Words> split_top(const Words& words, const std::string& separator) {
  std::vector<Words> parts(1);
  int level = 0;
  for (const std::string& word : words) {
    if (word == "(" || word == "[" || word == "{") ++level;
    if (word == ")" || word == "]" || word == "}") --level;
    if (level == 0 && word == separator) {
      parts.emplace_back();
      continue;
    }
    parts.back().push_back(word);
  }
  return parts;
}

bool is_nothing(const Words& words) {
  static const Words kNothing = {"NULL", "nullptr", "0", "\"\"", "'\\0'", "Q_NULLPTR"};
  return words.size() == 1 && std::find(kNothing.begin(), kNothing.end(), words.front()) != kNothing.end();
}

Words concat(Words a, const Words& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// What a test of a C string's value reads: `s`, `*s`, `s[0]`, `strlen(s)`.
std::vector<Words> forms_of(const Words& subject) {
  return {subject, concat({"*"}, subject), concat(subject, {"[", "0", "]"}),
          concat(concat({"strlen", "("}, subject), {")"})};
}

// Whether `words` is true exactly when `subject` holds no value: `!s`, `s == NULL`, `!*s`,
// `s[0] == '\0'`, `s.empty()`, `s.isEmpty()`, `strlen(s) == 0`, or several joined by `||`.
bool tests_unset(const Words& condition, const Words& subject) {
  const auto parts = split_top(unwrapped(condition), "||");
  return std::all_of(parts.begin(), parts.end(), [&](const Words& raw) {
    const Words part = unwrapped(raw);
    for (const Words& form : forms_of(subject)) {
      if (part == concat({"!"}, form)) return true;
      const auto sides = split_top(part, "==");
      if (sides.size() == 2 && ((unwrapped(sides[0]) == form && is_nothing(unwrapped(sides[1]))) ||
                                (unwrapped(sides[1]) == form && is_nothing(unwrapped(sides[0]))))) {
        return true;
      }
    }
    for (const char* empty : {"empty", "isEmpty", "isNull"}) {
      if (part == concat(subject, {".", empty, "(", ")"})) return true;
    }
    return false;
  });
}

// Whether `words` is true exactly when `subject` holds a value: `s`, `s != NULL`, `*s`,
// `!s.empty()`, or several joined by `&&` (`s && *s`).
bool tests_set(const Words& condition, const Words& subject) {
  const auto parts = split_top(unwrapped(condition), "&&");
  return std::all_of(parts.begin(), parts.end(), [&](const Words& raw) {
    const Words part = unwrapped(raw);
    for (const Words& form : forms_of(subject)) {
      if (part == form) return true;
      const auto sides = split_top(part, "!=");
      if (sides.size() == 2 && unwrapped(sides[0]) == form && is_nothing(unwrapped(sides[1]))) return true;
    }
    return part.size() >= 2 && part.front() == "!" && tests_unset(Words(part.begin() + 1, part.end()), subject);
  });
}

// The value a conversion is made from: `v` in `std::string(v)`, `QString::fromUtf8(v)`; else the
// words themselves.
Words converted(const Words& words) {
  if (words.size() < 4 || words.back() != ")") return words;
  size_t open = 0;
  while (open < words.size() && words[open] != "(") ++open;
  if (open + 3 != words.size()) return words;  // one word between the parentheses
  for (size_t i = 0; i < open; ++i) {
    const std::string& word = words[i];
    const bool name = !word.empty() && (std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_');
    if (!name && word != "::") return words;
  }
  return {words[open + 1]};
}

bool is_run_time(const ResolvedString& value) { return !value.known || value.text == kWildcard; }

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
    const Words words = token_spellings(context_.tu(), element);
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
  } else if (kind == CXCursor_CallExpr && (spelling(object) == "operator[]" || spelling(object) == "at")) {
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
    if (change.kind == Change::Kind::Assign) alternatives.push_back({resolve_at(change.value, index, depth + 1), {}});
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

std::optional<ResolvedString> StringResolver::option_default(const OptionDefaultModel& read, CXCursor option,
                                                             int position, int depth) const {
  CXCursor var = referenced_variable(strip_wrappers(option));
  if (is_null(var) || clang_getCursorKind(var) != CXCursor_VarDecl || depth > 96) return std::nullopt;
  const auto& nodes = context_.tree().nodes;
  std::optional<ResolvedString> set;
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    const auto args = call_arguments(event);
    if (callee_name(event) == read.setter && args.size() == 1) set = resolve_at(args[0], index, depth + 1);
  }
  if (set) return set;
  const CXCursor made = strip_wrappers(clang_Cursor_getVarDeclInitializer(var));
  if (clang_getCursorKind(made) != CXCursor_CallExpr) return std::nullopt;
  const auto given = written_arguments(context_.tu(), made);
  if (read.constructor_default >= given.size()) return std::nullopt;
  return resolve_at(given[read.constructor_default], context_.node_index(var), depth + 1);
}

bool StringResolver::sets_default(CXCursor var, const ResolvedString& before, int event) const {
  if (!is_run_time(before)) return false;
  // The `if` whose then-branch holds the assignment, with nothing else between.
  const auto& nodes = context_.tree().nodes;
  int child = event;
  int up = nodes[static_cast<size_t>(event)].parent;
  for (; up >= 0; child = up, up = nodes[static_cast<size_t>(up)].parent) {
    const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
    if (kind == CXCursor_IfStmt) break;
    if (kind != CXCursor_CompoundStmt && kind != CXCursor_UnexposedExpr && kind != CXCursor_ParenExpr) return false;
  }
  if (up < 0) return false;
  // The walker's children of the `if`: its condition, then the branch that holds the event.
  std::vector<int> parts;
  for (int i = up + 1; i < context_.tree().subtree_end[static_cast<size_t>(up)]; ++i) {
    if (nodes[static_cast<size_t>(i)].parent == up) parts.push_back(i);
  }
  if (parts.size() < 2 || parts[1] != child) return false;
  // The condition as written between the `if`'s parentheses (its own extent starts inside a
  // macro when it begins with NULL).
  const Words statement = token_spellings(context_.tu(), nodes[static_cast<size_t>(up)].cursor);
  if (statement.size() < 3 || statement[0] != "if" || statement[1] != "(") return false;
  Words condition;
  int level = 1;
  for (size_t i = 2; i < statement.size(); ++i) {
    if (statement[i] == "(") ++level;
    if (statement[i] == ")" && --level == 0) break;
    condition.push_back(statement[i]);
  }
  return tests_unset(condition, {spelling(var)});
}

std::optional<ResolvedString> StringResolver::default_of_choice(CXCursor test, CXCursor when_true,
                                                                CXCursor when_false, int position,
                                                                int depth) const {
  const Words condition = token_spellings(context_.tu(), test);
  const Words set_value = token_spellings(context_.tu(), when_true);
  const Words unset_value = token_spellings(context_.tu(), when_false);
  // The value as written, or what it converts (`std::string(v)` for a test of `v`).
  const auto tested = [&](const Words& words, bool (*test_of)(const Words&, const Words&)) {
    return !words.empty() && (test_of(condition, words) || test_of(condition, converted(words)));
  };
  CXCursor value = clang_getNullCursor(), fallback = clang_getNullCursor();
  if (tested(set_value, tests_set)) {
    value = when_true;
    fallback = when_false;
  } else if (tested(unset_value, tests_unset)) {
    value = when_false;
    fallback = when_true;
  } else {
    return std::nullopt;
  }
  if (!is_run_time(resolve_at(value, position, depth))) return std::nullopt;
  ResolvedString chosen = resolve_at(fallback, position, depth);
  if (!chosen.known || chosen.text.empty()) return std::nullopt;
  return chosen;
}

}  // namespace scopelint::extract

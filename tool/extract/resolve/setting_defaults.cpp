// A setting's default (part of StringResolver, string_resolver.h): a value tested and given a
// default (`if (!base) base = "https://...";`, `env ? env : "default"`, `argc > 1 ? argv[1] :
// "default"`), and a command-line option's default (QCommandLineOption's, by variable or name).
#include <algorithm>
#include <cctype>

#include "extract/clang/cursor_utils.h"
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
// Whether `part` compares an argument count so that `subject`, an element `argv[N]`, is given
// (`argc > N`, `argc >= N + 1`, `N < argc`) or, with `given` false, is not (`argc < N + 1`,
// `argc <= N`).
bool tests_argument_count(const Words& part, const Words& subject, bool given) {
  if (subject.size() != 4 || subject[1] != "[" || subject[3] != "]" || part.size() != 3) return false;
  const auto number = [](const std::string& word) -> std::optional<long> {
    // At most 9 digits: no argument count is larger, and std::stol would throw past long's range.
    if (word.empty() || word.size() > 9 ||
        !std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      return std::nullopt;
    }
    return std::stol(word);
  };
  const auto index = number(subject[2]);
  if (!index) return false;
  std::string op = part[1];
  auto bound = number(part[2]);
  if (!bound) {  // `N < argc`: the count on the right
    bound = number(part[0]);
    if (!bound) return false;
    op = op == "<" ? ">" : op == "<=" ? ">=" : op == ">" ? "<" : op == ">=" ? "<=" : op;
  }
  if (given) return (op == ">" && *bound >= *index) || (op == ">=" && *bound > *index);
  return (op == "<" && *bound <= *index + 1) || (op == "<=" && *bound <= *index);
}

bool tests_unset(const Words& condition, const Words& subject) {
  const auto parts = split_top(unwrapped(condition), "||");
  return std::all_of(parts.begin(), parts.end(), [&](const Words& raw) {
    const Words part = unwrapped(raw);
    if (tests_argument_count(part, subject, false)) return true;
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
    if (tests_argument_count(part, subject, true)) return true;
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

}  // namespace

std::optional<ResolvedString> StringResolver::option_default(const OptionDefaultModel& read, CXCursor option,
                                                             int position, int depth) const {
  if (depth > 96) return std::nullopt;
  CXCursor var = referenced_variable(strip_wrappers(option));
  if (is_null(var) || clang_getCursorKind(var) != CXCursor_VarDecl) return option_default_by_name(read, option, position, depth);
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
  if (!is_call(clang_getCursorKind(made))) return std::nullopt;
  const auto given = written_arguments(context_.tu(), made);
  if (read.constructor_default >= given.size()) return std::nullopt;
  return resolve_at(given[read.constructor_default], context_.node_index(var), depth + 1);
}

// An option read by its name (`parser.value("host")`): the default of the option made with that
// name in this unit (`parser.addOption({"host", "Base URL.", "url", "https://..."})`), when the
// options so named agree. The option's type is the setter's class (QCommandLineOption).
std::optional<ResolvedString> StringResolver::option_default_by_name(const OptionDefaultModel& read, CXCursor name,
                                                                     int position, int depth) const {
  const ResolvedString wanted = resolve_at(name, position, depth + 1);
  if (!wanted.known || is_run_time(wanted) || read.setter.rfind("::") == std::string::npos) return std::nullopt;
  const std::string type = read.setter.substr(0, read.setter.rfind("::"));
  const std::string short_type = type.substr(type.rfind("::") == std::string::npos ? 0 : type.rfind("::") + 2);
  std::optional<ResolvedString> found;
  const auto& nodes = context_.tree().nodes;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!is_call(nodes[i].kind) || spelling(nodes[i].cursor) != short_type) continue;
    if (clang_getCursorKind(callee_of(nodes[i].cursor)) != CXCursor_Constructor) continue;
    const auto given = written_arguments(context_.tu(), nodes[i].cursor);
    if (read.constructor_default >= given.size()) continue;
    if (resolve_at(given[0], static_cast<int>(i), depth + 1).text != wanted.text) continue;
    ResolvedString value = resolve_at(given[read.constructor_default], static_cast<int>(i), depth + 1);
    if (found && found->text != value.text) return std::nullopt;
    found = std::move(value);
  }
  return found;
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

std::optional<ResolvedString> StringResolver::setting_or_default(CXCursor expr, int position, int depth) const {
  const auto parts = binary_conditional(context_.tu(), expr);
  if (!parts) return std::nullopt;
  ResolvedString set = resolve_at(parts->first, position, depth);
  if (!is_run_time(set)) return set;
  ResolvedString fallback = resolve_at(parts->second, position, depth);
  return fallback.known && !fallback.text.empty() ? fallback : set;
}

}  // namespace scopelint::extract

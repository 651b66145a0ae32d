// Resolution of string expressions to text with "{}" wildcards (see string_resolver.h).
#include "extract/resolve/string_resolver.h"

#include <algorithm>
#include <cctype>

#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"
#include "extract/clang/macro_locations.h"
#include "extract/resolve/adjacent_literals.h"
#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {
namespace {

constexpr int kMaxDepth = 96;

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace

ResolvedString StringResolver::resolve(CXCursor expr, int position) const {
  ResolvedString value = resolve_at(expr, position, 0);
  PiecedText collapsed = collapse_pieced({value.text, value.pieces});
  value.text = std::move(collapsed.text);
  value.pieces = std::move(collapsed.pieces);
  return value;
}

namespace {

// The string literal a literal macro's expansion (Qt's lambda, or a plain constructor) holds, as
// spelt at `literal`.
std::optional<ResolvedString> expanded_literal(CXCursor expansion, const std::optional<SourceRange>& literal) {
  std::vector<CXCursor> pending = {expansion};
  for (int visited = 0; !pending.empty() && visited < 400; ++visited) {
    CXCursor current = pending.back();
    pending.pop_back();
    if (clang_getCursorKind(current) == CXCursor_StringLiteral) {
      auto decoded = decode_string_literal(spelling(current));
      if (!decoded) return std::nullopt;
      return ResolvedString::literal_text(*decoded, literal);
    }
    auto kids = children(current);
    pending.insert(pending.end(), kids.rbegin(), kids.rend());
  }
  return std::nullopt;
}

}  // namespace

std::optional<ResolvedString> StringResolver::literal_macro(CXCursor expr) const {
  const auto& macros = context_.models().strings.literal_macros;
  if (macros.empty()) return std::nullopt;
  CXTranslationUnit tu = context_.tu();
  const CXSourceRange extent = clang_getCursorExtent(expr);
  const FileLocation begin = file_location(clang_getRangeStart(extent));
  const FileLocation end = file_location(clang_getRangeEnd(extent));
  if (!begin.file || !end.file || !clang_File_isEqual(begin.file, end.file)) return std::nullopt;
  size_t size = 0;
  const char* contents = clang_getFileContents(tu, begin.file, &size);
  if (!contents || begin.offset >= size) return std::nullopt;
  // Cheap test first: does the expression start with the name of a literal macro?
  size_t name_end = begin.offset;
  while (name_end < size && (std::isalnum(static_cast<unsigned char>(contents[name_end])) ||
                             contents[name_end] == '_')) {
    ++name_end;
  }
  if (!contains(macros, std::string(contents + begin.offset, name_end - begin.offset))) return std::nullopt;
  // The invocation's tokens, up to its closing parenthesis.
  const unsigned limit = static_cast<unsigned>(std::min<size_t>(size, begin.offset + 4096));
  CXSourceRange range = clang_getRange(clang_getLocationForOffset(tu, begin.file, begin.offset),
                                       clang_getLocationForOffset(tu, begin.file, limit));
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, range, &tokens, &count);
  unsigned close = 0, depth = 0;
  for (unsigned i = 1; i < count && close == 0; ++i) {
    const std::string text = to_string(clang_getTokenSpelling(tu, tokens[i]));
    if (i == 1 && text != "(") break;
    if (text == "(") ++depth;
    if (text == ")" && --depth == 0) close = i;
  }
  std::optional<SourceRange> literal;
  bool inside = false;
  if (close > 0) {
    const FileLocation close_end = file_location(clang_getRangeEnd(clang_getTokenExtent(tu, tokens[close])));
    inside = end.offset <= close_end.offset;
    if (close == 3 && clang_getTokenKind(tokens[2]) == CXToken_Literal) {
      const CXSourceRange lit = clang_getTokenExtent(tu, tokens[2]);
      const FileLocation lit_begin = file_location(clang_getRangeStart(lit));
      const FileLocation lit_end = file_location(clang_getRangeEnd(lit));
      literal = SourceRange{to_source_location(lit_begin), to_source_location(lit_end), lit_begin.offset,
                            lit_end.offset - lit_begin.offset};
    }
  }
  if (tokens) clang_disposeTokens(tu, tokens, count);
  if (!inside) return std::nullopt;
  return expanded_literal(expr, literal);
}

ResolvedString StringResolver::resolve_at(CXCursor expr, int position, int depth) const {
  if (depth > kMaxDepth || is_null(expr)) return ResolvedString::wildcard();
  const CXCursorKind kind = clang_getCursorKind(expr);
  if (clang_isExpression(kind)) {
    if (auto value = literal_macro(expr)) return *value;
  }
  switch (kind) {
    case CXCursor_StringLiteral: {
      auto decoded = decode_string_literal(spelling(expr));
      if (!decoded) return ResolvedString::wildcard();
      const std::optional<SourceRange> range = single_literal_range(context_.tu(), expr);
      ResolvedString value = ResolvedString::literal_text(*decoded, range);
      // A literal from a #define: the fix-it range stays unset (wrapper conditions read it), but
      // the piece says where the text is written.
      if (!range) {
        if (auto spelled = macro_literal_range(context_.tu(), expr, *decoded)) {
          value.pieces.push_back(whole_literal_piece(*spelled, *decoded));
        } else {
          value.pieces = adjacent_literal_pieces(context_.tu(), literal_macros_, expr, *decoded);
        }
      }
      return value;
    }
    case CXCursor_ObjCStringLiteral: {  // @"text": the C literal inside
      const auto kids = children(expr);
      return kids.size() == 1 ? resolve_at(kids.front(), position, depth + 1) : ResolvedString::wildcard();
    }
    case CXCursor_DeclRefExpr:
    case CXCursor_MemberRefExpr: {
      CXCursor ref = clang_getCursorReferenced(expr);
      const CXCursorKind ref_kind = clang_getCursorKind(ref);
      if (ref_kind == CXCursor_FieldDecl) {
        // A map entry's `.first` or `.second` (a loop's entry, `m.find(k)->second`).
        if (auto part = pair_member(expr, ref, position, depth + 1)) return *part;
        // A member of an object written as a braced list (`kResources[i].name`, `cfg.root`).
        if (auto member = braced_object_member(expr, ref, position, depth + 1)) return *member;
        // A member of a struct parameter made by several braced objects (`r.method`, `r->url`).
        if (auto member = record_member_slot(expr, ref)) return *member;
      }
      if (ref_kind == CXCursor_VarDecl || ref_kind == CXCursor_ParmDecl ||
          ref_kind == CXCursor_FieldDecl || ref_kind == CXCursor_ObjCIvarDecl) {
        return resolve_variable(ref, position, depth + 1);
      }
      // `url.path`, `components.URL`: a property, or a getter method used as one (GNUstep's).
      if (ref_kind == CXCursor_ObjCPropertyDecl || ref_kind == CXCursor_ObjCInstanceMethodDecl) {
        return property_read(expr, ref, position, depth + 1);
      }
      // A name a structured binding gives, while its loop is run.
      if (const ResolvedString* bound = ref_kind == CXCursor_UnexposedDecl ? bound_value(ref) : nullptr) {
        return *bound;
      }
      // Outside a run: a loop slot, one request per entry (loop_values).
      if (const auto* part = ref_kind == CXCursor_UnexposedDecl ? context_.binding_part(declaration_key(ref)) : nullptr) {
        return ResolvedString::constant(slot_text(loop_slot_function(part->first), part->second));
      }
      break;
    }
    case CXCursor_CallExpr:
    case CXCursor_ObjCMessageExpr:
      return resolve_call(expr, position, depth + 1);
    case CXCursor_ArraySubscriptExpr: {
      const auto kids = children(expr);
      if (kids.size() != 2) break;
      if (auto element = resolve_subscript(kids[0], kids[1], position, depth + 1)) return *element;
      break;
    }
    case CXCursor_CharacterLiteral: {
      // A character appended to a string (`scope += ' '`) is that character.
      auto code = evaluate_integer(expr);
      const long value = code ? std::stol(*code) : 0;
      if (value > 0 && value < 128) return ResolvedString::constant(std::string(1, static_cast<char>(value)));
      return ResolvedString::wildcard();
    }
    case CXCursor_InitListExpr: {
      auto kids = children(expr);
      if (kids.empty()) return ResolvedString::constant("");
      if (kids.size() == 1) return resolve_at(kids.front(), position, depth + 1);
      break;
    }
    case CXCursor_ConditionalOperator: {
      auto kids = children(expr);
      if (kids.size() == 3) {
        // A test of a bound variable (a lambda's parameter, a loop's running value) is decided.
        if (auto chosen = decide(kids[0])) return resolve_at(kids[*chosen ? 1 : 2], position, depth + 1);
        // A setting or its default (`env ? env : "https://..."`) is the default.
        if (auto fallback = default_of_choice(kids[0], kids[1], kids[2], position, depth + 1)) return *fallback;
        ResolvedString a = resolve_at(kids[1], position, depth + 1);
        ResolvedString b = resolve_at(kids[2], position, depth + 1);
        if (a.known && a.text == b.text) return a;
        // Two values, each under the test when it reads a parameter a caller can decide.
        BranchConditions when_a, when_b;
        if (auto test = test_condition(context_, *this, kids[0], position)) {
          when_a.push_back(*test);
          when_b.push_back(negated(*test));
        }
        return choose({{std::move(a), std::move(when_a)}, {std::move(b), std::move(when_b)}});
      }
      return ResolvedString::wildcard();
    }
    default: {
      if (auto value = setting_or_default(expr, position, depth + 1)) return *value;  // `a ?: b`
      CXCursor inner = strip_wrappers(expr);
      if (!clang_equalCursors(inner, expr)) return resolve_at(inner, position, depth + 1);
    }
  }
  if (is_integral(clang_getCursorType(expr))) {
    if (auto number = evaluate_integer(expr)) return ResolvedString::constant(*number);
  }
  return ResolvedString::wildcard();
}

// `a + b + c` is operator+(operator+(a, b), c): the left operands nest as deep as the sum is long.
// They are followed in a loop, at one depth, so a long sum is resolved whole, not cut off.
ResolvedString StringResolver::resolve_sum(CXCursor call, int position, int depth) const {
  std::vector<CXCursor> right_operands;
  CXCursor left = call;
  for (;;) {
    const auto args = call_arguments(left);
    right_operands.push_back(args[1]);
    CXCursor inner = strip_wrappers(args[0]);
    if (!is_call(clang_getCursorKind(inner)) || spelling(inner) != "operator+" ||
        call_arguments(inner).size() != 2) {
      left = args[0];
      break;
    }
    left = inner;
  }
  ResolvedString value = resolve_at(left, position, depth);
  for (auto it = right_operands.rbegin(); it != right_operands.rend(); ++it) {
    value.append(resolve_at(*it, position, depth));
  }
  return value;
}

bool StringResolver::is_passthrough(const std::string& name, CXCursor call) const {
  static const std::vector<std::string> kStd = {
      "std::basic_string::c_str",       "std::basic_string::data",
      "std::basic_string_view::data",   "std::basic_ostringstream::str",
      "std::basic_stringstream::str",   "std::move",
      "std::forward",                   "std::basic_string::basic_string",
      "std::basic_string::operator basic_string_view"};
  if (contains(kStd, name) || contains(context_.models().strings.passthrough, name)) return true;
  return clang_getCursorKind(callee_of(call)) == CXCursor_ConversionFunction;
}

ResolvedString StringResolver::resolve_call(CXCursor call, int position, int depth) const {
  CXCursor callee = callee_of(call);
  if (is_null(callee)) return ResolvedString::wildcard();
  const auto& apis = context_.models().strings;
  const std::string name = callee_name(call);
  const std::string short_name = spelling(call);
  const auto args = call_arguments(call);
  const CXCursor object = member_call_object(call);
  auto arg = [&](size_t i) {
    return i < args.size() ? resolve_at(args[i], position, depth) : ResolvedString::wildcard();
  };
  auto receiver = [&] {
    return is_null(object) ? ResolvedString::wildcard() : resolve_at(object, position, depth);
  };
  if ((short_name == "operator[]" && args.size() == 2) || (short_name == "at" && args.size() == 1)) {
    const CXCursor container = short_name == "at" ? object : args[0];
    if (auto element = resolve_subscript(container, args.back(), position, depth)) return *element;
  }
  if (short_name == "value" && args.size() == 1 && !is_null(object)) {  // QMap::value(key)
    if (auto element = map_lookup(object, args[0], position, depth)) return *element;
  }

  // A user-defined literal of the standard library (`"system/x.read"sv`, `"..."s`): its text.
  if ((short_name == "operator\"\"sv" || short_name == "operator\"\"s") && !args.empty() &&
      clang_getCursorKind(strip_wrappers(args[0])) == CXCursor_StringLiteral) {
    return resolve_at(strip_wrappers(args[0]), position, depth);
  }
  if (clang_getCursorKind(callee) == CXCursor_Constructor) {
    return args.empty() ? ResolvedString::constant("") : arg(0);
  }
  if (short_name == "operator+") {
    if (args.size() == 2) return resolve_sum(call, position, depth);
    ResolvedString value = arg(0);
    for (size_t i = 1; i < args.size(); ++i) value.append(arg(i));
    return value;
  }
  for (const auto& read : apis.defaults) {
    // A setting read with a default, when the default is written: the deployment's usual value.
    if (read.function == name && read.arg < written_arguments(context_.tu(), call).size()) return arg(read.arg);
  }
  for (const auto& read : apis.option_defaults) {
    // A command-line option's default, given where the option is made.
    if (read.function != name || read.option >= args.size()) continue;
    if (auto value = option_default(read, args[read.option], position, depth)) return *value;
  }
  if (name == "std::to_string" || name == "std::to_wstring" || contains(apis.wildcards, name)) {
    return ResolvedString::wildcard();
  }
  for (const auto& encoder : apis.encoders) {
    if (encoder.function == name) return percent_encoded(arg(encoder.arg));
  }
  if (contains(apis.format_methods, name)) {
    // QString::arg(a, fieldWidth = 0, ...): only the written arguments are values.
    std::vector<ResolvedString> values;
    const size_t written = written_arguments(context_.tu(), call).size();
    for (size_t i = 0; i < written; ++i) values.push_back(arg(i));
    return format_qt_arg(receiver(), values);
  }
  for (const auto& section : apis.sections) {
    if (section.function != name) continue;
    const auto start = section.start < args.size() ? evaluate_integer(args[section.start]) : std::nullopt;
    const auto end = section.end && *section.end < args.size() ? evaluate_integer(args[*section.end]) : std::nullopt;
    if (!start) return ResolvedString::wildcard();
    return fields_of(receiver(), arg(section.separator), std::stol(*start), end ? std::stol(*end) : -1);
  }
  if (contains(apis.appenders, name)) {
    ResolvedString value = receiver();
    value.append(appended_value(call, position, depth));
    return value;
  }
  if (apis.printf_format(name)) return appended_value(call, position, depth);
  for (const auto& relative : apis.relative_urls) {
    if (relative.function == name) {
      return resolve_relative(relative.base ? arg(*relative.base) : receiver(), arg(relative.reference));
    }
  }
  if (contains(apis.path_appenders, name)) return join_path(receiver(), arg(0));
  if (contains(apis.query_appenders, name)) return appended_query(receiver(), call, position, depth);
  if (contains(apis.path_of_url, name)) return url_part(receiver(), UrlPart::PathAndQuery);
  if (contains(apis.path_only_of_url, name)) return url_part(receiver(), UrlPart::Path);
  if (contains(apis.host_of_url, name)) return url_part(receiver(), UrlPart::Host);
  if (contains(apis.query_of_url, name)) return url_part(receiver(), UrlPart::Query);
  // `*it` of an iterator a loop is run with (iterator_loop_run): the element it is bound to.
  if (short_name == "operator*" && args.size() == 1) {
    const CXCursor iterator = referenced_variable(args[0]);
    if (const ResolvedString* bound = is_null(iterator) ? nullptr : bound_value(iterator)) return *bound;
  }
  if (short_name == "substr" && !is_null(object) && !args.empty() && args.size() <= 2 &&
      is_stringish_type(clang_getCursorType(object))) {
    // As written: the count left out is npos, to the end.
    if (auto part = substring(receiver(), written_arguments(context_.tu(), call), position, depth)) return *part;
    return ResolvedString::wildcard();
  }
  if (short_name == "append" && !is_null(object) && !args.empty()) {
    ResolvedString value = receiver();
    value.append(arg(0));
    return value;
  }
  if (auto joined = resolve_join(call, name, position, depth)) return *joined;
  if (name == "std::accumulate") return resolve_accumulate(call, position, depth).value_or(ResolvedString::wildcard());
  if (is_passthrough(name, call)) return is_null(object) ? arg(0) : receiver();
  if (auto value = resolve_helper(call, callee, position, depth)) return *value;
  return ResolvedString::wildcard();
}

ResolvedString StringResolver::query_text(CXCursor arg, int position) const {
  ResolvedFields fields = resolve_fields(arg, position);
  if (!fields.known || fields.fields.empty()) return resolve(arg, position);
  ResolvedString text = ResolvedString::constant("");
  for (const auto& field : fields.fields) {
    if (!text.text.empty()) text.append(ResolvedString::constant("&"));
    text.append(ResolvedString::constant(percent_encode(field.key) + "="));
    if (!field.value) {
      text.append(ResolvedString::wildcard());
      continue;
    }
    ResolvedString value = ResolvedString::constant(percent_encode(*field.value));
    value.pieces = encode_pieces(*field.value, field.value_pieces);
    text.append(value);
  }
  return text;
}

CXCursor StringResolver::strip_passthrough(CXCursor expr) const {
  for (int guard = 0; guard < 64; ++guard) {
    expr = strip_wrappers(expr);
    if (!is_call(clang_getCursorKind(expr))) break;
    CXCursor callee = callee_of(expr);
    const auto args = call_arguments(expr);
    if (clang_getCursorKind(callee) == CXCursor_Constructor && args.size() == 1) {
      expr = args.front();
    } else if (!is_null(callee) && is_passthrough(callee_name(expr), expr)) {
      CXCursor object = member_call_object(expr);
      if (is_null(object) && args.empty()) break;
      expr = is_null(object) ? args.front() : object;
    } else {
      break;
    }
  }
  return expr;
}

}  // namespace scopelint::extract

// Resolution of string expressions to text with "{}" wildcards (see string_resolver.h).
#include "extract/string_resolver.h"

#include <algorithm>
#include <cctype>

#include "extract/clang_handles.h"
#include "extract/cursor_utils.h"
#include "extract/string_values.h"

namespace scopelint::extract {
namespace {

constexpr int kMaxDepth = 96;

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool is_integral(CXType type) {
  const CXTypeKind kind = clang_getCanonicalType(type).kind;
  return (kind >= CXType_Bool && kind <= CXType_Int128) || kind == CXType_Enum;
}

std::optional<std::string> evaluate_integer(CXCursor expr) {
  EvalResultHandle result(clang_Cursor_Evaluate(expr));
  if (!result || clang_EvalResult_getKind(result.get()) != CXEval_Int) return std::nullopt;
  if (clang_EvalResult_isUnsignedInt(result.get())) {
    return std::to_string(clang_EvalResult_getAsUnsigned(result.get()));
  }
  return std::to_string(clang_EvalResult_getAsLongLong(result.get()));
}

bool same_declaration(CXCursor a, CXCursor b) {
  return !is_null(a) && !is_null(b) && declaration_key(a) == declaration_key(b);
}

bool refers_to(CXCursor expr, CXCursor var) { return same_declaration(referenced_variable(expr), var); }

bool is_local_variable(CXCursor var) {
  for (CXCursor parent = clang_getCursorSemanticParent(var); !is_null(parent);
       parent = clang_getCursorSemanticParent(parent)) {
    const CXCursorKind kind = clang_getCursorKind(parent);
    if (is_function_like(kind) || kind == CXCursor_LambdaExpr) return true;
    if (kind == CXCursor_TranslationUnit || clang_isInvalid(kind)) break;
  }
  return false;
}

bool is_branch_kind(CXCursorKind kind) {
  switch (kind) {
    case CXCursor_IfStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_DoStmt:
    case CXCursor_CXXForRangeStmt:
    case CXCursor_ConditionalOperator:
    case CXCursor_CXXCatchStmt:
    case CXCursor_LambdaExpr:
      return true;
    default:
      return false;
  }
}

bool is_descendant(const std::vector<AstNode>& nodes, int node, int ancestor) {
  for (; node >= 0; node = nodes[static_cast<size_t>(node)].parent) {
    if (node == ancestor) return true;
  }
  return false;
}

// Whether the statement at `event` may not have run when control reaches `position`: it sits in a
// branch or loop body that does not also hold `position`.
bool runs_conditionally(const std::vector<AstNode>& nodes, int event, int position) {
  if (position < 0) return false;
  int child = event;
  for (int up = nodes[static_cast<size_t>(event)].parent; up >= 0;
       child = up, up = nodes[static_cast<size_t>(up)].parent) {
    const CXCursorKind kind = nodes[static_cast<size_t>(up)].kind;
    if (is_function_like(kind)) break;
    if (!is_branch_kind(kind)) continue;
    const bool in_condition = child == up + 1 && kind != CXCursor_DoStmt && kind != CXCursor_LambdaExpr;
    if (!in_condition && !is_descendant(nodes, position, up)) return true;
  }
  return false;
}

std::string binary_operator_token(CXTranslationUnit tu, CXCursor op) {
  auto kids = children(op);
  if (kids.empty()) return "";
  const size_t lhs_tokens = token_spellings(tu, kids.front()).size();
  auto tokens = token_spellings(tu, op);
  return lhs_tokens < tokens.size() ? tokens[lhs_tokens] : "";
}

}  // namespace

ResolvedString StringResolver::resolve(CXCursor expr, int position) const {
  ResolvedString value = resolve_at(expr, position, 0);
  value.text = collapse_wildcards(value.text);
  return value;
}

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
  // The macro's expansion (Qt's lambda, or a plain constructor) holds the literal: find it.
  std::vector<CXCursor> pending = {expr};
  for (int visited = 0; !pending.empty() && visited < 400; ++visited) {
    CXCursor current = pending.back();
    pending.pop_back();
    if (clang_getCursorKind(current) == CXCursor_StringLiteral) {
      auto decoded = decode_string_literal(spelling(current));
      if (!decoded) return std::nullopt;
      ResolvedString value = ResolvedString::constant(*decoded);
      value.literal_count = 1;
      value.literal = literal;
      value.literal_value = *decoded;
      return value;
    }
    auto kids = children(current);
    pending.insert(pending.end(), kids.rbegin(), kids.rend());
  }
  return std::nullopt;
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
      ResolvedString value = ResolvedString::constant(*decoded);
      value.literal_count = 1;
      value.literal = single_literal_range(context_.tu(), expr);
      value.literal_value = *decoded;
      return value;
    }
    case CXCursor_DeclRefExpr:
    case CXCursor_MemberRefExpr: {
      CXCursor ref = clang_getCursorReferenced(expr);
      const CXCursorKind ref_kind = clang_getCursorKind(ref);
      if (ref_kind == CXCursor_VarDecl || ref_kind == CXCursor_ParmDecl ||
          ref_kind == CXCursor_FieldDecl) {
        return resolve_variable(ref, position, depth + 1);
      }
      break;
    }
    case CXCursor_CallExpr:
      return resolve_call(expr, position, depth + 1);
    case CXCursor_InitListExpr: {
      auto kids = children(expr);
      if (kids.empty()) return ResolvedString::constant("");
      if (kids.size() == 1) return resolve_at(kids.front(), position, depth + 1);
      break;
    }
    case CXCursor_ConditionalOperator: {
      auto kids = children(expr);
      if (kids.size() == 3) {
        ResolvedString a = resolve_at(kids[1], position, depth + 1);
        ResolvedString b = resolve_at(kids[2], position, depth + 1);
        if (a.known && a.text == b.text) return a;
      }
      return ResolvedString::wildcard();
    }
    default: {
      CXCursor inner = strip_wrappers(expr);
      if (!clang_equalCursors(inner, expr)) return resolve_at(inner, position, depth + 1);
    }
  }
  if (is_integral(clang_getCursorType(expr))) {
    if (auto number = evaluate_integer(expr)) return ResolvedString::constant(*number);
  }
  return ResolvedString::wildcard();
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

  if (clang_getCursorKind(callee) == CXCursor_Constructor) {
    return args.empty() ? ResolvedString::constant("") : arg(0);
  }
  if (short_name == "operator+") {
    ResolvedString value = arg(0);
    for (size_t i = 1; i < args.size(); ++i) value.append(arg(i));
    return value;
  }
  if (name == "std::to_string" || name == "std::to_wstring" || contains(apis.wildcards, name)) {
    return ResolvedString::wildcard();
  }
  for (const auto& encoder : apis.encoders) {
    if (encoder.function != name) continue;
    ResolvedString value = arg(encoder.arg);
    value.text = percent_encode(value.text);
    value.literal.reset();
    return value;
  }
  if (contains(apis.format_methods, name)) {
    std::vector<ResolvedString> values;
    for (size_t i = 0; i < args.size(); ++i) {
      if (is_stringish_type(clang_getCursorType(args[i])) || is_integral(clang_getCursorType(args[i]))) {
        values.push_back(arg(i));
      }
    }
    return format_qt_arg(receiver(), values);
  }
  if (contains(apis.path_appenders, name)) return join_path(receiver(), arg(0));
  if (contains(apis.query_appenders, name)) return append_query(receiver(), arg(0), arg(1));
  if (contains(apis.path_of_url, name)) return url_part(receiver(), UrlPart::PathAndQuery);
  if (contains(apis.host_of_url, name)) return url_part(receiver(), UrlPart::Host);
  if (short_name == "append" && !is_null(object) && !args.empty()) {
    ResolvedString value = receiver();
    value.append(arg(0));
    return value;
  }
  if (is_passthrough(name, call)) return is_null(object) ? arg(0) : receiver();
  return ResolvedString::wildcard();
}

ResolvedString StringResolver::resolve_variable(CXCursor var, int position, int depth) const {
  const CXCursorKind kind = clang_getCursorKind(var);
  if (kind == CXCursor_ParmDecl) return ResolvedString::wildcard();
  if (kind == CXCursor_FieldDecl) {
    for (CXCursor child : children(var)) {
      if (clang_isExpression(clang_getCursorKind(child))) return resolve_at(child, position, depth);
    }
    return ResolvedString::wildcard();
  }
  CXCursor definition = clang_getCursorDefinition(var);
  if (!is_null(definition)) var = definition;
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  const bool local = is_local_variable(var);
  if (!local) {
    return is_null(init) ? ResolvedString::wildcard() : resolve_at(init, -1, depth);
  }
  ResolvedString value = is_null(init) ? ResolvedString::constant("") : resolve_at(init, position, depth);
  return apply_events(var, value, position, depth);
}

ResolvedString StringResolver::apply_events(CXCursor var, ResolvedString value, int position,
                                            int depth) const {
  const auto& nodes = context_.tree().nodes;
  const auto& apis = context_.models().strings;
  std::vector<CXCursor> consumed;
  auto is_consumed = [&](CXCursor c) {
    return std::any_of(consumed.begin(), consumed.end(), [&](CXCursor d) { return same_expression(c, d); });
  };
  int current = -1;  // the event being applied
  // The last assignment before the use wins, unless it may not have run (a branch).
  auto assign = [&](ResolvedString next) {
    value = runs_conditionally(nodes, current, position) ? ResolvedString::wildcard() : std::move(next);
  };
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    if (is_consumed(event)) continue;
    current = index;
    const CXCursorKind kind = nodes[static_cast<size_t>(index)].kind;
    const auto kids = children(event);
    if (kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator) {
      if (kids.size() != 2 || !refers_to(kids[0], var)) continue;
      const std::string op = binary_operator_token(context_.tu(), event);
      if (op == "=") assign(resolve_at(kids[1], index, depth));
      if (op == "+=") value.append(resolve_at(kids[1], index, depth));
      continue;
    }
    const std::string name = spelling(event);
    const auto args = call_arguments(event);
    auto arg = [&](size_t i) {
      return i < args.size() ? resolve_at(args[i], index, depth) : ResolvedString::wildcard();
    };
    if (name == "operator=" && args.size() == 2 && refers_to(args[0], var)) {
      assign(arg(1));
    } else if (name == "operator+=" && args.size() == 2 && refers_to(args[0], var)) {
      value.append(arg(1));
    } else if (name == "operator<<" || name == "append" ||
               contains(apis.path_appenders, callee_name(event)) ||
               contains(apis.query_appenders, callee_name(event))) {
      // A chain `v << a << b` or `v.append(a).append(b)`: collect it from the outermost call.
      std::vector<CXCursor> chain;
      CXCursor current = event;
      for (int guard = 0; guard < 256 && clang_getCursorKind(current) == CXCursor_CallExpr; ++guard) {
        chain.push_back(current);
        consumed.push_back(current);
        if (refers_to(spelling(current) == "operator<<" ? clang_Cursor_getArgument(current, 0)
                                                        : member_call_object(current), var)) {
          break;
        }
        current = strip_wrappers(spelling(current) == "operator<<"
                                     ? clang_Cursor_getArgument(current, 0)
                                     : member_call_object(current));
      }
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const std::string link = spelling(*it);
        const std::string qualified = callee_name(*it);
        const auto link_args = call_arguments(*it);
        auto link_arg = [&](size_t i) {
          return i < link_args.size() ? resolve_at(link_args[i], index, depth) : ResolvedString::wildcard();
        };
        if (link == "operator<<") {
          value.append(link_arg(1));
        } else if (contains(apis.path_appenders, qualified)) {
          value = join_path(value, link_arg(0));
        } else if (contains(apis.query_appenders, qualified)) {
          value = append_query(value, link_arg(0), link_arg(1));
        } else if (link == "append") {
          value.append(link_arg(0));
        }
      }
    } else if ((name == "snprintf" || name == "sprintf" || name == "__builtin___snprintf_chk" ||
                name == "__builtin___sprintf_chk") && !args.empty() && refers_to(args[0], var)) {
      size_t format = name.find("snprintf") != std::string::npos ? 2 : 1;
      if (name.rfind("__builtin", 0) == 0) format += 2;
      std::vector<ResolvedString> values;
      for (size_t i = format + 1; i < args.size(); ++i) values.push_back(arg(i));
      assign(format_printf(arg(format), values));
    } else if ((name == "strcpy" || name == "strncpy") && args.size() >= 2 && refers_to(args[0], var)) {
      assign(arg(1));
    } else if ((name == "strcat" || name == "strncat") && args.size() >= 2 && refers_to(args[0], var)) {
      value.append(arg(1));
    } else if (contains(apis.query_setters, callee_name(event)) && !args.empty()) {
      value = with_query(value, query_text(args[0], index));
    } else if (contains(apis.path_setters, callee_name(event)) && !args.empty()) {
      value = with_path(value, arg(0));
    } else if (name == "clear" && args.empty()) {
      assign(ResolvedString::constant(""));
    }
  }
  return value;
}

ResolvedString StringResolver::query_text(CXCursor arg, int position) const {
  ResolvedFields fields = resolve_fields(arg, position);
  if (!fields.known || fields.fields.empty()) return resolve(arg, position);
  ResolvedString text = ResolvedString::constant("");
  for (const auto& field : fields.fields) {
    if (!text.text.empty()) text.append(ResolvedString::constant("&"));
    text.append(ResolvedString::constant(percent_encode(field.key) + "="));
    text.append(field.value ? ResolvedString::constant(percent_encode(*field.value)) : ResolvedString::wildcard());
  }
  return text;
}

ResolvedString StringResolver::resolve_stream(CXCursor var, int position) const {
  ResolvedString value = apply_events(var, ResolvedString::constant(""), position, 0);
  value.text = collapse_wildcards(value.text);
  return value;
}

CXCursor StringResolver::strip_passthrough(CXCursor expr) const {
  for (int guard = 0; guard < 64; ++guard) {
    expr = strip_wrappers(expr);
    if (clang_getCursorKind(expr) != CXCursor_CallExpr) break;
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

std::string StringResolver::constant_name(CXCursor expr) {
  expr = strip_wrappers(expr);
  const CXCursorKind kind = clang_getCursorKind(expr);
  if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr) return "";
  return spelling(clang_getCursorReferenced(expr));
}

std::optional<HttpMethod> StringResolver::resolve_method(CXCursor expr, int position) const {
  CXCursor inner = strip_passthrough(expr);
  const CXCursorKind kind = clang_getCursorKind(inner);
  if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr) {
    CXCursor ref = clang_getCursorReferenced(inner);
    const std::string name = qualified_name(ref);
    for (const auto& library : context_.models().libraries) {
      auto it = library.method_constants.find(name);
      if (it != library.method_constants.end()) return parse_http_method(it->second);
    }
    const CXCursorKind ref_kind = clang_getCursorKind(ref);
    if (ref_kind == CXCursor_EnumConstantDecl ||
        (ref_kind == CXCursor_VarDecl && !is_local_variable(ref) &&
         is_null(clang_Cursor_getVarDeclInitializer(ref)))) {
      if (auto method = parse_http_method(spelling(ref))) return method;
    }
  }
  ResolvedString value = resolve(expr, position);
  if (!value.known || value.text.find(kWildcard) != std::string::npos) return std::nullopt;
  return parse_http_method(value.text);
}

}  // namespace scopelint::extract

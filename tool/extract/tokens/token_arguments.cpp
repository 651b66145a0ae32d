// Call arguments read from tokens: forms, typed arguments and methods (token_pass.h).
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/resolved_facts.h"
#include "extract/tokens/token_pass.h"

namespace scopelint::extract::tokens {

void TokenPass::add_pair(Span key, Span value, unsigned at, ResolvedFields& out) const {
  const ResolvedString k = resolve(tokens_, key, at, 0);
  if (!k.known) return;  // the value is not resolved then
  if (auto field = form_field(k, resolve(tokens_, value, at, 0))) out.fields.push_back(std::move(*field));
}

// Pairs of a brace list `{{k, v}, {k, v}}` (the braces at `open`).
void TokenPass::brace_pairs(size_t open, unsigned at, ResolvedFields& out, int depth) const {
  const size_t close = matching(tokens_, open, tokens_.size());
  if (close >= tokens_.size() || depth > 4) return;
  const auto items = split(tokens_, {open + 1, close}, ",");
  if (items.size() == 2 && !items[0].empty() && tokens_[items[0].begin].text != "{") {
    add_pair(items[0], items[1], at, out);
    return;
  }
  for (const auto& item : items) {
    if (!item.empty() && tokens_[item.begin].text == "{") brace_pairs(item.begin, at, out, depth + 1);
  }
}

// The fields of a form variable: its brace initializer and the pairs added before `at`.
ResolvedFields TokenPass::variable_fields(const std::string& name, unsigned at) const {
  ResolvedFields out;
  const Declaration* decl = declaration(name, at);
  if (!decl) return out;
  if (clang_getCursorKind(decl->cursor) == CXCursor_VarDecl &&
      !is_null(clang_Cursor_getVarDeclInitializer(decl->cursor))) {
    ResolvedFields from_ast = strings_.resolve_fields(decl->cursor, position_at(at));
    if (!from_ast.fields.empty()) return from_ast;
  }
  out.known = clang_getCursorKind(decl->cursor) == CXCursor_VarDecl;
  if (!out.known) return out;
  size_t i = token_at(decl->offset);
  if (i + 1 < tokens_.size() && tokens_[i].text == name) {
    size_t open = i + 1;
    if (tokens_[open].text == "=" && open + 1 < tokens_.size()) ++open;
    if (tokens_[open].text == "{" || tokens_[open].text == "(") brace_pairs(open, at, out);
  }
  const auto& adders = context_.models().strings.field_adders;
  for (; i + 4 < tokens_.size() && tokens_[i].offset < at; ++i) {
    if (tokens_[i].text != name || (tokens_[i + 1].text != "." && tokens_[i + 1].text != "->") ||
        std::find(adders.begin(), adders.end(), tokens_[i + 2].text) == adders.end() || tokens_[i + 3].text != "(") {
      continue;
    }
    const auto args = arguments(i + 3);
    if (args.size() >= 2) {
      add_pair(args[0], args[1], tokens_[i].offset, out);
    } else if (args.size() == 1 && !args[0].empty() && tokens_[args[0].begin].text == "{") {
      brace_pairs(args[0].begin, tokens_[i].offset, out);
    }
  }
  return out;
}

// `cpr::Url{x}` -> x; other spans unchanged.
Span TokenPass::braced_value(Span arg) const {
  for (size_t i = arg.begin; i < arg.end; ++i) {
    if (tokens_[i].text == "{" || tokens_[i].text == "(") {
      if (matching(tokens_, i, arg.end) == arg.end - 1 && i > arg.begin) return {i + 1, arg.end - 1};
      break;
    }
  }
  return arg;
}

// The role of an argument by its type: `Type{...}` as written, or a variable's type.
std::optional<Role> TokenPass::role_of_arg(const LibraryModel& library, Span arg, bool* stringish) const {
  *stringish = false;
  if (arg.empty()) return std::nullopt;
  if (arg.end - arg.begin == 1 && is_identifier(tokens_[arg.begin])) {
    const auto names = type_of(tokens_[arg.begin].text, arg.begin);
    const Declaration* decl = declaration(tokens_[arg.begin].text, tokens_[arg.begin].offset);
    if (decl) *stringish = is_stringish_type(clang_getCursorType(decl->cursor));
    if (macros_.count(tokens_[arg.begin].text)) *stringish = true;
    return role_of_type(library, names);
  }
  // Type{...} / Type(...)
  std::string written;
  for (size_t i = arg.begin; i < arg.end && (is_identifier(tokens_[i]) || tokens_[i].text == "::"); ++i) {
    written += tokens_[i].text;
  }
  if (auto role = role_of_type(library, {written})) return role;
  *stringish = is_string_literal(tokens_[arg.begin]) || literal_sequence(tokens_, arg, 0).has_value();
  return std::nullopt;
}

// A method argument: a library constant as written (`methods::GET`), else a string.
std::optional<HttpMethod> TokenPass::method_of(const LibraryModel& library, Span arg, unsigned at) const {
  std::string written;
  for (size_t i = arg.begin; i < arg.end; ++i) written += tokens_[i].text;
  for (const auto& [constant, method] : library.method_constants) {
    if (!written.empty() && constant.size() >= written.size() &&
        constant.compare(constant.size() - written.size(), written.size(), written) == 0 &&
        (constant.size() == written.size() || constant[constant.size() - written.size() - 1] == ':')) {
      return parse_http_method(method);
    }
  }
  ResolvedString text = resolve(tokens_, arg, at, 0);
  return text.known ? parse_http_method(text.text) : std::nullopt;
}

ResolvedFields TokenPass::fields_of(Span arg, unsigned at) const {
  ResolvedFields fields;
  size_t brace = arg.begin;
  while (brace < arg.end && tokens_[brace].text != "{") ++brace;
  if (arg.end - arg.begin == 1 && is_identifier(tokens_[arg.begin])) {
    fields = variable_fields(tokens_[arg.begin].text, at);
  } else if (brace < arg.end) {
    fields.known = true;
    brace_pairs(brace, at, fields);
  }
  return fields;
}

ResolvedList TokenPass::list_items_of(Span arg, unsigned at) const {
  ResolvedList out;
  if (arg.end - arg.begin != 1 || !is_identifier(tokens_[arg.begin])) return out;
  const std::string& name = tokens_[arg.begin].text;
  const Declaration* decl = declaration(name, at);
  if (!decl) return out;
  out.known = true;
  const auto& appenders = context_.models().strings.list_appenders;
  for (size_t i = token_at(decl->offset); i + 1 < tokens_.size() && tokens_[i].offset < at; ++i) {
    auto appender = std::find_if(appenders.begin(), appenders.end(),
                                 [&](const EncoderModel& model) { return model.function == tokens_[i].text; });
    if (appender == appenders.end() || tokens_[i + 1].text != "(") continue;
    const auto args = arguments(i + 1);
    if (appender->arg >= args.size()) continue;
    // `curl_slist_append(list, item)` adds to the list; `list = curl_slist_append(start, item)`
    // starts it anew, with items known only from a NULL start.
    const auto is_single = [&](Span span, std::initializer_list<const char*> texts) {
      return span.end - span.begin == 1 &&
             std::any_of(texts.begin(), texts.end(), [&](const char* text) { return tokens_[span.begin].text == text; });
    };
    const bool onto_list = is_single(args[0], {name.c_str()});
    const bool starts_list = i >= 2 && tokens_[i - 1].text == "=" && tokens_[i - 2].text == name;
    if (!onto_list && !starts_list) continue;
    if (!onto_list) {
      out.items.clear();
      out.known = is_single(args[0], {"NULL", "nullptr", "0"});
    }
    out.items.push_back(resolve(tokens_, args[appender->arg], tokens_[i].offset, 0));
  }
  return out;
}

std::string TokenPass::enumerator_of(Span arg) const {
  bool qualified = false;
  for (size_t i = arg.begin; i < arg.end; ++i) {
    if (tokens_[i].text == "::") {
      qualified = true;
    } else if (!is_identifier(tokens_[i])) {
      return "";
    }
  }
  return qualified && arg.end > arg.begin && is_identifier(tokens_[arg.end - 1]) ? tokens_[arg.end - 1].text : "";
}

TokenArgument::TokenArgument(const TokenPass& pass, const LibraryModel& library, Span span, unsigned at)
    : pass_(pass), library_(library), span_(span), at_(at) {
  role_ = pass.role_of_arg(library, span, &stringish_);
}

ResolvedString TokenArgument::value() const {
  // `cpr::Url{x}`, `cpr::Body(x)`: a listed type written around the value.
  return pass_.resolve(pass_.tokens(), role_ ? pass_.braced_value(span_) : span_, at_, 0);
}

bool TokenArgument::is_single(const char* text) const {
  return span_.end - span_.begin == 1 && pass_.tokens()[span_.begin].text == text;
}

bool TokenArgument::is_null_pointer() const { return is_single("NULL") || is_single("nullptr") || is_single("0"); }

bool TokenArgument::is_false() const {
  if (is_single("false")) return true;
  const ResolvedString v = value();
  return v.known && v.text == "0";
}

}  // namespace scopelint::extract::tokens

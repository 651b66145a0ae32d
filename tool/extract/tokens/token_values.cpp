// String values read from tokens: literals, macros, sums, printf buffers and declarations the AST
// lost (token_pass.h). A name the AST still declares is resolved by the AST's resolver.
#include <cctype>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/buffer_writes.h"
#include "extract/tokens/token_pass.h"

namespace scopelint::extract::tokens {
namespace {

std::string strip_integer_suffix(std::string text) {
  while (!text.empty() && (text.back() == 'l' || text.back() == 'L' || text.back() == 'u' || text.back() == 'U')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

ResolvedString TokenPass::resolve(const Tokens& t, Span span, unsigned at, int depth) const {
  if (depth > kMaxDepth || span.empty()) return ResolvedString::wildcard();
  while (span.end - span.begin >= 2 && t[span.begin].text == "(" && matching(t, span.begin, span.end) == span.end - 1) {
    ++span.begin;
    --span.end;
  }
  const auto pieces = split(t, span, "+");
  if (pieces.size() > 1) {
    ResolvedString out = ResolvedString::constant("");
    for (const auto& piece : pieces) out.append(resolve_piece(t, piece, at, depth + 1));
    return out;
  }
  return resolve_piece(t, span, at, depth + 1);
}

// Adjacent literals and macros that expand to literals (`API "/x"`).
std::optional<ResolvedString> TokenPass::literal_sequence(const Tokens& t, Span span, int depth) const {
  ResolvedString out = ResolvedString::constant("");
  int literals = 0;
  for (size_t i = span.begin; i < span.end; ++i) {
    if (is_string_literal(t[i])) {
      auto decoded = decode_string_literal(t[i].text);
      if (!decoded) return std::nullopt;
      out.append(ResolvedString::literal_text(*decoded, literal_range(t[i])));
      ++literals;
      continue;
    }
    auto macro = macros_.find(t[i].text);
    if (!is_identifier(t[i]) || macro == macros_.end() || depth > kMaxDepth) return std::nullopt;
    auto value = literal_sequence(macro->second, {0, macro->second.size()}, depth + 1);
    if (!value) return std::nullopt;
    out.append(*value);
    ++literals;
  }
  if (literals == 0) return std::nullopt;
  if (span.end - span.begin != 1 || !is_string_literal(t[span.begin])) out.literal.reset();
  return out;
}

ResolvedString TokenPass::resolve_piece(const Tokens& t, Span span, unsigned at, int depth) const {
  if (span.empty() || depth > kMaxDepth) return ResolvedString::wildcard();
  if (auto literal = literal_sequence(t, span, depth)) return *literal;
  const size_t n = span.end - span.begin;
  const Token& first = t[span.begin];
  // std::string(x), std::string{x}
  if (n >= 5 && first.text == "std" && t[span.begin + 1].text == "::" && t[span.begin + 2].text == "string" &&
      (t[span.begin + 3].text == "(" || t[span.begin + 3].text == "{") &&
      matching(t, span.begin + 3, span.end) == span.end - 1) {
    return resolve(t, {span.begin + 4, span.end - 1}, at, depth + 1);
  }
  // x.c_str(), x.data()
  if (n >= 5 && t[span.end - 1].text == ")" && t[span.end - 2].text == "(" &&
      (t[span.end - 3].text == "c_str" || t[span.end - 3].text == "data") && t[span.end - 4].text == ".") {
    return resolve(t, {span.begin, span.end - 4}, at, depth + 1);
  }
  if (n == 1 && first.kind == CXToken_Literal && !first.text.empty() && std::isdigit(static_cast<unsigned char>(first.text[0]))) {
    return ResolvedString::constant(strip_integer_suffix(first.text));
  }
  // name, ns::name
  bool qualified_name = is_identifier(t[span.end - 1]);
  for (size_t i = span.begin; i < span.end && qualified_name; ++i) {
    qualified_name = ((i - span.begin) % 2 == 0) ? is_identifier(t[i]) : t[i].text == "::";
  }
  if (qualified_name && &t == &tokens_) return resolve_name(t[span.end - 1].text, at, depth + 1);
  return ResolvedString::wildcard();
}

// The span of the call arguments opened at `open` (a "(" token).
std::vector<Span> TokenPass::arguments(size_t open) const {
  const size_t close = matching(tokens_, open, tokens_.size());
  if (close >= tokens_.size() || open + 1 == close) return {};
  return split(tokens_, {open + 1, close}, ",");
}

// What a printf-style call writing into `name` before `at` in the same function leaves in it.
std::optional<ResolvedString> TokenPass::written_buffer(const std::string& name, unsigned at, int depth) const {
  const Function* function = function_at(at);
  if (!function) return std::nullopt;
  std::optional<ResolvedString> value;
  for (size_t i = token_at(function->begin); i + 3 < tokens_.size() && tokens_[i].offset < at; ++i) {
    const std::string& callee = tokens_[i].text;
    if (!is_identifier(tokens_[i]) || tokens_[i + 1].text != "(" || tokens_[i + 2].text != name) continue;
    if (i > 0 && (tokens_[i - 1].text == "." || tokens_[i - 1].text == "->")) continue;
    const auto args = arguments(i + 1);
    if (args.empty() || args[0].end - args[0].begin != 1) continue;
    const unsigned here = tokens_[i].offset;
    auto arg = [&](size_t k) {
      return k < args.size() ? resolve(tokens_, args[k], here, depth + 1) : ResolvedString::wildcard();
    };
    const BufferWrite write = buffer_write(callee, args.size(), arg);
    if (write.kind == BufferWrite::Kind::Replace) {
      value = write.text;
    } else if (write.kind == BufferWrite::Kind::Append && value) {
      value->append(write.text);  // onto what an earlier write left; the declaration is not read
    }
  }
  return value;
}

ResolvedString TokenPass::resolve_name(const std::string& name, unsigned at, int depth) const {
  if (depth > kMaxDepth) return ResolvedString::wildcard();
  auto macro = macros_.find(name);
  if (macro != macros_.end()) return resolve(macro->second, {0, macro->second.size()}, at, depth + 1);
  if (auto buffer = written_buffer(name, at, depth)) return *buffer;
  const Declaration* decl = declaration(name, at);
  if (!decl) return resolve_token_declaration(name, at, depth);
  CXCursor init = clang_getCursorKind(decl->cursor) == CXCursor_VarDecl
                      ? clang_Cursor_getVarDeclInitializer(decl->cursor)
                      : clang_getNullCursor();
  if (!is_null(init)) {
    ResolvedString from_ast = strings_.resolve(init, position_at(at));
    if (from_ast.known) return from_ast;
  }
  // The initializer the AST dropped, from the declaration's tokens: `name = expr;`, `name(expr)`.
  if (clang_getCursorKind(decl->cursor) != CXCursor_VarDecl) return ResolvedString::wildcard();
  const size_t i = token_at(decl->offset);
  if (i + 1 >= tokens_.size() || tokens_[i].text != name) return ResolvedString::wildcard();
  if (tokens_[i + 1].text == "=") return resolve_assigned(i, at, depth);
  if (tokens_[i + 1].text == "(" || tokens_[i + 1].text == "{") {
    const size_t close = matching(tokens_, i + 1, tokens_.size());
    if (close < tokens_.size()) return resolve(tokens_, {i + 2, close}, at, depth + 1);
  }
  return ResolvedString::wildcard();
}

// The value after `name =` at token `i`, up to the end of its declarator.
ResolvedString TokenPass::resolve_assigned(size_t i, unsigned at, int depth) const {
  size_t end = i + 2;
  int level = 0;
  for (; end < tokens_.size(); ++end) {
    const std::string& s = tokens_[end].text;
    if (is_open(s)) ++level;
    if (is_close(s)) --level;
    if (level <= 0 && (s == ";" || s == ",")) break;
    if (level < 0) break;
  }
  return resolve(tokens_, {i + 2, end}, at, depth + 1);
}

// A name the AST does not declare: its one namespace-level `name = value` in the tokens. Several
// (members of different classes) could mean different values: then nothing is known.
ResolvedString TokenPass::resolve_token_declaration(const std::string& name, unsigned at, int depth) const {
  auto found = token_declarations_.find(name);
  if (found == token_declarations_.end() || found->second.size() != 1) return ResolvedString::wildcard();
  return resolve_assigned(found->second.front(), at, depth);
}

}  // namespace scopelint::extract::tokens

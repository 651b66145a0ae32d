// Degraded-mode pass over the main file's tokens for units with a missing project header (see
// token_fallback.h): client method calls, request functions and handle APIs the AST lost.
#include "extract/token_fallback.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <map>
#include <optional>
#include <string_view>

#include "extract/clang_handles.h"
#include "extract/cursor_utils.h"
#include "extract/missing_headers.h"
#include "extract/request_parts.h"
#include "extract/token_structure.h"

namespace scopelint::extract {
namespace {

constexpr int kMaxDepth = 12;

struct Token {
  CXTokenKind kind;
  std::string text;
  unsigned offset = 0;  // byte offsets in the main file
  unsigned end = 0;
  CXSourceLocation location;
  CXSourceRange extent;
};
using Tokens = std::vector<Token>;

struct Span {
  size_t begin = 0, end = 0;  // token indexes, [begin, end)
  bool empty() const { return begin >= end; }
};

bool is_open(const std::string& t) { return t == "(" || t == "[" || t == "{"; }
bool is_close(const std::string& t) { return t == ")" || t == "]" || t == "}"; }

// The index of the bracket closing the one at `open`, or `limit`.
size_t matching(const Tokens& t, size_t open, size_t limit) {
  int depth = 0;
  for (size_t i = open; i < limit; ++i) {
    if (is_open(t[i].text)) ++depth;
    if (is_close(t[i].text) && --depth == 0) return i;
  }
  return limit;
}

// Splits a span at top-level occurrences of `separator`.
std::vector<Span> split(const Tokens& t, Span span, const std::string& separator) {
  std::vector<Span> parts;
  int depth = 0;
  size_t start = span.begin;
  for (size_t i = span.begin; i < span.end; ++i) {
    if (is_open(t[i].text)) ++depth;
    if (is_close(t[i].text)) --depth;
    if (depth == 0 && t[i].text == separator) {
      parts.push_back({start, i});
      start = i + 1;
    }
  }
  if (start < span.end || !parts.empty()) parts.push_back({start, span.end});
  return parts;
}

bool is_string_literal(const Token& token) {
  return token.kind == CXToken_Literal && token.text.find('"') != std::string::npos;
}
bool is_identifier(const Token& token) { return token.kind == CXToken_Identifier; }

SourceLocation token_location(const Token& token) { return to_source_location(file_location(token.location)); }

std::optional<SourceRange> literal_range(const Token& token) {
  const FileLocation begin = file_location(clang_getRangeStart(token.extent));
  const FileLocation end = file_location(clang_getRangeEnd(token.extent));
  if (!begin.file || !end.file || !clang_File_isEqual(begin.file, end.file)) return std::nullopt;
  return SourceRange{to_source_location(begin), to_source_location(end), begin.offset, end.offset - begin.offset};
}

std::string strip_integer_suffix(std::string text) {
  while (!text.empty() && (text.back() == 'l' || text.back() == 'L' || text.back() == 'u' || text.back() == 'U')) {
    text.pop_back();
  }
  return text;
}

bool only_whitespace_before(const char* contents, unsigned offset) {
  for (unsigned i = offset; i > 0; --i) {
    const char c = contents[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// The end of a preprocessor directive starting at `offset` (line continuations included).
unsigned directive_end(const char* contents, size_t size, unsigned offset) {
  for (size_t i = offset; i < size; ++i) {
    if (contents[i] == '\n' && (i == 0 || contents[i - 1] != '\\')) return static_cast<unsigned>(i);
  }
  return static_cast<unsigned>(size);
}

struct Function {
  unsigned begin = 0, end = 0;  // byte offsets of its extent
  int node = -1;  // -1: a body found in the tokens only, whose declaration the AST lost
  int key = -1;  // distinct per function
};

struct Declaration {
  std::string name;
  unsigned offset = 0;
  int function = -1;
  int node = -1;
  CXCursor cursor;
};

class TokenPass {
 public:
  TokenPass(const TuContext& context, const StringResolver& strings)
      : context_(context), strings_(strings), parts_(context, strings), tu_(context.tu()) {}

  bool load() {
    main_file_ = clang_getFile(tu_, to_string(clang_getTranslationUnitSpelling(tu_)).c_str());
    if (!main_file_) return false;
    size_t size = 0;
    const char* contents = clang_getFileContents(tu_, main_file_, &size);
    if (!contents) return false;
    const CXSourceRange range = clang_getRange(clang_getLocationForOffset(tu_, main_file_, 0),
                                               clang_getLocationForOffset(tu_, main_file_, static_cast<unsigned>(size)));
    CXToken* raw = nullptr;
    unsigned count = 0;
    clang_tokenize(tu_, range, &raw, &count);
    Tokens all;
    for (unsigned i = 0; i < count; ++i) {
      Token token;
      token.kind = clang_getTokenKind(raw[i]);
      token.text = to_string(clang_getTokenSpelling(tu_, raw[i]));
      token.location = clang_getTokenLocation(tu_, raw[i]);
      token.extent = clang_getTokenExtent(tu_, raw[i]);
      clang_getFileLocation(clang_getRangeStart(token.extent), nullptr, nullptr, nullptr, &token.offset);
      clang_getFileLocation(clang_getRangeEnd(token.extent), nullptr, nullptr, nullptr, &token.end);
      if (token.kind != CXToken_Comment) all.push_back(std::move(token));
    }
    if (raw) clang_disposeTokens(tu_, raw, count);
    for (size_t i = 0; i < all.size();) {
      if (all[i].kind == CXToken_Punctuation && all[i].text == "#" && only_whitespace_before(contents, all[i].offset)) {
        const unsigned end = directive_end(contents, size, all[i].offset);
        size_t j = i;
        while (j < all.size() && all[j].offset < end) ++j;
        record_macro(all, i, j);
        i = j;
        continue;
      }
      tokens_.push_back(std::move(all[i++]));
    }
    index_ast();
    return true;
  }

  std::vector<FoundRequest> run() {
    std::vector<FoundRequest> found;
    for (const auto& library : context_.models().libraries) {
      for (const auto& model : library.calls) {
        if (model.request_arg) continue;  // request objects: their own declarations survive
        if (!model.classes.empty()) member_calls(library, model, found);
        if (!model.functions.empty()) free_calls(library, model, found);
      }
      if (library.handle_api) handle_calls(library, *library.handle_api, found);
    }
    return found;
  }

 private:
  void record_macro(const Tokens& all, size_t begin, size_t end) {
    if (end - begin < 3 || all[begin + 1].text != "define" || !is_identifier(all[begin + 2])) return;
    const Token& name = all[begin + 2];
    if (begin + 3 < end && all[begin + 3].text == "(" && all[begin + 3].offset == name.end) return;  // function-like
    macros_[name.text] = Tokens(all.begin() + static_cast<long>(begin) + 3, all.begin() + static_cast<long>(end));
  }

  unsigned offset_of(CXSourceLocation location, bool* in_main) const {
    CXFile file = nullptr;
    unsigned offset = 0;
    clang_getExpansionLocation(location, &file, nullptr, nullptr, &offset);
    *in_main = file && clang_File_isEqual(file, main_file_);
    return offset;
  }

  void index_ast() {
    const auto& nodes = context_.tree().nodes;
    node_offsets_.assign(nodes.size(), UINT_MAX);
    for (size_t i = 0; i < nodes.size(); ++i) {
      bool in_main = false;
      const unsigned offset = offset_of(clang_getCursorLocation(nodes[i].cursor), &in_main);
      if (!in_main) continue;
      node_offsets_[i] = offset;
      const CXCursorKind kind = nodes[i].kind;
      if (is_function_like(kind)) {
        const CXSourceRange extent = clang_getCursorExtent(nodes[i].cursor);
        bool begin_main = false, end_main = false;
        Function function;
        function.begin = offset_of(clang_getRangeStart(extent), &begin_main);
        function.end = offset_of(clang_getRangeEnd(extent), &end_main);
        function.node = function.key = static_cast<int>(i);
        if (begin_main && end_main) functions_.push_back(function);
      } else if (kind == CXCursor_VarDecl || kind == CXCursor_ParmDecl || kind == CXCursor_FieldDecl) {
        declarations_.push_back({spelling(nodes[i].cursor), offset, nodes[i].function, static_cast<int>(i),
                                 nodes[i].cursor});
      }
    }
    index_tokens();
  }

  // What the AST lost entirely: the bodies of functions whose declarator names a missing type, and
  // the namespace-level declarations an unknown macro swallowed (token_structure.h).
  void index_tokens() {
    std::vector<std::string_view> texts;
    for (const auto& token : tokens_) texts.push_back(token.text);
    const std::vector<TokenBody> bodies = function_bodies(texts);
    const size_t from_ast = functions_.size();
    for (const TokenBody& body : bodies) {
      Function function;
      function.begin = tokens_[body.open].offset;
      function.end = tokens_[body.close].end;
      function.key = -2 - static_cast<int>(functions_.size());
      const bool known = std::any_of(functions_.begin(), functions_.begin() + static_cast<long>(from_ast),
                                     [&](const Function& f) { return f.begin < function.end && function.begin < f.end; });
      if (!known) functions_.push_back(function);
    }
    for (size_t name : namespace_level_initialized_names(texts, bodies)) token_declarations_[tokens_[name].text].push_back(name);
  }

  // The innermost function whose extent holds `offset`, or nullptr.
  const Function* function_at(unsigned offset) const {
    const Function* best = nullptr;
    for (const auto& function : functions_) {
      if (function.begin <= offset && offset < function.end &&
          (!best || function.end - function.begin < best->end - best->begin)) {
        best = &function;
      }
    }
    return best;
  }
  int function_node_at(unsigned offset) const {
    const Function* function = function_at(offset);
    return function ? function->node : -1;
  }

  // The declaration `name` refers to at `offset`: locals of the enclosing functions, then globals.
  const Declaration* declaration(const std::string& name, unsigned offset) const {
    const auto& nodes = context_.tree().nodes;
    for (int function = function_node_at(offset);; function = nodes[static_cast<size_t>(function)].function) {
      const Declaration* best = nullptr;
      for (const auto& decl : declarations_) {
        if (decl.name == name && decl.function == function && (function < 0 || decl.offset < offset)) best = &decl;
      }
      if (best || function < 0) return best;
    }
  }

  // The AST position (node index) just before `offset`, for the resolver's "as of" lookups.
  int position_at(unsigned offset) const {
    int position = -1;
    for (size_t i = 0; i < node_offsets_.size(); ++i) {
      if (node_offsets_[i] != UINT_MAX && node_offsets_[i] < offset) position = static_cast<int>(i);
    }
    return position;
  }

  size_t token_at(unsigned offset) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                               [](const Token& t, unsigned o) { return t.offset < o; });
    return static_cast<size_t>(it - tokens_.begin());
  }

  // The qualified type name written before a declared name (`const httplib::Client& cli`).
  std::string written_type(size_t name_index) const {
    std::vector<std::string> parts;
    size_t i = name_index;
    while (i > 0) {
      const Token& t = tokens_[i - 1];
      if (t.text == "&" || t.text == "*" || t.text == "const" || t.text == "&&") {
        --i;
        continue;
      }
      break;
    }
    while (i > 0 && is_identifier(tokens_[i - 1])) {
      parts.insert(parts.begin(), tokens_[i - 1].text);
      if (i > 1 && tokens_[i - 2].text == "::") {
        i -= 2;
      } else {
        break;
      }
    }
    std::string name;
    for (const auto& part : parts) name += (name.empty() ? "" : "::") + part;
    return name;
  }

  // The names the type of `name` (used at token `use`) is known by: from the AST, else as written.
  std::vector<std::string> type_of(const std::string& name, size_t use) const {
    const Declaration* decl = declaration(name, tokens_[use].offset);
    std::vector<std::string> names;
    if (decl) {
      names = type_names(clang_getCursorType(decl->cursor));
      const std::string written = written_type(token_at(decl->offset));
      if (!written.empty()) names.push_back(written);
    }
    return names;
  }

  static bool listed(const std::vector<std::string>& names, const std::vector<std::string>& wanted) {
    for (const auto& n : names) {
      if (std::find(wanted.begin(), wanted.end(), n) != wanted.end()) return true;
    }
    return false;
  }

  std::optional<Role> role_of_type(const LibraryModel& library, const std::vector<std::string>& names) const {
    for (const auto& n : names) {
      auto it = library.arg_types.find(n);
      if (it != library.arg_types.end()) return it->second;
    }
    return std::nullopt;
  }

  // --- string values -------------------------------------------------------------------------

  ResolvedString resolve(const Tokens& t, Span span, unsigned at, int depth) const {
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
  std::optional<ResolvedString> literal_sequence(const Tokens& t, Span span, int depth) const {
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

  ResolvedString resolve_piece(const Tokens& t, Span span, unsigned at, int depth) const {
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
  std::vector<Span> arguments(size_t open) const {
    const size_t close = matching(tokens_, open, tokens_.size());
    if (close >= tokens_.size() || open + 1 == close) return {};
    return split(tokens_, {open + 1, close}, ",");
  }

  // What a printf-style call writing into `name` before `at` in the same function leaves in it.
  std::optional<ResolvedString> written_buffer(const std::string& name, unsigned at, int depth) const {
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
      auto format = [&](size_t first) {
        std::vector<ResolvedString> values;
        for (size_t k = first + 1; k < args.size(); ++k) values.push_back(arg(k));
        return format_printf(arg(first), values);
      };
      if (callee == "snprintf" && args.size() >= 3) {
        value = format(2);
      } else if (callee == "sprintf" && args.size() >= 2) {
        value = format(1);
      } else if ((callee == "strcpy" || callee == "strncpy") && args.size() >= 2) {
        value = arg(1);
      } else if ((callee == "strcat" || callee == "strncat") && args.size() >= 2 && value) {
        value->append(arg(1));
      }
    }
    return value;
  }

  ResolvedString resolve_name(const std::string& name, unsigned at, int depth) const {
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
  ResolvedString resolve_assigned(size_t i, unsigned at, int depth) const {
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
  ResolvedString resolve_token_declaration(const std::string& name, unsigned at, int depth) const {
    auto found = token_declarations_.find(name);
    if (found == token_declarations_.end() || found->second.size() != 1) return ResolvedString::wildcard();
    return resolve_assigned(found->second.front(), at, depth);
  }

  // --- forms ---------------------------------------------------------------------------------

  void add_pair(Span key, Span value, unsigned at, ResolvedFields& out) const {
    ResolvedString k = resolve(tokens_, key, at, 0);
    if (!k.known) return;
    ResolvedString v = resolve(tokens_, value, at, 0);
    FormField field;
    field.key = k.text;
    if (v.known || v.text.empty()) field.value = v.text;
    field.value_literal = v.spelling_literal();
    if (field.value) field.value_pieces = v.pieces;
    out.fields.push_back(std::move(field));
  }

  // Pairs of a brace list `{{k, v}, {k, v}}` (the braces at `open`).
  void brace_pairs(size_t open, unsigned at, ResolvedFields& out, int depth = 0) const {
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
  ResolvedFields variable_fields(const LibraryModel& library, const std::string& name, unsigned at) const {
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
    (void)library;
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

  // The body one argument gives, by its role (nullopt role: by whether it is a string).
  RequestBody body_of(const LibraryModel& library, std::optional<Role> role, Span arg, unsigned at) const {
    RequestBody body;
    if (role == Role::Fields) {
      ResolvedFields fields;
      size_t brace = arg.begin;
      while (brace < arg.end && tokens_[brace].text != "{") ++brace;
      if (arg.end - arg.begin == 1 && is_identifier(tokens_[arg.begin])) {
        fields = variable_fields(library, tokens_[arg.begin].text, at);
      } else if (brace < arg.end) {
        fields.known = true;
        brace_pairs(brace, at, fields);
      }
      body.kind = fields.known ? RequestBody::Kind::Fields : RequestBody::Kind::Unknown;
      body.fields = std::move(fields.fields);
      return body;
    }
    if (role == Role::UnknownBody) {
      body.kind = RequestBody::Kind::Unknown;
      return body;
    }
    Span value = arg;
    if (role == Role::Raw) value = braced_value(arg);
    ResolvedString text = resolve(tokens_, value, at, 0);
    body.kind = RequestBody::Kind::Raw;
    if (text.known) body.raw = text.text;
    body.raw_literal = text.spelling_literal();
    if (body.raw) body.raw_pieces = text.pieces;
    return body;
  }

  // `cpr::Url{x}` -> x; other spans unchanged.
  Span braced_value(Span arg) const {
    for (size_t i = arg.begin; i < arg.end; ++i) {
      if (tokens_[i].text == "{" || tokens_[i].text == "(") {
        if (matching(tokens_, i, arg.end) == arg.end - 1 && i > arg.begin) return {i + 1, arg.end - 1};
        break;
      }
    }
    return arg;
  }

  // The role of an argument by its type: `Type{...}` as written, or a variable's type.
  std::optional<Role> role_of_arg(const LibraryModel& library, Span arg, bool* stringish) const {
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

  // --- the calls -----------------------------------------------------------------------------

  bool inside_function(size_t i) const { return function_at(tokens_[i].offset) != nullptr; }

  // `cli.Get(...)`, `cli->Post(...)`, `this->cli_.Get(...)` on a variable of a listed class.
  void member_calls(const LibraryModel& library, const CallModel& model,
                    std::vector<FoundRequest>& out) const {
    for (size_t i = 0; i + 3 < tokens_.size(); ++i) {
      if (!is_identifier(tokens_[i]) || (tokens_[i + 1].text != "." && tokens_[i + 1].text != "->") ||
          tokens_[i + 3].text != "(" || !model.names.count(tokens_[i + 2].text) || !inside_function(i)) {
        continue;
      }
      size_t start = i;
      if (i > 0 && (tokens_[i - 1].text == "." || tokens_[i - 1].text == "->")) {
        if (i < 2 || tokens_[i - 2].text != "this") continue;
        start = i - 2;
      }
      if (!listed(type_of(tokens_[i].text, i), model.classes)) continue;
      const auto args = arguments(i + 3);
      RequestParts parts;
      const std::string& method = model.names.at(tokens_[i + 2].text);
      if (!method.empty()) {
        parts.method = parse_http_method(method);
        parts.method_given = true;
      }
      apply_arguments(library, model, args, tokens_[start].offset, parts);
      if (model.base_from_receiver) {
        if (const Declaration* decl = declaration(tokens_[i].text, tokens_[i].offset)) {
          parts.base = parts_.client_base(library, decl->cursor);
        }
      }
      out.push_back(make_http_call(library.library, parts, token_location(tokens_[start])));
    }
  }

  // `cpr::Post(...)`, written with its namespace.
  void free_calls(const LibraryModel& library, const CallModel& model,
                  std::vector<FoundRequest>& out) const {
    for (size_t i = 0; i + 3 < tokens_.size(); ++i) {
      if (!is_identifier(tokens_[i]) || (i > 0 && (tokens_[i - 1].text == "::" || tokens_[i - 1].text == "." ||
                                                    tokens_[i - 1].text == "->"))) {
        continue;
      }
      std::string name = tokens_[i].text;
      size_t j = i + 1;
      while (j + 1 < tokens_.size() && tokens_[j].text == "::" && is_identifier(tokens_[j + 1])) {
        name += "::" + tokens_[j + 1].text;
        j += 2;
      }
      if (j >= tokens_.size() || tokens_[j].text != "(" || !model.names.count(name) || !inside_function(i)) continue;
      const auto args = arguments(j);
      RequestParts parts;
      const std::string& method = model.names.at(name);
      if (!method.empty()) {
        parts.method = parse_http_method(method);
        parts.method_given = true;
      }
      apply_arguments(library, model, args, tokens_[i].offset, parts);
      out.push_back(make_http_call(library.library, parts, token_location(tokens_[i])));
    }
  }

  // A method argument: a library constant as written (`methods::GET`), else a string.
  std::optional<HttpMethod> method_of(const LibraryModel& library, Span arg, unsigned at) const {
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

  void apply_arguments(const LibraryModel& library, const CallModel& model, const std::vector<Span>& args,
                       unsigned at, RequestParts& parts) const {
    if (model.method_arg && *model.method_arg < args.size()) {
      parts.method = method_of(library, args[*model.method_arg], at);
      parts.method_given = true;
    }
    if (model.url_arg && *model.url_arg < args.size()) parts.url = resolve(tokens_, args[*model.url_arg], at, 0);
    if (model.body_arg && *model.body_arg < args.size()) {
      bool stringish = false;
      const auto role = role_of_arg(library, args[*model.body_arg], &stringish);
      if (role != Role::Ignore) parts.body = body_of(library, role, args[*model.body_arg], at);
    }
    if (model.body_after_url) {
      for (size_t k = model.url_arg ? *model.url_arg + 1 : 0; k < args.size(); ++k) {
        bool stringish = false;
        const auto role = role_of_arg(library, args[k], &stringish);
        if (role == Role::Ignore) continue;
        if (role || stringish) {
          parts.body = body_of(library, role, args[k], at);
          break;
        }
      }
    }
    if (model.args_by_type) {
      for (const auto& arg : args) {
        bool stringish = false;
        const auto role = role_of_arg(library, arg, &stringish);
        if (!role) continue;
        if (*role == Role::Url) {
          parts.url = resolve(tokens_, braced_value(arg), at, 0);
        } else if (*role == Role::Fields || *role == Role::Raw || *role == Role::UnknownBody) {
          parts.body = body_of(library, role, arg, at);
        }
      }
    }
  }

  // Handle APIs (libcurl), per function and handle, in token order.
  void handle_calls(const LibraryModel& library, const HandleApi& api,
                    std::vector<FoundRequest>& out) const {
    struct State {
      RequestParts parts;
      std::optional<HttpMethod> custom_method;
      bool custom_given = false;
    };
    std::map<std::pair<int, std::string>, State> states;
    auto listed_in = [](const std::vector<std::string>& list, const std::string& name) {
      return std::find(list.begin(), list.end(), name) != list.end();
    };
    for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
      const std::string& name = tokens_[i].text;
      if (!is_identifier(tokens_[i]) || tokens_[i + 1].text != "(") continue;
      const bool setopt = name == api.setopt, perform = listed_in(api.perform, name), reset = listed_in(api.reset, name);
      if (!setopt && !perform && !reset) continue;
      if (i > 0 && (tokens_[i - 1].text == "." || tokens_[i - 1].text == "->" || tokens_[i - 1].text == "::")) continue;
      const Function* function = function_at(tokens_[i].offset);
      if (!function) continue;
      const auto args = arguments(i + 1);
      if (args.size() <= api.handle_arg) continue;
      std::string handle;
      for (size_t k = args[api.handle_arg].begin; k < args[api.handle_arg].end; ++k) handle += tokens_[k].text;
      State& state = states[{function->key, handle}];
      const unsigned at = tokens_[i].offset;
      if (reset) {
        state = State{};
        continue;
      }
      if (perform) {
        out.push_back(make_http_call(library.library,
                                     parts_at_perform(state.parts, state.custom_given, state.custom_method),
                                     token_location(tokens_[i])));
        continue;
      }
      if (args.size() <= std::max(api.option_arg, api.value_arg)) continue;
      const Span option_span = args[api.option_arg];
      if (option_span.end - option_span.begin != 1) continue;
      auto option = api.options.find(tokens_[option_span.begin].text);
      if (option == api.options.end()) continue;
      const HandleOption& opt = option->second;
      const Span value = args[api.value_arg];
      const bool single = value.end - value.begin == 1;
      const std::string first = value.empty() ? "" : tokens_[value.begin].text;
      if (opt.url) {
        state.parts.url = resolve(tokens_, value, at, 0);
        state.parts.url_location = token_location(tokens_[i]);
      }
      if (opt.custom_method) {
        state.custom_given = !(single && (first == "NULL" || first == "nullptr" || first == "0"));
        if (state.custom_given) {
          ResolvedString text = resolve(tokens_, value, at, 0);
          state.custom_method = text.known ? parse_http_method(text.text) : std::nullopt;
        } else {
          state.custom_method.reset();
        }
        continue;
      }
      if (opt.method) {
        const ResolvedString v = resolve(tokens_, value, at, 0);
        if (opt.when_true && ((v.known && v.text == "0") || (single && first == "false"))) {
          if (state.parts.method == opt.method) state.parts.method = HttpMethod::Get;
          continue;
        }
        state.parts.method = opt.method;
      }
      if (opt.body == Role::Raw) {
        ResolvedString text = resolve(tokens_, value, at, 0);
        state.parts.body = RequestBody{};
        state.parts.body.kind = RequestBody::Kind::Raw;
        if (text.known) state.parts.body.raw = text.text;
        state.parts.body.raw_literal = text.spelling_literal();
        if (state.parts.body.raw) state.parts.body.raw_pieces = text.pieces;
      } else if (opt.body == Role::UnknownBody && state.parts.body.kind == RequestBody::Kind::None) {
        state.parts.body.kind = RequestBody::Kind::Unknown;
      }
    }
  }

  const TuContext& context_;
  const StringResolver& strings_;
  RequestPartsBuilder parts_;
  CXTranslationUnit tu_;
  CXFile main_file_ = nullptr;
  Tokens tokens_;  // the main file's tokens outside preprocessor directives
  std::map<std::string, Tokens> macros_;  // object-like macros defined in the main file
  std::vector<Function> functions_;
  std::vector<Declaration> declarations_;
  std::map<std::string, std::vector<size_t>> token_declarations_;  // name -> tokens_ index, outside functions
  std::vector<unsigned> node_offsets_;  // per AST node; UINT_MAX outside the main file
};

// Whether the AST lost this body: a form without fields, or a body whose text is unknown.
bool body_lost(const RequestBody& body) {
  return (body.kind == RequestBody::Kind::Fields && body.fields.empty()) ||
         body.kind == RequestBody::Kind::Unknown || (body.kind == RequestBody::Kind::Raw && !body.raw);
}

bool body_known(const RequestBody& body) {
  return (body.kind == RequestBody::Kind::Fields && !body.fields.empty()) ||
         (body.kind == RequestBody::Kind::Raw && body.raw);
}

}  // namespace

std::vector<std::string> missing_project_headers(CXTranslationUnit tu) {
  std::vector<std::string> names;
  for (const MissingHeader& header : missing_headers(tu)) names.push_back(header.header);
  return names;
}

void recover_calls_from_tokens(const TuContext& context, const StringResolver& strings,
                               std::vector<FoundRequest>& calls) {
  if (missing_project_headers(context.tu()).empty()) return;
  TokenPass pass(context, strings);
  if (!pass.load()) return;
  const size_t from_ast = calls.size();
  for (auto& recovered : pass.run()) {
    bool seen = false;
    for (size_t i = 0; i < from_ast; ++i) {
      HttpCall& found = calls[i].call;
      if (!(found.location == recovered.call.location)) continue;
      seen = true;
      // The same request whose body the AST lost (a dropped initializer or snprintf).
      const HttpCall& lost = recovered.call;
      const bool same_method = !found.method || !lost.method || found.method == lost.method;
      if (same_method && body_lost(found.body) && body_known(lost.body)) found.body = lost.body;
    }
    const bool duplicate = std::any_of(
        calls.begin() + static_cast<long>(from_ast), calls.end(), [&](const FoundRequest& other) {
          const HttpCall& call = other.call;
          return call.location == recovered.call.location && call.method == recovered.call.method &&
                 call.url == recovered.call.url;
        });
    if (!seen && !duplicate) calls.push_back(std::move(recovered));
  }
}

}  // namespace scopelint::extract

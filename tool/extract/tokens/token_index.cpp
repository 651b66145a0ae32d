// The token pass's index: the main file's tokens and macros, and where the AST's functions and
// declarations are among them (token_pass.h).
#include <algorithm>
#include <climits>
#include <string_view>

#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"
#include "extract/tokens/token_pass.h"
#include "extract/tokens/token_structure.h"

namespace scopelint::extract::tokens {
namespace {

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

}  // namespace

bool TokenPass::load() {
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

void TokenPass::record_macro(const Tokens& all, size_t begin, size_t end) {
  if (end - begin < 3 || all[begin + 1].text != "define" || !is_identifier(all[begin + 2])) return;
  const Token& name = all[begin + 2];
  if (begin + 3 < end && all[begin + 3].text == "(" && all[begin + 3].offset == name.end) return;  // function-like
  macros_[name.text] = Tokens(all.begin() + static_cast<long>(begin) + 3, all.begin() + static_cast<long>(end));
}

unsigned TokenPass::offset_of(CXSourceLocation location, bool* in_main) const {
  CXFile file = nullptr;
  unsigned offset = 0;
  clang_getExpansionLocation(location, &file, nullptr, nullptr, &offset);
  *in_main = file && clang_File_isEqual(file, main_file_);
  return offset;
}

void TokenPass::index_ast() {
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
void TokenPass::index_tokens() {
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
const Function* TokenPass::function_at(unsigned offset) const {
  const Function* best = nullptr;
  for (const auto& function : functions_) {
    if (function.begin <= offset && offset < function.end &&
        (!best || function.end - function.begin < best->end - best->begin)) {
      best = &function;
    }
  }
  return best;
}

int TokenPass::function_node_at(unsigned offset) const {
  const Function* function = function_at(offset);
  return function ? function->node : -1;
}

// The declaration `name` refers to at `offset`: locals of the enclosing functions, then globals.
const Declaration* TokenPass::declaration(const std::string& name, unsigned offset) const {
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
int TokenPass::position_at(unsigned offset) const {
  int position = -1;
  for (size_t i = 0; i < node_offsets_.size(); ++i) {
    if (node_offsets_[i] != UINT_MAX && node_offsets_[i] < offset) position = static_cast<int>(i);
  }
  return position;
}

size_t TokenPass::token_at(unsigned offset) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                             [](const Token& t, unsigned o) { return t.offset < o; });
  return static_cast<size_t>(it - tokens_.begin());
}

// The qualified type name written before a declared name (`const httplib::Client& cli`).
std::string TokenPass::written_type(size_t name_index) const {
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
std::vector<std::string> TokenPass::type_of(const std::string& name, size_t use) const {
  const Declaration* decl = declaration(name, tokens_[use].offset);
  std::vector<std::string> names;
  if (decl) {
    names = type_names(clang_getCursorType(decl->cursor));
    const std::string written = written_type(token_at(decl->offset));
    if (!written.empty()) names.push_back(written);
  }
  return names;
}

std::optional<Role> TokenPass::role_of_type(const LibraryModel& library, const std::vector<std::string>& names) const {
  for (const auto& n : names) {
    auto it = library.arg_types.find(n);
    if (it != library.arg_types.end()) return it->second;
  }
  return std::nullopt;
}

}  // namespace scopelint::extract::tokens

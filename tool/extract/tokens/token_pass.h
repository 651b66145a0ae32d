// The token pass of a degraded unit (token_fallback.h): the main file's tokens, indexed against
// what the AST kept, read as values and library calls. Internal to extract/tokens/; its members are
// defined by job in token_index.cpp, token_values.cpp, token_arguments.cpp and token_calls.cpp.
#pragma once

#include <clang-c/Index.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/match/call_argument.h"
#include "extract/match/request_parts.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/tu_context.h"

namespace scopelint::extract::tokens {

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

bool is_open(const std::string& t);
bool is_close(const std::string& t);
// The index of the bracket closing the one at `open`, or `limit`.
size_t matching(const Tokens& t, size_t open, size_t limit);
// Splits a span at top-level occurrences of `separator`.
std::vector<Span> split(const Tokens& t, Span span, const std::string& separator);
bool is_string_literal(const Token& token);
bool is_identifier(const Token& token);
SourceLocation token_location(const Token& token);
std::optional<SourceRange> literal_range(const Token& token);

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

  // Reads the main file's tokens and indexes them; false when the file cannot be read.
  bool load();
  // The library calls in the tokens, by the library models.
  std::vector<FoundRequest> run() const;

  // --- values (token_values.cpp)
  ResolvedString resolve(const Tokens& t, Span span, unsigned at, int depth) const;
  // Adjacent literals and macros that expand to literals (`API "/x"`).
  std::optional<ResolvedString> literal_sequence(const Tokens& t, Span span, int depth) const;
  ResolvedString resolve_piece(const Tokens& t, Span span, unsigned at, int depth) const;
  // The span of the call arguments opened at `open` (a "(" token).
  std::vector<Span> arguments(size_t open) const;
  // What a printf-style call writing into `name` before `at` in the same function leaves in it.
  std::optional<ResolvedString> written_buffer(const std::string& name, unsigned at, int depth) const;
  ResolvedString resolve_name(const std::string& name, unsigned at, int depth) const;
  // The value after `name =` at token `i`, up to the end of its declarator.
  ResolvedString resolve_assigned(size_t i, unsigned at, int depth) const;
  // A name the AST does not declare: its one namespace-level `name = value` in the tokens. Several
  // (members of different classes) could mean different values: then nothing is known.
  ResolvedString resolve_token_declaration(const std::string& name, unsigned at, int depth) const;

  // --- arguments (token_arguments.cpp)
  void add_pair(Span key, Span value, unsigned at, ResolvedFields& out) const;
  // Pairs of a brace list `{{k, v}, {k, v}}` (the braces at `open`).
  void brace_pairs(size_t open, unsigned at, ResolvedFields& out, int depth = 0) const;
  // The fields of a form variable: its brace initializer and the pairs added before `at`.
  ResolvedFields variable_fields(const std::string& name, unsigned at) const;
  // `cpr::Url{x}` -> x; other spans unchanged.
  Span braced_value(Span arg) const;
  // The role of an argument by its type: `Type{...}` as written, or a variable's type.
  std::optional<Role> role_of_arg(const LibraryModel& library, Span arg, bool* stringish) const;
  // A method argument: a library constant as written (`methods::GET`), else a string.
  std::optional<HttpMethod> method_of(const LibraryModel& library, Span arg, unsigned at) const;
  // The fields a form argument gives: a variable's, or a brace list's.
  ResolvedFields fields_of(Span arg, unsigned at) const;
  // The items a list variable argument was given by list appenders before `at`.
  ResolvedList list_items_of(Span arg, unsigned at) const;
  // `a::b::c` as written: "c"; otherwise "".
  std::string enumerator_of(Span arg) const;
  const Tokens& tokens() const { return tokens_; }
  bool is_macro(const std::string& name) const { return macros_.count(name) > 0; }

 private:
  // --- the index (token_index.cpp)
  void record_macro(const Tokens& all, size_t begin, size_t end);
  unsigned offset_of(CXSourceLocation location, bool* in_main) const;
  void index_ast();
  // What the AST lost entirely: the bodies of functions whose declarator names a missing type, and
  // the namespace-level declarations an unknown macro swallowed (token_structure.h).
  void index_tokens();
  // The innermost function whose extent holds `offset`, or nullptr.
  const Function* function_at(unsigned offset) const;
  int function_node_at(unsigned offset) const;
  // The declaration `name` refers to at `offset`: locals of the enclosing functions, then globals.
  const Declaration* declaration(const std::string& name, unsigned offset) const;
  // The AST position (node index) just before `offset`, for the resolver's "as of" lookups.
  int position_at(unsigned offset) const;
  size_t token_at(unsigned offset) const;
  // The qualified type name written before a declared name (`const httplib::Client& cli`).
  std::string written_type(size_t name_index) const;
  // The names the type of `name` (used at token `use`) is known by: from the AST, else as written.
  std::vector<std::string> type_of(const std::string& name, size_t use) const;
  std::optional<Role> role_of_type(const LibraryModel& library, const std::vector<std::string>& names) const;

  // --- the calls (token_calls.cpp)
  bool inside_function(size_t i) const;
  static bool listed(const std::vector<std::string>& names, const std::vector<std::string>& wanted);
  // `cli.Get(...)`, `cli->Post(...)`, `this->cli_.Get(...)` on a variable of a listed class.
  void member_calls(const LibraryModel& library, const CallModel& model, std::vector<FoundRequest>& out) const;
  // `cpr::Post(...)`, written with its namespace.
  void free_calls(const LibraryModel& library, const CallModel& model, std::vector<FoundRequest>& out) const;
  // Applies a call by its model (call_argument.h): the method the model names for the callee,
  // then the arguments in their roles; `call` is the token the call starts at.
  void apply_call(const LibraryModel& library, const CallModel& model, const std::string& method_name,
                  const std::vector<Span>& args, size_t call, RequestParts& parts) const;
  AttachedAt attached_at(size_t call) const;
  // Handle APIs (libcurl), per function and handle, in token order.
  void handle_calls(const LibraryModel& library, const HandleApi& api, std::vector<FoundRequest>& out) const;

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

// A call argument read from tokens (call_argument.h): a span of the main file, as of offset `at`.
class TokenArgument final : public CallArgument {
 public:
  TokenArgument(const TokenPass& pass, const LibraryModel& library, Span span, unsigned at);

  std::optional<Role> role_by_type() const override { return role_; }
  bool is_stringish() const override { return stringish_; }
  ResolvedString value() const override;
  ResolvedFields fields() const override { return pass_.fields_of(span_, at_); }
  ResolvedList list_items() const override { return pass_.list_items_of(span_, at_); }
  std::string enumerator() const override { return pass_.enumerator_of(span_); }
  std::optional<HttpMethod> method() const override { return pass_.method_of(library_, span_, at_); }
  std::optional<std::string> method_slot() const override { return std::nullopt; }
  bool is_null_pointer() const override;
  bool is_false() const override;

 private:
  bool is_single(const char* text) const;

  const TokenPass& pass_;
  const LibraryModel& library_;
  Span span_;
  unsigned at_;
  std::optional<Role> role_;
  bool stringish_ = false;
};

}  // namespace scopelint::extract::tokens

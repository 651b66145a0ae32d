// Function bodies and namespace-level declarations found in tokens (see token_structure.h).
#include "extract/tokens/token_structure.h"

#include <algorithm>
#include <cctype>

namespace scopelint::extract {
namespace {

bool is_name(std::string_view token) {
  return !token.empty() && (std::isalpha(static_cast<unsigned char>(token[0])) || token[0] == '_');
}

// Words that may sit between a parameter list's `)` and the function body's `{`.
bool is_function_qualifier(std::string_view token) {
  return token == "const" || token == "volatile" || token == "noexcept" || token == "override" ||
         token == "final" || token == "mutable" || token == "&" || token == "&&";
}

// Whether the `{` at `open` starts a function body, judged by the tokens before it.
bool opens_function_body(const std::vector<std::string_view>& tokens, size_t open) {
  size_t i = open;
  while (i > 0 && is_function_qualifier(tokens[i - 1])) --i;
  return i > 0 && tokens[i - 1] == ")";
}

bool is_declaration_keyword(std::string_view token) {
  for (const char* keyword : {"using", "typename", "class", "struct", "union", "enum", "namespace", "return",
                              "operator", "typedef", "template", "case", "goto", "throw", "delete", "new"}) {
    if (token == keyword) return true;
  }
  return false;
}

bool is_type_like(std::string_view token) {
  return (is_name(token) && !is_declaration_keyword(token)) || token == ">" || token == "*" || token == "&";
}

}  // namespace

std::vector<TokenBody> function_bodies(const std::vector<std::string_view>& tokens) {
  std::vector<TokenBody> bodies;
  std::vector<size_t> scopes;  // open `{` outside function bodies
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == "}") {
      if (scopes.empty()) return bodies;  // unbalanced
      scopes.pop_back();
      continue;
    }
    if (tokens[i] != "{") continue;
    if (!opens_function_body(tokens, i)) {
      scopes.push_back(i);
      continue;
    }
    size_t depth = 0, close = i;
    for (; close < tokens.size(); ++close) {
      if (tokens[close] == "{") ++depth;
      if (tokens[close] == "}" && --depth == 0) break;
    }
    if (close == tokens.size()) return bodies;  // unbalanced
    bodies.push_back({i, close});
    i = close;
  }
  return bodies;
}

std::vector<size_t> namespace_level_initialized_names(const std::vector<std::string_view>& tokens,
                                                      const std::vector<TokenBody>& bodies) {
  std::vector<size_t> names;
  int parentheses = 0, angles = 0;
  size_t next_body = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (next_body < bodies.size() && i == bodies[next_body].open) {
      i = bodies[next_body++].close;
      parentheses = angles = 0;
      continue;
    }
    const std::string_view token = tokens[i];
    if (token == "(" || token == "[") ++parentheses;
    if ((token == ")" || token == "]") && parentheses > 0) --parentheses;
    if (token == "template") angles = 0;
    if (token == "<" && i > 0 && tokens[i - 1] == "template") ++angles;
    if (token == ">" && angles > 0) --angles;
    if (token == ";" || token == "{" || token == "}") parentheses = angles = 0;
    if (parentheses > 0 || angles > 0 || token != "=" || i < 2) continue;
    if (is_name(tokens[i - 1]) && !is_declaration_keyword(tokens[i - 1]) && is_type_like(tokens[i - 2])) {
      names.push_back(i - 1);
    }
  }
  return names;
}

}  // namespace scopelint::extract

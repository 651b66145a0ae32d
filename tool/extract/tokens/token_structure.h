// The function bodies and namespace-level declarations of a main file, read from its tokens alone:
// for degraded units, where clang drops every function whose declarator names a type from a missing
// header (`Result Client::fetch() {...}` with `Result` and `Client` unknown) and every declaration
// that an unknown macro swallowed (`DECLARE_LOG_OBJECT()` just before `namespace x {`).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace scopelint::extract {

struct TokenBody {
  size_t open = 0, close = 0;  // token indices of the body's `{` and its `}`
};

// The outermost function bodies: `{...}` blocks outside any function whose `{` follows a parameter
// list's `)` (qualifiers such as `const` or `noexcept` and a constructor's initializer list may sit
// between). Lambdas at namespace level count as functions. Ordered by position; an unbalanced
// block ends the search.
std::vector<TokenBody> function_bodies(const std::vector<std::string_view>& tokens);

// The token indices of names declared with `=` outside every function body (`const std::string
// kApi = "...";`, a class member's default `std::string base_ = "...";`): an identifier preceded by a
// type-like token (a name that is not a keyword, `>`, `*`, `&`) and followed by `=`, outside
// parentheses and angle brackets (a default argument is not a declaration). `bodies` is
// function_bodies(tokens).
std::vector<size_t> namespace_level_initialized_names(const std::vector<std::string_view>& tokens,
                                                      const std::vector<TokenBody>& bodies);

}  // namespace scopelint::extract

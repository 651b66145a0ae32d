// The C functions that write a string into a buffer given as their first argument: snprintf and
// sprintf (also as the _chk builtins glibc's fortify macros expand to), strcpy, strncpy, strcat,
// strncat. Taught here once for both front ends: the AST's local values (local_values.cpp) and the
// token pass of a unit with a missing header (extract/tokens/).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {

struct BufferWrite {
  enum class Kind { None, Replace, Append };
  Kind kind = Kind::None;
  ResolvedString text;  // what the call writes, or appends
};

// What a call of `callee` with `argument_count` arguments writes into its first one;
// `argument(i)` gives the value of argument i. Kind::None: not such a call, or too few arguments.
BufferWrite buffer_write(const std::string& callee, size_t argument_count,
                         const std::function<ResolvedString(size_t)>& argument);

}  // namespace scopelint::extract

// Where an expression uses a variable, beyond naming it directly (cursor_utils.h).
#pragma once

#include <clang-c/Index.h>

namespace scopelint::extract {

// Whether `var` is named anywhere in `expr` (bounded: a very large expression counts as naming it).
bool mentions_variable(CXCursor expr, CXCursor var);

}  // namespace scopelint::extract

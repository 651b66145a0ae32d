// A data member's default initializer (`std::string base_ = "https://..."`), told apart from the
// other expressions libclang lists under a FieldDecl: array bounds, bit-field widths, template
// arguments of its type.
#pragma once

#include <clang-c/Index.h>

namespace scopelint::extract {

// The expression after `=`, or the braced list right after the member's name; null when none.
CXCursor field_initializer(CXCursor field);

}  // namespace scopelint::extract

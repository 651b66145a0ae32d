// Braced lists a container is made from (`{"a", "b"}` through constructors and
// std::initializer_list), and the sizes that array types fix.
#pragma once

#include <clang-c/Index.h>

#include <optional>
#include <utility>

namespace scopelint::extract {

// The number of elements an array or std::array holds, when its type says so.
std::optional<long long> fixed_size(CXType type);

// The braced list a container is made from (through constructors, std::initializer_list and
// temporaries), or null.
CXCursor braced_list(CXCursor expr);

// The key and value of one entry `{k, v}` of a map's braced list (an init list or a pair's
// constructor), or nullopt.
std::optional<std::pair<CXCursor, CXCursor>> braced_entry(CXCursor expr);

}  // namespace scopelint::extract

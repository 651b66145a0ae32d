// The returns of a helper that a call selects by a constant argument:
//
//   std::string path_for(Resource r) { switch (r) { case Resource::Patients: return "/patients/"; ... } }
//   path_for(Resource::Patients)  // only the first return applies
#pragma once

#include <clang-c/Index.h>

#include <vector>

#include "extract/resolve/tu_context.h"

namespace scopelint::extract {

// Of `returns` (node indices, in source order) of the function at node `function`, the ones that
// can run when it is called with `args`: those under the `case` of a switch on a parameter that
// the argument's constant (an enumerator or an integer) selects, then those after the switch when
// no case does. All of them when no such switch decides.
std::vector<int> returns_selected_by(const TuContext& context, int function, const std::vector<int>& returns,
                                     const std::vector<CXCursor>& args);

}  // namespace scopelint::extract

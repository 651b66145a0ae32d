// Wrapper inference across translation units: every call of a summarised function becomes the
// request it makes, rebuilt with the caller's arguments and reported at the outermost call site.
#pragma once

#include <vector>

#include "extract/wrappers/wrapper_declaration.h"
#include "extract/wrappers/wrapper_summaries.h"
#include "model/facts.h"

namespace scopelint::extract {

// The requests made through wrappers: at the call sites that fix them, or (for a wrapper nobody
// in the scan calls) where they are made, with the parameters as "{}". Summaries compose up to a
// fixed depth, so recursion terminates.
std::vector<HttpCall> compose_wrapper_calls(std::vector<WrapperSummary> summaries,
                                            const std::vector<WrapperCallSite>& call_sites,
                                            const std::vector<WrapperDeclaration>& declared);

}  // namespace scopelint::extract

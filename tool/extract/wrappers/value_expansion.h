// Values with several alternatives, expanded before wrapper inference: a request made in a
// range-for over constant values is one request per value, one whose URL is a choice
// (extract/resolve/value_choices.cpp) one request per alternative, made under the alternative's
// tests; a wrapper call whose arguments hold choices is one call site per alternative.
#pragma once

#include <vector>

#include "extract/match/request_parts.h"
#include "extract/resolve/string_resolver.h"
#include "model/wrapper_facts.h"

namespace scopelint::extract {

// Up to 64 requests; past that, or when a loop's values are not known, the value stays a
// run-time one (its slot becomes "{}" when the request is finished). A choice anywhere but the
// URL and base is a run-time value.
std::vector<FoundRequest> expand_values(const StringResolver& strings, FoundRequest found);

// Up to 64 call sites; past that, the choice is a run-time value.
std::vector<WrapperCallSite> expand_call_site(const StringResolver& strings, WrapperCallSite site);

}  // namespace scopelint::extract

// Wrapper inference, per translation unit: the requests whose URL, method or body depend on the
// parameters of the function that makes them (summaries), and the calls of project functions
// with their arguments resolved (call sites). wrapper_composition.h joins them across units.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extract/match/request_parts.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/tu_context.h"
#include "extract/wrappers/wrapper_declaration.h"
#include "model/facts.h"
#include "model/wrapper_facts.h"

namespace scopelint::extract {


// Whether the slots still decide the endpoint, the method or a requested scope (a path tail, the
// method, a `scope` value), rather than an id in a path segment or a query value: then the function
// is a wrapper, and the request is reported where it is called.
bool slots_decide_request(const HttpCall& call, const std::optional<std::string>& method_slot);
// The request with every slot as "{}", and `unresolved` saying what stays unknown.
HttpCall finish_request(HttpCall call, const std::optional<std::string>& method_slot);

// Moves the requests of `found` that depend on parameters into summaries, appends the others to
// `calls`, and records the calls of functions declared in the scan (`in_scan` of the declaration's
// file) or in `declared`.
UnitWrappers collect_unit_wrappers(const TuContext& context, const StringResolver& strings,
                                   const std::function<bool(CXFile)>& in_scan,
                                   const std::vector<WrapperDeclaration>& declared,
                                   std::vector<FoundRequest> found, std::vector<HttpCall>& calls);

}  // namespace scopelint::extract

// Wrapper inference, per translation unit: the requests whose URL, method or body depend on the
// parameters of the function that makes them (summaries), and the calls of project functions
// with their arguments resolved (call sites). wrapper_composition.h joins them across units.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extract/method_branches.h"
#include "extract/request_parts.h"
#include "extract/string_resolver.h"
#include "extract/tu_context.h"
#include "extract/wrapper_declaration.h"
#include "model/facts.h"

namespace scopelint::extract {

// A function whose request depends on its parameters. `request` holds slots of `function`
// (parameter_slots.h) in its URL, base and body; its location is where the request is made here.
struct WrapperSummary {
  std::string function;  // key: USR, or "name:" + qualified name for a declared wrapper
  std::string name;  // qualified name, for notes
  HttpCall request;
  std::optional<std::string> method_slot;  // the method is this parameter's value
  int depth = 0;  // wrapper levels below `function`
  // The request is made only when these tests of `function`'s parameters pass (a branch of a
  // switch or if on a method or body parameter); parameter -1: a test no caller can decide.
  BranchConditions conditions;
};

struct WrapperArgument {
  std::string text;  // resolved, "{}" for run-time parts, "" when known to be empty; may hold the caller's own slots
  std::optional<SourceRange> literal;  // the literal that spells the whole value, if one does
  std::vector<LiteralPiece> pieces;  // the literals that spell runs of `text`
  std::optional<HttpMethod> method;  // when the argument names a method ("POST", Method::Post)
  std::optional<std::vector<FormField>> fields;  // when the argument is a form
};

// A call of a function defined in the scan (or declared as a wrapper), wherever it is defined.
struct WrapperCallSite {
  std::string callee;  // USR
  std::string callee_name;  // qualified name
  std::string caller;  // USR of the enclosing function; "" at namespace scope or in a lambda
  std::string caller_name;
  SourceLocation location;
  std::vector<SourceLocation> macro_chain;  // of `location` (macro_locations.h)
  // As written, then the callee's default arguments for those left out (as far as known).
  std::vector<WrapperArgument> arguments;
};

struct UnitWrappers {
  std::vector<WrapperSummary> summaries;
  std::vector<WrapperCallSite> call_sites;
  bool empty() const { return summaries.empty() && call_sites.empty(); }
};

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

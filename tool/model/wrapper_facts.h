// What a unit's analysis says about the project's own functions, as plain data: the requests
// whose URL, method or body depend on a function's parameters (summaries), the calls of project
// functions with their arguments resolved (call sites), and the tests on parameters under which a
// request is made. extract/ fills them, cache/ stores them, extract/wrappers/wrapper_composition.h joins
// them across units.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/facts.h"

namespace scopelint {

// One test on a parameter that must pass (or fail, when `holds` is false) for a request to be made.
struct BranchCondition {
  enum class Test {
    Equals,  // the value is one of `values` (string literals, or an enum constant's integer value)
    Empty,   // an empty string, a null pointer or an empty optional
    Opaque,  // some other test of the parameter: never decided statically
  };
  std::string function;  // key of the function whose parameter is tested (USR, as in slots)
  int parameter = -1;    // 0-based; -1: a run-time value that no caller can decide any more
  Test test = Test::Opaque;
  std::vector<std::string> values;  // Equals
  bool holds = true;
  std::string wrapper;  // where the choice is made, for messages: qualified name of the function
  std::string parameter_name;  // as declared there
};
using BranchConditions = std::vector<BranchCondition>;  // all of them must hold

// A function whose request depends on its parameters. `request` holds slots of `function`
// (extract/resolve/parameter_slots.h) in its URL, base and body; its location is where the request is made here.
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
  std::vector<SourceLocation> macro_chain;  // of `location` (extract/clang/macro_locations.h)
  // As written, then the callee's default arguments for those left out (as far as known).
  std::vector<WrapperArgument> arguments;
  // The arguments are these only when these tests of the caller's parameters pass (an argument
  // with alternatives, each made under its own tests: extract/resolve/value_choices.cpp).
  BranchConditions conditions;
};

struct UnitWrappers {
  std::vector<WrapperSummary> summaries;
  std::vector<WrapperCallSite> call_sites;
  bool empty() const { return summaries.empty() && call_sites.empty(); }
};

}  // namespace scopelint

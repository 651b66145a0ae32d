// Requests made in a branch chosen by a parameter (`switch (method)`, `if (verb == "POST")`,
// `body.empty() ? Get : Post`): the conditions on the enclosing function's parameters under which
// a request is made, and how a caller's argument decides them (see wrapper_composition.h).
// method_branches.cpp reads them from the AST; branch_conditions.cpp decides and carries them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/resolve/string_resolver.h"
#include "extract/resolve/tu_context.h"
#include "model/facts.h"
#include "model/wrapper_facts.h"

namespace scopelint::extract {


enum class Decision { Holds, Fails, Unknown };

// The conditions under which the statement at node `position` runs, from the if/else chains,
// switch cases, conditional operators and early returns of its function that test a parameter.
// Tests that read no parameter are left out: they are not the caller's choice.
BranchConditions branch_conditions(const TuContext& context, const StringResolver& strings,
                                   int position);

// The condition a test (`if`/`?:`) puts on a parameter of its function, if it reads one.
std::optional<BranchCondition> test_condition(const TuContext& context, const StringResolver& strings,
                                              CXCursor test, int position);

// Whether `condition` holds for an argument whose resolved text is `text` ("{}" for run-time
// parts); `literal`: one string literal spells the whole value.
Decision decide(const BranchCondition& condition, const std::string& text, bool literal);

// Whether every condition can hold together (a value cannot equal "GET" and "POST").
bool consistent(const BranchConditions& conditions);
// A condition that fails exactly when `condition` holds.
BranchCondition negated(BranchCondition condition);
// Whether some condition is decided by the caller (not Opaque).
bool has_decidable(const BranchConditions& conditions);
// The conditions a caller can decide: the others never rule an alternative out.
BranchConditions decidable(const BranchConditions& conditions);
// A stable text for keys and tests: "m==1|!body:empty".
std::string conditions_key(const BranchConditions& conditions);

}  // namespace scopelint::extract

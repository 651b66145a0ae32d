// Fix-its that rewrite a token request's scope value to the least-privilege scope string, planned
// from the facts; fix/scope_edits.h makes them after suppression, reading the files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check_context.h"
#include "classify/classify.h"
#include "model/finding.h"

namespace scopelint {

// The edit that gives `token`'s scope literal (TokenRequest::scope_literal, maybe a constant in a
// header) the value `scopes` (joined in the literal's separator style); its `why_not` says why
// when the token's value has no single literal to edit.
ScopeEdit plan_scope_edit(const TokenRequest& token, const std::vector<std::string>& scopes);

// The fix that gives each of `tokens` the component's least-privilege scope string, or nullopt
// when there is none to give: no call needs a specific scope, a call needs the global scope, an
// unresolved call might need more; then `why_not` (when given) says why.
std::optional<PlannedFix> least_privilege_fix(const Catalog& catalog, const Component& component,
                                              const std::vector<const TokenRequest*>& tokens,
                                              std::string* why_not = nullptr);

// The fix that adds `scope` to each of `tokens`' own scope string (a header's scope such as
// act_as_user, which goes beside whatever the token asks for, the global scope included).
PlannedFix added_scope_fix(const std::vector<const TokenRequest*>& tokens, const std::string& scope);

}  // namespace scopelint

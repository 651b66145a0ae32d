// Fix-its that rewrite a token request's scope value to the least-privilege scope string.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check_context.h"
#include "model/finding.h"
#include "classify/classify.h"

namespace scopelint {

// The edit that replaces the scope value inside `token`'s scope literal (TokenRequest::scope_literal,
// maybe a constant in a header) with `scopes` (joined in the literal's separator style), or nullopt
// when the value cannot be located exactly: no single literal, a literal with escapes or a prefix
// we do not rewrite, or source text that no longer matches what was scanned; then `why_not` (when
// given) says which. Records the file's content hash (fix/snapshots.h).
std::optional<Replacement> scope_value_replacement(const TokenRequest& token,
                                                   const std::vector<std::string>& scopes,
                                                   std::string* why_not = nullptr);

// The fix that gives each of `tokens` the component's least-privilege scope string, or nullopt
// when there is none to give: no call needs a specific scope, a call needs the global scope, an
// unresolved call might need more, or no token's value can be rewritten; then `why_not` (when
// given) says why.
std::optional<Fix> least_privilege_fix(const Catalog& catalog, const Component& component,
                                       const std::vector<const TokenRequest*>& tokens,
                                       std::string* why_not = nullptr);

}  // namespace scopelint

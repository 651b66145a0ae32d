// Plans the least-privilege scope fix-it from the facts (scope_fix.h).
#include "checks/scope_fix.h"

#include <algorithm>

#include "classify/scope_string.h"
#include "util/percent_encoding.h"

namespace scopelint {
namespace {

// The separator to join with: the literal's own style, unless that style is itself wrong for how
// the value reaches the wire (a raw space in a form body, "%20" in a value the library encodes).
std::string separator_for(const TokenRequest& token) {
  const std::string& sep = token.parsed.separator;
  // A literal an escape call encodes on its way into the body is written plain.
  if (token.scope_literal && token.scope_literal->encoding == ScopeEncoding::Plain) return " ";
  if (token.encoding == ScopeEncoding::Wire) return sep == " " ? "%20" : sep;
  if (token.encoding == ScopeEncoding::Plain) return " ";
  return sep;
}

std::string quote(const std::vector<std::string>& scopes) {
  return "'" + join_scopes(scopes, " ") + "'";
}

// Why the token's scope value has no literal to edit, or "" when it has one.
std::string why_no_literal(const TokenRequest& token) {
  if (token.from_config) return "the scopes are granted by configuration";
  if (!token.body_known) return "the token request's body could not be worked out";
  if (!token.sends_scope) return "the token request sends no scope parameter to edit";
  if (!token.scope_known || token.parsed.has_runtime_part)
    return "the scope string is built at run time";
  if (!token.scope_literal) return "the scope string is not written in one string literal";
  return "";
}

// The text the literal must hold at the value's place: the value as the scan read it, decoded
// when an escape call encodes the literal on its way into a form body.
std::string expected_literal_text(const TokenRequest& token) {
  if (token.encoding == ScopeEncoding::Wire &&
      token.scope_literal->encoding == ScopeEncoding::Plain) {
    return percent_decode(token.scope_text);
  }
  return token.scope_text;
}

}  // namespace

ScopeEdit plan_scope_edit(const TokenRequest& token, const std::vector<std::string>& scopes) {
  ScopeEdit edit;
  edit.why_not = why_no_literal(token);
  if (!edit.why_not.empty()) return edit;
  const ScopeLiteral& place = *token.scope_literal;
  edit.literal = place.literal;
  edit.value_offset = place.value_offset;
  edit.value_length = place.value_length;
  edit.expected = expected_literal_text(token);
  edit.text = join_scopes(scopes, separator_for(token));
  return edit;
}

std::optional<PlannedFix> least_privilege_fix(const Catalog& catalog, const Component& component,
                                              const std::vector<const TokenRequest*>& tokens,
                                              std::string* why_not) {
  const auto none = [&](std::string reason) -> std::optional<PlannedFix> {
    if (why_not) *why_not = std::move(reason);
    return std::nullopt;
  };
  if (component.needs_global) return none("a call needs the global scope");
  if (component.may_need_any) return none("a call that could not be resolved may need any scope");
  if (!component.maybe_needed.empty())
    return none("calls that could not be resolved may need other scopes");
  std::vector<std::string> least = component.least_privilege(catalog);
  if (least.empty()) return none("no call found needs a specific scope");
  if (std::find(least.begin(), least.end(), catalog.global_scope) != least.end()) {
    return none("a call needs the global scope");
  }
  PlannedFix fix;
  fix.description = "request only " + quote(least);
  for (const TokenRequest* token : tokens) fix.edits.push_back(plan_scope_edit(*token, least));
  return fix;
}

PlannedFix added_scope_fix(const std::vector<const TokenRequest*>& tokens, const std::string& scope) {
  PlannedFix fix;
  fix.description = "add " + quote({scope});
  for (const TokenRequest* token : tokens) {
    std::vector<std::string> scopes = token->parsed.scopes;
    if (std::find(scopes.begin(), scopes.end(), scope) == scopes.end()) scopes.push_back(scope);
    fix.edits.push_back(plan_scope_edit(*token, scopes));
  }
  return fix;
}

}  // namespace scopelint

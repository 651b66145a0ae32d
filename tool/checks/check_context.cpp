// Grouping by component and working out each component's grant and needs.
#include "checks/check_context.h"

#include <map>

#include "checks/rule_registry.h"

namespace scopelint {

ScopeStatus scope_status(const Catalog& catalog, const std::string& scope) {
  if (scope == catalog.global_scope) return ScopeStatus::Global;
  if (catalog.scopes.count(scope)) return ScopeStatus::Known;
  const std::string suffix = ".write";
  if (scope.rfind(catalog.scope_prefix, 0) == 0 && scope.size() > suffix.size() &&
      scope.compare(scope.size() - suffix.size(), suffix.size(), suffix) == 0) {
    std::string resource = scope.substr(catalog.scope_prefix.size(),
                                        scope.size() - catalog.scope_prefix.size() - suffix.size());
    auto it = catalog.resources.find(resource);
    if (it != catalog.resources.end() && it->second.read_only) return ScopeStatus::ReadOnlyWrite;
  }
  return ScopeStatus::Unknown;
}

bool token_is_global(const Catalog& catalog, const TokenRequest& token) {
  if (!token.body_known) return false;
  if (!token.sends_scope) return true;
  if (!token.scope_known || token.parsed.has_runtime_part) return false;
  // A header's scope (act_as_user) grants no resource: "apiv2 act_as_user" is still global.
  bool global = false;
  for (const auto& scope : token.parsed.scopes) {
    if (scope == catalog.global_scope) {
      global = true;
    } else if (!catalog.is_header_scope(scope)) {
      return false;
    }
  }
  return global || token.parsed.scopes.empty();
}

bool Component::may_need_header_scope(const std::string& scope) const {
  return needed.count(scope) || (headers_unknown && granted.count(scope));
}

bool Component::may_need(const Catalog& catalog, const std::string& scope) const {
  if (needed.count(scope) || maybe_needed.count(scope)) return true;
  return catalog.is_header_scope(scope) && may_need_header_scope(scope);
}

std::vector<std::string> Component::least_privilege(const Catalog& catalog) const {
  // The global scope does not include a header's scope (act_as_user): it goes beside it. One the
  // token asks for stays while some headers are not known.
  std::set<std::string> least;
  for (const auto& rule : catalog.header_scopes) {
    if (may_need_header_scope(rule.scope)) least.insert(rule.scope);
  }
  if (needs_global) {
    least.insert(catalog.global_scope);
  } else {
    least.insert(needed.begin(), needed.end());
  }
  return {least.begin(), least.end()};
}

namespace {

void add_grant(Component& component, const Catalog& catalog, const TokenRequest& token) {
  if (!token.body_known || (token.sends_scope && !token.scope_known) ||
      token.parsed.has_runtime_part) {
    component.grant_unknown = true;
  }
  if (token_is_global(catalog, token)) component.global = true;
  for (const auto& scope : token.parsed.scopes) {
    switch (scope_status(catalog, scope)) {
      case ScopeStatus::Known: component.granted.insert(scope); break;
      // apiv2 with specific scopes is rejected by the server (global-scope-combined); judging the
      // calls against it as well would only repeat that error on every call.
      case ScopeStatus::Global: component.global = true; break;
      case ScopeStatus::ReadOnlyWrite:
      case ScopeStatus::Unknown: break;  // grants nothing
    }
  }
}

void add_need(Component& component, const ApiCall& call) {
  for (const HeaderScopeRule* rule : call.header_rules) component.needed.insert(rule->scope);
  component.headers_unknown = component.headers_unknown || call.headers_unknown;
  const Requirement& req = call.requirement;
  switch (req.kind) {
    case Requirement::Kind::Scopes:
      component.needed.insert(req.scopes.begin(), req.scopes.end());
      break;
    case Requirement::Kind::GlobalOnly: component.needs_global = true; break;
    case Requirement::Kind::Unresolved:
      component.maybe_needed.insert(req.candidates.begin(), req.candidates.end());
      if (req.could_need_any) component.may_need_any = true;
      break;
    default: break;
  }
}

}  // namespace

CheckContext build_check_context(const ClassifiedFacts& facts, const Catalog& catalog) {
  std::map<std::string, Component> by_name;
  for (const auto& call : facts.calls) {
    Component& component = by_name[call.call->component];
    component.calls.push_back(&call);
    add_need(component, call);
  }
  for (const auto& token : facts.tokens) {
    Component& component = by_name[token.component];
    component.tokens.push_back(&token);
    add_grant(component, catalog, token);
  }
  CheckContext context{catalog, {}};
  for (auto& [name, component] : by_name) {
    component.name = name;
    context.components.push_back(std::move(component));
  }
  return context;
}

Finding make_finding(std::string_view rule, const SourceLocation& location, std::string message) {
  Finding finding;
  finding.rule = std::string(rule);
  const RuleInfo* info = find_rule(rule);
  finding.level = info ? info->default_level : Level::Warning;
  finding.location = location;
  finding.message = std::move(message);
  return finding;
}

// The wrapper functions a request goes through: a change in them changes what it is.
void add_chain(Finding& finding, const std::vector<Note>& chain) {
  for (const auto& step : chain) finding.depends_on.push_back(step.location);
}

Finding make_finding(std::string_view rule, const HttpCall& call, std::string message) {
  Finding finding = make_finding(rule, call.location, std::move(message));
  finding.macro_chain = call.macro_chain;
  add_chain(finding, call.chain);
  return finding;
}

Finding make_finding(std::string_view rule, const TokenRequest& token, std::string message) {
  Finding finding = make_finding(rule, token.location, std::move(message));
  finding.macro_chain = token.macro_chain;
  add_chain(finding, token.chain);
  if (token.scope_literal) finding.depends_on.push_back(token.scope_literal->literal.begin);
  return finding;
}

Finding make_scope_finding(std::string_view rule, const TokenRequest& token, std::string message) {
  Finding finding = make_finding(rule, token, std::move(message));
  if (!scope_written_elsewhere(token)) return finding;
  const SourceRange& literal = token.scope_literal->literal;
  finding.location = literal.begin;
  if (literal.end.line == literal.begin.line) finding.end = literal.end;
  finding.macro_chain.insert(finding.macro_chain.begin(), token.location);
  finding.notes.push_back({token.location, "token request here"});
  return finding;
}

std::vector<std::string> scopes_needed_by(const ApiCall& call, const Catalog& catalog) {
  std::vector<std::string> scopes;
  if (call.requirement.kind == Requirement::Kind::Scopes) scopes = call.requirement.scopes;
  if (call.requirement.kind == Requirement::Kind::GlobalOnly) scopes.push_back(catalog.global_scope);
  for (const HeaderScopeRule* rule : call.header_rules) scopes.push_back(rule->scope);
  return scopes;
}

std::string describe_call(const ApiCall& call) {
  std::string method = call.method ? std::string(to_string(*call.method)) : "a request to";
  return method + " " + call.display_path;
}

std::vector<Note> token_notes(const Component& component) {
  std::vector<Note> notes;
  for (const auto* token : component.tokens) {
    std::string message;
    if (token->from_config) {
      message = "scopes granted by configuration: '" + token->scope_text + "'";
    } else if (!token->body_known) {
      message = "token requested here (its body could not be worked out)";
    } else if (!token->sends_scope) {
      message = "token requested here without a scope";
    } else if (!token->scope_known) {
      message = "token requested here (its scope could not be worked out)";
    } else {
      message = "token requested here with scope '" + join_scopes(token->parsed.scopes, " ") + "'";
    }
    notes.push_back({token->location, message});
  }
  return notes;
}

std::vector<SourceLocation> scope_literal_places(const Component& component) {
  std::vector<SourceLocation> places;
  for (const auto* token : component.tokens) {
    if (token->scope_literal) places.push_back(token->scope_literal->literal.begin);
  }
  return places;
}

}  // namespace scopelint

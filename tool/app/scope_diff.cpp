// Scope-change report: least-privilege sets per component, their difference, text and Markdown.
#include "app/scope_diff.h"

#include "checks/check_context.h"
#include "report/report_common.h"
#include "classify/classify.h"

namespace scopelint {
namespace {

std::vector<ScopeCall> calls_for(const std::map<std::string, std::vector<ScopeCall>>& scopes,
                                 const std::string& scope) {
  auto found = scopes.find(scope);
  return found == scopes.end() ? std::vector<ScopeCall>{} : found->second;
}

// Scopes in `from` and not in `without`, as changes.
void add_changes(const std::map<std::string, std::vector<ScopeCall>>& from,
                 const std::map<std::string, std::vector<ScopeCall>>& without, bool added,
                 std::vector<ScopeChange>& out) {
  for (const auto& [scope, calls] : from) {
    if (without.count(scope) == 0) out.push_back({scope, added, calls});
  }
}

std::string calls_text(const std::vector<ScopeCall>& calls) {
  std::string out;
  for (const auto& call : calls) {
    out += (out.empty() ? "" : ", ") + call.call + " at " + call.location;
  }
  return out;
}

std::string component_label(const std::string& name) { return name.empty() ? "(default)" : name; }

// Inline code for a Markdown table cell: backticks cannot close the span, a pipe cannot end the
// cell, a line break cannot end the row.
std::string markdown_code(const std::string& text) {
  std::string out = "`";
  for (char c : text) {
    if (c == '`')
      out += '\'';
    else if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out + "`";
}

std::string markdown_calls(const std::vector<ScopeCall>& calls) {
  std::string out;
  for (const auto& call : calls) {
    out += (out.empty() ? "" : "<br>") + markdown_code(call.call) + " at " +
           markdown_code(call.location);
  }
  return out;
}

}  // namespace

ComponentScopes component_scopes(const Facts& facts, const Catalog& catalog,
                                 const std::string& base_directory) {
  const ClassifiedFacts classified = classify(facts, catalog);
  const CheckContext context = build_check_context(classified, catalog);
  ComponentScopes out;
  for (const auto& component : context.components) {
    std::map<std::string, std::vector<ScopeCall>> needed_by;
    for (const ApiCall* call : component.calls) {
      const SourceLocation& at = call->call->location;
      ScopeCall described{describe_call(*call),
                          display_path(at.file, base_directory) + ":" + std::to_string(at.line)};
      for (const auto& scope : scopes_needed_by(*call, catalog)) needed_by[scope].push_back(described);
    }
    auto& scopes = out[component.name];
    for (const auto& scope : component.least_privilege(catalog)) {
      scopes[scope] = calls_for(needed_by, scope);
    }
  }
  return out;
}

std::vector<ComponentChange> diff_scopes(const ComponentScopes& base, const ComponentScopes& head) {
  std::map<std::string, std::vector<ScopeChange>> by_component;
  const std::map<std::string, std::vector<ScopeCall>> none;
  for (const auto& [name, scopes] : head) {
    auto in_base = base.find(name);
    add_changes(scopes, in_base == base.end() ? none : in_base->second, true, by_component[name]);
  }
  for (const auto& [name, scopes] : base) {
    auto in_head = head.find(name);
    add_changes(scopes, in_head == head.end() ? none : in_head->second, false, by_component[name]);
  }
  std::vector<ComponentChange> out;
  for (auto& [name, changes] : by_component) {
    if (!changes.empty()) out.push_back({name, std::move(changes)});
  }
  return out;
}

std::string format_scope_diff_text(const std::vector<ComponentChange>& changes,
                                   const std::string& base_ref, bool named_components) {
  if (changes.empty()) return "no scope changes against " + base_ref + "\n";
  std::string out;
  for (const auto& component : changes) {
    const std::string indent = named_components ? "  " : "";
    if (named_components) out += component_label(component.name) + ":\n";
    for (const auto& change : component.changes) {
      out += indent + (change.added ? "adds " : "removes ") + change.scope;
      if (!change.calls.empty()) {
        out += (change.added ? ": " : ": was needed by ") + calls_text(change.calls);
      }
      out += "\n";
    }
  }
  return out;
}

std::string format_scope_diff_markdown(const std::vector<ComponentChange>& changes,
                                       const std::string& base_ref) {
  if (changes.empty()) {
    return "### scopelint: no scope changes against " + markdown_code(base_ref) + "\n";
  }
  std::string out = "### scopelint: scope changes against " + markdown_code(base_ref) +
                    "\n\n| component | change | scope | calls |\n|---|---|---|---|\n";
  for (const auto& component : changes) {
    for (const auto& change : component.changes) {
      out += "| " + markdown_code(component_label(component.name)) + " | " +
             (change.added ? "adds" : "removes") + " | " + markdown_code(change.scope) + " | " +
             (change.added || change.calls.empty() ? "" : "was needed by ") +
             markdown_calls(change.calls) + " |\n";
    }
  }
  return out;
}

}  // namespace scopelint

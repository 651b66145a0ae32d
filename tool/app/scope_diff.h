// The scope-change report of `scopelint diff`: per component, the scopes the least-privilege set
// gains and loses between a base scan and the working tree, each with the calls that cause it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/facts.h"
#include "catalog/catalog.h"

namespace scopelint {

// One call needing a scope: "PATCH /api/2.0/problems/{}/" at "src/main.cpp:19".
struct ScopeCall {
  std::string call;
  std::string location;
};

// Component name ("" for the whole project) -> least-privilege scope -> the calls needing it.
using ComponentScopes = std::map<std::string, std::map<std::string, std::vector<ScopeCall>>>;

// The least-privilege scopes of each component of `facts`, locations relative to
// `base_directory` (as the reports print them).
ComponentScopes component_scopes(const Facts& facts, const Catalog& catalog,
                                 const std::string& base_directory);

struct ScopeChange {
  std::string scope;
  bool added = false;            // else removed
  std::vector<ScopeCall> calls;  // added: the working tree's calls; removed: the base's
};

struct ComponentChange {
  std::string name;
  std::vector<ScopeChange> changes;  // added first, then removed; each sorted by scope
};

// Only components whose least-privilege set changed, sorted by name.
std::vector<ComponentChange> diff_scopes(const ComponentScopes& base, const ComponentScopes& head);

// Text: "adds SCOPE: CALL at FILE:LINE" / "removes SCOPE: was needed by CALL at FILE:LINE", under a
// "NAME:" line per component unless the project is one unnamed component.
std::string format_scope_diff_text(const std::vector<ComponentChange>& changes,
                                   const std::string& base_ref, bool named_components);

// GitHub-flavoured Markdown for a pull-request comment or a step summary: a heading and a table.
// Text from the scanned code is escaped: it cannot end a code span, a table cell or add markup.
std::string format_scope_diff_markdown(const std::vector<ComponentChange>& changes,
                                       const std::string& base_ref);

}  // namespace scopelint

// `scopelint suggest`: the least-privilege scope string for the calls found.
#pragma once

#include <string>

#include "model/facts.h"
#include "report/report.h"
#include "catalog/catalog.h"

namespace scopelint {

// Text: one line per component ("scope1 scope2", prefixed "NAME: " when there are several).
// JSON: {"version": 1, "components": [{"name", "scope", "scopes": [{"scope", "calls": [...]}],
// "unresolved_calls": [...]}]}.
// Whether `facts` hold no call of the catalog's API and no token request: nothing to judge.
bool nothing_to_judge(const Facts& facts, const Catalog& catalog);

// Text: nothing for an empty scan (the caller says nothing_judged_line on stderr instead).
std::string format_suggestion(const Facts& facts, const Catalog& catalog, ReportFormat format,
                              const std::string& base_directory);

}  // namespace scopelint

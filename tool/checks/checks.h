// The checks: each turns the classified facts into findings of one rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check_context.h"
#include "model/finding.h"

namespace scopelint {

using CheckFunction = void (*)(const CheckContext&, std::vector<Finding>&);

struct CheckEntry {
  std::string_view rule;
  CheckFunction run;
};

void check_missing_scope(const CheckContext& context, std::vector<Finding>& out);
void check_unused_scope(const CheckContext& context, std::vector<Finding>& out);
void check_global_scope(const CheckContext& context, std::vector<Finding>& out);
void check_global_scope_combined(const CheckContext& context, std::vector<Finding>& out);
void check_unknown_scope(const CheckContext& context, std::vector<Finding>& out);
void check_read_only_scope(const CheckContext& context, std::vector<Finding>& out);
void check_unknown_endpoint(const CheckContext& context, std::vector<Finding>& out);
void check_scope_encoding(const CheckContext& context, std::vector<Finding>& out);
void check_unresolved_call(const CheckContext& context, std::vector<Finding>& out);
void check_no_token_request(const CheckContext& context, std::vector<Finding>& out);

// The documented scope a misspelt `scope` most likely means ("patients.read":
// "system/patients.read"), as unknown-scope suggests it.
std::optional<std::string> closest_scope(const Catalog& catalog, const std::string& scope);

// Every check, in registry order.
const std::vector<CheckEntry>& all_checks();

// Classifies the facts, runs every check and returns the findings sorted (finding_order).
std::vector<Finding> run_checks(const Facts& facts, const Catalog& catalog);

}  // namespace scopelint

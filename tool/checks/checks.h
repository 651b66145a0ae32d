// The checks: each turns the classified facts into findings of one rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check_context.h"
#include "checks/rule_registry.h"
#include "model/finding.h"

namespace scopelint {

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

// Each check's rule, defined beside it (rule_registry.h collects them).
const RuleInfo& missing_scope_rule();
const RuleInfo& unused_scope_rule();
const RuleInfo& global_scope_rule();
const RuleInfo& global_scope_combined_rule();
const RuleInfo& unknown_scope_rule();
const RuleInfo& read_only_scope_rule();
const RuleInfo& unknown_endpoint_rule();
const RuleInfo& scope_encoding_rule();
const RuleInfo& unresolved_call_rule();
const RuleInfo& no_token_request_rule();

// The documented scope a misspelt `scope` most likely means ("patients.read":
// "system/patients.read"), as unknown-scope suggests it.
std::optional<std::string> closest_scope(const Catalog& catalog, const std::string& scope);

// The rules that have a check, in registry order.
std::vector<const RuleInfo*> all_checks();

// Runs every check on classified facts and returns the findings sorted (finding_order).
std::vector<Finding> run_checks(const ClassifiedFacts& classified, const Catalog& catalog);
// The same, classifying the facts first.
std::vector<Finding> run_checks(const Facts& facts, const Catalog& catalog);

}  // namespace scopelint

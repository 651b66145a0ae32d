// The explicit list of checks and the pipeline facts -> classification -> findings.
#include <algorithm>

#include "checks/checks.h"

namespace scopelint {

const std::vector<CheckEntry>& all_checks() {
  static const std::vector<CheckEntry> checks = {
      {"missing-scope", check_missing_scope},
      {"unused-scope", check_unused_scope},
      {"global-scope", check_global_scope},
      {"global-scope-combined", check_global_scope_combined},
      {"unknown-scope", check_unknown_scope},
      {"read-only-scope", check_read_only_scope},
      {"unknown-endpoint", check_unknown_endpoint},
      {"scope-encoding", check_scope_encoding},
      {"unresolved-call", check_unresolved_call},
      {"no-token-request", check_no_token_request},
  };
  return checks;
}

std::vector<Finding> run_checks(const Facts& facts, const Catalog& catalog) {
  ClassifiedFacts classified = classify(facts, catalog);
  CheckContext context = build_check_context(classified, catalog);
  std::vector<Finding> findings;
  for (const auto& check : all_checks()) check.run(context, findings);
  std::stable_sort(findings.begin(), findings.end(), finding_order);
  return findings;
}

}  // namespace scopelint

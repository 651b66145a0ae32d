// The pipeline facts -> classification -> findings, running the checks of the rule registry.
#include <algorithm>

#include "checks/checks.h"

namespace scopelint {

std::vector<const RuleInfo*> all_checks() {
  std::vector<const RuleInfo*> checks;
  for (const RuleInfo& rule : all_rules()) {
    if (rule.check) checks.push_back(&rule);
  }
  return checks;
}

std::vector<Finding> run_checks(const Facts& facts, const Catalog& catalog) {
  return run_checks(classify(facts, catalog), catalog);
}

std::vector<Finding> run_checks(const ClassifiedFacts& classified, const Catalog& catalog) {
  CheckContext context = build_check_context(classified, catalog);
  std::vector<Finding> findings;
  for (const RuleInfo* rule : all_checks()) rule->check(context, findings);
  std::stable_sort(findings.begin(), findings.end(), finding_order);
  return findings;
}

}  // namespace scopelint

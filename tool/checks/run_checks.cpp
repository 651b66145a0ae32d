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
  // Alternatives of one call that reach the same endpoint (two hosts, a run-time or a literal
  // base) make the same finding: it is reported once.
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.rule == b.rule && a.level == b.level && a.location == b.location &&
                                      a.message == b.message;
                             }),
                 findings.end());
  return findings;
}

}  // namespace scopelint

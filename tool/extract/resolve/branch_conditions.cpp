// Branch conditions on parameters as values: deciding them for an argument and combining them
// (see method_branches.h).
#include <algorithm>

#include "extract/resolve/method_branches.h"
#include "extract/resolve/parameter_slots.h"

namespace scopelint::extract {
namespace {

bool same_test(const BranchCondition& a, const BranchCondition& b) {
  return a.function == b.function && a.parameter == b.parameter && a.test == b.test &&
         a.values == b.values;
}

}  // namespace

BranchCondition negated(BranchCondition condition) {
  condition.holds = !condition.holds;
  return condition;
}

Decision decide(const BranchCondition& condition, const std::string& text, bool literal) {
  if (condition.test == BranchCondition::Test::Opaque) return Decision::Unknown;
  const bool runtime = text.find(kWildcard) != std::string::npos && !literal;
  bool result = false;
  if (condition.test == BranchCondition::Test::Equals) {
    if (runtime || has_slot(text)) return Decision::Unknown;
    result =
        std::find(condition.values.begin(), condition.values.end(), text) != condition.values.end();
  } else if (literal || text.empty()) {
    result = text.empty();  // a literal, or a value known to be empty ("", {}, std::nullopt)
  } else {
    // Any known character makes the value non-empty (a caller's parameter in it may be empty).
    std::string known = wildcard_slots(text);
    for (size_t pos = known.find(kWildcard); pos != std::string::npos;
         pos = known.find(kWildcard)) {
      known.erase(pos, 2);
    }
    if (known.empty()) return Decision::Unknown;
    result = false;
  }
  return result == condition.holds ? Decision::Holds : Decision::Fails;
}

bool consistent(const BranchConditions& conditions) {
  for (size_t i = 0; i < conditions.size(); ++i) {
    const BranchCondition& a = conditions[i];
    for (size_t j = i + 1; j < conditions.size(); ++j) {
      const BranchCondition& b = conditions[j];
      if (same_test(a, b) && a.holds != b.holds) return false;
      if (a.function != b.function || a.parameter != b.parameter ||
          a.test != BranchCondition::Test::Equals || b.test != BranchCondition::Test::Equals) {
        continue;
      }
      // Two values the parameter must be one of, with nothing in common.
      if (a.holds && b.holds &&
          std::none_of(a.values.begin(), a.values.end(), [&](const std::string& v) {
            return std::find(b.values.begin(), b.values.end(), v) != b.values.end();
          })) {
        return false;
      }
      // Must be one of a's values, and none of b's: b excludes them all.
      const BranchCondition* must = a.holds ? &a : &b;
      const BranchCondition* must_not = a.holds ? &b : &a;
      if (must->holds && !must_not->holds &&
          std::all_of(must->values.begin(), must->values.end(), [&](const std::string& v) {
            return std::find(must_not->values.begin(), must_not->values.end(), v) !=
                   must_not->values.end();
          })) {
        return false;
      }
    }
  }
  return true;
}

bool has_decidable(const BranchConditions& conditions) {
  return std::any_of(conditions.begin(), conditions.end(), [](const BranchCondition& c) {
    return c.test != BranchCondition::Test::Opaque && c.parameter >= 0;
  });
}

BranchConditions decidable(const BranchConditions& conditions) {
  BranchConditions out;
  for (const auto& condition : conditions) {
    if (condition.test != BranchCondition::Test::Opaque && condition.parameter >= 0) out.push_back(condition);
  }
  return out;
}

std::string conditions_key(const BranchConditions& conditions) {
  std::string key;
  for (const auto& condition : conditions) {
    if (!key.empty()) key += '|';
    if (!condition.holds) key += '!';
    key += condition.parameter_name + "@" + std::to_string(condition.parameter);
    switch (condition.test) {
      case BranchCondition::Test::Equals:
        key += "==";
        for (size_t i = 0; i < condition.values.size(); ++i)
          key += (i ? "," : "") + condition.values[i];
        break;
      case BranchCondition::Test::Empty:
        key += ":empty";
        break;
      case BranchCondition::Test::Opaque:
        key += ":?";
        break;
    }
  }
  return key;
}

}  // namespace scopelint::extract

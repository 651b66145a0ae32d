// Values with alternatives (part of StringResolver, see string_resolver.h): a helper whose returns
// differ, a `?:` whose branches differ, a member the constructors give different values.
//
//   std::string path_for(Resource r) { switch (r) { case Patients: return "/patients/"; ... } }
//   cli.Get(path_for(r));  // one request per case, each made when `r` is that case
//
// The value is a choice slot (parameter_slots.h) whose alternatives the resolver keeps; requests
// are expanded per alternative before wrapper inference (wrapper_summaries.cpp).
#include <algorithm>
#include <set>

#include "extract/clang/cursor_utils.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxAlternatives = 64;

}  // namespace

ResolvedString StringResolver::choose(std::vector<Alternative> alternatives, bool keep_tests) const {
  std::vector<Alternative> distinct;
  std::set<std::string> seen;
  const auto add = [&](Alternative alternative) {
    if (seen.insert(alternative.value.text + "\n" + conditions_key(alternative.conditions)).second)
      distinct.push_back(std::move(alternative));
  };
  for (auto& alternative : alternatives) {
    // A choice inside an alternative is flattened into this one.
    const auto inner = alternative.value.known ? whole_slot(alternative.value.text) : std::nullopt;
    if (const auto* nested_choice = inner ? choice(*inner) : nullptr) {
      for (const Alternative& nested : *nested_choice) {
        Alternative both = nested;
        both.conditions.insert(both.conditions.begin(), alternative.conditions.begin(), alternative.conditions.end());
        if (consistent(both.conditions)) add(std::move(both));
      }
      continue;
    }
    alternative.conditions = decidable(alternative.conditions);
    // An empty string is not `known` but is a value; anything else unknown is a run-time value.
    if (!alternative.value.known && !alternative.value.text.empty()) alternative.value = ResolvedString::wildcard();
    add(std::move(alternative));
  }
  if (distinct.empty() || distinct.size() > kMaxAlternatives) return ResolvedString::wildcard();
  const bool agree = std::all_of(distinct.begin(), distinct.end(),
                                 [&](const Alternative& a) { return a.value.text == distinct.front().value.text; });
  const bool one_tested = keep_tests && distinct.size() == 1 && !distinct.front().conditions.empty();
  if (agree && !one_tested) return distinct.front().value;
  // "A known value or anything" without a test or a caller to tell them apart is anything: the common
  // `if (!host) host = "https://...";` default adds nothing to what a run-time value says.
  const auto unknown = [](const Alternative& a) { return !a.value.known && !a.value.text.empty(); };
  // A caller's argument among the alternatives is kept: the callers may say what it is.
  const bool tested = std::any_of(distinct.begin(), distinct.end(), [](const Alternative& a) {
    return !a.conditions.empty() || has_slot(a.value.text);
  });
  if (std::all_of(distinct.begin(), distinct.end(), unknown) || (!tested && std::any_of(distinct.begin(), distinct.end(), unknown)))
    return ResolvedString::wildcard();
  ResolvedString out = ResolvedString::constant(choice_slot_text(static_cast<int>(choices_.size())));
  for (const Alternative& alternative : distinct) {
    out.literal_count = std::max(out.literal_count, alternative.value.literal_count);
  }
  choices_.push_back(std::move(distinct));
  return out;
}

ResolvedString StringResolver::assigned_in_branch(ResolvedString before, bool unset, ResolvedString next,
                                                  int event) const {
  const BranchConditions when = decidable(branch_conditions(context_, *this, event));
  std::vector<Alternative> alternatives;
  // An unset variable (`std::string path;`, `const char* p = nullptr;`) is taken to be assigned
  // before it is used: a branch that leaves it unset sends no request to an empty path.
  if (!unset) {
    BranchConditions otherwise;
    if (when.size() == 1) otherwise.push_back(negated(when.front()));
    alternatives.push_back({std::move(before), std::move(otherwise)});
  }
  alternatives.push_back({std::move(next), when});
  return choose(std::move(alternatives), true);
}

const std::vector<Alternative>* StringResolver::choice(const ParameterSlot& slot) const {
  if (!is_choice_slot(slot) || slot.index < 0 || static_cast<size_t>(slot.index) >= choices_.size()) return nullptr;
  return &choices_[static_cast<size_t>(slot.index)];
}

std::optional<BranchConditions> StringResolver::bind_conditions(const BranchConditions& conditions,
                                                                CXCursor function, CXCursor call, int position,
                                                                int depth) const {
  const std::string key = function_key(function);
  const auto args = parameter_arguments(call);
  BranchConditions out;
  for (const BranchCondition& condition : conditions) {
    if (condition.function != key) {
      out.push_back(condition);
      continue;
    }
    if (condition.parameter < 0 || static_cast<size_t>(condition.parameter) >= args.size()) continue;
    const CXCursor arg = args[static_cast<size_t>(condition.parameter)];
    const ResolvedString value =
        is_null_pointer_argument(arg) ? ResolvedString::constant("") : resolve_at(arg, position, depth);
    const Decision decision =
        extract::decide(condition, value.known ? value.text : kWildcard, value.spelling_literal().has_value());
    if (decision == Decision::Holds) continue;
    if (decision == Decision::Fails) return std::nullopt;
    // The caller's own parameter: its callers decide; a range-for's variable: each of its values
    // (value_expansion.cpp).
    const auto slot = value.known ? whole_slot(value.text) : std::nullopt;
    if (!slot || !(is_parameter_slot(*slot) || is_loop_slot(*slot))) continue;
    BranchCondition moved = condition;
    moved.function = slot->function;
    moved.parameter = slot->index;
    const CXCursor var = referenced_variable(strip_passthrough(arg));
    if (!is_null(var)) {
      moved.parameter_name = spelling(var);
      moved.wrapper = qualified_name(clang_getCursorSemanticParent(var));
    }
    out.push_back(std::move(moved));
  }
  return out;
}

PiecedText StringResolver::bind_choice(int choice_index, CXCursor function, CXCursor call, int position,
                                       int depth) const {
  if (choice_index < 0 || static_cast<size_t>(choice_index) >= choices_.size()) return {kWildcard, {}};
  // Copied: binding may add choices, which moves the vector.
  const std::vector<Alternative> original = choices_[static_cast<size_t>(choice_index)];
  std::vector<Alternative> bound;
  for (const Alternative& alternative : original) {
    auto conditions = bind_conditions(alternative.conditions, function, call, position, depth);
    if (!conditions) continue;
    bound.push_back({bind_arguments(alternative.value, function, call, position, depth + 1), std::move(*conditions)});
  }
  ResolvedString value = choose(std::move(bound));
  return {value.known ? value.text : kWildcard, value.pieces};
}

}  // namespace scopelint::extract

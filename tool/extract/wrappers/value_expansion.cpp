// Requests and wrapper call sites with several values, one per value (see value_expansion.h).
#include "extract/wrappers/value_expansion.h"

#include <map>
#include <set>

#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/parameter_slots.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxExpanded = 64;  // requests, or call sites, made of one

// The first slot in a request's URL or base that stands for several values: a range-for's
// variable or a choice.
std::optional<ParameterSlot> first_multi_valued_slot(const HttpCall& call) {
  for (const auto* text : {&call.url, &call.base}) {
    if (!*text) continue;
    for (const SlotAt& at : slots_in(**text)) {
      if (is_loop_slot(at.slot) || is_choice_slot(at.slot)) return at.slot;
    }
  }
  return std::nullopt;
}

// The request with `slot` in its URL and base replaced by `value`.
FoundRequest with_value(FoundRequest found, const ParameterSlot& slot, const std::string& value) {
  for (auto* text : {&found.call.url, &found.call.base}) {
    if (!*text) continue;
    **text = substitute_slots(**text, [&](const ParameterSlot& other) {
      return other.function == slot.function && other.index == slot.index ? value
                                                                          : slot_text(other.function, other.index);
    });
  }
  return found;
}

// A choice anywhere else (a body, a scope) is a run-time value: only URLs are judged per value.
FoundRequest without_choices(FoundRequest found) {
  const auto wild = [](std::optional<std::string>& text) {
    if (!text) return;
    text = substitute_slots(*text, [](const ParameterSlot& slot) {
      return is_choice_slot(slot) ? std::string(kWildcard) : slot_text(slot.function, slot.index);
    });
  };
  wild(found.call.body.raw);
  for (auto& field : found.call.body.fields) wild(field.value);
  return found;
}

// What decides the endpoint of a request: its base and its URL up to the query.
std::string endpoint_key(const FoundRequest& found) {
  // Slots are named by USRs, which may hold '#' or '?': each becomes a plain mark first.
  std::vector<std::string> names;
  const std::string url = substitute_slots(found.call.url.value_or(""), [&](const ParameterSlot& slot) {
    names.push_back(slot_text(slot.function, slot.index));
    return "{slot " + std::to_string(names.size() - 1) + "}";
  });
  const std::string path = url.substr(0, url.find_first_of("?#"));
  std::string key = found.call.base.value_or("") + "\n" + path;
  for (size_t i = 0; i < names.size(); ++i) {
    if (path.find("{slot " + std::to_string(i) + "}") != std::string::npos) key += "\n" + names[i];
  }
  return key;
}

// The conditions with the tests of the loop variable `loop` decided for `value`; nullopt when one
// fails (the request is not made for that value).
std::optional<BranchConditions> decided_for(const BranchConditions& conditions, const std::string& loop,
                                            const ResolvedString& value) {
  BranchConditions out;
  for (const BranchCondition& condition : conditions) {
    if (condition.function != loop) {
      out.push_back(condition);
      continue;
    }
    const Decision decision =
        decide(condition, value.known ? value.text : kWildcard, value.spelling_literal().has_value());
    if (decision == Decision::Fails) return std::nullopt;
  }
  return out;
}

// Tests left on loop variables whose values are not in the URL (`get(path_for(k))` in
// `for (Kind k : kinds)`): the request is made when some value passes them; nullopt when none does.
std::optional<BranchConditions> settle_loop_conditions(const StringResolver& strings, BranchConditions conditions) {
  std::set<std::string> loops;
  for (const BranchCondition& condition : conditions) {
    if (is_loop_slot({condition.function, condition.parameter})) loops.insert(condition.function);
  }
  for (const std::string& loop : loops) {
    // Values not known: no test of them fails.
    const auto values = strings.loop_values(loop);
    std::optional<BranchConditions> settled;
    for (const ResolvedString& value : values ? *values : std::vector<ResolvedString>{ResolvedString::wildcard()}) {
      if ((settled = decided_for(conditions, loop, value))) break;
    }
    if (!settled) return std::nullopt;
    conditions = std::move(*settled);
  }
  return conditions;
}

}  // namespace

// A request made in a range-for over constant values is one request per value; one whose URL
// is a choice (value_choices.cpp) is one request per alternative, made under the alternative's
// conditions. Up to kMaxExpanded requests; past that, or when a loop's values are not known, the
// value stays a run-time one.
std::vector<FoundRequest> expand_values(const StringResolver& strings, FoundRequest found) {
  const auto slot = first_multi_valued_slot(found.call);
  if (!slot) {
    auto settled = settle_loop_conditions(strings, std::move(found.conditions));
    if (!settled) return {};
    found.conditions = std::move(*settled);
    return {without_choices(std::move(found))};
  }
  std::vector<Alternative> alternatives;
  if (is_choice_slot(*slot)) {
    if (const auto* choice = strings.choice(*slot)) alternatives = *choice;
  } else if (auto values = strings.loop_values(slot->function)) {
    for (auto& value : *values) alternatives.push_back({std::move(value), {}});
  }
  // Unknown values: the slot becomes "{}" when the request is finished (finish_request).
  if (alternatives.empty()) return {without_choices(std::move(found))};
  std::vector<FoundRequest> out;
  std::map<std::string, size_t> endpoints;
  for (const Alternative& alternative : alternatives) {
    FoundRequest copy = with_value(found, *slot, alternative.value.text);
    copy.conditions.insert(copy.conditions.end(), alternative.conditions.begin(), alternative.conditions.end());
    if (!consistent(copy.conditions)) continue;  // the request's own branch rules this value out
    if (is_loop_slot(*slot)) {
      auto decided = decided_for(copy.conditions, slot->function, alternative.value);
      if (!decided) continue;
      copy.conditions = std::move(*decided);
    }
    for (auto& expanded : expand_values(strings, std::move(copy))) {
      if (expanded.call.url && expanded.call.url->empty()) continue;  // a helper's "not found" value
      // Alternatives that differ only in the query (`"?" + q` or nothing) are one endpoint, made
      // under either alternative's tests: under the request's own.
      const auto [at, added] = endpoints.emplace(endpoint_key(expanded), out.size());
      if (added) {
        out.push_back(std::move(expanded));
      } else if (conditions_key(out[at->second].conditions) != conditions_key(expanded.conditions)) {
        out[at->second].conditions = found.conditions;
      }
    }
    if (out.size() > kMaxExpanded) return {without_choices(std::move(found))};
  }
  return out;
}

// A call site whose arguments hold choices (value_choices.cpp) is one call site per alternative,
// each under the alternative's tests; past kMaxExpanded, the choice is a run-time value.
std::vector<WrapperCallSite> expand_call_site(const StringResolver& strings, WrapperCallSite site) {
  for (size_t i = 0; i < site.arguments.size(); ++i) {
    const std::string text = site.arguments[i].text;
    for (const SlotAt& at : slots_in(text)) {
      const auto* alternatives = strings.choice(at.slot);
      if (!alternatives) continue;
      const bool whole = at.length == text.size();
      const std::string before = text.substr(0, at.pos), after = text.substr(at.pos + at.length);
      std::vector<WrapperCallSite> out;
      for (const Alternative& alternative : *alternatives) {
        WrapperCallSite one = site;
        WrapperArgument& arg = one.arguments[i];
        arg.text = before + alternative.value.text + after;
        arg.pieces = whole ? alternative.value.pieces : std::vector<LiteralPiece>{};
        arg.literal = whole ? alternative.value.spelling_literal() : std::nullopt;
        one.conditions.insert(one.conditions.end(), alternative.conditions.begin(), alternative.conditions.end());
        if (!consistent(one.conditions)) continue;
        // Tests of a loop's variable that none of its values passes rule the alternative out.
        auto settled = settle_loop_conditions(strings, std::move(one.conditions));
        if (!settled) continue;
        one.conditions = std::move(*settled);
        for (auto& expanded : expand_call_site(strings, std::move(one))) out.push_back(std::move(expanded));
        if (out.size() > kMaxExpanded) break;
      }
      if (out.size() <= kMaxExpanded) return out;
      site.arguments[i].text = before + kWildcard + after;
      site.arguments[i].pieces.clear();
      site.arguments[i].literal.reset();
      return expand_call_site(strings, std::move(site));
    }
  }
  return {std::move(site)};
}

}  // namespace scopelint::extract

// Requests and wrapper call sites with several values, one per value (see value_expansion.h).
#include "extract/wrappers/value_expansion.h"

#include <map>
#include <set>

#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/parameter_slots.h"
#include "model/http_method.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxExpanded = 64;  // requests, or call sites, made of one

// A slot standing for one value per run: a range-for's variable, or a member of a record whose
// braced objects are read one at a time.
bool is_run_slot(const ParameterSlot& slot) { return is_loop_slot(slot) || is_record_slot(slot); }

// The first slot in a request's URL, base or method that stands for several values: a run slot
// or a choice.
std::optional<ParameterSlot> first_multi_valued_slot(const FoundRequest& found) {
  for (const auto* text : {&found.call.url, &found.call.base, &found.method_slot}) {
    if (!*text) continue;
    for (const SlotAt& at : slots_in(**text)) {
      if (is_run_slot(at.slot) || (is_choice_slot(at.slot) && text != &found.method_slot)) return at.slot;
    }
  }
  return std::nullopt;
}

// The request with the slots of `function` in its URL and base replaced by `values` (by index); a
// method given by one of them becomes that value's method.
FoundRequest with_values(FoundRequest found, const std::string& function, const std::map<int, std::string>& values) {
  for (auto* text : {&found.call.url, &found.call.base}) {
    if (!*text) continue;
    **text = substitute_slots(**text, [&](const ParameterSlot& other) {
      const auto value = values.find(other.index);
      return other.function == function && value != values.end() ? value->second
                                                                 : slot_text(other.function, other.index);
    });
  }
  const auto method = found.method_slot ? whole_slot(*found.method_slot) : std::nullopt;
  if (method && method->function == function && values.count(method->index)) {
    found.call.method = parse_http_method(values.at(method->index));
    found.method_slot.reset();
  }
  return found;
}

// One run of a range-for: the value of each of its variable's parts the request uses (the
// element, or a map entry's key and value), all from the same entry.
struct LoopRun {
  std::map<int, ResolvedString> values;
  std::map<int, std::string> texts;
  ResolvedString element = ResolvedString::wildcard();  // what tests of the variable see
};

// The runs of the loop `function` whose parts `texts` use; empty when a part's values are unknown.
std::vector<LoopRun> loop_runs(const StringResolver& strings, const std::vector<const std::string*>& texts,
                               const std::string& function) {
  std::map<int, std::vector<ResolvedString>> parts;
  for (const std::string* text : texts) {
    for (const SlotAt& at : slots_in(*text)) {
      if (at.slot.function != function || parts.count(at.slot.index)) continue;
      auto values = strings.loop_values(function, at.slot.index);
      if (!values) return {};
      parts.emplace(at.slot.index, std::move(*values));
    }
  }
  std::vector<LoopRun> runs;
  for (const auto& [index, values] : parts) {
    if (!runs.empty() && runs.size() != values.size()) return {};
    runs.resize(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
      runs[i].values[index] = values[i];
      runs[i].texts[index] = values[i].text;
      if (index == kLoopElement) runs[i].element = values[i];
    }
  }
  return runs;
}

std::vector<const std::string*> url_texts(const FoundRequest& found) {
  std::vector<const std::string*> out;
  for (const auto* text : {&found.call.url, &found.call.base, &found.method_slot}) {
    if (*text) out.push_back(&**text);
  }
  return out;
}

// The call site with the slots of the loop `function` in its arguments replaced by one run's values.
WrapperCallSite with_run(WrapperCallSite site, const std::string& function, const LoopRun& run) {
  for (WrapperArgument& arg : site.arguments) {
    const auto whole = whole_slot(arg.text);
    if (whole && whole->function == function && run.values.count(whole->index)) {
      const ResolvedString& value = run.values.at(whole->index);
      arg.text = value.text;
      arg.pieces = value.pieces;
      arg.literal = value.spelling_literal();
      continue;
    }
    const std::string text = substitute_slots(arg.text, [&](const ParameterSlot& slot) {
      const auto value = run.texts.find(slot.index);
      return slot.function == function && value != run.texts.end() ? value->second
                                                                   : slot_text(slot.function, slot.index);
    });
    if (text == arg.text) continue;
    arg.text = text;
    arg.pieces.clear();
    arg.literal.reset();
  }
  return site;
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
  const auto slot = first_multi_valued_slot(found);
  if (!slot) {
    auto settled = settle_loop_conditions(strings, std::move(found.conditions));
    if (!settled) return {};
    found.conditions = std::move(*settled);
    return {without_choices(std::move(found))};
  }
  std::vector<Alternative> alternatives;
  std::vector<LoopRun> runs;
  if (is_choice_slot(*slot)) {
    if (const auto* choice = strings.choice(*slot)) alternatives = *choice;
  } else {
    runs = loop_runs(strings, url_texts(found), slot->function);
    for (const LoopRun& run : runs) alternatives.push_back({run.element, {}});
  }
  // Unknown values: the slot becomes "{}" when the request is finished (finish_request).
  if (alternatives.empty()) return {without_choices(std::move(found))};
  std::vector<FoundRequest> out;
  std::map<std::string, size_t> endpoints;
  for (size_t i = 0; i < alternatives.size(); ++i) {
    const Alternative& alternative = alternatives[i];
    FoundRequest copy = runs.empty() ? with_values(found, slot->function, {{slot->index, alternative.value.text}})
                                     : with_values(found, slot->function, runs[i].texts);
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

namespace {

// A call site in a range-for over known values, passing the loop's variable (or an entry's
// `.first` / `.second`), is one call site per run; unknown values stay run-time ones.
std::vector<WrapperCallSite> expand_loop_call_site(const StringResolver& strings, WrapperCallSite site) {
  std::vector<const std::string*> texts;
  for (const WrapperArgument& arg : site.arguments) texts.push_back(&arg.text);
  for (const std::string* text : texts) {
    for (const SlotAt& at : slots_in(*text)) {
      if (!is_run_slot(at.slot)) continue;
      const auto runs = loop_runs(strings, texts, at.slot.function);
      if (runs.empty() || runs.size() > kMaxExpanded) return {std::move(site)};
      std::vector<WrapperCallSite> out;
      for (const LoopRun& run : runs) {
        WrapperCallSite one = with_run(site, at.slot.function, run);
        auto decided = decided_for(one.conditions, at.slot.function, run.element);
        if (!decided) continue;
        one.conditions = std::move(*decided);
        for (auto& expanded : expand_loop_call_site(strings, std::move(one))) out.push_back(std::move(expanded));
      }
      return out;
    }
  }
  auto settled = settle_loop_conditions(strings, std::move(site.conditions));
  if (!settled) return {};
  site.conditions = std::move(*settled);
  return {std::move(site)};
}

}  // namespace

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
  return expand_loop_call_site(strings, std::move(site));
}

}  // namespace scopelint::extract

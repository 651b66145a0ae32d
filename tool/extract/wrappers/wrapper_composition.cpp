// Joins wrapper summaries with their call sites until nothing new is learned (see
// wrapper_composition.h).
#include "extract/wrappers/wrapper_composition.h"

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/parameter_slots.h"

namespace scopelint::extract {
namespace {

constexpr int kMaxWrapperDepth = 8;
const std::string kDeclaredPrefix = "name:";

std::string location_key(const SourceLocation& location) {
  return location.file + ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
}

bool same_request(const HttpCall& a, const HttpCall& b) {
  return a.url == b.url && a.method == b.method && a.base == b.base && a.body.raw == b.body.raw &&
         a.body.fields.size() == b.body.fields.size() &&
         std::equal(a.body.fields.begin(), a.body.fields.end(), b.body.fields.begin(),
                    [](const FormField& x, const FormField& y) { return x.key == y.key && x.value == y.value; });
}

struct Instance {
  HttpCall call;
  std::optional<std::string> method_slot;
  BranchConditions conditions;  // left for the caller's parameters (or for no one: parameter -1)
  bool made = true;  // false: the call site's arguments rule the request out
};

// Decides the summary's branch conditions with the call site's arguments: a known argument
// decides, the caller's own parameter passes the test on to its callers, anything else leaves it
// open for good.
void decide_conditions(const WrapperSummary& summary, const WrapperCallSite& site, Instance& out) {
  for (const auto& condition : summary.conditions) {
    if (condition.function != summary.function) {  // another function's test: its callers decide
      out.conditions.push_back(condition);
      continue;
    }
    const WrapperArgument* arg = condition.parameter >= 0 && static_cast<size_t>(condition.parameter) < site.arguments.size()
                                     ? &site.arguments[static_cast<size_t>(condition.parameter)]
                                     : nullptr;
    const Decision decision = arg ? decide(condition, arg->text, arg->literal.has_value()) : Decision::Unknown;
    if (decision == Decision::Holds) continue;
    if (decision == Decision::Fails) {
      out.made = false;
      return;
    }
    BranchCondition open = condition;
    open.function = site.caller;
    open.parameter = -1;
    if (arg && condition.test != BranchCondition::Test::Opaque) {
      auto slot = whole_slot(arg->text);
      if (slot && slot->function == site.caller && !site.caller.empty()) open.parameter = slot->index;
    }
    out.conditions.push_back(std::move(open));
  }
  // The tests under which the call site has its arguments are the caller's own.
  for (BranchCondition condition : site.conditions) {
    if (condition.function != site.caller || site.caller.empty()) condition.parameter = -1;
    out.conditions.push_back(std::move(condition));
  }
}

std::string variant_key(const HttpCall& call, const std::optional<std::string>& method_slot,
                        const BranchConditions& conditions) {
  // The URL and base too: a request with alternatives is several at one place.
  return std::string(call.method ? to_string(*call.method) : "?") + "|" + method_slot.value_or("") + "|" +
         conditions_key(conditions) + "|" + call.url.value_or("<none>") + "|" + call.base.value_or("<none>");
}

// A request left to a test no caller decides may or may not be made. Where the requests such
// tests choose between at one call site differ in method, none of them is known: each is
// reported without a method, naming the wrapper and parameter that choose it.
struct Undecided {
  HttpCall call;
  BranchConditions conditions;
  std::string group;  // the call site (or the wrapper, for requests reported where they are made)
};

void settle_undecided(std::vector<Undecided> undecided, std::vector<HttpCall>& out) {
  std::map<std::string, std::set<std::string>> methods;
  for (const auto& [call, conditions, group] : undecided) {
    methods[group].insert(call.method ? std::string(to_string(*call.method)) : "?");
  }
  for (auto& [call, conditions, group] : undecided) {
    if (methods[group].size() > 1) {
      call.method.reset();
      call.unresolved.method = UnresolvedParts::Method::ChosenByParameter;
      call.unresolved.chooser = conditions.front().wrapper;
      call.unresolved.parameter = conditions.front().parameter_name;
    }
    out.push_back(std::move(call));
  }
}

// The summary's request with the call site's arguments in its parameters' slots.
Instance instantiate(const WrapperSummary& summary, const WrapperCallSite& site) {
  const auto argument = [&](int index) -> const WrapperArgument* {
    return index >= 0 && static_cast<size_t>(index) < site.arguments.size()
               ? &site.arguments[static_cast<size_t>(index)]
               : nullptr;
  };
  const auto value = [&](const ParameterSlot& slot) -> std::string {
    if (slot.function != summary.function) return slot_text(slot.function, slot.index);
    const WrapperArgument* arg = argument(slot.index);
    return arg ? arg->text : kWildcard;
  };
  const auto whole = [&](const std::optional<std::string>& text) -> const WrapperArgument* {
    if (!text) return nullptr;
    auto slot = whole_slot(*text);
    return slot && slot->function == summary.function ? argument(slot->index) : nullptr;
  };
  const auto pieced_value = [&](const ParameterSlot& slot) -> PiecedText {
    if (slot.function != summary.function) return {slot_text(slot.function, slot.index), {}};
    const WrapperArgument* arg = argument(slot.index);
    return arg ? PiecedText{arg->text, arg->pieces} : PiecedText{kWildcard, {}};
  };
  Instance out{summary.request, std::nullopt, {}, true};
  decide_conditions(summary, site, out);
  HttpCall& call = out.call;
  call.location = site.location;
  call.macro_chain = site.macro_chain;
  if (call.url) call.url = substitute_slots(*call.url, value);
  if (call.base) call.base = substitute_slots(*call.base, value);
  if (call.body.kind == RequestBody::Kind::Raw && call.body.raw) {
    const WrapperArgument* arg = whole(call.body.raw);
    if (arg && arg->fields) {
      call.body = RequestBody{};
      call.body.kind = RequestBody::Kind::Fields;
      call.body.fields = *arg->fields;
    } else {
      if (arg) call.body.raw_literal = arg->literal;
      PiecedText body = substitute_pieced({*call.body.raw, call.body.raw_pieces}, pieced_value);
      call.body.raw = std::move(body.text);
      call.body.raw_pieces = std::move(body.pieces);
    }
  }
  for (auto& field : call.body.fields) {
    if (!field.value) continue;
    if (const WrapperArgument* arg = whole(field.value)) field.value_literal = arg->literal;
    PiecedText value_text = substitute_pieced({*field.value, field.value_pieces}, pieced_value);
    field.value = std::move(value_text.text);
    field.value_pieces = std::move(value_text.pieces);
  }
  if (summary.method_slot) {
    if (const WrapperArgument* arg = whole(summary.method_slot)) {
      call.method = arg->method;
      if (!arg->method && whole_slot(arg->text)) out.method_slot = arg->text;
    }
  }
  return out;
}

// What a config declaration says about the request its calls make.
WrapperSummary declared_summary(const WrapperDeclaration& wrapper) {
  WrapperSummary summary;
  summary.function = kDeclaredPrefix + wrapper.function;
  summary.name = wrapper.function;
  summary.request.library = "wrapper " + wrapper.function;
  summary.request.url = slot_text(summary.function, wrapper.path_arg);
  summary.request.method = wrapper.method;
  if (!wrapper.method && wrapper.method_arg >= 0) summary.method_slot = slot_text(summary.function, wrapper.method_arg);
  if (wrapper.body_arg >= 0) {
    summary.request.body.kind = RequestBody::Kind::Raw;
    summary.request.body.raw = slot_text(summary.function, wrapper.body_arg);
  }
  return summary;
}

// A path through a declared Elation wrapper: under the API base, or relative to it.
bool declared_elation_path(const std::string& url) {
  return url.rfind("/api/2.0", 0) == 0 || url.find("://") == std::string::npos;
}

// The summary of a caller whose parameters decide the request it makes through `summary` at `site`.
WrapperSummary caller_summary(const WrapperSummary& summary, const WrapperCallSite& site, Instance instance) {
  WrapperSummary outer;
  outer.function = site.caller;
  outer.name = site.caller_name;
  outer.depth = summary.depth + 1;
  outer.method_slot = instance.method_slot;
  outer.conditions = std::move(instance.conditions);
  outer.request = std::move(instance.call);
  outer.request.chain.insert(outer.request.chain.begin(),
                             Note{site.location, site.caller_name + " calls " + summary.name + " here"});
  return outer;
}

// The call sites of each function, once per location and arguments: a function defined in a
// header is summarised, and its calls recorded, by every unit that includes it.
std::map<std::string, std::vector<const WrapperCallSite*>> sites_by_callee(
    const std::vector<WrapperCallSite>& call_sites, const std::set<std::string>& declared_names) {
  std::map<std::string, std::vector<const WrapperCallSite*>> sites;
  std::set<std::string> seen_sites;
  for (const auto& site : call_sites) {
    const std::string key = declared_names.count(site.callee_name) ? kDeclaredPrefix + site.callee_name : site.callee;
    // One call site with alternatives for its arguments is several (value_expansion.h).
    std::string variant = conditions_key(site.conditions);
    for (const auto& arg : site.arguments) variant += "|" + arg.text;
    if (seen_sites.insert(key + "|" + location_key(site.location) + "|" + variant).second) sites[key].push_back(&site);
  }
  return sites;
}

// The summaries to compose, each variant once (its key goes into `seen`); a declaration overrides
// what is inferred for the same function.
std::deque<WrapperSummary> distinct_summaries(std::vector<WrapperSummary> summaries,
                                              const std::set<std::string>& declared_names,
                                              std::set<std::string>& seen) {
  std::deque<WrapperSummary> work;
  for (auto& summary : summaries) {
    if (summary.function.rfind(kDeclaredPrefix, 0) != 0 && declared_names.count(summary.name)) continue;
    const std::string key = summary.function + "|" + location_key(summary.request.location) + "|" +
                            variant_key(summary.request, summary.method_slot, summary.conditions);
    if (seen.insert(key).second) work.push_back(std::move(summary));
  }
  return work;
}

}  // namespace

std::vector<HttpCall> compose_wrapper_calls(std::vector<WrapperSummary> summaries,
                                            const std::vector<WrapperCallSite>& call_sites,
                                            const std::vector<WrapperDeclaration>& declared) {
  std::set<std::string> declared_names;
  for (const auto& wrapper : declared) {
    if (declared_names.insert(wrapper.function).second) summaries.push_back(declared_summary(wrapper));
  }
  const auto sites = sites_by_callee(call_sites, declared_names);
  std::set<std::string> seen_summaries;
  std::deque<WrapperSummary> work = distinct_summaries(std::move(summaries), declared_names, seen_summaries);
  std::vector<HttpCall> out;
  std::vector<Undecided> undecided;
  const auto emit = [&](HttpCall call, const BranchConditions& conditions, const std::string& group) {
    if (conditions.empty()) out.push_back(std::move(call));
    else undecided.push_back({std::move(call), conditions, group + "|" + conditions.front().wrapper});
  };
  while (!work.empty()) {
    WrapperSummary summary = std::move(work.front());
    work.pop_front();
    auto callers = sites.find(summary.function);
    if (callers == sites.end()) {
      // Nobody in the scan calls it: the request is reported where it is made.
      if (summary.function.rfind(kDeclaredPrefix, 0) != 0) {
        emit(finish_request(summary.request, summary.method_slot), summary.conditions, summary.function);
      }
      continue;
    }
    const bool declared_wrapper = summary.function.rfind(kDeclaredPrefix, 0) == 0;
    const std::string origin = summary.request.chain.empty() ? "" : location_key(summary.request.chain.back().location);
    const HttpCall inner = finish_request(summary.request, summary.method_slot);
    for (const WrapperCallSite* site : callers->second) {
      Instance instance = instantiate(summary, *site);
      if (!instance.made) continue;
      // An argument known to be empty as the whole URL (a helper's "not found" value) sends nothing.
      if (instance.call.url && instance.call.url->empty() && summary.request.url && !summary.request.url->empty()) {
        continue;
      }
      if (declared_wrapper && instance.call.url) instance.call.base_is_elation = declared_elation_path(*instance.call.url);
      if ((!slots_decide_request(instance.call, instance.method_slot) && !has_decidable(instance.conditions)) ||
          site->caller.empty() || summary.depth >= kMaxWrapperDepth) {
        HttpCall call = finish_request(std::move(instance.call), instance.method_slot);
        // Arguments that are all run-time values fix nothing: the request stays where it is built.
        if (same_request(call, inner) && instance.conditions.size() == summary.conditions.size()) {
          emit(inner, instance.conditions, summary.function);
        } else {
          emit(std::move(call), instance.conditions, location_key(site->location));
        }
        continue;
      }
      // The request depends on the caller's parameters: the caller is a wrapper too.
      if (!seen_summaries.insert(site->caller + "|" + location_key(site->location) + "|" + origin + "|" +
                                 variant_key(instance.call, instance.method_slot, instance.conditions))
               .second) {
        continue;
      }
      work.push_back(caller_summary(summary, *site, std::move(instance)));
    }
  }
  settle_undecided(std::move(undecided), out);
  return out;
}

}  // namespace scopelint::extract

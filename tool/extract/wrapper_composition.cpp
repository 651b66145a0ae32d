// Joins wrapper summaries with their call sites until nothing new is learned (see
// wrapper_composition.h).
#include "extract/wrapper_composition.h"

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "extract/parameter_slots.h"

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
};

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
  Instance out{summary.request, std::nullopt};
  HttpCall& call = out.call;
  call.location = site.location;
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
      call.body.raw = substitute_slots(*call.body.raw, value);
    }
  }
  for (auto& field : call.body.fields) {
    if (!field.value) continue;
    if (const WrapperArgument* arg = whole(field.value)) field.value_literal = arg->literal;
    field.value = substitute_slots(*field.value, value);
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

}  // namespace

std::vector<HttpCall> compose_wrapper_calls(std::vector<WrapperSummary> summaries,
                                            const std::vector<WrapperCallSite>& call_sites,
                                            const std::vector<WrapperDeclaration>& declared) {
  std::set<std::string> declared_names;
  for (const auto& wrapper : declared) {
    if (declared_names.insert(wrapper.function).second) summaries.push_back(declared_summary(wrapper));
  }
  // A function defined in a header is summarised, and its calls recorded, by every unit that includes it.
  std::map<std::string, std::vector<const WrapperCallSite*>> sites;
  std::set<std::string> seen_sites;
  for (const auto& site : call_sites) {
    const std::string key = declared_names.count(site.callee_name) ? kDeclaredPrefix + site.callee_name : site.callee;
    if (seen_sites.insert(key + "|" + location_key(site.location)).second) sites[key].push_back(&site);
  }
  std::deque<WrapperSummary> work;
  std::set<std::string> seen_summaries;
  for (auto& summary : summaries) {
    // A declaration overrides what is inferred for the same function.
    if (summary.function.rfind(kDeclaredPrefix, 0) != 0 && declared_names.count(summary.name)) continue;
    const std::string key = summary.function + "|" + location_key(summary.request.location);
    if (seen_summaries.insert(key).second) work.push_back(std::move(summary));
  }
  std::vector<HttpCall> out;
  while (!work.empty()) {
    WrapperSummary summary = std::move(work.front());
    work.pop_front();
    auto callers = sites.find(summary.function);
    if (callers == sites.end()) {
      // Nobody in the scan calls it: the request is reported where it is made.
      if (summary.function.rfind(kDeclaredPrefix, 0) != 0) out.push_back(finish_request(summary.request, summary.method_slot));
      continue;
    }
    const bool declared_wrapper = summary.function.rfind(kDeclaredPrefix, 0) == 0;
    const std::string origin = summary.request.chain.empty() ? "" : location_key(summary.request.chain.back().location);
    const HttpCall inner = finish_request(summary.request, summary.method_slot);
    for (const WrapperCallSite* site : callers->second) {
      Instance instance = instantiate(summary, *site);
      if (declared_wrapper && instance.call.url) instance.call.base_is_elation = declared_elation_path(*instance.call.url);
      if (!slots_decide_request(instance.call, instance.method_slot) || site->caller.empty() ||
          summary.depth >= kMaxWrapperDepth) {
        HttpCall call = finish_request(std::move(instance.call), instance.method_slot);
        // Arguments that are all run-time values fix nothing: the request stays where it is built.
        out.push_back(same_request(call, inner) ? inner : std::move(call));
        continue;
      }
      // The request depends on the caller's parameters: the caller is a wrapper too.
      if (!seen_summaries.insert(site->caller + "|" + location_key(site->location) + "|" + origin).second) continue;
      WrapperSummary outer;
      outer.function = site->caller;
      outer.name = site->caller_name;
      outer.depth = summary.depth + 1;
      outer.method_slot = instance.method_slot;
      outer.request = std::move(instance.call);
      outer.request.chain.insert(outer.request.chain.begin(),
                                 Note{site->location, site->caller_name + " calls " + summary.name + " here"});
      work.push_back(std::move(outer));
    }
  }
  return out;
}

}  // namespace scopelint::extract

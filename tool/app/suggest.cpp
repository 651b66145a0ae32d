// Least-privilege suggestions per component.
#include "app/suggest.h"

#include <map>
#include <nlohmann/json.hpp>

#include "checks/check_context.h"
#include "report/report_common.h"
#include "classify/classify.h"

namespace scopelint {
namespace {

nlohmann::json call_json(const ApiCall& call, const std::string& base_directory) {
  return {{"file", display_path(call.call->location.file, base_directory)},
          {"line", call.call->location.line},
          {"column", call.call->location.column},
          {"call", describe_call(call)}};
}

}  // namespace

bool nothing_to_judge(const Facts& facts, const Catalog& catalog) {
  const ClassifiedFacts classified = classify(facts, catalog);
  return classified.calls.empty() && classified.tokens.empty();
}

std::string format_suggestion(const Facts& facts, const Catalog& catalog, ReportFormat format,
                              const std::string& base_directory) {
  ClassifiedFacts classified = classify(facts, catalog);
  CheckContext context = build_check_context(classified, catalog);
  if (format != ReportFormat::Json) {
    std::string out;
    bool named = context.components.size() > 1;
    for (const auto& component : context.components) {
      if (named) out += (component.name.empty() ? "(default)" : component.name) + ": ";
      out += join_scopes(component.least_privilege(catalog), " ") + "\n";
    }
    return out;
  }
  nlohmann::json components = nlohmann::json::array();
  for (const auto& component : context.components) {
    std::map<std::string, nlohmann::json> by_scope;
    nlohmann::json unresolved = nlohmann::json::array();
    for (const auto* call : component.calls) {
      for (const auto& scope : scopes_needed_by(*call, catalog)) {
        by_scope[scope].push_back(call_json(*call, base_directory));
      }
      if (call->requirement.kind == Requirement::Kind::Unresolved) {
        unresolved.push_back(call_json(*call, base_directory));
      }
    }
    nlohmann::json scopes = nlohmann::json::array();
    for (const auto& scope : component.least_privilege(catalog)) {
      scopes.push_back({{"scope", scope}, {"calls", by_scope[scope]}});
    }
    components.push_back({{"name", component.name},
                          {"scope", join_scopes(component.least_privilege(catalog), " ")},
                          {"scopes", scopes},
                          {"unresolved_calls", unresolved}});
  }
  nlohmann::json root = {{"version", 1}, {"components", components}};
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace scopelint

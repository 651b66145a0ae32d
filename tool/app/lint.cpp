// The analysis pipeline.
#include "app/lint.h"

#include <algorithm>
#include <iostream>

#include "cache/cache_location.h"
#include "cache/fact_cache.h"
#include "checks/checks.h"
#include "cli/facts_json.h"
#include "extract/extractor.h"
#include "suppress/apply_nolint.h"
#include "util/bounded_input.h"
#include "util/project_root.h"

namespace scopelint {
namespace {

// The wrappers declared by the configs that apply to the scanned paths, each function once.
std::vector<WrapperDeclaration> declared_wrappers(const Options& options, ConfigSet& configs) {
  std::vector<WrapperDeclaration> out;
  for (const auto& path : options.paths) {
    for (const auto& wrapper : configs.for_file(path).wrappers) {
      if (std::any_of(out.begin(), out.end(), [&](const auto& known) { return known.function == wrapper.function; })) {
        continue;
      }
      out.push_back({wrapper.function, wrapper.path_arg, wrapper.method, wrapper.method_arg, wrapper.body_arg});
    }
  }
  return out;
}

// The fact cache for this scan, outside the scanned tree unless --cache-dir says otherwise; none
// when it cannot be made private (said under -v).
void choose_cache(const Options& options, ExtractOptions& extract) {
  if (options.no_cache) return;
  std::string problem;
  std::optional<CacheSite> site = open_cache_site(options.cache_dir, extract.project_root, problem);
  if (!site) {
    if (options.verbose) std::cerr << "scopelint: no fact cache: " << problem << "\n";
    return;
  }
  extract.cache_dir = site->directory;
  extract.cache_key = site->key;
  extract.cache_salt = default_cache_salt(
      options.rules_file.empty() ? "" : read_input_file(options.rules_file, kMaxRulesBytes));
}

}  // namespace

Facts gather_facts(const Options& options, ConfigSet& configs, std::vector<Finding>& diagnostics,
                   unsigned& files_scanned, const UnsavedFiles& unsaved, const UnitProgress& progress,
                   UnitCounts* units) {
  Facts facts;
  if (!options.facts_file.empty()) {
    facts =
        parse_facts_json(read_input_file(options.facts_file, kMaxReportBytes), options.facts_file);
  } else {
    if (options.paths.empty()) throw UsageError("no input paths (try 'scopelint --help')");
    ExtractOptions extract;
    extract.paths = options.paths;
    extract.project_root = find_project_root(options.paths, options.compile_db_dir);
    extract.compile_db_dir = options.compile_db_dir;
    extract.fixed_args = options.fixed_args;
    extract.has_fixed_args = options.has_fixed_args;
    extract.extra_args = options.extra_args;
    extract.extra_args_before = options.extra_args_before;
    extract.resource_dir = options.resource_dir;
    extract.verbose = options.verbose;
    extract.unsaved_files = unsaved;
    extract.jobs = options.jobs;
    extract.unit_timeout_seconds = options.unit_timeout;
    extract.wrappers = declared_wrappers(options, configs);
    extract.on_unit_done = progress;
    choose_cache(options, extract);
    ExtractResult result = extract_facts(extract);
    files_scanned = result.files_scanned;
    if (units) *units = {result.units_parsed, result.units_from_cache};
    diagnostics = std::move(result.diagnostics);
    facts = std::move(result.facts);
  }
  apply_config_to_facts(facts, configs, options.granted_scopes);
  return facts;
}

LintResult lint(const Options& options, const Catalog& catalog, ConfigSet& configs,
                const UnsavedFiles& unsaved, std::ostream* log, const UnitProgress& progress) {
  LintResult result;
  for (const auto& path : options.paths) configs.for_file(path);  // a broken config stops the run early
  std::vector<Finding> diagnostics;
  result.facts = gather_facts(options, configs, diagnostics, result.files_scanned, unsaved, progress,
                              &result.units);
  if (log && options.verbose) {
    *log << "scopelint: scanned " << result.files_scanned << " files (" << result.units.parsed
         << " parsed, " << result.units.from_cache << " from the cache)\n";
  }
  std::vector<Finding> findings = run_checks(result.facts, catalog);
  findings.insert(findings.end(), diagnostics.begin(), diagnostics.end());
  findings = apply_config_to_findings(std::move(findings), configs, options.checks);
  NolintResult nolint = apply_nolint(std::move(findings), {});
  // The NOLINT comments' own findings ([nolint]) are made after the configuration was applied:
  // rule selection and per_file_ignores apply to them too. A second pass leaves the other findings
  // as they are (apply_config_to_findings is idempotent).
  result.findings = apply_config_to_findings(std::move(nolint.kept), configs, options.checks);
  result.suppressed = nolint.suppressed;
  std::stable_sort(result.findings.begin(), result.findings.end(), finding_order);
  return result;
}

}  // namespace scopelint

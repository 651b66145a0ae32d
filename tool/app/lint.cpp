// The analysis pipeline.
#include "app/lint.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <set>

#include "cache/cache_location.h"
#include "cache/fact_cache.h"
#include "checks/checks.h"
#include "checks/rule_registry.h"
#include "classify/classify.h"
#include "codec/facts_codec.h"
#include "extract/driver/extractor.h"
#include "fix/scope_edits.h"
#include "precommit/precommit.h"
#include "suppress/apply_nolint.h"
#include "suppress/nolint_audit.h"
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
      options.catalog_file.empty() ? "" : read_input_file(options.catalog_file, kMaxRulesBytes));
}

// Whose NOLINT comments are judged: names in the files scanned and the files holding findings;
// usage only in source files scanned whole and parsed without error, and never in a --pre-commit
// run (the staged files are judged against a scan they may not fully drive) or from --facts.
// Files outside the project (a library header along a macro chain) are never judged: their text
// does not go into a report.
NolintAudit nolint_audit_for(const Options& options, const std::string& project_root,
                             const std::vector<std::string>& sources,
                             const std::vector<Finding>& findings, NolintFiles& files) {
  NolintAudit audit;
  std::set<std::string> named(sources.begin(), sources.end()), failed;
  for (const Finding& finding : findings) {
    if (!finding.location.known()) continue;
    named.insert(finding.location.file);
    if (finding.rule == scan_error_rule().id) failed.insert(files.key(finding.location.file));
  }
  auto outside = [&](const std::string& file) { return !path_inside(file, project_root); };
  std::copy_if(named.begin(), named.end(), std::back_inserter(audit.name_files),
               [&](const std::string& file) { return !outside(file); });
  if (options.pre_commit || !options.facts_file.empty()) return audit;
  for (const auto& source : sources) {
    if (!failed.count(files.key(source)) && !outside(source)) audit.usage_files.push_back(source);
  }
  return audit;
}

// A NOLINT reason is text of the file that holds the NOLINT: reported only from files in the
// project (docs/security.md), not from a library header along a macro chain.
void drop_outside_reasons(std::vector<Finding>& suppressed, const std::string& project_root) {
  for (Finding& finding : suppressed) {
    if (finding.suppression && !finding.suppression->reason.empty() &&
        !path_inside(finding.suppression->location.file, project_root)) {
      finding.suppression->reason.clear();
    }
  }
}

// A broken config stops the run before the scan.
void load_configs_of_paths(const Options& options, ConfigSet& configs) {
  for (const auto& path : options.paths) configs.for_file(path);
}

}  // namespace

Facts gather_facts(const Options& options, ConfigSet& configs, std::vector<Finding>& diagnostics,
                   unsigned& files_scanned, const UnsavedFiles& unsaved, const UnitProgress& progress,
                   UnitCounts* units, std::optional<std::set<std::string>>* reported_files) {
  Facts facts;
  if (!options.facts_file.empty()) {
    FactsFile file =
        parse_facts_json(read_input_file(options.facts_file, kMaxReportBytes), options.facts_file);
    facts = std::move(file.facts);
    diagnostics = std::move(file.diagnostics);
    if (reported_files) *reported_files = std::move(file.reported_files);
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
    if (units) *units = {result.units_parsed, result.units_from_cache, result.scanned_sources};
    if (reported_files) *reported_files = std::move(result.reported_files);
    diagnostics = std::move(result.diagnostics);
    facts = std::move(result.facts);
  }
  apply_config_to_facts(facts, configs, options.granted_scopes);
  return facts;
}

LintResult lint(const Options& options, const Catalog& catalog, ConfigSet& configs,
                const UnsavedFiles& unsaved, std::ostream* log, const UnitProgress& progress) {
  LintResult result;
  load_configs_of_paths(options, configs);
  std::vector<Finding> diagnostics;
  std::optional<std::set<std::string>> reported_files;
  result.facts = gather_facts(options, configs, diagnostics, result.files_scanned, unsaved, progress,
                              &result.units, &reported_files);
  if (log && options.verbose) {
    *log << "scopelint: scanned " << result.files_scanned << " files (" << result.units.parsed
         << " parsed, " << result.units.from_cache << " from the cache)\n";
  }
  const ClassifiedFacts classified = classify(result.facts, catalog);
  result.api_calls = count_api_calls(classified, [&](const HttpCall& call) {
    return !reported_files || reported_files->count(canonical_path(call.location.file)) > 0;
  });
  std::vector<Finding> findings = run_checks(classified, catalog);
  if (reported_files) findings = findings_touching(std::move(findings), *reported_files, Unlocated::kKeep);
  findings.insert(findings.end(), diagnostics.begin(), diagnostics.end());
  const std::string root = find_project_root(options.paths, options.compile_db_dir);
  NolintFiles nolint_sources(unsaved);
  std::vector<Finding> audit = audit_nolint(
      findings, nolint_audit_for(options, root, result.units.sources, findings, nolint_sources),
      nolint_sources);
  // The NOLINTs of project sources the paths did not name suppressed findings filtered out above.
  if (reported_files) audit = findings_touching(std::move(audit), *reported_files, Unlocated::kKeep);
  findings = apply_config_to_findings(std::move(findings), configs, options.checks);
  NolintResult nolint = apply_nolint(std::move(findings), {}, &nolint_sources);
  // The NOLINT comments' own findings ([nolint]) are made after the configuration was applied:
  // rule selection and per_file_ignores apply to them too. A second pass leaves the other findings
  // as they are (apply_config_to_findings is idempotent).
  result.findings = apply_config_to_findings(std::move(nolint.kept), configs, options.checks);
  for (auto& finding : apply_config_to_findings(std::move(audit), configs, options.checks)) {
    result.findings.push_back(std::move(finding));
  }
  // Fix-its are made for the findings reported, from what the checks planned.
  make_planned_fixes(result.findings);
  for (Finding& finding : nolint.suppressed) finding.planned_fix.reset();
  result.suppressed = nolint.suppressed.size();
  result.suppressed_findings = std::move(nolint.suppressed);
  drop_outside_reasons(result.suppressed_findings, root);
  std::stable_sort(result.findings.begin(), result.findings.end(), finding_order);
  std::stable_sort(result.suppressed_findings.begin(), result.suppressed_findings.end(),
                   finding_order);
  return result;
}

FactsFile dump_facts(const Options& options, ConfigSet& configs, const UnitProgress& progress) {
  load_configs_of_paths(options, configs);
  FactsFile file;
  unsigned files_scanned = 0;
  file.facts = gather_facts(options, configs, file.diagnostics, files_scanned, {}, progress,
                            nullptr, &file.reported_files);
  return file;
}

}  // namespace scopelint

// The command: parse options, load rules, gather facts, check, report, choose the exit code.
#include "app/run.h"

#include <unistd.h>

#include <algorithm>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checks/checks.h"
#include "checks/rule_registry.h"
#include "app/suggest.h"
#include "config/apply_config.h"
#include "cli/facts_json.h"
#include "cli/options.h"
#include "extract/extractor.h"
#include "report/report.h"
#include "rules/catalog.h"
#include "suppress/apply_nolint.h"
#include "util/file_io.h"

namespace scopelint {
namespace {

Facts gather_facts(const Options& options, std::vector<Finding>& diagnostics, std::ostream& err) {
  if (!options.facts_file.empty()) {
    std::string text = read_file_or_throw(options.facts_file);
    return parse_facts_json(text, options.facts_file);
  }
  if (options.paths.empty()) throw UsageError("no input paths (try 'scopelint --help')");
  ExtractOptions extract;
  extract.paths = options.paths;
  extract.compile_db_dir = options.compile_db_dir;
  extract.fixed_args = options.fixed_args;
  extract.has_fixed_args = options.has_fixed_args;
  extract.extra_args = options.extra_args;
  extract.extra_args_before = options.extra_args_before;
  extract.resource_dir = options.resource_dir;
  extract.verbose = options.verbose;
  ExtractResult result = extract_facts(extract);
  if (options.verbose) err << "scopelint: scanned " << result.files_scanned << " files\n";
  diagnostics = std::move(result.diagnostics);
  return std::move(result.facts);
}

int print_information(const Options& options, const Catalog& catalog, std::ostream& out) {
  if (options.list_scopes) {
    for (const auto& scope : catalog.scope_names()) out << scope << "\n";
  }
  if (options.list_rules) {
    for (const auto& rule : all_rules()) {
      out << rule.id << " (" << to_string(rule.default_level) << "): " << rule.summary << "\n";
    }
  }
  if (!options.explain.empty()) {
    const RuleInfo* rule = find_rule(options.explain);
    if (!rule) throw UsageError("unknown rule '" + options.explain + "' (see --list-rules)");
    out << explain_rule(*rule);
  }
  return kExitClean;
}

bool use_color(const Options& options) {
  if (options.color == ColorMode::Always) return true;
  if (options.color == ColorMode::Never || !options.output_file.empty()) return false;
  return isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
}

int exit_code_for(const std::vector<Finding>& findings, Level fail_level) {
  for (const auto& finding : findings) {
    if (finding.level >= fail_level) return kExitFindings;
  }
  return kExitClean;
}

int run_or_throw(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options options = parse_options(args);
  if (options.help) {
    out << usage_text();
    return kExitClean;
  }
  if (options.version) {
    out << "scopelint version " << SCOPELINT_VERSION << "\n";
    return kExitClean;
  }
  Catalog catalog = options.rules_file.empty() ? default_catalog() : load_catalog_file(options.rules_file);
  if (options.list_scopes || options.list_rules || !options.explain.empty()) {
    return print_information(options, catalog, out);
  }
  ConfigSet configs(options.config_file);
  for (const auto& path : options.paths) configs.for_file(path);  // a broken config stops the run early
  std::vector<Finding> diagnostics;
  Facts facts = gather_facts(options, diagnostics, err);
  apply_config_to_facts(facts, configs, options.granted_scopes);
  std::string base_directory = std::filesystem::current_path().string();
  if (options.suggest) {
    out << format_suggestion(facts, catalog, options.format, base_directory);
    return kExitClean;
  }
  std::vector<Finding> findings = run_checks(facts, catalog);
  findings.insert(findings.end(), diagnostics.begin(), diagnostics.end());
  findings = apply_config_to_findings(std::move(findings), configs);
  NolintResult nolint = apply_nolint(std::move(findings), {});
  findings = std::move(nolint.kept);
  std::stable_sort(findings.begin(), findings.end(), finding_order);

  ReportOptions report_options;
  report_options.base_directory = base_directory;
  report_options.show_source = options.show_source && options.format == ReportFormat::Text;
  report_options.color = use_color(options);
  std::string report = format_report(options.format, findings, report_options);
  if (options.output_file.empty()) {
    out << report;
  } else {
    write_file_atomically(options.output_file, report);
  }
  if (!options.quiet) {
    err << summary_line(findings) << "\n";
    if (nolint.suppressed > 0) {
      err << "Suppressed " << nolint.suppressed << " finding" << (nolint.suppressed > 1 ? "s" : "")
          << " (" << nolint.suppressed << " NOLINT).\n";
    }
  }
  return exit_code_for(findings, options.fail_level);
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    return run_or_throw(args, out, err);
  } catch (const std::exception& e) {
    err << "scopelint: error: " << e.what() << "\n";
    return kExitError;
  }
}

}  // namespace scopelint

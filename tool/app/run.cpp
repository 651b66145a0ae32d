// The command: parse options, load rules, run the analysis, report, choose the exit code.
#include "app/run.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app/lint.h"
#include "app/suggest.h"
#include "checks/rule_registry.h"
#include "cli/options.h"
#include "report/report.h"
#include "rules/catalog.h"
#include "util/file_io.h"

namespace scopelint {
namespace {

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

void emit(const Options& options, const std::string& text, std::ostream& out) {
  if (options.output_file.empty()) {
    out << text;
  } else {
    write_file_atomically(options.output_file, text);
  }
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
  std::string base_directory = std::filesystem::current_path().string();
  if (options.suggest) {
    std::vector<Finding> ignored;
    unsigned files = 0;
    Facts facts = gather_facts(options, configs, ignored, files);
    emit(options, format_suggestion(facts, catalog, options.format, base_directory), out);
    return kExitClean;
  }
  LintResult result = lint(options, catalog, configs, {}, &err);

  ReportOptions report_options;
  report_options.base_directory = base_directory;
  report_options.show_source = options.show_source && options.format == ReportFormat::Text;
  report_options.color = use_color(options);
  emit(options, format_report(options.format, result.findings, report_options), out);
  out.flush();  // the report before the summary, when both go to a terminal
  if (!options.quiet) {
    err << summary_line(result.findings) << "\n";
    if (result.suppressed > 0) {
      err << "Suppressed " << result.suppressed << " finding" << (result.suppressed > 1 ? "s" : "")
          << " (" << result.suppressed << " NOLINT).\n";
    }
  }
  return exit_code_for(result.findings, options.fail_level);
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

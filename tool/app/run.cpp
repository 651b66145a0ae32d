// The command: parse options, load rules, run the analysis, report, choose the exit code.
#include "app/run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <optional>

#include "app/diff_command.h"
#include "app/lint.h"
#include "app/suggest.h"
#include "baseline/baseline.h"
#include "checks/checks.h"
#include "checks/rule_registry.h"
#include "cli/options.h"
#include "codec/facts_codec.h"
#include "extract/driver/compile_commands.h"
#include "fix/apply_fixes.h"
#include "fix/export_fixes.h"
#include "fix/fix_targets.h"
#include "precommit/precommit.h"
#include "report/progress.h"
#include "report/report.h"
#include "catalog/catalog.h"
#include "classify/scope_string.h"
#include "util/bounded_input.h"
#include "util/file_io.h"
#include "util/project_root.h"

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
    if (!rule) {
      const std::optional<std::string> meant = closest_rule_id(options.explain);
      throw UsageError("unknown rule '" + options.explain + "'" +
                       (meant ? " (did you mean '" + *meant + "'?)" : " (see --list-rules)"));
    }
    out << explain_rule(*rule);
  }
  return kExitClean;
}

// `suggest` prints text or JSON; a report format would be silently ignored.
void check_suggest_format(const Options& options) {
  if (!options.suggest) return;
  const char* refused = options.format == ReportFormat::Sarif    ? "sarif"
                        : options.format == ReportFormat::Github ? "github"
                        : options.format == ReportFormat::Gitlab ? "gitlab"
                                                                 : nullptr;
  if (refused) {
    throw UsageError("scopelint suggest prints --format=text or json, not '" +
                     std::string(refused) + "'");
  }
}

// A scope in --granted-scopes that the server does not know is a typo in the command line, not a
// finding in the code: it stops the run before the scan.
void check_granted_scopes_option(const std::string& granted, const Catalog& catalog) {
  for (const auto& scope : parse_scope_string(granted, ScopeEncoding::Either).scopes) {
    const ScopeStatus status = scope_status(catalog, scope);
    if (status == ScopeStatus::Unknown) {
      const std::optional<std::string> meant = closest_scope(catalog, scope);
      throw UsageError("--granted-scopes: unknown scope '" + scope + "'" +
                       (meant ? " (did you mean '" + *meant + "'?)" : " (see --list-scopes)"));
    }
    if (status == ScopeStatus::ReadOnlyWrite) {
      throw UsageError("--granted-scopes: scope '" + scope +
                       "' does not exist: the resource is read-only reference data");
    }
  }
}

bool use_color(const Options& options) {
  if (options.color == ColorMode::Always) return true;
  if (options.color == ColorMode::Never || !options.output_file.empty()) return false;
  return isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
}

int exit_code_for(const std::vector<Finding>& findings, Level fail_level) {
  for (const Finding& finding : findings) {
    if (finding.level >= fail_level) return kExitFindings;
  }
  return kExitClean;
}

// --max-unresolved: more unresolved API calls than allowed fail the run, said in one line on stderr
// (also with --quiet: it is why the exit code is 1 when no finding is).
int exit_code_for_unresolved(const Options& options, const ApiCallCounts& api_calls,
                             std::ostream& err) {
  if (!options.max_unresolved || api_calls.unresolved() <= *options.max_unresolved) {
    return kExitClean;
  }
  err << unresolved_limit_line(api_calls, *options.max_unresolved) << "\n";
  return kExitFindings;
}

// In --pre-commit mode the paths are the staged files: scan their whole project, then keep what
// touches them.
LintResult lint_for(const Options& options, const Catalog& catalog, ConfigSet& configs,
                    const std::string& base_directory, std::ostream& err,
                    const UnitProgress& progress) {
  if (!options.pre_commit) return lint(options, catalog, configs, {}, &err, progress);
  if (options.paths.empty()) {
    LintResult nothing;  // pre-commit passes no files when none of the staged ones is C-family
    return nothing;
  }
  Options project = options;
  project.paths = {project_root(options.paths, base_directory)};
  LintResult result = lint(project, catalog, configs, {}, &err, progress);
  // A -p directory without a database concerns every staged file: the hook must not pass silently
  // (a fresh clone with no build/ yet).
  std::vector<Finding> database_errors;
  std::copy_if(result.findings.begin(), result.findings.end(), std::back_inserter(database_errors),
               [&](const Finding& finding) {
                 return finding.rule == scan_error_rule().id && !options.compile_db_dir.empty() &&
                        finding.location.file == options.compile_db_dir;
               });
  result.findings = findings_touching(std::move(result.findings), options.paths);
  result.suppressed_findings =
      findings_touching(std::move(result.suppressed_findings), options.paths);
  result.findings.insert(result.findings.begin(), database_errors.begin(), database_errors.end());
  return result;
}

// -p DIR with no paths: the paths become the files the database lists inside the project (the
// git work tree of the current directory, else the directory holding it and DIR). A database that
// cannot be read is returned as a scan-error instead of stopping at "no input paths".
std::optional<Finding> expand_database_paths(Options& options) {
  if (!options.paths.empty() || options.compile_db_dir.empty() || options.pre_commit ||
      !options.facts_file.empty()) {
    return std::nullopt;
  }
  const std::string root = find_project_root({"."}, options.compile_db_dir);
  std::string problem;
  options.paths = extract::database_files(options.compile_db_dir, root, problem);
  if (!options.paths.empty()) return std::nullopt;
  Finding finding;
  finding.rule = scan_error_rule().id;
  finding.level = Level::Warning;
  finding.location.file = options.compile_db_dir;
  finding.message = problem.empty() ? "the compile database in " + options.compile_db_dir +
                                          " lists no file inside the project " + root
                                    : problem;
  return finding;
}

std::string main_source_file(const Options& options, const std::vector<Finding>& findings) {
  for (const auto& finding : findings) {
    if (finding.fix) return finding.location.file;
  }
  return options.paths.empty() ? std::string() : options.paths.front();
}

// --export-fixes and --fix; --fix drops the findings it fixed. Fixes are confined to the project
// first: a fix-it comes from facts (maybe from the cache) and must not name a file outside it.
void handle_fixes(const Options& options, std::vector<Finding>& findings,
                  const std::string& base_directory, std::ostream& err) {
  if (options.export_fixes.empty() && !options.fix) return;
  const std::string project_root = find_project_root(options.paths, options.compile_db_dir);
  findings = confine_fixes_to_project(std::move(findings), project_root, err);
  if (!options.export_fixes.empty()) {
    write_file_atomically(
        options.export_fixes,
        export_fixes_yaml(findings, main_source_file(options, findings), base_directory));
  }
  if (!options.fix) return;
  FixOutcome outcome = apply_fixes(findings, project_root, err);
  // What was fixed is no longer a finding: only the rest is reported and decides the exit code.
  std::vector<Finding> remaining;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i >= outcome.fixed.size() || !outcome.fixed[i]) remaining.push_back(std::move(findings[i]));
  }
  findings = std::move(remaining);
  err << not_fixed_lines(findings, base_directory) << fix_summary(outcome, findings.size());
}

// What the report shows: the findings, and the suppressed ones for the formats that mark them.
std::vector<Finding> reported_findings(const LintResult& result) {
  std::vector<Finding> reported;  // a merge: the findings keep their order among themselves
  std::merge(result.findings.begin(), result.findings.end(), result.suppressed_findings.begin(),
             result.suppressed_findings.end(), std::back_inserter(reported), finding_order);
  return reported;
}

void emit(const Options& options, const std::string& text, std::ostream& out) {
  if (options.output_file.empty()) {
    out << text;
  } else {
    write_file_atomically(options.output_file, text);
  }
}

// The summary on stderr: the findings (or that nothing was judged), the suppressed and baselined.
void print_summary(const LintResult& result, size_t baselined, const Catalog& catalog,
                   std::ostream& err) {
  const bool silent_scan = result.findings.empty() && nothing_to_judge(result.facts, catalog);
  err << (silent_scan ? nothing_judged_line(result.files_scanned)
                      : summary_line(result.findings, result.api_calls))
      << "\n";
  if (result.suppressed > 0) {
    err << "Suppressed " << result.suppressed << " finding" << (result.suppressed > 1 ? "s" : "")
        << " (" << result.suppressed << " NOLINT).\n";
  }
  if (baselined > 0) {
    err << "Baseline: " << baselined << " known finding" << (baselined > 1 ? "s" : "")
        << " not reported.\n";
  }
}

// `scopelint suggest`: the least-privilege scope strings of the facts, no findings.
int run_suggest(const Options& options, const Catalog& catalog, ConfigSet& configs,
                const std::optional<Finding>& unreadable_database, const std::string& base_directory,
                std::ostream& out, std::ostream& err) {
  if (unreadable_database) throw std::runtime_error(unreadable_database->message);
  std::vector<Finding> ignored;
  unsigned files = 0;
  Facts facts = gather_facts(options, configs, ignored, files);
  emit(options, format_suggestion(facts, catalog, options.format, base_directory), out);
  if (nothing_to_judge(facts, catalog) && !options.quiet) err << nothing_judged_line(files) << "\n";
  return kExitClean;
}

// The findings of a lint, as the options want them: a new baseline, or the report (after the
// baseline and the fixes) and the summary; the exit code.
int report_findings(const Options& options, const Catalog& catalog, LintResult result,
                    const std::vector<BaselineEntry>& baseline, const std::string& base_directory,
                    std::ostream& out, std::ostream& err) {
  if (!options.write_baseline.empty()) {
    write_file_atomically(options.write_baseline,
                          format_baseline(baseline_entries(result.findings, base_directory)));
    if (!options.quiet) {
      err << "scopelint: wrote " << result.findings.size() << " finding"
          << (result.findings.size() == 1 ? "" : "s") << " to " << options.write_baseline << "\n";
    }
    return kExitClean;
  }
  size_t baselined = 0;
  if (!options.baseline_file.empty()) {
    result.findings = filter_baselined(std::move(result.findings), baseline, base_directory, baselined);
  }
  handle_fixes(options, result.findings, base_directory, err);
  ReportOptions report_options;
  report_options.base_directory = base_directory;
  report_options.show_source = options.show_source && (options.format == ReportFormat::Text ||
                                                       options.format == ReportFormat::Github);
  report_options.color = use_color(options);
  emit(options, format_report(options.format, reported_findings(result), report_options), out);
  out.flush();  // the report before the summary, when both go to a terminal
  if (!options.quiet) print_summary(result, baselined, catalog, err);
  const int code = exit_code_for(result.findings, options.fail_level);
  return std::max(code, exit_code_for_unresolved(options, result.api_calls, err));
}

// The scan: its facts (--dump-facts) or its findings.
int run_scan(const Options& options, const Catalog& catalog, ConfigSet& configs,
             const std::optional<Finding>& unreadable_database, const std::string& base_directory,
             std::ostream& out, std::ostream& err) {
  std::vector<BaselineEntry> baseline;  // read first: a broken baseline stops the run before the scan
  if (!options.baseline_file.empty()) {
    baseline = parse_baseline(read_input_file(options.baseline_file, kMaxReportBytes), options.baseline_file);
  }
  // Only on a terminal, and not mixed with --verbose logging: the elapsed time until the first unit
  // is done, then "[n/N] file" (the front end reports each unit as it finishes).
  bool show_progress = options.progress && !options.quiet && !options.verbose &&
                       options.facts_file.empty() && isatty(fileno(stderr)) != 0;
  ProgressLine progress(err, show_progress);
  progress.start(options.paths.size() == 1 ? options.paths.front()
                                           : std::to_string(options.paths.size()) + " paths");
  const UnitProgress on_unit_done = [&progress](unsigned done, unsigned total, const std::string& file) {
    progress.update(done, total, file);
  };
  if (options.dump_facts) {
    FactsFile facts = unreadable_database ? FactsFile{{}, {*unreadable_database}, std::nullopt}
                                          : dump_facts(options, configs, on_unit_done);
    progress.finish();
    emit(options, facts_file_text(facts), out);
    return kExitClean;
  }
  LintResult result;
  if (unreadable_database) {
    result.findings = {*unreadable_database};
  } else {
    result = lint_for(options, catalog, configs, base_directory, err, on_unit_done);
  }
  progress.finish();
  return report_findings(options, catalog, std::move(result), baseline, base_directory, out, err);
}

int run_or_throw(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options options = parse_options(args);
  check_suggest_format(options);
  if (options.help) {
    out << usage_text();
    return kExitClean;
  }
  if (options.version) {
    out << "scopelint version " << SCOPELINT_VERSION << "\n";
    return kExitClean;
  }
  Catalog catalog =
      options.catalog_file.empty() ? default_catalog() : load_catalog_file(options.catalog_file);
  if (options.list_scopes || options.list_rules || !options.explain.empty()) {
    return print_information(options, catalog, out);
  }
  check_granted_scopes_option(options.granted_scopes, catalog);
  if (!options.diff_base.empty()) {
    emit(options, scope_diff_report(options, catalog, err), out);
    return kExitClean;
  }
  const std::optional<Finding> unreadable_database = expand_database_paths(options);
  // Discovery stops at the project root: a .scopelint.json above it (in /tmp, in $HOME) is not the
  // project's and must not turn its rules off.
  ConfigSet configs(find_project_root(options.paths, options.compile_db_dir), options.config_file);
  const std::string base_directory = std::filesystem::current_path().string();
  if (options.suggest) {
    return run_suggest(options, catalog, configs, unreadable_database, base_directory, out, err);
  }
  return run_scan(options, catalog, configs, unreadable_database, base_directory, out, err);
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

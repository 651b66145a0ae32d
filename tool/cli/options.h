// Command-line options, parsed clang-tidy style (--opt=value and --opt value).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/rule_selection.h"
#include "model/finding.h"
#include "report/report.h"

namespace scopelint {

// A command line that cannot be used; main prints "scopelint: error: <what>" and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ColorMode { Auto, Always, Never };

struct Options {
  std::vector<std::string> paths;
  std::string catalog_file;  // --catalog (or its old name --rules); empty: the embedded rules/elation.json
  std::string facts_file;  // --facts: check facts from a JSON file instead of scanning code
  bool dump_facts = false;  // --dump-facts: print the scan's facts as --facts reads them
  std::string config_file;  // --config: one config for every file instead of .scopelint.json lookup
  std::string granted_scopes;  // --granted-scopes: scopes provisioned outside the code
  CheckList checks;      // --checks: applied after the config's "checks" (config/rule_selection.h)
  bool suggest = false;  // "scopelint suggest PATH...": print the least-privilege scope string
  std::string diff_base;  // "scopelint diff BASE_REF PATH...": the scope-change report against it
  ReportFormat format = ReportFormat::Text;
  std::string output_file;  // -o
  Level fail_level = Level::Warning;
  // --max-unresolved: more unresolved API calls than this make the exit code 1; nullopt: no limit
  std::optional<size_t> max_unresolved;
  ColorMode color = ColorMode::Auto;
  bool show_source = true;
  bool quiet = false;
  bool verbose = false;
  // Fixes, baselines, pre-commit.
  bool fix = false;  // --fix: apply fix-its in place
  std::string export_fixes;  // --export-fixes FILE: clang-apply-replacements YAML
  std::string baseline_file;  // --baseline FILE: do not report findings recorded in FILE
  std::string write_baseline;  // --write-baseline FILE: record the current findings
  bool pre_commit = false;  // --pre-commit: paths are staged files; scan the whole project
  bool progress = true;  // a progress line on stderr for slow scans (when stderr is a terminal)
  // Front end.
  std::string compile_db_dir;  // -p
  std::vector<std::string> fixed_args;  // after "--"
  bool has_fixed_args = false;
  std::vector<std::string> extra_args;
  std::vector<std::string> extra_args_before;
  std::string resource_dir;
  unsigned jobs = 0;  // -j: translation units in parallel; 0: one per core
  unsigned unit_timeout = 60;  // --unit-timeout: seconds one unit may take to parse; 0: no limit
  std::string cache_dir;  // --cache-dir; empty: the default (cache/cache_location.h)
  bool no_cache = false;  // --no-cache
  // Informational commands.
  bool help = false;
  bool version = false;
  bool list_scopes = false;
  bool list_rules = false;
  std::string explain;  // --explain RULE
};

// Throws UsageError.
Options parse_options(const std::vector<std::string>& args);

std::string usage_text();

}  // namespace scopelint

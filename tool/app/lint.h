// The whole analysis as one call: facts (scanned or read), configuration, checks, suppressions.
// Used by the command line, the language server and the pre-commit mode.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli/options.h"
#include "codec/facts_codec.h"
#include "config/apply_config.h"
#include "model/api_call_counts.h"
#include "model/facts.h"
#include "model/finding.h"
#include "catalog/catalog.h"

namespace scopelint {

// How the translation units of a scan were obtained (ExtractResult).
struct UnitCounts {
  unsigned parsed = 0;  // by libclang
  unsigned from_cache = 0;  // from the fact cache
  std::vector<std::string> sources;  // the source files scanned as units (headers excepted)
};

struct LintResult {
  Facts facts;  // after configuration (components, bases, granted scopes)
  std::vector<Finding> findings;  // sorted, suppressions applied
  size_t suppressed = 0;  // findings dropped by NOLINT
  // The findings NOLINT suppressed, sorted, each with its Finding::suppression (for JSON and
  // SARIF).
  std::vector<Finding> suppressed_findings;
  unsigned files_scanned = 0;
  UnitCounts units;
  // The API calls in the files whose findings are reported (all of the scan's, with --pre-commit),
  // and how many were resolved.
  ApiCallCounts api_calls;
};

// Editor buffers that differ from the files on disk: (path, contents).
using UnsavedFiles = std::vector<std::pair<std::string, std::string>>;

// Called as each unit of a scan is done: units done, units to scan, the unit's path
// (ExtractOptions::on_unit_done).
using UnitProgress = std::function<void(unsigned done, unsigned total, const std::string& file)>;

// Throws UsageError, CatalogError, ConfigError or std::runtime_error for problems that stop the run.
LintResult lint(const Options& options, const Catalog& catalog, ConfigSet& configs,
                const UnsavedFiles& unsaved = {}, std::ostream* log = nullptr,
                const UnitProgress& progress = {});

// The facts only (for `suggest`): scanned or read, configuration applied. `reported_files`:
// ExtractResult::reported_files (the files findings must touch to be reported; nullopt: all).
Facts gather_facts(const Options& options, ConfigSet& configs, std::vector<Finding>& diagnostics,
                   unsigned& files_scanned, const UnsavedFiles& unsaved = {},
                   const UnitProgress& progress = {}, UnitCounts* units = nullptr,
                   std::optional<std::set<std::string>>* reported_files = nullptr);

// The facts of a scan as --dump-facts prints them: configuration applied (as the checks see them),
// the scan's diagnostics and the files whose findings it reports. --facts reads them back and
// gives the findings of the scan.
FactsFile dump_facts(const Options& options, ConfigSet& configs, const UnitProgress& progress = {});

}  // namespace scopelint

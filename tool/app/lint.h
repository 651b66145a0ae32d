// The whole analysis as one call: facts (scanned or read), configuration, checks, suppressions.
// Used by the command line, the language server and the pre-commit mode.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/options.h"
#include "config/apply_config.h"
#include "model/facts.h"
#include "model/finding.h"
#include "rules/catalog.h"

namespace scopelint {

struct LintResult {
  Facts facts;  // after configuration (components, bases, granted scopes)
  std::vector<Finding> findings;  // sorted, suppressions applied
  size_t suppressed = 0;  // findings dropped by NOLINT
  unsigned files_scanned = 0;
};

// Editor buffers that differ from the files on disk: (path, contents).
using UnsavedFiles = std::vector<std::pair<std::string, std::string>>;

// Throws UsageError, RulesError, ConfigError or std::runtime_error for problems that stop the run.
LintResult lint(const Options& options, const Catalog& catalog, ConfigSet& configs,
                const UnsavedFiles& unsaved = {}, std::ostream* log = nullptr);

// The facts only (for `suggest`): scanned or read, configuration applied.
Facts gather_facts(const Options& options, ConfigSet& configs, std::vector<Finding>& diagnostics,
                   unsigned& files_scanned, const UnsavedFiles& unsaved = {});

}  // namespace scopelint

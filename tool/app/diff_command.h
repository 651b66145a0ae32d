// `scopelint diff BASE_REF [PATH...]`: the scope-change report between a git revision and the
// working tree (app/scope_diff.h).
#pragma once

#include <ostream>
#include <string>

#include "cli/options.h"
#include "catalog/catalog.h"

namespace scopelint {

// The report for `options` (diff_base set), in options.format (text or Markdown). The base tree
// comes from `git archive` into a private temporary directory, removed before returning (also on
// an error); no hook, filter or other command configured in git runs. Throws UsageError or
// std::runtime_error for what stops it (not a git work tree, an unknown revision).
std::string scope_diff_report(const Options& options, const Catalog& catalog, std::ostream& err);

}  // namespace scopelint

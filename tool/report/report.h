// Reporters: pure functions from findings to text in each output format.
#pragma once

#include <string>
#include <vector>

#include "model/api_call_counts.h"
#include "model/finding.h"

namespace scopelint {

// Markdown: only the scope-change report of `scopelint diff`.
enum class ReportFormat { Text, Json, Sarif, Github, Gitlab, Markdown };

struct ReportOptions {
  // Paths in findings are printed relative to this directory when they are under it (repo-relative
  // URIs in SARIF); absolute otherwise. Empty: print paths as they are.
  std::string base_directory;
  bool show_source = true;  // text: the source line and a caret under the finding, like clang
  bool color = false;  // text: ANSI colours like clang
};

// Findings must already be sorted (finding_order); reporters do not reorder. Text, GitHub and
// GitLab reporters print suppressed findings too if given them: format_report leaves them out.
std::string format_text(const std::vector<Finding>& findings, const ReportOptions& options);
std::string format_json(const std::vector<Finding>& findings, const ReportOptions& options);
std::string format_sarif(const std::vector<Finding>& findings, const ReportOptions& options);
// GitHub Actions workflow commands (::error file=...::msg), then the text report in a ::group::.
std::string format_github(const std::vector<Finding>& findings, const ReportOptions& options);
// GitLab Code Quality report: a JSON array with stable, unique fingerprints.
std::string format_gitlab(const std::vector<Finding>& findings, const ReportOptions& options);
// `findings` may hold suppressed ones (Finding::suppression): JSON and SARIF report them as such,
// the other formats leave them out.
std::string format_report(ReportFormat format, const std::vector<Finding>& findings,
                          const ReportOptions& options);

// The stderr summary: the findings, then the API calls found and how many were resolved,
// "2 errors, 1 warning and 3 notes generated; 12 Elation API calls, 10 resolved (83%).",
// "no findings; 1 Elation API call, 1 resolved (100%).", "1 warning generated; no Elation API call
// found." (the percentage rounded down, so 100% means every call).
std::string summary_line(const std::vector<Finding>& findings, const ApiCallCounts& api_calls);

// Why a run with more unresolved API calls than --max-unresolved=`limit` fails: "scopelint: 5
// Elation API calls could not be resolved (more than --max-unresolved=3)".
std::string unresolved_limit_line(const ApiCallCounts& api_calls, size_t limit);

// The stderr summary of a scan that found nothing to judge (no API call, no token request): said
// instead of "no findings.", which would claim more than was checked.
std::string nothing_judged_line(unsigned files_scanned);

}  // namespace scopelint

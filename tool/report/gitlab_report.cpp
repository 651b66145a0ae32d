// The GitLab Code Quality report: a JSON array of issues with stable, unique fingerprints.
#include <nlohmann/json.hpp>

#include "report/fingerprint.h"
#include "report/report.h"
#include "report/report_common.h"

namespace scopelint {
namespace {

using Json = nlohmann::ordered_json;

const char* severity_for(Level level) {
  switch (level) {
    case Level::Error:
      return "major";
    case Level::Warning:
      return "minor";
    case Level::Note:
      return "info";
  }
  return "minor";
}

}  // namespace

std::string format_gitlab(const std::vector<Finding>& findings, const ReportOptions& options) {
  std::vector<std::string> fingerprints = finding_fingerprints(findings, options.base_directory);
  Json issues = Json::array();
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    Json issue;
    issue["description"] = sanitize_utf8(finding.message);
    issue["check_name"] = sanitize_utf8(finding.rule);
    issue["fingerprint"] = fingerprints[i];
    issue["severity"] = severity_for(finding.level);
    Json location;
    location["path"] = sanitize_utf8(display_path(finding.location.file, options.base_directory));
    location["lines"] = {{"begin", std::max(finding.location.line, 1u)}};
    issue["location"] = std::move(location);
    issues.push_back(std::move(issue));
  }
  return issues.dump(2) + "\n";
}

}  // namespace scopelint

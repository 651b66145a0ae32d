// Line-independent identities of findings, shared by the GitLab report and the baseline.
#pragma once

#include <string>
#include <vector>

#include "model/finding.h"
#include "report/report_common.h"

namespace scopelint {

// The source line of a location with surrounding blanks trimmed and inner runs of blanks collapsed
// to one space; empty when unknown.
std::string normalized_line_text(SourceLines& lines, const SourceLocation& location);

// What identifies a finding independently of its line number: rule, path relative to
// `base_directory`, normalised line text and message, as one string.
std::string finding_identity(SourceLines& lines, const Finding& finding,
                             const std::string& base_directory);

// MD5 of each finding's identity plus its occurrence index among findings with the same identity,
// so every fingerprint in a report is unique and stable across edits that only move lines.
std::vector<std::string> finding_fingerprints(const std::vector<Finding>& findings,
                                              const std::string& base_directory);

// `message` with every line or column number replaced by '#' (":12:5" -> ":#:#", "line 12" ->
// "line #"), so that a message naming another place stays the same when lines move.
std::string message_without_positions(const std::string& message);

// SARIF partialFingerprints ("scopelint/v1"): SHA-256 of rule, path relative to `base_directory`,
// normalised source line text and message_without_positions, plus the occurrence index among the
// findings of the same file with the same identity. Independent of line and column numbers.
std::vector<std::string> stable_fingerprints(const std::vector<Finding>& findings,
                                             const std::string& base_directory);

}  // namespace scopelint

// Finding identities and fingerprints.
#include "report/fingerprint.h"

#include <cctype>
#include <map>

#include "report/md5.h"
#include "util/sha256.h"

namespace scopelint {

std::string normalized_line_text(SourceLines& lines, const SourceLocation& location) {
  if (!location.known() || location.line == 0) return "";
  const std::string* line = lines.line(location.file, location.line);
  if (!line) return "";
  std::string out;
  bool blank = false;
  for (char c : *line) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::string finding_identity(SourceLines& lines, const Finding& finding,
                             const std::string& base_directory) {
  std::string path =
      finding.location.file.empty() ? "" : display_path(finding.location.file, base_directory);
  // NUL cannot occur in a path, rule or message, so the parts cannot run into each other.
  std::string identity = finding.rule;
  identity += '\0';
  identity += path;
  identity += '\0';
  identity += normalized_line_text(lines, finding.location);
  identity += '\0';
  identity += finding.message;
  return identity;
}

namespace {

// `hash` of each finding's identity (its message first passed through `message_of`) and its
// occurrence index among the findings with the same identity: unique within a report.
template <typename MessageOf, typename Hash>
std::vector<std::string> occurrence_fingerprints(const std::vector<Finding>& findings,
                                                 const std::string& base_directory,
                                                 MessageOf message_of, Hash hash) {
  SourceLines lines;
  std::map<std::string, unsigned> seen;
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const Finding& finding : findings) {
    Finding identified = finding;
    identified.message = message_of(finding.message);
    std::string identity = finding_identity(lines, identified, base_directory);
    unsigned occurrence = seen[identity]++;
    out.push_back(hash(identity + '\0' + std::to_string(occurrence)));
  }
  return out;
}

}  // namespace

std::vector<std::string> finding_fingerprints(const std::vector<Finding>& findings,
                                              const std::string& base_directory) {
  return occurrence_fingerprints(
      findings, base_directory, [](const std::string& message) { return message; },
      [](const std::string& text) { return md5_hex(text); });
}

std::string message_without_positions(const std::string& message) {
  std::string out;
  for (size_t i = 0; i < message.size();) {
    bool after_colon = !out.empty() && out.back() == ':';
    bool after_word = (out.size() >= 5 && out.compare(out.size() - 5, 5, "line ") == 0) ||
                      (out.size() >= 7 && out.compare(out.size() - 7, 7, "column ") == 0);
    if ((after_colon || after_word) && std::isdigit(static_cast<unsigned char>(message[i]))) {
      while (i < message.size() && std::isdigit(static_cast<unsigned char>(message[i]))) ++i;
      out += '#';
      continue;
    }
    out += message[i++];
  }
  return out;
}

std::vector<std::string> stable_fingerprints(const std::vector<Finding>& findings,
                                             const std::string& base_directory) {
  return occurrence_fingerprints(findings, base_directory, message_without_positions,
                                 [](const std::string& text) { return to_hex(sha256(text)); });
}

}  // namespace scopelint

// Fuzzes facts JSON -> run_checks -> every reporter, and reporters fed hostile strings directly;
// the JSON, SARIF and GitLab reports must always parse back.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "checks/checks.h"
#include "codec/facts_codec.h"
#include "report/report.h"
#include "catalog/catalog.h"

namespace {

using scopelint::Finding;

// A real file the text reporter can quote lines from (tabs, UTF-8, a stray byte, a long line),
// removed when the process exits (the corpus replay in tests/ runs this in the test binary).
struct SourceFile {
  std::string path = "/tmp/scopelint-report-fuzzer-" + std::to_string(getpid()) + ".cpp";
  SourceFile() {
    std::ofstream(path, std::ios::binary) << "\tcli.Get(\"/api/2.0/patients/\");\n"
                                          << "auto s = \"h\xc3\xa9llo \xff\xfe\";\n\n"
                                          << std::string(300, 'x') << "\n";
  }
  ~SourceFile() { std::remove(path.c_str()); }
};

const std::string& source_file() {
  static const SourceFile file;
  return file.path;
}

void check_reports(const std::vector<Finding>& findings, const scopelint::ReportOptions& options) {
  using scopelint::ReportFormat;
  for (auto format : {ReportFormat::Text, ReportFormat::Json, ReportFormat::Sarif,
                      ReportFormat::Github, ReportFormat::Gitlab}) {
    std::string report = scopelint::format_report(format, findings, options);
    if (format == ReportFormat::Text || format == ReportFormat::Github) continue;
    if (!nlohmann::json::accept(report)) {
      std::fprintf(stderr, "invalid JSON report:\n%s\n", report.c_str());
      std::abort();
    }
  }
  (void)scopelint::summary_line(findings, {findings.size(), findings.size() / 2});
}

// Splits the input at NUL bytes into hostile fields.
std::vector<std::string> fields_of(std::string_view text) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (fields.size() < 12) {
    size_t nul = text.find('\0', start);
    fields.emplace_back(text.substr(start, nul == std::string_view::npos ? nul : nul - start));
    if (nul == std::string_view::npos) break;
    start = nul + 1;
  }
  fields.resize(12);
  return fields;
}

unsigned number_of(const std::string& field) {
  unsigned value = 0;
  for (unsigned char c : field) value = value * 31 + c;
  return field.empty() ? 0 : value % 400;
}

std::vector<Finding> hostile_findings(std::string_view text, uint8_t selector) {
  std::vector<std::string> f = fields_of(text);
  Finding finding;
  // Rule ids come from the registry, never from input: pick a real one (the rest is hostile).
  static const char* const kRules[] = {"missing-scope", "unused-scope", "scan-error", "unknown-scope",
                                       "scope-encoding", "unresolved-call"};
  finding.rule = kRules[number_of(f[0]) % 6];
  finding.level = static_cast<scopelint::Level>(selector % 3);
  finding.message = f[1];
  finding.location = {(selector & 0x10) ? source_file() : f[2], number_of(f[3]), number_of(f[4])};
  if (selector & 0x20) finding.end = scopelint::SourceLocation{finding.location.file, number_of(f[5]),
                                                               number_of(f[6])};
  finding.notes.push_back({{f[7], number_of(f[3]), 1}, f[8]});
  if (selector & 0x40) {
    scopelint::Replacement r;
    r.range.begin = finding.location;
    r.range.end = finding.end.value_or(finding.location);
    r.range.length = number_of(f[6]);
    r.text = f[9];
    finding.fix = scopelint::Fix{f[10], {r}};
  }
  finding.scope = f[11];
  finding.path = f[9];
  finding.method = f[10];
  finding.suggested_scopes = {f[11], f[8]};
  return {finding, finding};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  uint8_t selector = data[0];
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  scopelint::ReportOptions options;
  options.show_source = (selector & 0x04) != 0;
  options.color = (selector & 0x08) != 0;
  if (selector & 0x80) options.base_directory = "/tmp";
  std::vector<Finding> findings;
  if (selector & 0x01) {
    findings = hostile_findings(text, selector);
  } else {
    try {
      scopelint::Facts facts = scopelint::parse_facts_json(text, "fuzz.json").facts;
      findings = scopelint::run_checks(facts, scopelint::default_catalog());
    } catch (const std::runtime_error&) {
      return 0;
    }
  }
  check_reports(findings, options);
  return 0;
}

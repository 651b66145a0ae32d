// Shared reporter helpers (paths, source lines, UTF-8, columns), format dispatch, summary line.
#include "report/report_common.h"

#include "report/report.h"
#include "util/bounded_input.h"
#include "util/percent_encoding.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace scopelint {
namespace fs = std::filesystem;

namespace {

struct Utf8Step {
  size_t length;  // bytes consumed: the whole sequence, or the maximal ill-formed subpart
  bool valid;
};

// Decodes one UTF-8 sequence at `i` following the Unicode table of well-formed byte sequences.
Utf8Step next_utf8(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return {1, true};
  size_t length = 0;
  unsigned char second_lo = 0x80, second_hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_lo = 0xA0;
    if (lead == 0xED) second_hi = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_lo = 0x90;
    if (lead == 0xF4) second_hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {1, false};
  }
  for (size_t k = 1; k < length; ++k) {
    unsigned char lo = k == 1 ? second_lo : 0x80;
    unsigned char hi = k == 1 ? second_hi : 0xBF;
    if (i + k >= text.size() || byte(i + k) < lo || byte(i + k) > hi) return {k, false};
  }
  return {length, true};
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    Utf8Step step = next_utf8(text, i);
    if (step.valid) {
      out.append(text.substr(i, step.length));
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    }
    i += step.length;
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  static const std::string_view kAllowedPunctuation = "-._~/!$&()*+,;=@";
  std::string out;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                 (byte >= '0' && byte <= '9');
    if (alnum || kAllowedPunctuation.find(c) != std::string_view::npos) {
      out += c;
    } else {
      append_percent_escape(out, byte);
    }
  }
  return out;
}

unsigned utf16_column(std::string_view line_text, unsigned column) {
  if (column == 0) return 0;
  size_t prefix_end = column - 1;
  size_t decoded_end = std::min(prefix_end, line_text.size());
  unsigned units = 0;
  size_t i = 0;
  while (i < decoded_end) {
    Utf8Step step = next_utf8(line_text.substr(0, decoded_end), i);
    units += step.valid && step.length == 4 ? 2 : 1;  // astral code points are surrogate pairs
    i += step.length;
  }
  units += static_cast<unsigned>(prefix_end - decoded_end);
  return units + 1;
}

namespace {

// The lines of `file` without their line ends; nullopt when it is not a regular file, cannot be
// read or is larger than any source scopelint scans.
std::optional<std::vector<std::string>> read_lines(const std::string& file) {
  std::string content;
  try {
    content = read_input_file(file, kMaxSourceBytes);
  } catch (const InputError&) {
    return std::nullopt;
  }
  return split_lines(content);
}

}  // namespace

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

const std::string* SourceLines::line(const std::string& file, unsigned line) {
  if (file.empty() || line == 0) return nullptr;
  auto [it, inserted] = files_.try_emplace(file);
  if (inserted) it->second = read_lines(file);
  const auto& lines = it->second;
  if (!lines || line > lines->size()) return nullptr;
  return &(*lines)[line - 1];
}

std::string format_report(ReportFormat format, const std::vector<Finding>& all,
                          const ReportOptions& options) {
  if (format == ReportFormat::Json || format == ReportFormat::Sarif) {
    return format == ReportFormat::Json ? format_json(all, options) : format_sarif(all, options);
  }
  std::vector<Finding> findings;  // the other formats show what is not suppressed
  std::copy_if(all.begin(), all.end(), std::back_inserter(findings),
               [](const Finding& finding) { return !finding.suppression; });
  switch (format) {
    case ReportFormat::Text:
      return format_text(findings, options);
    case ReportFormat::Json:
      return format_json(findings, options);
    case ReportFormat::Sarif:
      return format_sarif(findings, options);
    case ReportFormat::Github:
      return format_github(findings, options);
    case ReportFormat::Gitlab:
      return format_gitlab(findings, options);
    case ReportFormat::Markdown:
      break;  // findings have no Markdown form: the options parser allows it only for diff
  }
  return format_text(findings, options);
}

std::string nothing_judged_line(unsigned files_scanned) {
  return "scanned " + std::to_string(files_scanned) + " file" + (files_scanned == 1 ? "" : "s") +
         ": no Elation API call or token request found";
}

namespace {

// "2 errors, 1 warning and 3 notes generated", or "no findings".
std::string findings_part(const std::vector<Finding>& findings) {
  size_t counts[3] = {0, 0, 0};  // indexed by Level
  for (const Finding& f : findings) ++counts[static_cast<int>(f.level)];
  std::vector<std::string> parts;
  auto add = [&](size_t n, const char* singular, const char* plural) {
    if (n > 0) parts.push_back(std::to_string(n) + " " + (n == 1 ? singular : plural));
  };
  add(counts[static_cast<int>(Level::Error)], "error", "errors");
  add(counts[static_cast<int>(Level::Warning)], "warning", "warnings");
  add(counts[static_cast<int>(Level::Note)], "note", "notes");
  if (parts.empty()) return "no findings";
  std::string out = parts[0];
  for (size_t i = 1; i < parts.size(); ++i)
    out += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out + " generated";
}

std::string api_calls_words(size_t n) {
  return std::to_string(n) + " Elation API call" + (n == 1 ? "" : "s");
}

// "12 Elation API calls, 10 resolved (83%)": the percentage rounded down.
std::string api_calls_part(const ApiCallCounts& api_calls) {
  if (api_calls.calls == 0) return "no Elation API call found";
  return api_calls_words(api_calls.calls) + ", " + std::to_string(api_calls.resolved) +
         " resolved (" + std::to_string(api_calls.resolved * 100 / api_calls.calls) + "%)";
}

}  // namespace

std::string summary_line(const std::vector<Finding>& findings, const ApiCallCounts& api_calls) {
  return findings_part(findings) + "; " + api_calls_part(api_calls) + ".";
}

std::string unresolved_limit_line(const ApiCallCounts& api_calls, size_t limit) {
  return "scopelint: " + api_calls_words(api_calls.unresolved()) +
         " could not be resolved (more than --max-unresolved=" + std::to_string(limit) + ")";
}

}  // namespace scopelint

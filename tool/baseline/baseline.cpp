// Baseline entries, the baseline file format, and filtering findings against a baseline.
#include "baseline/baseline.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>

#include "report/fingerprint.h"
#include "report/md5.h"
#include "report/report_common.h"
#include "util/bounded_input.h"

namespace scopelint {
namespace {

using Json = nlohmann::ordered_json;  // for writing: keys in the order given
constexpr int kBaselineVersion = 1;

BaselineEntry entry_for(SourceLines& lines, const Finding& finding,
                        const std::string& base_directory) {
  BaselineEntry entry;
  entry.rule = finding.rule;
  entry.file =
      finding.location.file.empty() ? "" : display_path(finding.location.file, base_directory);
  entry.fingerprint =
      md5_hex(normalized_line_text(lines, finding.location) + '\0' + finding.message);
  return entry;
}

std::string key_of(const BaselineEntry& entry) {
  return entry.rule + '\0' + entry.file + '\0' + entry.fingerprint;
}

std::string required_string(const nlohmann::json& object, const char* key, size_t index,
                            const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    throw std::runtime_error(path + ": invalid baseline: findings[" + std::to_string(index) + "]." +
                             key + " must be a string");
  }
  return it->get<std::string>();
}

}  // namespace

bool operator<(const BaselineEntry& a, const BaselineEntry& b) {
  return std::tie(a.file, a.rule, a.fingerprint) < std::tie(b.file, b.rule, b.fingerprint);
}

std::vector<BaselineEntry> baseline_entries(const std::vector<Finding>& findings,
                                            const std::string& base_directory) {
  SourceLines lines;
  std::vector<BaselineEntry> entries;
  for (const Finding& finding : findings)
    entries.push_back(entry_for(lines, finding, base_directory));
  std::sort(entries.begin(), entries.end());
  return entries;
}

std::string format_baseline(const std::vector<BaselineEntry>& entries) {
  Json list = Json::array();
  for (const BaselineEntry& entry : entries) {
    Json item;
    item["rule"] = entry.rule;
    item["file"] = sanitize_utf8(entry.file);
    item["fingerprint"] = entry.fingerprint;
    list.push_back(std::move(item));
  }
  Json out;
  out["version"] = kBaselineVersion;
  out["tool"] = "scopelint";
  out["findings"] = std::move(list);
  return out.dump(2) + "\n";
}

std::vector<BaselineEntry> parse_baseline(const std::string& text, const std::string& path) {
  nlohmann::json json;
  try {
    // "<path>: invalid baseline: invalid JSON at line L, column C" (or nested too deep).
    json = parse_json_input(text, path + ": invalid baseline");
  } catch (const InputError& e) {
    throw std::runtime_error(e.what());
  }
  if (!json.is_object())
    throw std::runtime_error(path + ": invalid baseline: expected a JSON object");
  auto version = json.find("version");
  if (version == json.end() || !version->is_number_integer() || *version != kBaselineVersion) {
    throw std::runtime_error(path + ": invalid baseline: version must be " +
                             std::to_string(kBaselineVersion));
  }
  auto findings = json.find("findings");
  if (findings == json.end() || !findings->is_array()) {
    throw std::runtime_error(path + ": invalid baseline: findings must be an array");
  }
  std::vector<BaselineEntry> entries;
  for (size_t i = 0; i < findings->size(); ++i) {
    const nlohmann::json& item = (*findings)[i];
    if (!item.is_object()) {
      throw std::runtime_error(path + ": invalid baseline: findings[" + std::to_string(i) +
                               "] must be an object");
    }
    entries.push_back({required_string(item, "rule", i, path),
                       required_string(item, "file", i, path),
                       required_string(item, "fingerprint", i, path)});
  }
  return entries;
}

std::vector<Finding> filter_baselined(std::vector<Finding> findings,
                                      const std::vector<BaselineEntry>& baseline,
                                      const std::string& base_directory, size_t& dropped) {
  std::map<std::string, size_t> remaining;
  for (const BaselineEntry& entry : baseline) ++remaining[key_of(entry)];
  SourceLines lines;
  std::vector<Finding> kept;
  dropped = 0;
  for (Finding& finding : findings) {
    auto it = remaining.find(key_of(entry_for(lines, finding, base_directory)));
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      ++dropped;
      continue;
    }
    kept.push_back(std::move(finding));
  }
  return kept;
}

}  // namespace scopelint

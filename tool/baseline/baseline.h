// Baselines: findings recorded once and not reported again, matched without line numbers.
#pragma once

#include <string>
#include <vector>

#include "model/finding.h"

namespace scopelint {

struct BaselineEntry {
  std::string rule;
  std::string file;         // relative to the base directory, as reports print it
  std::string fingerprint;  // MD5 of the trimmed source line text and the message
  friend bool operator<(const BaselineEntry& a, const BaselineEntry& b);
};

// One entry per finding (identical findings give identical entries), sorted.
std::vector<BaselineEntry> baseline_entries(const std::vector<Finding>& findings,
                                            const std::string& base_directory);

// The baseline file: {"version": 1, "findings": [{"rule", "file", "fingerprint"}, ...]}.
std::string format_baseline(const std::vector<BaselineEntry>& entries);

// Throws std::runtime_error "<path>: invalid baseline: <what>" for a file that is not a baseline.
std::vector<BaselineEntry> parse_baseline(const std::string& text, const std::string& path);

// The findings not in the baseline. Each entry absorbs one finding: two identical findings need two
// entries. `dropped` receives how many were absorbed.
std::vector<Finding> filter_baselined(std::vector<Finding> findings,
                                      const std::vector<BaselineEntry>& baseline,
                                      const std::string& base_directory, size_t& dropped);

}  // namespace scopelint

// Applying NOLINT maps to findings, one map per file, each file read once.
#include "suppress/apply_nolint.h"

#include <filesystem>
#include <map>
#include <memory>

#include "checks/check_context.h"
#include "suppress/nolint.h"
#include "util/file_io.h"

namespace scopelint {
namespace {

class NolintCache {
 public:
  const NolintMap* get(const std::string& file) {
    auto it = maps_.find(file);
    if (it != maps_.end()) return it->second.get();
    std::unique_ptr<NolintMap> map;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return (maps_[file] = nullptr).get();  // a FIFO would block
    try {
      map = std::make_unique<NolintMap>(read_file_or_throw(file));
    } catch (const std::exception&) {
      // An unreadable file has no directives; the scan reports it elsewhere.
    }
    return (maps_[file] = std::move(map)).get();
  }
  const std::map<std::string, std::unique_ptr<NolintMap>>& all() const { return maps_; }

 private:
  std::map<std::string, std::unique_ptr<NolintMap>> maps_;
};

}  // namespace

NolintResult apply_nolint(std::vector<Finding> findings, const std::vector<std::string>& files) {
  NolintCache cache;
  NolintResult result;
  for (auto& finding : findings) {
    const NolintMap* map = finding.location.known() ? cache.get(finding.location.file) : nullptr;
    if (map && map->suppresses(finding.rule, finding.location.line)) {
      ++result.suppressed;
    } else {
      result.kept.push_back(std::move(finding));
    }
  }
  for (const auto& file : files) cache.get(file);
  for (const auto& [file, map] : cache.all()) {
    if (!map) continue;
    for (const auto& problem : map->problems()) {
      result.kept.push_back(make_finding("nolint", {file, problem.line, problem.column}, problem.message));
    }
  }
  return result;
}

}  // namespace scopelint

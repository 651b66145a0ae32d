// Applying NOLINT maps to findings, one map per file, each file read once.
#include "suppress/apply_nolint.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "checks/check_context.h"
#include "suppress/nolint.h"
#include "util/bounded_input.h"
#include "util/file_io.h"

namespace scopelint {
namespace {

class NolintCache {
 public:
  const NolintMap* get(const std::string& file) {
    auto it = maps_.find(file);
    if (it != maps_.end()) return it->second.get();
    std::unique_ptr<NolintMap> map;
    try {
      map = std::make_unique<NolintMap>(read_input_file(file, kMaxSourceBytes));
    } catch (const std::exception&) {
      // Unreadable, not a regular file (a FIFO would block) or too large: no directives; the scan
      // reports the file elsewhere.
    }
    return (maps_[file] = std::move(map)).get();
  }

 private:
  std::map<std::string, std::unique_ptr<NolintMap>> maps_;
};

// Like clang-tidy: a NOLINT at the finding's location, or at any location along the macro chain of
// the code it is about (the macro definition, a macro argument, the expansion site), suppresses it.
// A header's own NOLINT comments apply to findings located in that header.
bool is_suppressed(const Finding& finding, NolintCache& cache) {
  auto suppressed_at = [&](const SourceLocation& place) {
    const NolintMap* map = place.known() ? cache.get(place.file) : nullptr;
    return map && map->suppresses(finding.rule, place.line);
  };
  return suppressed_at(finding.location) ||
         std::any_of(finding.macro_chain.begin(), finding.macro_chain.end(), suppressed_at);
}

}  // namespace

NolintResult apply_nolint(std::vector<Finding> findings, const std::vector<std::string>& files) {
  NolintCache cache;
  NolintResult result;
  // Unpaired NOLINTBEGIN/END are reported in the files that hold findings and in `files`; a file
  // reached only through a macro chain (a library header) is read, not judged.
  std::set<std::string> judged(files.begin(), files.end());
  for (auto& finding : findings) {
    if (finding.location.known()) judged.insert(finding.location.file);
    if (is_suppressed(finding, cache)) {
      ++result.suppressed;
    } else {
      result.kept.push_back(std::move(finding));
    }
  }
  for (const auto& file : judged) {
    const NolintMap* map = cache.get(file);
    if (!map) continue;
    for (const auto& problem : map->problems()) {
      result.kept.push_back(make_finding(
          "nolint", SourceLocation{file, problem.line, problem.column}, problem.message));
    }
  }
  return result;
}

}  // namespace scopelint

// Applying NOLINT maps to findings, one map per file, each file read once.
#include "suppress/apply_nolint.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "checks/check_context.h"
#include "checks/rule_registry.h"
#include "util/bounded_input.h"
#include "util/file_io.h"

namespace scopelint {
namespace {

// The suppression a finding reports: the first directive that gives a reason, else the first.
Suppression suppression_of(const std::vector<std::pair<std::string, NolintMatch>>& matches,
                           NolintFiles& sources) {
  auto directive = [&](const std::pair<std::string, NolintMatch>& match) {
    return &sources.get(match.first)->directives()[match.second.directive];
  };
  auto chosen = std::find_if(matches.begin(), matches.end(),
                             [&](const auto& match) { return !directive(match)->reason.empty(); });
  if (chosen == matches.end()) chosen = matches.begin();
  const NolintDirective* d = directive(*chosen);
  return {{chosen->first, d->line, d->column}, d->reason};
}

}  // namespace

NolintFiles::NolintFiles(const std::vector<std::pair<std::string, std::string>>& buffers) {
  for (const auto& [path, text] : buffers) buffers_[key(path)] = text;
}

std::string NolintFiles::key(const std::string& file) const {
  auto known = keys_.find(file);
  if (known != keys_.end()) return known->second;
  std::error_code error;
  std::filesystem::path path = std::filesystem::weakly_canonical(file, error);
  return keys_[file] =
             error ? std::filesystem::path(file).lexically_normal().string() : path.string();
}

const NolintMap* NolintFiles::get(const std::string& file) {
  const std::string id = key(file);
  auto it = maps_.find(id);
  if (it != maps_.end()) return it->second.get();
  std::unique_ptr<NolintMap> map;
  auto buffer = buffers_.find(id);
  if (buffer != buffers_.end()) {
    map = std::make_unique<NolintMap>(buffer->second);
  } else {
    try {
      map = std::make_unique<NolintMap>(read_input_file(file, kMaxSourceBytes));
    } catch (const std::exception&) {
      // Unreadable, not a regular file (a FIFO would block) or too large: no directives; the scan
      // reports the file elsewhere.
    }
  }
  return (maps_[id] = std::move(map)).get();
}

// Like clang-tidy: a NOLINT at the finding's location, or at any location along the macro chain of
// the code it is about (the macro definition, a macro argument, the expansion site), suppresses it.
// A header's own NOLINT comments apply to findings located in that header.
std::vector<std::pair<std::string, NolintMatch>> nolint_matches(const Finding& finding,
                                                                NolintFiles& sources) {
  std::vector<std::pair<std::string, NolintMatch>> out;
  auto add = [&](const SourceLocation& place) {
    const NolintMap* map = place.known() ? sources.get(place.file) : nullptr;
    if (!map) return;
    for (const NolintMatch& match : map->matches(finding.rule, place.line)) {
      out.emplace_back(place.file, match);
    }
  };
  add(finding.location);
  std::for_each(finding.macro_chain.begin(), finding.macro_chain.end(), add);
  return out;
}

NolintResult apply_nolint(std::vector<Finding> findings, const std::vector<std::string>& files,
                          NolintFiles* sources) {
  NolintFiles own;
  NolintFiles& maps = sources ? *sources : own;
  NolintResult result;
  // Unpaired NOLINTBEGIN/END are reported in the files that hold findings and in `files`; a file
  // reached only through a macro chain (a library header) is read, not judged.
  std::set<std::string> judged(files.begin(), files.end());
  for (auto& finding : findings) {
    if (finding.location.known()) judged.insert(finding.location.file);
    auto matches = nolint_matches(finding, maps);
    if (matches.empty()) {
      result.kept.push_back(std::move(finding));
      continue;
    }
    finding.suppression = suppression_of(matches, maps);
    result.suppressed.push_back(std::move(finding));
  }
  for (const auto& file : judged) {
    const NolintMap* map = maps.get(file);
    if (!map) continue;
    for (const auto& problem : map->problems()) {
      result.kept.push_back(make_finding(
          nolint_rule().id, SourceLocation{file, problem.line, problem.column}, problem.message));
    }
  }
  return result;
}

}  // namespace scopelint

// Applying fix-its: keep the fixes that stay in the project and still fit, check every file, then
// stage every new file and put them all in place.
#include "fix/apply_fixes.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "fix/fix_targets.h"
#include "fix/snapshots.h"
#include "util/display_paths.h"
#include "util/project_root.h"
#include "util/staged_file.h"

namespace scopelint {
namespace {

struct Edit {
  unsigned offset = 0;
  unsigned length = 0;
  std::string text;
  std::string expected;
  friend bool operator<(const Edit& a, const Edit& b) {
    return std::tie(a.offset, a.length, a.text, a.expected) <
           std::tie(b.offset, b.length, b.text, b.expected);
  }
};

using EditsByFile = std::map<std::string, std::set<Edit>>;

bool overlaps(const Edit& a, const Edit& b) {
  if (a.offset == b.offset && a.length == b.length && a.text == b.text)
    return false;  // applied once
  // Two insertions at one point conflict (their order is undefined); otherwise half-open ranges.
  if (a.offset == b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

EditsByFile edits_of(const Finding& finding) {
  EditsByFile edits;
  for (const Replacement& r : finding.fix->replacements) {
    edits[replacement_file(finding, r)].insert(
        {r.range.offset, r.range.length, r.text, r.expected});
  }
  return edits;
}

bool conflicts(const EditsByFile& accepted, const EditsByFile& candidate) {
  for (const auto& [file, edits] : candidate) {
    auto it = accepted.find(file);
    if (it == accepted.end()) continue;
    for (const Edit& edit : edits) {
      for (const Edit& other : it->second) {
        if (overlaps(edit, other)) return true;
      }
    }
  }
  return false;
}

// Whether every edit replaces exactly the bytes its fix was computed to replace.
bool edits_fit(const EditsByFile& edits, const std::map<std::string, FixTarget>& targets) {
  for (const auto& [file, file_edits] : edits) {
    const std::string& text = targets.at(file).text;
    for (const Edit& edit : file_edits) {
      if (size_t(edit.offset) + edit.length > text.size() || edit.expected.size() != edit.length ||
          text.compare(edit.offset, edit.length, edit.expected) != 0) {
        return false;
      }
    }
  }
  return true;
}

std::string apply_edits(std::string text, const std::set<Edit>& edits) {
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {  // from the end: offsets stay valid
    text.replace(it->offset, it->length, it->text);
  }
  return text;
}

// Each finding's edits, or nullopt for a finding without a fix.
std::vector<std::optional<EditsByFile>> candidate_edits(const std::vector<Finding>& findings) {
  std::vector<std::optional<EditsByFile>> candidates(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].fix && !findings[i].fix->replacements.empty())
      candidates[i] = edits_of(findings[i]);
  }
  return candidates;
}

// Every file the candidates edit, checked; false (after one warning per refused file) if any fails.
bool check_targets(const std::vector<std::optional<EditsByFile>>& candidates,
                   const std::string& project_root, std::map<std::string, FixTarget>& targets,
                   FixOutcome& outcome, std::ostream& err) {
  std::set<std::string> files;
  for (const auto& edits : candidates) {
    if (!edits) continue;
    for (const auto& entry : *edits) files.insert(entry.first);
  }
  for (const auto& file : files) {
    auto checked = check_fix_target(file, project_root);
    if (auto* reason = std::get_if<std::string>(&checked)) {
      err << "scopelint: warning: not fixing " << file << ": " << *reason << "\n";
      ++outcome.files_refused;
    } else {
      targets.emplace(file, std::move(std::get<FixTarget>(checked)));
    }
  }
  return outcome.files_refused == 0;
}

// Drops fixes that no longer fit their file or overlap an earlier one; returns the edits per file.
EditsByFile select_fixes(const std::vector<Finding>& findings,
                         std::vector<std::optional<EditsByFile>>& candidates,
                         const std::map<std::string, FixTarget>& targets, std::ostream& err) {
  EditsByFile accepted;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!candidates[i]) continue;
    const char* problem = !edits_fit(*candidates[i], targets)
                              ? "its range no longer holds the text it replaces"
                          : conflicts(accepted, *candidates[i]) ? "it overlaps another fix"
                                                                : nullptr;
    if (problem) {
      err << "scopelint: warning: not applying the fix for " << describe_finding(findings[i])
          << ": " << problem << "\n";
      candidates[i].reset();
      continue;
    }
    for (const auto& [file, edits] : *candidates[i])
      accepted[file].insert(edits.begin(), edits.end());
  }
  return accepted;
}

}  // namespace

FixOutcome apply_fixes(const std::vector<Finding>& findings, const std::string& project_root,
                       std::ostream& err) {
  FixOutcome outcome;
  outcome.fixed.assign(findings.size(), false);
  const std::string root = canonical_path(project_root);
  std::vector<std::optional<EditsByFile>> candidates =
      candidate_edits(confine_fixes_to_project(findings, root, err));
  std::map<std::string, FixTarget> targets;
  if (!check_targets(candidates, root, targets, outcome, err)) return outcome;
  const EditsByFile accepted = select_fixes(findings, candidates, targets, err);
  // Every new file is written before any is put in place: a failure leaves every file as it was.
  struct Staged {
    std::string file;
    std::string edited;
    std::unique_ptr<StagedFile> staged;
  };
  std::vector<Staged> staged;
  try {
    for (const auto& [file, edits] : accepted) {
      const FixTarget& target = targets.at(file);
      std::string edited = apply_edits(target.text, edits);
      auto staged_file =
          std::make_unique<StagedFile>(target.real_path, edited, 0666, &target.status);
      staged.push_back({file, std::move(edited), std::move(staged_file)});
    }
    for (auto& file : staged) {
      file.staged->commit();
      record_fix_snapshot(file.file, content_hash(file.edited));
      ++outcome.files_changed;
    }
  } catch (const std::exception& e) {
    err << "scopelint: warning: not fixing " << e.what() << "\n";
    if (outcome.files_changed == 0) {
      ++outcome.files_refused;
      return outcome;
    }
  }
  std::set<std::string> changed;
  for (size_t i = 0; i < outcome.files_changed; ++i) changed.insert(staged[i].file);
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!candidates[i]) continue;
    outcome.fixed[i] =
        std::all_of(candidates[i]->begin(), candidates[i]->end(),
                    [&](const auto& entry) { return changed.count(entry.first) > 0; });
    outcome.fixes_applied += outcome.fixed[i];
  }
  return outcome;
}

std::string not_fixed_lines(const std::vector<Finding>& findings,
                            const std::string& base_directory) {
  std::string out;
  for (const Finding& finding : findings) {
    if (finding.fix || finding.no_fix_reason.empty()) continue;
    out +=
        "scopelint: " + finding.rule + " at " + display_path(finding.location.file, base_directory);
    if (finding.location.line > 0) out += ":" + std::to_string(finding.location.line);
    out += ": not fixed: " + finding.no_fix_reason + "\n";
  }
  return out;
}

std::string fix_summary(const FixOutcome& outcome, size_t remaining) {
  std::string line = "scopelint: fixed " + std::to_string(outcome.fixes_applied) + " finding" +
                     (outcome.fixes_applied == 1 ? "" : "s") + " in " +
                     std::to_string(outcome.files_changed) + " file" +
                     (outcome.files_changed == 1 ? "" : "s") + "; " + std::to_string(remaining) +
                     (remaining == 1 ? " remains" : " remain");
  if (outcome.files_refused > 0) {
    line += " (" + std::to_string(outcome.files_refused) + " file" +
            (outcome.files_refused == 1 ? "" : "s") +
            " could not be fixed safely, so no file was changed)";
  }
  return line + "\n";
}

}  // namespace scopelint

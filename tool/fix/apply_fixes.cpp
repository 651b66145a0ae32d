// Applying fix-its: select non-conflicting fixes, check each file is unchanged, edit from the end.
#include "fix/apply_fixes.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "fix/snapshots.h"
#include "util/file_io.h"

namespace scopelint {
namespace {

struct Edit {
  unsigned offset = 0;
  unsigned length = 0;
  std::string text;
  friend bool operator<(const Edit& a, const Edit& b) {
    return std::tie(a.offset, a.length, a.text) < std::tie(b.offset, b.length, b.text);
  }
  friend bool operator==(const Edit& a, const Edit& b) {
    return std::tie(a.offset, a.length, a.text) == std::tie(b.offset, b.length, b.text);
  }
};

using EditsByFile = std::map<std::string, std::set<Edit>>;

bool overlaps(const Edit& a, const Edit& b) {
  if (a == b) return false;  // the same edit twice is applied once
  // Two insertions at one point conflict (their order is undefined); otherwise half-open ranges.
  if (a.offset == b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

EditsByFile edits_of(const Finding& finding) {
  EditsByFile edits;
  for (const Replacement& r : finding.fix->replacements) {
    std::string file = r.range.begin.file.empty() ? finding.location.file : r.range.begin.file;
    edits[file].insert({r.range.offset, r.range.length, r.text});
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

// The file's text when it is safe to edit: read now, and the same as when its fixes were computed.
std::optional<std::string> unchanged_text(const std::string& file, std::ostream& err) {
  std::optional<std::string> snapshot = fix_snapshot(file);
  std::string text;
  try {
    text = read_file_or_throw(file);
  } catch (const std::exception& e) {
    err << "scopelint: warning: not fixing " << file << ": " << e.what() << "\n";
    return std::nullopt;
  }
  if (!snapshot || *snapshot != content_hash(text)) {
    err << "scopelint: warning: not fixing " << file << ": it changed since it was scanned\n";
    return std::nullopt;
  }
  return text;
}

std::string apply_edits(std::string text, const std::set<Edit>& edits) {
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {  // from the end: offsets stay valid
    text.replace(it->offset, it->length, it->text);
  }
  return text;
}

}  // namespace

FixOutcome apply_fixes(const std::vector<Finding>& findings, std::ostream& err) {
  FixOutcome outcome;
  outcome.fixed.assign(findings.size(), false);
  std::vector<EditsByFile> chosen(findings.size());
  EditsByFile accepted;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!findings[i].fix || findings[i].fix->replacements.empty()) continue;
    EditsByFile edits = edits_of(findings[i]);
    if (conflicts(accepted, edits)) {
      err << "scopelint: warning: not applying the fix for " << findings[i].location.file << ":"
          << findings[i].location.line << ": it overlaps another fix\n";
      continue;
    }
    for (const auto& [file, file_edits] : edits)
      accepted[file].insert(file_edits.begin(), file_edits.end());
    chosen[i] = std::move(edits);
    outcome.fixed[i] = true;
  }
  // Files that cannot be edited drop every fix touching them (a fix is applied whole or not at
  // all).
  std::map<std::string, std::string> texts;
  std::set<std::string> refused;
  for (const auto& [file, edits] : accepted) {
    auto text = unchanged_text(file, err);
    if (!text) {
      refused.insert(file);
      continue;
    }
    for (const Edit& edit : edits) {
      if (size_t(edit.offset) + edit.length > text->size()) {
        err << "scopelint: warning: not fixing " << file << ": a fix lies past its end\n";
        refused.insert(file);
        break;
      }
    }
    if (!refused.count(file)) texts[file] = std::move(*text);
  }
  EditsByFile final_edits;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!outcome.fixed[i]) continue;
    bool blocked = std::any_of(chosen[i].begin(), chosen[i].end(),
                               [&](const auto& entry) { return refused.count(entry.first) > 0; });
    if (blocked) {
      outcome.fixed[i] = false;
      continue;
    }
    for (const auto& [file, edits] : chosen[i])
      final_edits[file].insert(edits.begin(), edits.end());
    ++outcome.fixes_applied;
  }
  for (const auto& [file, edits] : final_edits) {
    std::string edited = apply_edits(texts[file], edits);
    write_file_atomically(file, edited);
    record_fix_snapshot(file, content_hash(edited));
    ++outcome.files_changed;
  }
  return outcome;
}

}  // namespace scopelint

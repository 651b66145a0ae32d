// Project root discovery and the staged-files filter of the pre-commit mode.
#include "precommit/precommit.h"

#include <cstdio>
#include <filesystem>
#include <set>

#include "util/project_root.h"

namespace scopelint {
namespace {
namespace fs = std::filesystem;

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// `git rev-parse --show-toplevel` run from `directory`; empty when it is not in a work tree.
std::string git_top_level(const std::string& directory) {
  std::string command =
      "git -C " + shell_quote(directory) + " rev-parse --show-toplevel 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "";
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  if (pclose(pipe) != 0) return "";
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace

std::string project_root(const std::vector<std::string>& files, const std::string& fallback) {
  if (files.empty()) return fallback;
  fs::path first = fs::absolute(files.front());
  std::error_code ec;
  fs::path directory = fs::is_directory(first, ec) ? first : first.parent_path();
  std::string top = git_top_level(directory.string());
  return top.empty() ? fallback : top;
}

std::vector<Finding> findings_touching(std::vector<Finding> findings,
                                       const std::set<std::string>& canonical_files,
                                       Unlocated unlocated) {
  auto touches = [&](const SourceLocation& location) {
    return location.known() && canonical_files.count(canonical_path(location.file)) > 0;
  };
  std::vector<Finding> kept;
  for (Finding& finding : findings) {
    bool keep = unlocated == Unlocated::kKeep ? !finding.location.known() : false;
    keep = keep || touches(finding.location);
    for (const Note& note : finding.notes) keep = keep || touches(note.location);
    for (const SourceLocation& place : finding.depends_on) keep = keep || touches(place);
    if (keep) kept.push_back(std::move(finding));
  }
  return kept;
}

std::vector<Finding> findings_touching(std::vector<Finding> findings,
                                       const std::vector<std::string>& files) {
  std::set<std::string> wanted;
  for (const auto& file : files) wanted.insert(canonical_path(file));
  return findings_touching(std::move(findings), wanted, Unlocated::kDrop);
}

}  // namespace scopelint

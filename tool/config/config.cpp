// Config file discovery, queries and path globs.
#include "config/config.h"

#include <filesystem>
#include <unordered_set>

#include "suppress/nolint.h"
#include "util/bounded_input.h"
#include "util/project_root.h"

namespace scopelint {
namespace fs = std::filesystem;

namespace {

// States (g, p) already known not to match: without them every '*' and "**" retried the rest of the
// glob from every position, exponential in the number of stars (the same bug as the NOLINT glob
// that fuzz/nolint_fuzzer found; see tests/hostile_regressions_test.cpp).
using FailedStates = std::unordered_set<size_t>;

bool match_from(const std::string& glob, size_t g, const std::string& path, size_t p,
                FailedStates& failed);

bool match_from_uncached(const std::string& glob, size_t g, const std::string& path, size_t p,
                         FailedStates& failed) {
  while (g < glob.size()) {
    if (glob.compare(g, 2, "**") == 0) {
      size_t next = g + 2;
      if (next < glob.size() && glob[next] == '/') ++next;
      for (size_t i = p; i <= path.size(); ++i) {
        if (match_from(glob, next, path, i, failed)) return true;
      }
      return false;
    }
    if (glob[g] == '*') {
      for (size_t i = p; i <= path.size(); ++i) {
        if (match_from(glob, g + 1, path, i, failed)) return true;
        if (i < path.size() && path[i] == '/') break;
      }
      return false;
    }
    if (p >= path.size()) return false;
    if (glob[g] != '?' && glob[g] != path[p]) return false;
    if (glob[g] == '?' && path[p] == '/') return false;
    ++g;
    ++p;
  }
  return p == path.size();
}

bool match_from(const std::string& glob, size_t g, const std::string& path, size_t p,
                FailedStates& failed) {
  const size_t key = g * (path.size() + 1) + p;
  if (failed.count(key)) return false;
  if (match_from_uncached(glob, g, path, p, failed)) return true;
  failed.insert(key);
  return false;
}

bool glob_match(const std::string& glob, const std::string& path) {
  FailedStates failed;
  return match_from(glob, 0, path, 0, failed);
}

// `path` relative to the config directory, with '/' separators; absolute when outside it.
std::string relative_to(const std::string& directory, const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (directory.empty()) return absolute.generic_string();
  fs::path rel = absolute.lexically_relative(directory);
  std::string text = rel.generic_string();
  if (text.empty() || text.rfind("..", 0) == 0) return absolute.generic_string();
  return text;
}

}  // namespace

bool path_glob_matches(const std::string& glob, const std::string& path) {
  // A glob without '/' names a file or folder anywhere ("build" excludes every build folder).
  if (glob.find('/') == std::string::npos) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string::npos) end = path.size();
      if (glob_match(glob, path.substr(start, end - start))) return true;
      start = end + 1;
    }
    return false;
  }
  std::string trimmed = glob.rfind("./", 0) == 0 ? glob.substr(2) : glob;
  if (glob_match(trimmed, path)) return true;
  // A folder glob covers what is inside it.
  // "./" (trimmed to "") is the config directory itself: everything. back() on "" was UB (fuzzing).
  return glob_match(trimmed + (trimmed.empty() || trimmed.back() == '/' ? "**" : "/**"), path);
}

std::optional<Level> Config::level_for(const std::string& rule, Level default_level) const {
  std::optional<Level> level = parent ? parent->level_for(rule, default_level) : default_level;
  for (const auto& setting : rules) {
    if (glob_matches(setting.glob, rule)) level = setting.level;
  }
  return level;
}

bool Config::enables(const std::string& rule) const {
  return checks_enable(checks, rule, parent ? parent->enables(rule) : true);
}

bool Config::ignores(const std::string& rule, const std::string& path) const {
  if (parent && parent->ignores(rule, path)) return true;
  if (per_file_ignores.empty()) return false;
  const std::string rel = relative_to(directory, path);
  for (const auto& ignore : per_file_ignores) {
    if (!path_glob_matches(ignore.path_glob, rel)) continue;
    for (const auto& glob : ignore.rule_globs) {
      if (glob_matches(glob, rule)) return true;
    }
  }
  return false;
}

std::string Config::component_for(const std::string& path) const {
  std::string rel = relative_to(directory, path);
  for (const auto& component : components) {
    for (const auto& glob : component.paths) {
      if (path_glob_matches(glob, rel)) return component.name;
    }
  }
  return parent ? parent->component_for(path) : "";
}

bool Config::excludes(const std::string& path) const {
  if (parent && parent->excludes(path)) return true;
  std::string rel = relative_to(directory, path);
  for (const auto& glob : exclude) {
    if (path_glob_matches(glob, rel)) return true;
  }
  return false;
}

Config load_config_file(const std::string& path) {
  std::string text;
  try {
    text = read_input_file(path, kMaxConfigBytes);
  } catch (const InputError& e) {
    throw ConfigError(e.what());
  }
  return parse_config(text, path);
}

Config load_discovered_config(const std::string& path, const std::string& project_root) {
  // Nothing of the target is read, not even to say what it is: its name or contents could be
  // secrets that the report would show.
  if (!path_inside(path, project_root)) {
    throw ConfigError(path +
                      ": the configuration is a symlink that points outside the project; not read");
  }
  return load_config_file(path);
}

std::string find_config_for(const std::string& file, const std::string& project_root) {
  std::error_code ec;
  const std::string root = canonical_path(project_root);
  const fs::path start = canonical_path(file);
  fs::path dir = fs::is_directory(start, ec) ? start : start.parent_path();
  if (!path_inside(dir.string(), root)) return "";
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    // Any entry but a directory counts, a dangling symlink or a FIFO too: reading it then fails
    // with an error rather than falling back to a config further up.
    const fs::file_status status = fs::symlink_status(candidate, ec);
    if (fs::exists(status) && !fs::is_directory(candidate, ec)) return candidate.string();
    if (dir.string() == root || dir == dir.root_path() || dir.empty()) return "";
    dir = dir.parent_path();
  }
}

std::string find_parent_config(const std::string& config_file, const std::string& project_root) {
  // Canonical first: each step then goes strictly up, so inheritance cannot loop through symlinks.
  const fs::path directory = canonical_path(fs::absolute(config_file).parent_path().string());
  // A --config file of another name inherits the .scopelint.json beside it.
  const std::string beside = find_config_for(directory.string(), project_root);
  if (beside != (directory / fs::path(config_file).filename()).string()) return beside;
  if (directory == directory.root_path() || directory.string() == canonical_path(project_root)) {
    return "";
  }
  return find_config_for(directory.parent_path().string(), project_root);
}

}  // namespace scopelint

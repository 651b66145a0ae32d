// The project configuration file, .scopelint.json, found like .clang-tidy: the nearest one in the
// parent directories of each scanned file, up to the project root and never above it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/rule_selection.h"
#include "model/finding.h"
#include "model/http_method.h"

namespace scopelint {

inline constexpr const char* kConfigFileName = ".scopelint.json";

// A config file that cannot be used: what() is "<file>:<line>: <problem>".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RuleLevelSetting {
  std::string glob;  // rule id or glob ("*-scope")
  std::optional<Level> level;  // nullopt: off
};

// Rules not reported for findings whose primary location is in some files:
// "per_file_ignores": {"tests/**": ["unused-scope"]}.
struct PathRuleIgnore {
  std::string path_glob;                // relative to the config's directory
  std::vector<std::string> rule_globs;  // each matches at least one rule
};

struct ComponentConfig {
  std::string name;
  std::vector<std::string> paths;  // globs relative to the config's directory ("reporting/**")
  std::optional<std::string> granted_scopes;
  unsigned line = 0;  // of granted_scopes, for findings that point at it
};

// A function that makes an HTTP request on the caller's behalf, declared because it cannot be
// analysed (virtual dispatch, code outside the scan).
struct WrapperConfig {
  std::string function;  // qualified name, "ElationApi::get"
  int path_arg = 0;  // 0-based argument holding the URL or path
  std::optional<HttpMethod> method;  // fixed method, or
  int method_arg = -1;  // the argument holding the method name
  int body_arg = -1;  // the argument holding a form body, if any
};

struct Config {
  std::string file;  // path of the file; empty: defaults
  std::string directory;  // path globs are relative to it
  std::vector<RuleLevelSetting> rules;
  std::vector<std::string> elation_bases;  // extra URLs or hosts that are Elation (a proxy)
  std::vector<std::string> exclude;  // path globs not to scan
  std::optional<std::string> granted_scopes;
  unsigned granted_scopes_line = 0;
  std::vector<ComponentConfig> components;
  std::vector<WrapperConfig> wrappers;
  CheckList checks;  // "checks": which rules are reported, clang-tidy's syntax
  std::vector<PathRuleIgnore> per_file_ignores;
  // "inherit": true extends the nearest config above this one in the project (ConfigSet links
  // `parent`, and merges its elation_bases and wrappers into these). The queries below consult the
  // parent first, with its paths relative to its own directory.
  bool inherit = false;
  const Config* parent = nullptr;  // owned by the ConfigSet

  // The level of `rule` after the settings (the last matching wins); nullopt: off.
  std::optional<Level> level_for(const std::string& rule, Level default_level) const;
  // Whether "checks" (the parent's, then this one's) leave `rule` on.
  bool enables(const std::string& rule) const;
  // Whether per_file_ignores turn `rule` off for a finding in `path`.
  bool ignores(const std::string& rule, const std::string& path) const;
  // The component `path` belongs to ("" when none names it).
  std::string component_for(const std::string& path) const;
  bool excludes(const std::string& path) const;
};

// Reads and validates a config file (a regular file, at most kMaxConfigBytes). Throws ConfigError.
Config load_config_file(const std::string& path);
// The same for a config found by find_config_for: a symlink resolving outside `project_root`
// (canonical) is an error, and nothing is read from its target.
Config load_discovered_config(const std::string& path, const std::string& project_root);
Config parse_config(const std::string& text, const std::string& path);

// The nearest .scopelint.json in the directories from `file` (or in it, for a directory) up to
// `project_root` (find_project_root), both included; empty if there is none or `file` lies outside
// the project. Directories above the root are never consulted: on a shared machine anyone can
// write /tmp/.scopelint.json, and a config there could turn every rule off.
std::string find_config_for(const std::string& file, const std::string& project_root);

// The config that `config_file` with "inherit": true extends: the nearest other .scopelint.json in
// its directory or the ones above, up to `project_root` and never above it (find_config_for); empty
// when there is none.
std::string find_parent_config(const std::string& config_file, const std::string& project_root);

// Glob over '/'-separated paths: '*' and '?' stay within a segment, "**" spans segments.
bool path_glob_matches(const std::string& glob, const std::string& path);

}  // namespace scopelint

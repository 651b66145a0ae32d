// Applies configuration to the facts (components, Elation bases, granted scopes, excluded paths)
// and to the findings (rule levels).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "model/facts.h"
#include "model/finding.h"

namespace scopelint {

// The configuration of each file: the --config file for all, or the nearest .scopelint.json in
// the project.
class ConfigSet {
 public:
  // `project_root` (find_project_root): discovery looks in it and below it, never above.
  // `explicit_file`: --config, one config for every file, read wherever it is (the user chose it).
  // Throws ConfigError when the explicit file is broken.
  explicit ConfigSet(const std::string& project_root, std::string explicit_file = "");
  // Throws ConfigError when the file that applies is broken.
  const Config& for_file(const std::string& path);
  // Every config loaded so far.
  std::vector<const Config*> loaded() const;

 private:
  // The discovered config at `config_path` ("" = defaults), loaded once with its parents.
  const Config& discovered(const std::string& config_path);
  // "inherit": true: loads the parent (discovered, so never from outside the project) and links it.
  void link_parent(Config& config);

  std::string project_root_;  // canonical
  std::string explicit_file_;
  std::map<std::string, std::unique_ptr<Config>> by_config_path_;  // "" = defaults
  std::map<std::string, const Config*> by_directory_;
};

// `cli_granted`: --granted-scopes, for the default component.
void apply_config_to_facts(Facts& facts, ConfigSet& configs, const std::string& cli_granted);

// Drops findings in excluded files, of rules turned off (by "rules" levels, "checks" and then
// `cli_checks`, which can turn them on again) or ignored for their file (per_file_ignores); sets
// the configured levels. Idempotent: findings it kept come out of a second pass unchanged.
std::vector<Finding> apply_config_to_findings(std::vector<Finding> findings, ConfigSet& configs,
                                              const CheckList& cli_checks = {});

}  // namespace scopelint

// Configuration applied to facts and findings.
#include "config/apply_config.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "checks/rule_registry.h"
#include "util/project_root.h"
#include "util/url.h"

namespace scopelint {
namespace fs = std::filesystem;

ConfigSet::ConfigSet(const std::string& project_root, std::string explicit_file)
    : project_root_(canonical_path(project_root)), explicit_file_(std::move(explicit_file)) {
  if (!explicit_file_.empty()) {
    auto config = std::make_unique<Config>(load_config_file(explicit_file_));
    link_parent(*config);
    by_config_path_[explicit_file_] = std::move(config);
  }
}

const Config& ConfigSet::for_file(const std::string& path) {
  if (!explicit_file_.empty()) return *by_config_path_[explicit_file_];
  if (path.empty()) return discovered("");
  // Cached by the directory as given (cheap to compute for every call and finding); the search
  // itself goes through the canonical directories.
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  std::string dir = (fs::is_directory(absolute, ec) ? absolute : absolute.parent_path()).string();
  if (auto it = by_directory_.find(dir); it != by_directory_.end()) return *it->second;
  const Config& config = discovered(find_config_for(path, project_root_));
  by_directory_[dir] = &config;
  return config;
}

const Config& ConfigSet::discovered(const std::string& config_path) {
  auto known = by_config_path_.find(config_path);
  if (known != by_config_path_.end()) return *known->second;
  // Loaded before it is stored: a config that fails to load leaves no empty slot behind.
  auto config = std::make_unique<Config>(
      config_path.empty() ? Config{} : load_discovered_config(config_path, project_root_));
  link_parent(*config);
  return *by_config_path_.emplace(config_path, std::move(config)).first->second;
}

void ConfigSet::link_parent(Config& config) {
  if (!config.inherit) return;
  // Each parent lies strictly above its child (find_parent_config), so this recursion ends.
  const std::string parent_path = find_parent_config(config.file, project_root_);
  if (parent_path.empty()) return;
  const Config& parent = discovered(parent_path);
  config.parent = &parent;
  // Lists that are not relative to a directory are merged; a wrapper the child declares again
  // replaces the parent's.
  config.elation_bases.insert(config.elation_bases.begin(), parent.elation_bases.begin(),
                              parent.elation_bases.end());
  std::vector<WrapperConfig> wrappers;
  for (const auto& wrapper : parent.wrappers) {
    const bool redeclared =
        std::any_of(config.wrappers.begin(), config.wrappers.end(),
                    [&](const auto& own) { return own.function == wrapper.function; });
    if (!redeclared) wrappers.push_back(wrapper);
  }
  wrappers.insert(wrappers.end(), config.wrappers.begin(), config.wrappers.end());
  config.wrappers = std::move(wrappers);
}

std::vector<const Config*> ConfigSet::loaded() const {
  std::vector<const Config*> out;
  for (const auto& [path, config] : by_config_path_) {
    if (!path.empty()) out.push_back(config.get());
  }
  return out;
}

namespace {

// A configured Elation base: a bare host, or a URL prefix (a proxy path) that stands for the API root.
bool rebase_onto_elation(HttpCall& call, const std::vector<std::string>& bases) {
  std::string full = call.url ? (call.base ? join_base_and_path(*call.base, *call.url) : *call.url)
                              : call.base.value_or("");
  UrlParts parts = split_url(full);
  for (const auto& base : bases) {
    bool is_host = base.find('/') == std::string::npos;
    if (is_host) {
      if (parts.host && *parts.host == base) {
        call.base_is_elation = true;
        if (call.url) call.url = parts.path + (full.find('?') != std::string::npos ? full.substr(full.find('?')) : "");
        call.base.reset();
        return true;
      }
      continue;
    }
    std::string prefix = base.back() == '/' ? base.substr(0, base.size() - 1) : base;
    if (full.rfind(prefix, 0) == 0 && (full.size() == prefix.size() || full[prefix.size()] == '/' ||
                                       full[prefix.size()] == '?')) {
      call.base_is_elation = true;
      if (call.url) call.url = full.substr(prefix.size());
      call.base.reset();
      return true;
    }
  }
  return false;
}

// A configuration's granted scopes, unless the facts already hold them: facts read back from
// --dump-facts carry the granted scopes of the configuration they were scanned with.
void add_config_granted(Facts& facts, GrantedScopes granted) {
  const bool held =
      std::any_of(facts.granted.begin(), facts.granted.end(), [&](const GrantedScopes& g) {
        return g.location == granted.location && g.scopes == granted.scopes &&
               g.component == granted.component;
      });
  if (!held) facts.granted.push_back(std::move(granted));
}

}  // namespace

void apply_config_to_facts(Facts& facts, ConfigSet& configs, const std::string& cli_granted) {
  std::vector<HttpCall> kept;
  for (auto& call : facts.calls) {
    const Config& config = configs.for_file(call.location.file);
    if (!call.location.file.empty() && config.excludes(call.location.file)) continue;
    if (call.component.empty()) call.component = config.component_for(call.location.file);
    rebase_onto_elation(call, config.elation_bases);
    kept.push_back(std::move(call));
  }
  facts.calls = std::move(kept);
  for (const Config* config : configs.loaded()) {
    if (config->granted_scopes) {
      add_config_granted(
          facts, {{config->file, config->granted_scopes_line, 0}, *config->granted_scopes, ""});
    }
    for (const auto& component : config->components) {
      if (component.granted_scopes) {
        add_config_granted(
            facts, {{config->file, component.line, 0}, *component.granted_scopes, component.name});
      }
    }
  }
  if (!cli_granted.empty()) facts.granted.push_back({{}, cli_granted, ""});
}

std::vector<Finding> apply_config_to_findings(std::vector<Finding> findings, ConfigSet& configs,
                                              const CheckList& cli_checks) {
  std::vector<Finding> kept;
  for (auto& finding : findings) {
    const Config& config = configs.for_file(finding.location.file);
    const std::string& file = finding.location.file;
    if (!file.empty() && (config.excludes(file) || config.ignores(finding.rule, file))) continue;
    const RuleInfo* rule = find_rule(finding.rule);
    // A note stays a note unless the configuration sets the rule's level: a scan-error for a missing
    // header is reported as a note, below the rule's default (warning) for files that cannot be read.
    Level default_level = rule && finding.level != Level::Note ? rule->default_level : finding.level;
    std::optional<Level> level = config.level_for(finding.rule, default_level);
    // Within a config, "rules": "off" and "checks" both turn a rule off; the command line comes
    // last, as in clang-tidy, and may turn it on again (at its default level).
    const bool on = checks_enable(cli_checks, finding.rule, level && config.enables(finding.rule));
    if (!on) continue;
    finding.level = level.value_or(default_level);
    kept.push_back(std::move(finding));
  }
  return kept;
}

}  // namespace scopelint

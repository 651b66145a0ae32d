// Parsing and validating .scopelint.json: every unknown key and wrong type is an error that names
// the file, the line and the key (util/json_reader.h).
#include <cstdint>
#include <filesystem>
#include <set>

#include "config/config.h"
#include "config/rule_selection.h"
#include "util/json_reader.h"

namespace scopelint {
namespace {

// Argument indexes name a parameter of a declared function: a small number. An unchecked
// get<int>() of 4294967296 gave 0.
constexpr int64_t kMaxArgumentIndex = 64;

int index_of(const JsonNode& node) {
  return static_cast<int>(node.unsigned_at_most(kMaxArgumentIndex, "an argument index"));
}

std::optional<Level> parse_rule_level(const JsonNode& node) {
  std::string text = node.string();
  if (text == "off") return std::nullopt;
  if (auto level = parse_level(text)) return level;
  node.fail("rule level must be off, note, warning or error, not '" + text + "'");
}

void read_rules(const JsonNode& rules, Config& config) {
  for (const auto& [id, value] : rules.members()) {
    if (!matches_some_rule(id)) value.fail("unknown rule '" + id + "'" + unknown_rule_hint(id));
    config.rules.push_back({id, parse_rule_level(value)});
  }
}

void read_checks(const JsonNode& checks, Config& config) {
  std::string problem;
  std::optional<CheckList> parsed = parse_check_list(checks.string(), problem);
  if (!parsed) checks.fail(problem);
  config.checks = std::move(*parsed);
}

void read_per_file_ignores(const JsonNode& ignores, Config& config) {
  for (const auto& [glob, rules] : ignores.members()) {
    if (glob.empty()) rules.fail("a per_file_ignores path glob must not be empty");
    PathRuleIgnore ignore{glob, rules.strings()};
    const auto items = rules.items();
    for (size_t i = 0; i < ignore.rule_globs.size(); ++i) {
      const std::string& rule = ignore.rule_globs[i];
      if (!matches_some_rule(rule)) items[i].fail("unknown rule '" + rule + "'" + unknown_rule_hint(rule));
    }
    config.per_file_ignores.push_back(std::move(ignore));
  }
}

void read_components(const JsonNode& components, Config& config) {
  std::set<std::string> names;
  for (const JsonNode& item : components.items()) {
    item.only_keys({"name", "paths", "granted_scopes"});
    ComponentConfig component;
    const JsonNode name = item.member("name");
    component.name = name.string();
    if (component.name.empty() || !names.insert(component.name).second) {
      name.fail("component names must be unique and not empty");
    }
    component.paths = item.member("paths").strings();
    if (auto granted = item.find("granted_scopes")) {
      component.granted_scopes = granted->string();
      component.line = granted->line();
    }
    config.components.push_back(std::move(component));
  }
}

WrapperConfig read_wrapper(const JsonNode& item) {
  item.only_keys({"function", "path_arg", "method", "method_arg", "body_arg"});
  WrapperConfig wrapper;
  const JsonNode function = item.member("function");
  wrapper.function = function.string();
  if (wrapper.function.find_first_not_of(" \t\r\n") == std::string::npos) {
    function.fail("must name a function, not be empty");
  }
  if (item.has("method") && item.has("method_arg")) {
    item.member("method_arg").fail("give either 'method' or 'method_arg', not both");
  }
  if (auto path = item.find("path_arg")) wrapper.path_arg = index_of(*path);
  if (auto method = item.find("method")) {
    wrapper.method = parse_http_method(method->string());
    if (!wrapper.method) method->fail("unknown HTTP method '" + method->string() + "'");
  }
  if (auto method = item.find("method_arg")) wrapper.method_arg = index_of(*method);
  if (auto body = item.find("body_arg")) wrapper.body_arg = index_of(*body);
  if (!wrapper.method && wrapper.method_arg < 0) {
    item.fail("wrapper '" + wrapper.function + "' needs 'method' or 'method_arg'");
  }
  return wrapper;
}

void read_wrappers(const JsonNode& wrappers, Config& config) {
  std::set<std::string> functions;  // a second declaration would be ignored silently
  for (const JsonNode& item : wrappers.items()) {
    WrapperConfig wrapper = read_wrapper(item);
    if (!functions.insert(wrapper.function).second) {
      item.member("function").fail("wrapper '" + wrapper.function + "' is declared twice");
    }
    config.wrappers.push_back(std::move(wrapper));
  }
}

void read_config(const JsonNode& root, Config& config) {
  root.only_keys({"inherit", "checks", "rules", "per_file_ignores", "elation_bases", "exclude",
                  "granted_scopes", "components", "wrappers"});
  if (auto inherit = root.find("inherit")) config.inherit = inherit->boolean();
  if (auto checks = root.find("checks")) read_checks(*checks, config);
  if (auto rules = root.find("rules")) read_rules(*rules, config);
  if (auto ignores = root.find("per_file_ignores")) read_per_file_ignores(*ignores, config);
  if (auto bases = root.find("elation_bases")) {
    config.elation_bases = bases->strings();
    for (const JsonNode& base : bases->items()) {
      if (base.string().empty()) base.fail("an Elation base must be a URL or a host, not empty");
    }
  }
  if (auto exclude = root.find("exclude")) config.exclude = exclude->strings();
  if (auto granted = root.find("granted_scopes")) {
    config.granted_scopes = granted->string();
    config.granted_scopes_line = granted->line();
  }
  if (auto components = root.find("components")) read_components(*components, config);
  if (auto wrappers = root.find("wrappers")) read_wrappers(*wrappers, config);
}

}  // namespace

Config parse_config(const std::string& text, const std::string& path) {
  Config config;
  config.file = path;
  config.directory = std::filesystem::absolute(path).parent_path().lexically_normal().string();
  try {
    const JsonDocument document(text, path);
    read_config(document.root(), config);
  } catch (const JsonInputError& e) {
    throw ConfigError(e.what());
  }
  return config;
}

}  // namespace scopelint

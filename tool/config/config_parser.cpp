// Parsing and validating .scopelint.json: every unknown key and wrong type is an error that names
// the file, the line and the key.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "config/config.h"
#include "util/json_lines.h"
#include "config/rule_selection.h"
#include "util/bounded_input.h"

namespace scopelint {
namespace {

using nlohmann::json;

// Argument indexes name a parameter of a declared function: a small number. An unchecked
// get<int>() of 4294967296 gave 0.
constexpr int64_t kMaxArgumentIndex = 64;

// `text` must have been parsed already: the line table assumes valid JSON of bounded depth.
class Reader {
 public:
  Reader(std::string_view text, std::string file) : lines_(text), file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
    throw ConfigError(file_ + ":" + std::to_string(line(pointer)) + ": " + what);
  }
  unsigned line(const std::string& pointer) const {
    const unsigned line = lines_.line_of(pointer);
    return line == 0 ? 1 : line;
  }
  static std::string key_name(const std::string& pointer) { return pointer.substr(pointer.rfind('/') + 1); }

  void require_object(const json& value, const std::string& pointer, const std::set<std::string>& keys) const {
    if (!value.is_object()) {
      fail(pointer, pointer.empty() ? "the configuration must be a JSON object"
                                    : "'" + key_name(pointer) + "' must be an object");
    }
    for (const auto& [key, item] : value.items()) {
      if (!keys.count(key)) fail(pointer + "/" + json_pointer_escape(key), "unknown key '" + key + "'");
    }
  }
  std::string string_at(const json& value, const std::string& pointer) const {
    if (!value.is_string()) fail(pointer, "'" + key_name(pointer) + "' must be a string");
    return value.get<std::string>();
  }
  std::vector<std::string> strings_at(const json& value, const std::string& pointer) const {
    if (!value.is_array()) fail(pointer, "'" + key_name(pointer) + "' must be an array of strings");
    std::vector<std::string> out;
    for (size_t i = 0; i < value.size(); ++i) out.push_back(string_at(value[i], pointer + "/" + std::to_string(i)));
    return out;
  }
  int index_at(const json& value, const std::string& pointer) const {
    // is_number_unsigned: a non-negative integer, whatever its size; compared before narrowing.
    if (!value.is_number_unsigned() ||
        value.get<uint64_t>() > static_cast<uint64_t>(kMaxArgumentIndex)) {
      fail(pointer, "'" + key_name(pointer) + "' must be an argument index from 0 to " +
                        std::to_string(kMaxArgumentIndex));
    }
    return static_cast<int>(value.get<uint64_t>());
  }

 private:
  JsonLines lines_;
  std::string file_;
};

std::optional<Level> parse_rule_level(const Reader& reader, const json& value, const std::string& pointer) {
  std::string text = reader.string_at(value, pointer);
  if (text == "off") return std::nullopt;
  if (auto level = parse_level(text)) return level;
  reader.fail(pointer, "rule level must be off, note, warning or error, not '" + text + "'");
}

void read_rules(const Reader& reader, const json& rules, Config& config) {
  if (!rules.is_object()) reader.fail("/rules", "'rules' must be an object of rule ids to levels");
  for (const auto& [id, value] : rules.items()) {
    std::string pointer = "/rules/" + json_pointer_escape(id);
    if (!matches_some_rule(id))
      reader.fail(pointer, "unknown rule '" + id + "'" + unknown_rule_hint(id));
    config.rules.push_back({id, parse_rule_level(reader, value, pointer)});
  }
}

void read_checks(const Reader& reader, const json& checks, Config& config) {
  const std::string text = reader.string_at(checks, "/checks");
  std::string problem;
  std::optional<CheckList> parsed = parse_check_list(text, problem);
  if (!parsed) reader.fail("/checks", "'checks': " + problem);
  config.checks = std::move(*parsed);
}

void read_per_file_ignores(const Reader& reader, const json& ignores, Config& config) {
  if (!ignores.is_object()) {
    reader.fail("/per_file_ignores",
                "'per_file_ignores' must be an object of path globs to rule lists");
  }
  for (const auto& [glob, rules] : ignores.items()) {
    const std::string pointer = "/per_file_ignores/" + json_pointer_escape(glob);
    if (glob.empty()) reader.fail(pointer, "a per_file_ignores path glob must not be empty");
    if (!rules.is_array())
      reader.fail(pointer, "per_file_ignores '" + glob + "' must be an array of rule ids");
    PathRuleIgnore ignore{glob, reader.strings_at(rules, pointer)};
    for (size_t i = 0; i < ignore.rule_globs.size(); ++i) {
      const std::string& rule = ignore.rule_globs[i];
      if (!matches_some_rule(rule)) {
        reader.fail(pointer + "/" + std::to_string(i),
                    "unknown rule '" + rule + "'" + unknown_rule_hint(rule));
      }
    }
    config.per_file_ignores.push_back(std::move(ignore));
  }
}

void read_components(const Reader& reader, const json& components, Config& config) {
  if (!components.is_array()) reader.fail("/components", "'components' must be an array");
  std::set<std::string> names;
  for (size_t i = 0; i < components.size(); ++i) {
    std::string pointer = "/components/" + std::to_string(i);
    const json& item = components[i];
    reader.require_object(item, pointer, {"name", "paths", "granted_scopes"});
    ComponentConfig component;
    if (!item.contains("name")) reader.fail(pointer, "a component needs a 'name'");
    component.name = reader.string_at(item["name"], pointer + "/name");
    if (component.name.empty() || !names.insert(component.name).second) {
      reader.fail(pointer + "/name", "component names must be unique and not empty");
    }
    if (!item.contains("paths")) reader.fail(pointer, "component '" + component.name + "' needs 'paths'");
    component.paths = reader.strings_at(item["paths"], pointer + "/paths");
    if (item.contains("granted_scopes")) {
      component.granted_scopes = reader.string_at(item["granted_scopes"], pointer + "/granted_scopes");
      component.line = reader.line(pointer + "/granted_scopes");
    }
    config.components.push_back(std::move(component));
  }
}

void read_wrappers(const Reader& reader, const json& wrappers, Config& config) {
  if (!wrappers.is_array()) reader.fail("/wrappers", "'wrappers' must be an array");
  std::set<std::string> functions;  // a second declaration would be ignored silently
  for (size_t i = 0; i < wrappers.size(); ++i) {
    std::string pointer = "/wrappers/" + std::to_string(i);
    const json& item = wrappers[i];
    reader.require_object(item, pointer, {"function", "path_arg", "method", "method_arg", "body_arg"});
    WrapperConfig wrapper;
    if (!item.contains("function")) reader.fail(pointer, "a wrapper needs a 'function'");
    wrapper.function = reader.string_at(item["function"], pointer + "/function");
    if (wrapper.function.find_first_not_of(" \t\r\n") == std::string::npos) {
      reader.fail(pointer + "/function", "'function' must name a function, not be empty");
    }
    if (!functions.insert(wrapper.function).second) {
      reader.fail(pointer + "/function", "wrapper '" + wrapper.function + "' is declared twice");
    }
    if (item.contains("method") && item.contains("method_arg")) {
      reader.fail(pointer + "/method_arg", "wrapper '" + wrapper.function +
                                               "': give either 'method' or 'method_arg', not both");
    }
    if (item.contains("path_arg")) wrapper.path_arg = reader.index_at(item["path_arg"], pointer + "/path_arg");
    if (item.contains("method")) {
      std::string method = reader.string_at(item["method"], pointer + "/method");
      wrapper.method = parse_http_method(method);
      if (!wrapper.method) reader.fail(pointer + "/method", "unknown HTTP method '" + method + "'");
    }
    if (item.contains("method_arg")) wrapper.method_arg = reader.index_at(item["method_arg"], pointer + "/method_arg");
    if (item.contains("body_arg")) wrapper.body_arg = reader.index_at(item["body_arg"], pointer + "/body_arg");
    if (!wrapper.method && wrapper.method_arg < 0) {
      reader.fail(pointer, "wrapper '" + wrapper.function + "' needs 'method' or 'method_arg'");
    }
    config.wrappers.push_back(std::move(wrapper));
  }
}

}  // namespace

Config parse_config(const std::string& text, const std::string& path) {
  json root;
  try {
    root = parse_json_input(text, path);
  } catch (const InputError& e) {
    if (!e.position()) throw ConfigError(e.what());  // too deep, a number out of range
    throw ConfigError(path + ":" + std::to_string(e.position()->line) + ":" +
                      std::to_string(e.position()->column) + ": invalid JSON: " + e.description());
  }
  const Reader reader(text, path);
  Config config;
  config.file = path;
  config.directory = std::filesystem::absolute(path).parent_path().lexically_normal().string();
  reader.require_object(root, "",
                        {"inherit", "checks", "rules", "per_file_ignores", "elation_bases",
                         "exclude", "granted_scopes", "components", "wrappers"});
  if (root.contains("inherit")) {
    if (!root["inherit"].is_boolean()) reader.fail("/inherit", "'inherit' must be true or false");
    config.inherit = root["inherit"].get<bool>();
  }
  if (root.contains("checks")) read_checks(reader, root["checks"], config);
  if (root.contains("rules")) read_rules(reader, root["rules"], config);
  if (root.contains("per_file_ignores"))
    read_per_file_ignores(reader, root["per_file_ignores"], config);
  if (root.contains("elation_bases")) {
    config.elation_bases = reader.strings_at(root["elation_bases"], "/elation_bases");
    for (size_t i = 0; i < config.elation_bases.size(); ++i) {
      if (config.elation_bases[i].empty()) {
        reader.fail("/elation_bases/" + std::to_string(i),
                    "an Elation base must be a URL or a host, not empty");
      }
    }
  }
  if (root.contains("exclude")) config.exclude = reader.strings_at(root["exclude"], "/exclude");
  if (root.contains("granted_scopes")) {
    config.granted_scopes = reader.string_at(root["granted_scopes"], "/granted_scopes");
    config.granted_scopes_line = reader.line("/granted_scopes");
  }
  if (root.contains("components")) read_components(reader, root["components"], config);
  if (root.contains("wrappers")) read_wrappers(reader, root["wrappers"], config);
  return config;
}

}  // namespace scopelint

// Loads and validates the HTTP library models from rules/http/*.json.
#include "extract/library_models.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "rules/embedded_rules.h"
#include "util/bounded_input.h"

namespace scopelint::extract {
namespace {

using nlohmann::json;

constexpr uint64_t kMaxArgumentIndex = 64;  // a parameter of a real function, not a counter

// A JSON value with the path that reaches it, for error messages.
struct Node {
  const json& value;
  std::string path;
  const std::string& file;

  [[noreturn]] void fail(const std::string& problem) const {
    throw std::runtime_error(file + ": " + (path.empty() ? "/" : path) + ": " + problem);
  }
  Node at(const std::string& key) const { return Node{value.at(key), path + "/" + key, file}; }
  Node at(size_t i) const { return Node{value.at(i), path + "/" + std::to_string(i), file}; }
  bool has(const std::string& key) const { return value.is_object() && value.contains(key); }

  const json& object() const {
    if (!value.is_object()) fail("expected an object");
    return value;
  }
  std::string string() const {
    if (!value.is_string()) fail("expected a string");
    return value.get<std::string>();
  }
  unsigned index() const {
    // Compared before narrowing: get<unsigned>() of 4294967296 is 0.
    if (!value.is_number_unsigned() || value.get<uint64_t>() > kMaxArgumentIndex) {
      fail("expected an argument index (an integer from 0 to " + std::to_string(kMaxArgumentIndex) +
           ")");
    }
    return static_cast<unsigned>(value.get<uint64_t>());
  }
  bool boolean() const {
    if (!value.is_boolean()) fail("expected true or false");
    return value.get<bool>();
  }
  std::vector<std::string> strings() const {
    if (!value.is_array()) fail("expected an array of strings");
    std::vector<std::string> out;
    for (size_t i = 0; i < value.size(); ++i) out.push_back(at(i).string());
    return out;
  }
  std::vector<unsigned> indices() const {
    if (!value.is_array()) fail("expected an array of argument indices");
    std::vector<unsigned> out;
    for (size_t i = 0; i < value.size(); ++i) out.push_back(at(i).index());
    return out;
  }
  void only_keys(std::initializer_list<const char*> keys) const {
    for (const auto& item : object().items()) {
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return item.key() == k; })) {
        at(item.key()).fail("unknown key '" + item.key() + "'");
      }
    }
  }
};

Role parse_role(const Node& node) {
  static const std::map<std::string, Role> kRoles = {
      {"url", Role::Url},   {"method", Role::Method},        {"fields", Role::Fields},
      {"raw", Role::Raw},   {"unknown-body", Role::UnknownBody}, {"base", Role::Base},
      {"ignore", Role::Ignore}, {"by-type", Role::ByType}};
  auto it = kRoles.find(node.string());
  if (it == kRoles.end()) {
    node.fail("unknown role '" + node.string() +
              "' (expected url, method, fields, raw, unknown-body, base, ignore or by-type)");
  }
  return it->second;
}

HttpMethod parse_method(const Node& node) {
  auto method = parse_http_method(node.string());
  if (!method) node.fail("unknown HTTP method '" + node.string() + "'");
  return *method;
}

HandleApi parse_handle_api(const Node& node) {
  node.only_keys({"setopt", "handle_arg", "option_arg", "value_arg", "perform", "reset", "options"});
  HandleApi api;
  api.setopt = node.at("setopt").string();
  if (node.has("handle_arg")) api.handle_arg = node.at("handle_arg").index();
  if (node.has("option_arg")) api.option_arg = node.at("option_arg").index();
  if (node.has("value_arg")) api.value_arg = node.at("value_arg").index();
  api.perform = node.at("perform").strings();
  if (node.has("reset")) api.reset = node.at("reset").strings();
  const Node options = node.at("options");
  for (const auto& item : options.object().items()) {
    const Node opt = options.at(item.key());
    opt.only_keys({"url", "custom_method", "method", "when_true", "body"});
    HandleOption option;
    if (opt.has("url")) option.url = opt.at("url").boolean();
    if (opt.has("custom_method")) option.custom_method = opt.at("custom_method").boolean();
    if (opt.has("method")) option.method = parse_method(opt.at("method"));
    if (opt.has("when_true")) option.when_true = opt.at("when_true").boolean();
    if (opt.has("body")) option.body = parse_role(opt.at("body"));
    api.options[item.key()] = option;
  }
  return api;
}

SetterModel parse_setter(const Node& node) {
  node.only_keys({"role", "arg", "when_arg0"});
  SetterModel setter;
  setter.role = parse_role(node.at("role"));
  if (node.has("arg")) setter.arg = node.at("arg").index();
  if (node.has("when_arg0")) setter.when_arg0 = node.at("when_arg0").string();
  return setter;
}

RequestObjectModel parse_request_object(const Node& node) {
  node.only_keys({"types", "constructors", "setters", "assigned_members", "report_unsent",
                  "attached_by"});
  RequestObjectModel model;
  model.types = node.at("types").strings();
  if (node.has("constructors")) {
    const Node forms = node.at("constructors");
    for (size_t i = 0; i < forms.value.size(); ++i) {
      const Node form = forms.at(i);
      ConstructorForm parsed;
      for (const auto& item : form.object().items()) {
        if (item.key() == "min_args") {
          parsed.min_args = form.at("min_args").index();
        } else {
          parsed.args[parse_role(Node{json(item.key()), form.path + "/" + item.key(), form.file})] =
              form.at(item.key()).index();
        }
      }
      model.constructors.push_back(parsed);
    }
    std::stable_sort(model.constructors.begin(), model.constructors.end(),
                     [](const auto& a, const auto& b) { return a.min_args > b.min_args; });
  }
  for (const char* key : {"setters", "assigned_members"}) {
    if (!node.has(key)) continue;
    const Node setters = node.at(key);
    auto& target = std::string(key) == "setters" ? model.setters : model.assigned_members;
    for (const auto& item : setters.object().items()) {
      target[item.key()] = parse_setter(setters.at(item.key()));
    }
  }
  if (node.has("report_unsent")) model.report_unsent = node.at("report_unsent").boolean();
  if (node.has("attached_by")) {
    const Node attached = node.at("attached_by");
    for (const auto& item : attached.object().items()) {
      model.attached_by[item.key()] = parse_role(attached.at(item.key()));
    }
  }
  return model;
}

CallModel parse_call(const Node& node) {
  node.only_keys({"functions", "classes", "names", "url_arg", "method_arg", "body_arg",
                  "request_arg", "when_arg0_type", "body_after_url", "args_by_type",
                  "base_from_receiver", "body_stream"});
  CallModel call;
  if (node.has("functions")) {
    const Node functions = node.at("functions");
    for (const auto& item : functions.object().items()) {
      call.functions.push_back(item.key());
      call.names[item.key()] = functions.at(item.key()).string();
    }
  }
  if (node.has("classes")) {
    call.classes = node.at("classes").strings();
    const Node names = node.at("names");
    for (const auto& item : names.object().items()) call.names[item.key()] = names.at(item.key()).string();
  }
  if (call.functions.empty() && call.classes.empty()) node.fail("needs 'functions' or 'classes'");
  for (const auto& [name, method] : call.names) {
    if (!method.empty() && !parse_http_method(method)) {
      node.fail("unknown HTTP method '" + method + "' for '" + name + "'");
    }
  }
  if (node.has("url_arg")) call.url_arg = node.at("url_arg").index();
  if (node.has("method_arg")) call.method_arg = node.at("method_arg").index();
  if (node.has("body_arg")) call.body_arg = node.at("body_arg").index();
  if (node.has("request_arg")) {
    const Node arg = node.at("request_arg");
    if (arg.value.is_string() && arg.value == "receiver") {
      call.request_arg = -1;
    } else {
      call.request_arg = static_cast<int>(arg.index());
    }
  }
  if (node.has("when_arg0_type")) call.when_arg0_type = node.at("when_arg0_type").string();
  if (node.has("body_after_url")) call.body_after_url = node.at("body_after_url").boolean();
  if (node.has("args_by_type")) call.args_by_type = node.at("args_by_type").boolean();
  if (node.has("base_from_receiver")) call.base_from_receiver = node.at("base_from_receiver").boolean();
  if (node.has("body_stream")) call.body_stream = node.at("body_stream").boolean();
  return call;
}

void parse_strings(const Node& node, StringApis& strings) {
  node.only_keys({"passthrough", "encoders", "format_methods", "literal_macros", "path_appenders",
                  "query_appenders", "wildcards", "field_adders", "path_of_url", "host_of_url", "query_setters", "path_setters"});
  auto append = [&](const char* key, std::vector<std::string>& target) {
    if (!node.has(key)) return;
    for (auto& s : node.at(key).strings()) target.push_back(std::move(s));
  };
  append("passthrough", strings.passthrough);
  append("format_methods", strings.format_methods);
  append("literal_macros", strings.literal_macros);
  append("path_appenders", strings.path_appenders);
  append("query_appenders", strings.query_appenders);
  append("wildcards", strings.wildcards);
  append("field_adders", strings.field_adders);
  append("path_of_url", strings.path_of_url);
  append("host_of_url", strings.host_of_url);
  append("query_setters", strings.query_setters);
  append("path_setters", strings.path_setters);
  if (node.has("encoders")) {
    const Node encoders = node.at("encoders");
    for (const auto& item : encoders.object().items()) {
      strings.encoders.push_back({item.key(), encoders.at(item.key()).index()});
    }
  }
}

}  // namespace

void load_library_model(const std::string& file, const std::string& text, LibraryModels& into) {
  json document;
  try {
    document =
        parse_json_input(text, file + ": /");  // "<file>: /: invalid JSON at line L, column C"
  } catch (const InputError& e) {
    throw std::runtime_error(e.what());
  }
  const Node root{document, "", file};
  root.only_keys({"library", "description", "headers", "stub", "string_types", "handle_api", "clients",
                  "request_objects", "calls", "arg_types", "method_constants", "strings"});
  LibraryModel model;
  model.file = file;
  model.library = root.at("library").string();
  if (root.has("stub")) {
    const Node stub = root.at("stub");
    stub.only_keys({"file", "path", "aliases"});
    // The stub's text is embedded beside the model (cmake/embed_rules.cmake).
    const std::string folder = file.substr(0, file.rfind('/') + 1);
    const std::string text_file = folder + stub.at("file").string();
    const char* text = find_embedded_rule_file(text_file.c_str());
    if (!text) stub.at("file").fail("no embedded file " + text_file);
    model.stub = StubModel{stub.at("path").string(), text,
                           stub.has("aliases") ? stub.at("aliases").strings() : std::vector<std::string>{}};
  }
  if (root.has("string_types")) model.string_types = root.at("string_types").strings();
  if (root.has("handle_api")) model.handle_api = parse_handle_api(root.at("handle_api"));
  if (root.has("clients")) {
    const Node clients = root.at("clients");
    for (size_t i = 0; i < clients.value.size(); ++i) {
      const Node client = clients.at(i);
      client.only_keys({"types", "base_args", "base_join"});
      ClientModel parsed;
      parsed.types = client.at("types").strings();
      parsed.base_args = client.at("base_args").indices();
      if (client.has("base_join")) parsed.base_join = client.at("base_join").string();
      model.clients.push_back(parsed);
    }
  }
  if (root.has("request_objects")) {
    const Node objects = root.at("request_objects");
    for (size_t i = 0; i < objects.value.size(); ++i) {
      model.request_objects.push_back(parse_request_object(objects.at(i)));
    }
  }
  if (root.has("calls")) {
    const Node calls = root.at("calls");
    for (size_t i = 0; i < calls.value.size(); ++i) model.calls.push_back(parse_call(calls.at(i)));
  }
  if (root.has("arg_types")) {
    const Node types = root.at("arg_types");
    for (const auto& item : types.object().items()) model.arg_types[item.key()] = parse_role(types.at(item.key()));
  }
  if (root.has("method_constants")) {
    const Node constants = root.at("method_constants");
    for (const auto& item : constants.object().items()) {
      model.method_constants[item.key()] =
          std::string(to_string(parse_method(constants.at(item.key()))));
    }
  }
  if (root.has("strings")) parse_strings(root.at("strings"), into.strings);
  into.libraries.push_back(std::move(model));
}

const LibraryModels& builtin_library_models() {
  static const LibraryModels models = [] {
    std::vector<const EmbeddedRuleFile*> files;
    for (const auto& file : embedded_rule_files()) {
      // The models are rules/http/*.json; their stub headers sit in rules/http/stubs/.
      const std::filesystem::path path(file.path);
      if (path.parent_path() == "rules/http" && path.extension() == ".json") files.push_back(&file);
    }
    std::sort(files.begin(), files.end(),
              [](const auto* a, const auto* b) { return std::string(a->path) < b->path; });
    LibraryModels loaded;
    for (const auto* file : files) load_library_model(file->path, file->text, loaded);
    return loaded;
  }();
  return models;
}

}  // namespace scopelint::extract

// Loads and validates the HTTP library models from rules/http/*.json.
#include "extract/models/library_models.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "catalog/embedded_rules.h"
#include "util/bounded_input.h"
#include "util/json_reader.h"

namespace scopelint::extract {
namespace {

using nlohmann::json;

constexpr uint64_t kMaxArgumentIndex = 64;  // a parameter of a real function, not a counter

unsigned index_of(const JsonNode& node) {
  return static_cast<unsigned>(node.unsigned_at_most(kMaxArgumentIndex, "an argument index"));
}

std::vector<unsigned> indices_of(const JsonNode& node) {
  std::vector<unsigned> out;
  for (const JsonNode& item : node.items()) out.push_back(index_of(item));
  return out;
}

// A role by its name in a model ("url", "fields", ...); `where` is the value that names it.
Role role_named(const std::string& name, const JsonNode& where) {
  static const std::map<std::string, Role> kRoles = {
      {"url", Role::Url},   {"method", Role::Method},        {"fields", Role::Fields},
      {"raw", Role::Raw},   {"unknown-body", Role::UnknownBody}, {"base", Role::Base},
      {"header", Role::Header}, {"header-line", Role::HeaderLine}, {"headers", Role::Headers},
      {"ignore", Role::Ignore}, {"by-type", Role::ByType}};
  auto it = kRoles.find(name);
  if (it == kRoles.end()) {
    where.fail("unknown role '" + name +
               "' (expected url, method, fields, raw, unknown-body, base, header, header-line, headers, "
               "ignore or by-type)");
  }
  return it->second;
}

Role parse_role(const JsonNode& node) { return role_named(node.string(), node); }

HttpMethod parse_method(const JsonNode& node) {
  auto method = parse_http_method(node.string());
  if (!method) node.fail("unknown HTTP method '" + node.string() + "'");
  return *method;
}

HandleApi parse_handle_api(const JsonNode& node) {
  node.only_keys({"setopt", "handle_arg", "option_arg", "value_arg", "perform", "reset", "options"});
  HandleApi api;
  api.setopt = node.member("setopt").string();
  if (node.has("handle_arg")) api.handle_arg = index_of(node.member("handle_arg"));
  if (node.has("option_arg")) api.option_arg = index_of(node.member("option_arg"));
  if (node.has("value_arg")) api.value_arg = index_of(node.member("value_arg"));
  api.perform = node.member("perform").strings();
  if (node.has("reset")) api.reset = node.member("reset").strings();
  const JsonNode options = node.member("options");
  for (const auto& [key, item] : options.members()) {
    const JsonNode& opt = item;
    opt.only_keys({"url", "custom_method", "method", "when_true", "body", "header_list"});
    HandleOption option;
    if (opt.has("url")) option.url = opt.member("url").boolean();
    if (opt.has("custom_method")) option.custom_method = opt.member("custom_method").boolean();
    if (opt.has("method")) option.method = parse_method(opt.member("method"));
    if (opt.has("when_true")) option.when_true = opt.member("when_true").boolean();
    if (opt.has("body")) option.body = parse_role(opt.member("body"));
    if (opt.has("header_list")) option.header_list = opt.member("header_list").boolean();
    api.options[key] = option;
  }
  return api;
}

SetterModel parse_setter(const JsonNode& node) {
  node.only_keys({"role", "arg", "when_arg0"});
  SetterModel setter;
  setter.role = parse_role(node.member("role"));
  if (node.has("arg")) setter.arg = index_of(node.member("arg"));
  if (node.has("when_arg0")) setter.when_arg0 = node.member("when_arg0").string();
  return setter;
}

RequestObjectModel parse_request_object(const JsonNode& node) {
  node.only_keys({"types", "constructors", "setters", "assigned_members", "report_unsent",
                  "attached_by", "factories", "properties", "default_method"});
  RequestObjectModel model;
  model.types = node.member("types").strings();
  if (node.has("constructors")) {
    const JsonNode forms = node.member("constructors");
    for (const JsonNode& form : forms.items()) {
      ConstructorForm parsed;
      for (const auto& [key, item] : form.members()) {
        if (key == "min_args") {
          parsed.min_args = index_of(form.member("min_args"));
        } else {
          parsed.args[role_named(key, item)] = index_of(item);
        }
      }
      model.constructors.push_back(parsed);
    }
    std::stable_sort(model.constructors.begin(), model.constructors.end(),
                     [](const auto& a, const auto& b) { return a.min_args > b.min_args; });
  }
  if (node.has("setters")) {
    // A setter is one form, or a list of forms tried in order.
    for (const auto& [name, item] : node.member("setters").members()) {
      if (item.value().is_array()) {
        for (const JsonNode& form : item.items()) model.setters[name].push_back(parse_setter(form));
      } else {
        model.setters[name].push_back(parse_setter(item));
      }
    }
  }
  if (node.has("assigned_members")) {
    for (const auto& [name, item] : node.member("assigned_members").members()) {
      model.assigned_members[name] = parse_setter(item);
    }
  }
  if (node.has("factories")) {
    for (const auto& [name, form] : node.member("factories").members()) {
      ConstructorForm parsed;
      for (const auto& [key, item] : form.members()) parsed.args[role_named(key, item)] = index_of(item);
      model.factories[name] = parsed;
    }
  }
  if (node.has("properties")) {
    for (const auto& [name, item] : node.member("properties").members()) model.properties[name] = parse_setter(item);
  }
  if (node.has("default_method")) model.default_method = parse_method(node.member("default_method"));
  if (node.has("report_unsent")) model.report_unsent = node.member("report_unsent").boolean();
  if (node.has("attached_by")) {
    const JsonNode attached = node.member("attached_by");
    for (const auto& [key, item] : attached.members()) {
      model.attached_by[key] = parse_role(item);
    }
  }
  return model;
}

CallModel parse_call(const JsonNode& node) {
  node.only_keys({"functions", "classes", "names", "url_arg", "method_arg", "body_arg",
                  "request_arg", "when_arg0_type", "body_after_url", "args_by_type",
                  "base_from_receiver", "body_stream"});
  CallModel call;
  if (node.has("functions")) {
    const JsonNode functions = node.member("functions");
    for (const auto& [key, item] : functions.members()) {
      call.functions.push_back(key);
      call.names[key] = item.string();
    }
  }
  if (node.has("classes")) {
    call.classes = node.member("classes").strings();
    const JsonNode names = node.member("names");
    for (const auto& [key, item] : names.members()) call.names[key] = item.string();
  }
  if (call.functions.empty() && call.classes.empty()) node.fail("needs 'functions' or 'classes'");
  for (const auto& [name, method] : call.names) {
    if (!method.empty() && !parse_http_method(method)) {
      node.fail("unknown HTTP method '" + method + "' for '" + name + "'");
    }
  }
  if (node.has("url_arg")) call.url_arg = index_of(node.member("url_arg"));
  if (node.has("method_arg")) call.method_arg = index_of(node.member("method_arg"));
  if (node.has("body_arg")) call.body_arg = index_of(node.member("body_arg"));
  if (node.has("request_arg")) {
    const JsonNode arg = node.member("request_arg");
    if (arg.value().is_string() && arg.value() == "receiver") {
      call.request_arg = -1;
    } else {
      call.request_arg = static_cast<int>(index_of(arg));
    }
  }
  if (node.has("when_arg0_type")) call.when_arg0_type = node.member("when_arg0_type").string();
  if (node.has("body_after_url")) call.body_after_url = node.member("body_after_url").boolean();
  if (node.has("args_by_type")) call.args_by_type = node.member("args_by_type").boolean();
  if (node.has("base_from_receiver")) call.base_from_receiver = node.member("base_from_receiver").boolean();
  if (node.has("body_stream")) call.body_stream = node.member("body_stream").boolean();
  return call;
}

void parse_strings(const JsonNode& node, StringApis& strings) {
  node.only_keys({"passthrough", "encoders", "format_methods", "literal_macros", "path_appenders",
                  "query_appenders", "wildcards", "field_adders", "path_of_url", "path_only_of_url", "host_of_url", "query_of_url", "query_setters", "path_setters", "list_appenders",
                  "joiners", "sections", "out_encoders", "defaults", "option_defaults", "printf_formats",
                  "appenders", "relative_urls", "mutating_appenders", "query_items"});
  auto append = [&](const char* key, std::vector<std::string>& target) {
    if (!node.has(key)) return;
    for (auto& s : node.member(key).strings()) target.push_back(std::move(s));
  };
  append("passthrough", strings.passthrough);
  append("format_methods", strings.format_methods);
  append("literal_macros", strings.literal_macros);
  append("path_appenders", strings.path_appenders);
  append("query_appenders", strings.query_appenders);
  append("wildcards", strings.wildcards);
  append("field_adders", strings.field_adders);
  append("path_of_url", strings.path_of_url);
  append("path_only_of_url", strings.path_only_of_url);
  append("host_of_url", strings.host_of_url);
  append("query_of_url", strings.query_of_url);
  append("query_setters", strings.query_setters);
  append("path_setters", strings.path_setters);
  append("appenders", strings.appenders);
  append("mutating_appenders", strings.mutating_appenders);
  for (auto [key, target] : {std::pair{"encoders", &strings.encoders}, std::pair{"list_appenders", &strings.list_appenders},
                             std::pair{"defaults", &strings.defaults}, std::pair{"printf_formats", &strings.printf_formats}}) {
    if (!node.has(key)) continue;
    for (const auto& [function, item] : node.member(key).members()) target->push_back({function, index_of(item)});
  }
  if (node.has("joiners")) {
    for (const auto& [function, item] : node.member("joiners").members()) {
      item.only_keys({"list", "separator", "begin"});
      JoinerModel joiner{function, std::nullopt, index_of(item.member("separator")), std::nullopt};
      if (item.has("list")) joiner.list = index_of(item.member("list"));
      if (item.has("begin")) joiner.begin = index_of(item.member("begin"));
      strings.joiners.push_back(std::move(joiner));
    }
  }
  if (node.has("out_encoders")) {
    for (const auto& [function, item] : node.member("out_encoders").members()) {
      item.only_keys({"from", "into"});
      strings.out_encoders.push_back({function, index_of(item.member("from")), index_of(item.member("into"))});
    }
  }
  if (node.has("option_defaults")) {
    for (const auto& [function, item] : node.member("option_defaults").members()) {
      item.only_keys({"option", "constructor_default", "setter"});
      strings.option_defaults.push_back({function, index_of(item.member("option")),
                                         index_of(item.member("constructor_default")), item.member("setter").string()});
    }
  }
  if (node.has("query_items")) {
    for (const auto& [reader, item] : node.member("query_items").members()) {
      item.only_keys({"setter", "item", "encoded"});
      strings.query_items.push_back({reader, item.member("setter").string(), item.member("item").string(),
                                     item.member("encoded").boolean()});
    }
  }
  if (node.has("relative_urls")) {
    for (const auto& [function, item] : node.member("relative_urls").members()) {
      item.only_keys({"reference", "base"});
      const JsonNode base = item.member("base");
      const bool receiver = base.value().is_string() && base.value() == "receiver";
      strings.relative_urls.push_back({function, index_of(item.member("reference")),
                                       receiver ? std::nullopt : std::optional<unsigned>(index_of(base))});
    }
  }
  if (node.has("sections")) {
    for (const auto& [function, item] : node.member("sections").members()) {
      item.only_keys({"separator", "start", "end"});
      SectionModel section{function, index_of(item.member("separator")), index_of(item.member("start")), std::nullopt};
      if (item.has("end")) section.end = index_of(item.member("end"));
      strings.sections.push_back(std::move(section));
    }
  }
}

void load_model(const JsonNode& root, const std::string& file, LibraryModels& into) {
  root.only_keys({"library", "description", "headers", "stub", "string_types", "handle_api", "clients",
                  "request_objects", "calls", "arg_types", "method_constants", "strings"});
  LibraryModel model;
  model.file = file;
  model.library = root.member("library").string();
  if (root.has("stub")) {
    const JsonNode stub = root.member("stub");
    stub.only_keys({"file", "path", "aliases"});
    // The stub's text is embedded beside the model (cmake/embed_rules.cmake).
    const std::string folder = file.substr(0, file.rfind('/') + 1);
    const std::string text_file = folder + stub.member("file").string();
    const char* text = find_embedded_rule_file(text_file.c_str());
    if (!text) stub.member("file").fail("no embedded file " + text_file);
    model.stub = StubModel{stub.member("path").string(), text,
                           stub.has("aliases") ? stub.member("aliases").strings() : std::vector<std::string>{}};
  }
  if (root.has("string_types")) model.string_types = root.member("string_types").strings();
  if (root.has("handle_api")) model.handle_api = parse_handle_api(root.member("handle_api"));
  if (root.has("clients")) {
    const JsonNode clients = root.member("clients");
    for (const JsonNode& client : clients.items()) {
      client.only_keys({"types", "base_args", "base_join"});
      ClientModel parsed;
      parsed.types = client.member("types").strings();
      parsed.base_args = indices_of(client.member("base_args"));
      if (client.has("base_join")) parsed.base_join = client.member("base_join").string();
      model.clients.push_back(parsed);
    }
  }
  if (root.has("request_objects")) {
    const JsonNode objects = root.member("request_objects");
    for (const JsonNode& object : objects.items()) model.request_objects.push_back(parse_request_object(object));
  }
  if (root.has("calls")) {
    const JsonNode calls = root.member("calls");
    for (const JsonNode& call : calls.items()) model.calls.push_back(parse_call(call));
  }
  if (root.has("arg_types")) {
    const JsonNode types = root.member("arg_types");
    for (const auto& [key, item] : types.members()) model.arg_types[key] = parse_role(item);
  }
  if (root.has("method_constants")) {
    const JsonNode constants = root.member("method_constants");
    for (const auto& [key, item] : constants.members()) {
      model.method_constants[key] =
          std::string(to_string(parse_method(item)));
    }
  }
  if (root.has("strings")) parse_strings(root.member("strings"), into.strings);
  into.libraries.push_back(std::move(model));
}

}  // namespace

void load_library_model(const std::string& file, const std::string& text, LibraryModels& into) {
  try {
    const JsonDocument document(text, file);
    load_model(document.root(), file, into);
  } catch (const JsonInputError& e) {
    throw std::runtime_error(e.what());
  }
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


const OutEncoderModel* StringApis::out_encoder(const std::string& function) const {
  for (const auto& encoder : out_encoders) {
    if (encoder.function == function) return &encoder;
  }
  return nullptr;
}

const EncoderModel* StringApis::printf_format(const std::string& function) const {
  for (const auto& format : printf_formats) {
    if (format.function == function) return &format;
  }
  return nullptr;
}

}  // namespace scopelint::extract

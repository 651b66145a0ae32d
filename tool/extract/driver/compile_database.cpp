// Reading compile databases and looking commands up (see compile_database.h).
#include "extract/driver/compile_database.h"

#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "extract/driver/command_interpolation.h"
#include "extract/driver/command_line.h"
#include "util/bounded_input.h"
#include "util/project_root.h"

namespace scopelint::extract {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kProblemsNamed = 3;  // the rest are counted

bool is_string_list(const json& value) {
  if (!value.is_array() || value.empty()) return false;
  for (const auto& item : value) {
    if (!item.is_string()) return false;
  }
  return true;
}

// What is wrong with one entry, or "" when it can be used.
std::string entry_problem(const json& entry) {
  if (!entry.is_object()) return "not an object";
  for (const char* key : {"directory", "file"}) {
    if (!entry.contains(key)) return std::string("no \"") + key + "\"";
    if (!entry[key].is_string() || entry[key].get_ref<const std::string&>().empty()) {
      return std::string("\"") + key + "\" is not a non-empty string";
    }
  }
  const bool has_arguments = entry.contains("arguments"), has_command = entry.contains("command");
  if (!has_arguments && !has_command) return "neither \"arguments\" nor \"command\"";
  if (has_arguments && !is_string_list(entry["arguments"]))
    return "\"arguments\" is not a list of strings";
  if (!has_arguments &&
      (!entry["command"].is_string() || entry["command"].get_ref<const std::string&>().empty())) {
    return "\"command\" is not a non-empty string";
  }
  if (entry.contains("output") && !entry["output"].is_string()) return "\"output\" is not a string";
  return "";
}

std::string normalized(const fs::path& path) { return path.lexically_normal().string(); }

// "distcc g++ -c a.c" runs g++: the wrapper goes, as clang's JSON database drops it.
bool unwrap_compiler_wrapper(std::vector<std::string>& args) {
  if (args.size() < 2) return false;
  std::string wrapper = fs::path(args[0]).filename().string();
  if (wrapper.size() > 4 && wrapper.compare(wrapper.size() - 4, 4, ".exe") == 0)
    wrapper.resize(wrapper.size() - 4);
  if (wrapper != "distcc" && wrapper != "ccache" && wrapper != "sccache") return false;
  std::string next = args[1];
  if (next.size() > 4 && next.compare(next.size() - 4, 4, ".exe") == 0)
    next.resize(next.size() - 4);
  // The wrappers take no flags: a word without extension is the compiler, anything else an input.
  if (next.empty() || next[0] == '-' || fs::path(next).filename().has_extension()) return false;
  args.erase(args.begin());
  return true;
}

// The entry's own file among the kept inputs stays (once); other inputs go.
void keep_own_input(DatabaseCommand& command) {
  bool seen = false;
  std::vector<KeptArgument> kept;
  for (auto& argument : command.arguments) {
    if (argument.input) {
      const std::string& word = argument.words.front();
      const bool own =
          word == command.file || normalized(fs::path(command.directory) / word) == command.path;
      if (!own || seen) continue;
      seen = true;
    }
    kept.push_back(std::move(argument));
  }
  command.arguments = std::move(kept);
}

DatabaseCommand entry_command(const json& entry, const std::string& database_dir,
                              const FlagPolicy& base, ResponseFiles& responses,
                              DroppedFlags& dropped) {
  DatabaseCommand command;
  command.directory = normalized(fs::path(database_dir) / entry["directory"].get<std::string>());
  command.file = entry["file"].get<std::string>();
  command.path = normalized(fs::path(command.directory) / command.file);
  std::vector<std::string> args =
      entry.contains("arguments")
          ? entry["arguments"].get<std::vector<std::string>>()
          : split_database_command(entry["command"].get_ref<const std::string&>());
  while (unwrap_compiler_wrapper(args)) {
  }
  if (args.empty()) return command;
  command.compiler = args.front();
  args.erase(args.begin());
  FlagPolicy policy = base;
  policy.working_dir = command.directory;
  command.arguments = filter_compile_flags(args, policy, responses, dropped);
  keep_own_input(command);
  return command;
}

void load_json_database(const std::string& file, const std::string& database_dir,
                        const FlagPolicy& policy, CompileDatabase& database) {
  const json entries = parse_json_input(read_input_file(file, kMaxDatabaseBytes), file);
  if (!entries.is_array()) throw InputError(file + ": not a JSON array of entries");
  ResponseFiles responses;
  std::string named;
  size_t dropped = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string problem = entry_problem(entries[i]);
    if (problem.empty()) {
      database.commands.push_back(
          entry_command(entries[i], database_dir, policy, responses, database.dropped));
      continue;
    }
    if (++dropped <= kProblemsNamed)
      named += (named.empty() ? "" : "; ") + ("entry " + std::to_string(i + 1) + ": " + problem);
  }
  if (dropped == 0) return;
  database.problem = file + ": ignored " + std::to_string(dropped) + " of " +
                     std::to_string(entries.size()) + " entries (" + named +
                     (dropped > kProblemsNamed ? "; ..." : "") + ")";
}

// One flag a line, surrounding white space ignored (as clang reads the file).
void load_flags_file(const std::string& file, const std::string& database_dir,
                     const FlagPolicy& base, CompileDatabase& database) {
  const std::string text = read_input_file(file, kMaxFlagsBytes);
  std::vector<std::string> lines;
  for (size_t start = 0; start <= text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const size_t first = text.find_first_not_of(" \t\r\v\f", start);
    if (first != std::string::npos && first < end) {
      const size_t last = text.find_last_not_of(" \t\r\v\f", end - 1);
      lines.push_back(text.substr(first, last - first + 1));
    }
    start = end + 1;
  }
  FlagPolicy policy = base;
  policy.working_dir = database_dir;
  DatabaseCommand command;
  command.directory = database_dir;
  ResponseFiles responses;
  command.arguments = filter_compile_flags(lines, policy, responses, database.dropped);
  keep_own_input(command);  // compile_flags.txt names no file of its own: every input goes
  database.commands.push_back(std::move(command));
  database.fixed = true;
}

}  // namespace

CompileDatabase load_compile_database(const std::string& database_dir, const FlagPolicy& policy) {
  CompileDatabase database;
  std::error_code ec;
  const std::string dir = normalized(fs::absolute(database_dir, ec));
  const std::string json_file = (fs::path(dir) / "compile_commands.json").string();
  const bool has_json = fs::exists(json_file, ec);
  database.source = has_json ? json_file : (fs::path(dir) / "compile_flags.txt").string();
  try {
    if (has_json)
      load_json_database(database.source, dir, policy, database);
    else
      load_flags_file(database.source, dir, policy, database);
  } catch (const std::exception& error) {
    database.commands.clear();
    database.fixed = false;
    database.problem = error.what();
  }
  return database;
}

struct CommandLookup::Index {
  ProxyIndex proxies;
};

CommandLookup::CommandLookup(const CompileDatabase& database) : database_(database) {
  std::vector<std::string> paths;
  if (!database.fixed) {
    for (size_t i = 0; i < database.commands.size(); ++i) {
      if (by_path_.emplace(database.commands[i].path, i).second)
        paths.push_back(database.commands[i].path);
    }
  }
  index_ = std::make_unique<Index>(Index{ProxyIndex(std::move(paths))});
}

CommandLookup::~CommandLookup() = default;

CommandLookup::Found CommandLookup::find(const std::string& path) const {
  const auto& commands = database_.commands;
  if (commands.empty()) return {};
  if (database_.fixed) return {&commands.front(), false};
  if (auto it = by_path_.find(path); it != by_path_.end()) return {&commands[it->second], false};
  std::call_once(canonical_built_, [this] {
    for (const auto& [entry_path, index] : by_path_)
      by_canonical_path_.emplace(canonical_path(entry_path), index);
  });
  if (auto it = by_canonical_path_.find(canonical_path(path)); it != by_canonical_path_.end()) {
    return {&commands[it->second], false};
  }
  if (index_->proxies.empty()) return {};
  return {&commands[by_path_.at(index_->proxies.choose(path))], true};
}

}  // namespace scopelint::extract

// Dropping malformed compile_commands.json entries (see compile_database_filter.h).
#include "extract/compile_database_filter.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "util/file_io.h"

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

// What is wrong with one entry, or "" when clang can use it.
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
  if (has_arguments && !is_string_list(entry["arguments"])) return "\"arguments\" is not a list of strings";
  if (!has_arguments && (!entry["command"].is_string() || entry["command"].get_ref<const std::string&>().empty())) {
    return "\"command\" is not a non-empty string";
  }
  if (entry.contains("output") && !entry["output"].is_string()) return "\"output\" is not a string";
  return "";
}

}  // namespace

FilteredDatabase filter_compile_database(const std::string& database_dir, const std::string& scratch_dir) {
  const fs::path file = fs::path(database_dir) / "compile_commands.json";
  std::error_code ec;
  if (!fs::exists(file, ec)) return {database_dir, ""};
  json entries;
  try {
    entries = json::parse(read_file_or_throw(file.string()));
  } catch (const std::exception& error) {
    return {"", "cannot load " + file.string() + ": " + error.what()};
  }
  if (!entries.is_array()) return {"", "cannot load " + file.string() + ": not a JSON array of entries"};

  json good = json::array();
  std::string named;
  size_t dropped = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string problem = entry_problem(entries[i]);
    if (problem.empty()) {
      json entry = entries[i];
      const fs::path directory = entry["directory"].get<std::string>();
      if (directory.is_relative()) entry["directory"] = (fs::absolute(database_dir, ec) / directory).lexically_normal().string();
      good.push_back(std::move(entry));
      continue;
    }
    if (++dropped <= kProblemsNamed) named += (named.empty() ? "" : "; ") + ("entry " + std::to_string(i + 1) + ": " + problem);
  }
  if (dropped == 0) return {database_dir, ""};
  std::string problem = file.string() + ": ignored " + std::to_string(dropped) + " of " +
                        std::to_string(entries.size()) + " entries (" + named +
                        (dropped > kProblemsNamed ? "; ..." : "") + ")";
  if (good.empty() || scratch_dir.empty()) return {"", problem};
  try {
    write_file_atomically((fs::path(scratch_dir) / "compile_commands.json").string(), good.dump());
  } catch (const std::exception&) {
    return {"", problem};
  }
  return {scratch_dir, problem};
}

}  // namespace scopelint::extract

// Compile command lookup (see compile_commands.h and ecosystem.md 1.5, 2.2, 2.3).
#include "extract/compile_commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "extract/clang_handles.h"
#include "extract/compile_database_filter.h"

namespace scopelint::extract {
namespace fs = std::filesystem;

struct CompileCommands::Database {
  CompilationDatabaseHandle handle;
};

namespace {

bool is_executable(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

// argv[0] as a real executable: absolute as is, a bare name through PATH, else the default.
std::string real_compiler(const std::string& argv0) {
  if (argv0.find('/') != std::string::npos) return is_executable(argv0) ? argv0 : default_compiler();
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');) {
      const std::string candidate = dir + "/" + argv0;
      if (is_executable(candidate)) return candidate;
    }
  }
  return default_compiler();
}

std::string find_database_dir(const ExtractOptions& options) {
  auto has_database = [](const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "compile_commands.json", ec) || fs::exists(dir / "compile_flags.txt", ec);
  };
  if (!options.compile_db_dir.empty()) {
    return has_database(options.compile_db_dir) ? options.compile_db_dir : "";
  }
  if (options.paths.empty()) return "";
  std::error_code ec;
  fs::path dir = fs::absolute(options.paths.front(), ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (has_database(dir)) return dir.string();
    if (dir == dir.root_path()) break;
  }
  return "";
}

std::vector<std::string> default_flags(SourceLanguage language) {
  switch (language) {
    case SourceLanguage::C: return {"-xc", "-std=gnu11"};
    case SourceLanguage::ObjC: return {"-xobjective-c"};
    case SourceLanguage::ObjCxx: return {"-xobjective-c++", "-std=c++17"};
    case SourceLanguage::Header: return {"-xc++-header", "-std=c++17"};
    case SourceLanguage::Cxx: break;
  }
  return {"-xc++", "-std=c++17"};
}

}  // namespace

std::string detect_resource_dir(const std::string& option) {
  std::error_code ec;
  for (const std::string& candidate : {option, std::string(SCOPELINT_RESOURCE_DIR)}) {
    if (!candidate.empty() && fs::exists(fs::path(candidate) / "include" / "stddef.h", ec)) return candidate;
  }
  return "";
}

std::string default_compiler() {
  const fs::path llvm_clang = fs::path(SCOPELINT_RESOURCE_DIR) / ".." / ".." / ".." / "bin" / "clang";
  const std::string lexical = llvm_clang.lexically_normal().string();
  if (is_executable(lexical)) return lexical;
  for (const char* candidate : {"/usr/bin/clang", "/usr/bin/c++", "/usr/bin/g++", "/usr/bin/cc"}) {
    if (is_executable(candidate)) return candidate;
  }
  return "clang";
}

CompileCommands::CompileCommands(const ExtractOptions& options)
    : options_(options), resource_dir_(detect_resource_dir(options.resource_dir)) {
  if (options.has_fixed_args) return;
  database_dir_ = find_database_dir(options);
  if (!options.compile_db_dir.empty() && database_dir_.empty()) {
    problem_ = "no compile_commands.json or compile_flags.txt in " + options.compile_db_dir;
    return;
  }
  if (database_dir_.empty()) return;
  // Malformed entries are dropped first: libclang would reject the whole file for one of them.
  std::error_code ec;
  std::string scratch = (fs::temp_directory_path(ec) / "scopelint-cdb-XXXXXX").string();
  if (!mkdtemp(scratch.data())) scratch.clear();
  const FilteredDatabase filtered = filter_compile_database(database_dir_, scratch);
  problem_ = filtered.problem;
  CXCompilationDatabase_Error error = CXCompilationDatabase_NoError;
  CXCompilationDatabase db = nullptr;
  if (!filtered.load_dir.empty()) db = clang_CompilationDatabase_fromDirectory(filtered.load_dir.c_str(), &error);
  if (!scratch.empty()) fs::remove_all(scratch, ec);  // libclang has read the file by now
  if (error != CXCompilationDatabase_NoError || !db) {
    if (problem_.empty()) problem_ = "cannot load the compilation database in " + database_dir_;
    if (db) clang_CompilationDatabase_dispose(db);
    database_dir_.clear();
    return;
  }
  database_ = std::make_unique<Database>();
  database_->handle = CompilationDatabaseHandle(db);
}

CompileCommands::~CompileCommands() = default;

ParseCommand CompileCommands::command_for(const SourceFile& file,
                                          const std::vector<std::string>& extra_after) const {
  ParseCommand command;
  command.source = file.path;
  std::vector<std::string> user;  // flags between argv[0] and the extra args
  std::string working_dir;
  std::string argv0 = default_compiler();
  bool source_in_user = false;
  if (options_.has_fixed_args) {
    user = options_.fixed_args;
    command.origin = "--";
  } else if (database_) {
    std::error_code ec;
    const std::string absolute = fs::absolute(file.path, ec).lexically_normal().string();
    CompileCommandsHandle commands(
        clang_CompilationDatabase_getCompileCommands(database_->handle.get(), absolute.c_str()));
    if (commands && clang_CompileCommands_getSize(commands.get()) > 0) {
      CXCompileCommand cmd = clang_CompileCommands_getCommand(commands.get(), 0);
      const unsigned n = clang_CompileCommand_getNumArgs(cmd);
      working_dir = to_string(clang_CompileCommand_getDirectory(cmd));
      const std::string db_file = to_string(clang_CompileCommand_getFilename(cmd));
      for (unsigned i = 0; i < n; ++i) {
        std::string arg = to_string(clang_CompileCommand_getArg(cmd, i));
        if (i == 0) {
          argv0 = real_compiler(arg);
          continue;
        }
        user.push_back(std::move(arg));
      }
      // The database names the file its own way; parse the file as we were given it.
      for (auto& arg : user) {
        if (arg == db_file) {
          arg = absolute;
          source_in_user = true;
        }
      }
      command.source = source_in_user ? absolute : file.path;
      command.origin = "compile database " + database_dir_;
    }
  }
  if (command.origin.empty()) {
    user = default_flags(file.language);
    command.origin = "defaults";
  }
  command.argv.push_back(argv0);
  // The entry's directory goes to the frontend (cc1) only: libclang 14's driver applies a plain
  // -working-directory with chdir() on the whole process (its RealFileSystem is linked to the
  // process), which moved relative -o/--fix paths, broke the next relative file and raced -j N.
  if (!working_dir.empty()) {
    for (const char* arg : {"-Xclang", "-working-directory", "-Xclang"}) command.argv.push_back(arg);
    command.argv.push_back(working_dir);
  }
  if (!resource_dir_.empty()) command.argv.push_back("-resource-dir=" + resource_dir_);
  for (const auto& arg : options_.extra_args_before) command.argv.push_back(arg);
  // Appended flags must precede a "--" (after it everything is an input file).
  std::vector<std::string> appended = options_.extra_args;
  appended.push_back("-Wno-unknown-warning-option");
  appended.insert(appended.end(), extra_after.begin(), extra_after.end());
  auto dashes = std::find(user.begin(), user.end(), "--");
  user.insert(dashes, appended.begin(), appended.end());
  for (const auto& arg : user) command.argv.push_back(arg);
  if (!source_in_user) command.argv.push_back(command.source);
  return command;
}

}  // namespace scopelint::extract

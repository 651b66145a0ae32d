// Compile command lookup (see compile_commands.h and ecosystem.md 1.5, 2.2, 2.3).
#include "extract/driver/compile_commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string_view>

#include "extract/driver/command_interpolation.h"
#include "extract/driver/compile_database.h"
#include "util/project_root.h"

namespace scopelint::extract {
namespace fs = std::filesystem;

struct CompileCommands::Database {
  CompileDatabase loaded;
  std::unique_ptr<CommandLookup> lookup;
};

namespace {

bool is_executable(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

// An executable for `argv0` (a path, relative to `directory`, or a name looked up in PATH) that
// lies outside every one of `roots`; "" when there is none. The driver reads files next to its
// executable (the GCC installation, and in newer clang configuration files of flags): a compiler
// inside the scanned repository would bring flags past the allow-list.
std::string executable_outside(const std::string& argv0, const std::string& directory,
                               const std::vector<std::string>& roots) {
  auto usable = [&](const std::string& candidate) {
    return is_executable(candidate) &&
           std::none_of(roots.begin(), roots.end(),
                        [&](const std::string& root) { return path_inside(candidate, root); });
  };
  if (argv0.find('/') != std::string::npos) {
    const std::string path = (fs::path(directory) / argv0).lexically_normal().string();
    return usable(path) ? path : "";
  }
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');) {
      const std::string candidate = dir + "/" + argv0;
      if (usable(candidate)) return candidate;
    }
  }
  return "";
}

enum class DriverKind { Gcc, Gxx, Other };

// The driver mode clang infers from a program name (clang's
// ToolChain::getTargetAndModeFromProgramName): "g++", "clang++-14", "x86_64-linux-gnu-c++" are C++;
// "cl", "clang-cpp", "flang" another driver.
DriverKind driver_kind(std::string name) {
  name = fs::path(name).filename().string();
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".exe") == 0)
    name.resize(name.size() - 4);
  auto ends_with = [](std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
  };
  auto kind_of = [&](std::string_view text) -> std::optional<DriverKind> {
    for (std::string_view suffix : {"clang-cl", "clang-cpp", "clang-dxc", "flang"}) {
      if (ends_with(text, suffix)) return DriverKind::Other;
    }
    if (ends_with(text, "++")) return DriverKind::Gxx;
    if (ends_with(text, "clang") || ends_with(text, "cc") || ends_with(text, "clang-gcc"))
      return DriverKind::Gcc;
    if (ends_with(text, "cpp") || ends_with(text, "cl")) return DriverKind::Other;
    return std::nullopt;
  };
  std::string_view text = name;
  if (auto kind = kind_of(text)) return *kind;
  text = text.substr(0, text.find_last_not_of("0123456789.") + 1);  // clang++3.5
  if (auto kind = kind_of(text)) return *kind;
  const size_t dash = text.rfind('-');  // clang++-tot
  if (dash != std::string_view::npos) {
    if (auto kind = kind_of(text.substr(0, dash))) return *kind;
  }
  return DriverKind::Gcc;
}

bool has_database(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "compile_commands.json", ec) || fs::exists(dir / "compile_flags.txt", ec);
}

// The build directories clangd looks in beside `dir`: build/, out/, then cmake-build-*/ sorted.
std::vector<fs::path> build_directories_beside(const fs::path& dir) {
  std::vector<fs::path> found{dir / "build", dir / "out"};
  std::vector<fs::path> cmake;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind("cmake-build-", 0) == 0) cmake.push_back(it->path());
  }
  std::sort(cmake.begin(), cmake.end());
  found.insert(found.end(), cmake.begin(), cmake.end());
  return found;
}

// -p DIR, else the nearest ancestor of the first path holding a database, else (like clangd) a
// build directory beside an ancestor. Build directories are looked in only up to the project root,
// and only where they resolve inside it: the database's directory becomes a readable root, so a
// symlinked build/ must not widen what the repository can name.
std::string find_database_dir(const ExtractOptions& options) {
  if (!options.compile_db_dir.empty()) {
    return has_database(options.compile_db_dir) ? options.compile_db_dir : "";
  }
  if (options.paths.empty()) return "";
  const std::string root = canonical_path(
      options.project_root.empty() ? find_project_root(options.paths) : options.project_root);
  std::error_code ec;
  fs::path dir = fs::absolute(options.paths.front(), ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (has_database(dir)) return dir.string();
    if (path_inside(dir.string(), root)) {
      for (const fs::path& build : build_directories_beside(dir)) {
        if (fs::is_directory(build, ec) && path_inside(build.string(), root) && has_database(build))
          return build.string();
      }
    }
    if (dir == dir.root_path()) break;
  }
  return "";
}

// Objective-C is written for Apple's compilers, which have blocks on and Apple's runtime: without
// them completion handlers (`^(NSData* d, ...) {}`) and object subscripts (`d[@"k"]`) do not
// parse. Given unless the flags choose otherwise (a database made on macOS names neither), before
// --extra-arg, which can still turn them off.
std::vector<std::string> objc_platform_flags(SourceLanguage language, const std::vector<std::string>& user) {
  if (language != SourceLanguage::ObjC && language != SourceLanguage::ObjCxx) return {};
  std::vector<std::string> flags;
  const auto has = [&](const std::string& prefix) {
    return std::any_of(user.begin(), user.end(), [&](const std::string& arg) { return arg.rfind(prefix, 0) == 0; });
  };
  if (!has("-fblocks") && !has("-fno-blocks")) flags.push_back("-fblocks");
  if (!has("-fobjc-runtime=")) flags.push_back("-fobjc-runtime=macosx");
  return flags;
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

std::string missing_database_problem(const std::string& compile_db_dir) {
  std::error_code ec;
  if (!fs::is_directory(compile_db_dir, ec)) {
    return "-p " + compile_db_dir + ": no such directory, no compile database was read";
  }
  return "no compile_commands.json or compile_flags.txt in " + compile_db_dir;
}

std::vector<std::string> database_files(const std::string& compile_db_dir,
                                        const std::string& project_root, std::string& problem) {
  if (!has_database(compile_db_dir)) {
    problem = missing_database_problem(compile_db_dir);
    return {};
  }
  FlagPolicy policy;
  policy.readable_roots = {canonical_path(project_root), canonical_path(compile_db_dir)};
  const CompileDatabase database = load_compile_database(compile_db_dir, policy);
  problem = database.problem;
  std::vector<std::string> files;
  for (const auto& command : database.commands) {
    // The database is the repository's: an entry naming a file outside the project is skipped.
    if (command.path.empty() || !path_inside(command.path, canonical_path(project_root))) continue;
    if (std::find(files.begin(), files.end(), command.path) == files.end()) files.push_back(command.path);
  }
  return files;
}

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

namespace {

// Directories whose headers an -include from the repository may name.
std::vector<std::string> system_include_roots(const std::string& resource_dir) {
  std::vector<std::string> roots;
  for (const std::string& dir : {std::string("/usr/include"), std::string("/usr/local/include"),
                                 std::string("/usr/lib/gcc"), resource_dir}) {
    if (!dir.empty()) roots.push_back(canonical_path(dir));
  }
  return roots;
}

}  // namespace

CompileCommands::CompileCommands(const ExtractOptions& options)
    : options_(options), resource_dir_(detect_resource_dir(options.resource_dir)) {
  if (options.has_fixed_args) return;
  database_dir_ = find_database_dir(options);
  if (!options.compile_db_dir.empty() && database_dir_.empty()) {
    problem_ = missing_database_problem(options.compile_db_dir);
    return;
  }
  if (database_dir_.empty()) return;
  const std::string project_root = canonical_path(
      options.project_root.empty() ? find_project_root(options.paths, options.compile_db_dir)
                                   : options.project_root);
  FlagPolicy policy;
  // The database's own directory too: inside the repository it adds nothing the repository does
  // not already control; outside, the user put the database there (a build tree, -p DIR).
  repository_roots_ = {project_root, canonical_path(database_dir_)};
  policy.readable_roots = repository_roots_;
  policy.system_roots = system_include_roots(resource_dir_);
  auto database = std::make_unique<Database>();
  database->loaded = load_compile_database(database_dir_, policy);
  problem_ = database->loaded.problem;
  if (options.verbose) {
    const std::string dropped = database->loaded.dropped.summary(database->loaded.source);
    if (!dropped.empty()) std::cerr << ("scopelint: " + dropped + "\n");
  }
  if (database->loaded.commands.empty() && !problem_.empty()) {
    database_dir_.clear();
    return;
  }
  database->lookup = std::make_unique<CommandLookup>(database->loaded);
  database_ = std::move(database);
}

CompileCommands::~CompileCommands() = default;

std::vector<std::string> CompileCommands::listed_files() const {
  std::vector<std::string> files;
  if (!database_ || repository_roots_.empty()) return files;
  for (const auto& command : database_->loaded.commands) {
    if (command.path.empty() || !path_inside(command.path, repository_roots_.front())) continue;
    if (std::find(files.begin(), files.end(), command.path) == files.end()) files.push_back(command.path);
  }
  return files;
}

std::string CompileCommands::compiler_for(const std::string& argv0,
                                          const std::string& directory) const {
  if (argv0.empty() || driver_kind(argv0) == DriverKind::Other) return default_compiler();
  const std::string found = executable_outside(argv0, directory, repository_roots_);
  return found.empty() ? default_compiler() : found;
}

namespace {

// The flags of a database command for `absolute`, its own input replaced by `absolute`; whether
// the input was there.
bool database_flags(const CommandLookup::Found& found, const std::string& absolute,
                    std::vector<std::string>& user) {
  const DatabaseCommand& entry = *found.command;
  const bool declared =
      std::any_of(entry.arguments.begin(), entry.arguments.end(), [](const KeptArgument& argument) {
        return argument.words.front().rfind("--driver-mode=", 0) == 0;
      });
  // clang's JSON database names the driver mode the program name implies ("g++": C++).
  if (!entry.compiler.empty() && !declared && driver_kind(entry.compiler) == DriverKind::Gxx) {
    user.push_back("--driver-mode=g++");
  }
  if (found.interpolated) {
    for (auto& word : transfer_arguments(entry, absolute)) user.push_back(std::move(word));
    return true;
  }
  bool has_input = false;
  for (const auto& argument : entry.arguments) {
    if (argument.input) {
      user.push_back(absolute);
      has_input = true;
    } else {
      user.insert(user.end(), argument.words.begin(), argument.words.end());
    }
  }
  return has_input;
}

}  // namespace

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
    const CommandLookup::Found found = database_->lookup->find(absolute);
    if (found.command) {
      working_dir = found.command->directory;
      argv0 = compiler_for(found.command->compiler, found.command->directory);
      source_in_user = database_flags(found, absolute, user);
      // compile_flags.txt names no file: the file is added as clang's fixed database adds it.
      if (database_->loaded.fixed) {
        user.push_back(absolute);
        source_in_user = true;
      }
      command.source = source_in_user ? absolute : file.path;
      command.origin = "compile database " + database_dir_ +
                       (found.interpolated ? ", interpolated from " + found.command->file : "");
      command.listed_in_database = !found.interpolated;
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
    for (const char* arg : {"-Xclang", "-working-directory", "-Xclang"})
      command.argv.push_back(arg);
    command.argv.push_back(working_dir);
  }
  if (!resource_dir_.empty()) command.argv.push_back("-resource-dir=" + resource_dir_);
  for (const auto& arg : options_.extra_args_before) command.argv.push_back(arg);
  // Appended flags must precede a "--" (after it everything is an input file).
  std::vector<std::string> appended = objc_platform_flags(file.language, user);
  appended.insert(appended.end(), options_.extra_args.begin(), options_.extra_args.end());
  appended.push_back("-Wno-unknown-warning-option");
  // Code scanned without its build has an error at every use of a missing header's names: clang's
  // default limit of 20 would stop the parse before the code that matters. After the repository's
  // flags, so that its own -ferror-limit cannot bring the limit back.
  appended.push_back("-ferror-limit=0");
  appended.insert(appended.end(), extra_after.begin(), extra_after.end());
  auto dashes = std::find(user.begin(), user.end(), "--");
  user.insert(dashes, appended.begin(), appended.end());
  for (const auto& arg : user) command.argv.push_back(arg);
  if (!source_in_user) command.argv.push_back(command.source);
  return command;
}

}  // namespace scopelint::extract

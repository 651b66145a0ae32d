// The compiler command line each file is parsed with: from -p / a compile_commands.json or
// compile_flags.txt found above the first path or in a build directory beside one of its
// ancestors (read by scopelint, its flags through the allow-list of compile_flags_filter.h), from
// the flags after "--", or defaults by language.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/driver/extractor.h"
#include "extract/driver/source_discovery.h"

namespace scopelint::extract {

struct ParseCommand {
  std::vector<std::string> argv;  // full argv, argv[0] a real compiler, the source file included
  std::string source;  // the file as it appears in argv
  // For -v: "compile database DIR" (", interpolated from FILE"), "--" or "defaults".
  std::string origin;
  // The flags are the database's own entry for this file (not interpolated from a neighbour).
  bool listed_in_database = false;
};

// A usable clang resource dir: the option, else the one recorded at build time; "" if neither
// has include/stddef.h.
std::string detect_resource_dir(const std::string& option);
// A real compiler path for argv[0] (the driver finds the GCC installation relative to it).
std::string default_compiler();

// Why -p `compile_db_dir` gave no database: the directory does not exist, or holds none.
std::string missing_database_problem(const std::string& compile_db_dir);

// The files the database in `compile_db_dir` lists (for -p DIR with no paths), each once, in its
// order; only those inside `project_root` (the database is the repository's, untrusted). Sets
// `problem` when the database is missing or broken.
std::vector<std::string> database_files(const std::string& compile_db_dir,
                                        const std::string& project_root, std::string& problem);

class CompileCommands {
 public:
  // Throws nothing: a broken database is reported through `problem()` and defaults are used. With
  // options.verbose, says on stderr which repository flags the allow-list dropped (once).
  explicit CompileCommands(const ExtractOptions& options);
  ~CompileCommands();
  CompileCommands(const CompileCommands&) = delete;
  CompileCommands& operator=(const CompileCommands&) = delete;

  // `extra_before` (e.g. stub include dirs) go after argv[0], `extra_after` at the end.
  ParseCommand command_for(const SourceFile& file, const std::vector<std::string>& extra_after) const;
  const std::string& database_dir() const { return database_dir_; }
  // The source files the compile database lists inside the project root, each once, in its order
  // (none for compile_flags.txt or without a database).
  std::vector<std::string> listed_files() const;
  const std::string& problem() const { return problem_; }

 private:
  struct Database;
  std::string compiler_for(const std::string& argv0, const std::string& directory) const;
  const ExtractOptions& options_;
  std::string resource_dir_;
  // Canonical: the project root and the database's directory. Response files and -include files
  // from the database must lie in them, a compiler it names outside them.
  std::vector<std::string> repository_roots_;
  std::string database_dir_;
  std::string problem_;
  std::unique_ptr<Database> database_;
};

}  // namespace scopelint::extract

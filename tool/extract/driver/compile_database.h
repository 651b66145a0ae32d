// compile_commands.json and compile_flags.txt, read by scopelint itself rather than by libclang:
// bounded reads of regular files only, malformed entries dropped and named, every flag through the
// allow-list (compile_flags_filter.h), commands looked up the way libclang's database does.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "extract/driver/compile_flags_filter.h"

namespace scopelint::extract {

// One entry, its flags filtered.
struct DatabaseCommand {
  std::string compiler;   // argv[0] as written ("" for compile_flags.txt)
  std::string directory;  // absolute: the entry's "directory", or the folder of compile_flags.txt
  std::string file;       // the entry's "file" as written ("" for compile_flags.txt)
  std::string path;       // the entry's file, absolute and normalized
  // The kept flags in order; the only input kept is the entry's own file (at most once).
  std::vector<KeptArgument> arguments;
};

struct CompileDatabase {
  std::string source;  // the file read ("" when there is none)
  std::vector<DatabaseCommand> commands;
  bool fixed = false;  // compile_flags.txt: commands[0] applies to every file
  // What was dropped or why nothing is usable (a broken file: no commands then); "" when sound.
  std::string problem;
  DroppedFlags dropped;  // the flags the allow-list dropped, over every entry
};

// Reads `database_dir`/compile_commands.json, else `database_dir`/compile_flags.txt. `policy`'s
// working_dir is replaced by each entry's directory. Throws nothing.
CompileDatabase load_compile_database(const std::string& database_dir, const FlagPolicy& policy);

// Looks up commands by file: by normalized absolute path, then by canonical path (symlinks), and
// otherwise borrows the command of the most similar entry (command_interpolation.h).
class CommandLookup {
 public:
  explicit CommandLookup(const CompileDatabase& database);
  ~CommandLookup();
  CommandLookup(const CommandLookup&) = delete;
  CommandLookup& operator=(const CommandLookup&) = delete;

  struct Found {
    const DatabaseCommand* command = nullptr;  // nullptr: nothing applies
    bool interpolated = false;                 // borrowed from the entry of another file
  };
  // `path` absolute and normalized.
  Found find(const std::string& path) const;

 private:
  struct Index;
  const CompileDatabase& database_;
  std::map<std::string, size_t> by_path_;
  // Built on the first miss (resolving every entry's symlinks costs a few system calls each).
  mutable std::once_flag canonical_built_;
  mutable std::map<std::string, size_t> by_canonical_path_;
  std::unique_ptr<Index> index_;
};

}  // namespace scopelint::extract

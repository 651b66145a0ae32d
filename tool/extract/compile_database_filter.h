// A compile_commands.json with broken entries, made loadable: libclang rejects the whole database
// (and prints its own error on stderr) when one entry is malformed, so the malformed entries are
// dropped first and named in one problem line; the good entries still give their files' flags.
#pragma once

#include <string>

namespace scopelint::extract {

struct FilteredDatabase {
  std::string load_dir;  // the directory to load the database from ("" when nothing is usable)
  std::string problem;  // what was dropped or why nothing is usable; "" when the file is sound
};

// `database_dir` holds compile_commands.json or compile_flags.txt. A sound database, or one
// without compile_commands.json, is loaded from where it is. Otherwise the good entries are
// written to `scratch_dir`/compile_commands.json (relative "directory" values made absolute) and
// that is loaded instead. Throws nothing.
FilteredDatabase filter_compile_database(const std::string& database_dir, const std::string& scratch_dir);

}  // namespace scopelint::extract

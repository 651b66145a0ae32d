// The allow-list for compiler flags that come from the scanned repository (compile_commands.json,
// compile_flags.txt and the response files they name): only flags that change how code parses
// reach libclang; whatever writes files, loads code, changes directories or names files outside
// the project is dropped (docs/security.md). Flags the user gives (-- FLAGS, --extra-arg) are not
// filtered.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace scopelint::extract {

// Where names in the flags resolve and which files they may name.
struct FlagPolicy {
  std::string working_dir;  // absolute: relative response files and -include names resolve here
  // Canonical directories response files and -include files may lie in: the project root and the
  // compile database's directory.
  std::vector<std::string> readable_roots;
  // Canonical directories -include / -imacros files may also lie in (system headers).
  std::vector<std::string> system_roots;
};

// One kept argument: a flag with its separate argument, or an input file.
struct KeptArgument {
  std::vector<std::string> words;
  bool input = false;
};

// What was dropped, for one line under -v: flag names with "<arg>" for their arguments (never the
// arguments themselves), each distinct spelling once, in the order first met.
class DroppedFlags {
 public:
  // `unsafe`: writes files, loads code, changes directories or names a file outside the project.
  void add(const std::string& shown, bool unsafe);
  bool empty() const { return unsafe_.empty() && other_.empty(); }
  // "<source>: ignored 2 flags that write files, ...: -MD, -MF <arg>; and 1 that scopelint does not
  // need to parse code: -c", or "" when nothing was dropped.
  std::string summary(const std::string& source) const;

 private:
  std::vector<std::string> unsafe_, other_;
  std::set<std::string> seen_;
};

// The response files read so far (a build system names the same file in many entries), by
// canonical path; nullopt for one that could not be read.
class ResponseFiles {
 public:
  const std::optional<std::vector<std::string>>& arguments(const std::string& canonical_path);
  size_t size_of(const std::string& canonical_path) const;

 private:
  std::map<std::string, std::optional<std::vector<std::string>>> read_;
  std::map<std::string, size_t> sizes_;
};

// How deep response files may name response files.
inline constexpr unsigned kMaxResponseFileDepth = 4;

// Expands the response files among `args` (regular files inside policy.readable_roots, at most
// kMaxFlagsBytes read per call, nested kMaxResponseFileDepth deep; any other @file is dropped)
// and keeps the allowed flags, in order. Input files are kept (marked `input`); "--" is dropped
// (what follows it is input). `args` excludes argv[0].
std::vector<KeptArgument> filter_compile_flags(const std::vector<std::string>& args,
                                               const FlagPolicy& policy, ResponseFiles& responses,
                                               DroppedFlags& dropped);

// The words of `kept`, in order.
std::vector<std::string> flatten(const std::vector<KeptArgument>& kept);

}  // namespace scopelint::extract

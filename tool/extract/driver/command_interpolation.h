// Commands for the files a compile_commands.json does not list (headers, new files), borrowed from
// the most similar entry as libclang 14's InterpolatingCompilationDatabase does, so that such files
// parse as they did when libclang read the database: the closest path wins, the input is replaced,
// -x is set for headers and -std kept only within one language.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extract/driver/compile_database.h"

namespace scopelint::extract {

// Entry files indexed by name, directories and path, to find the one most like another file.
class ProxyIndex {
 public:
  explicit ProxyIndex(std::vector<std::string> paths);
  bool empty() const { return original_.empty(); }
  // The entry path to borrow from for `path` (absolute): the same language (when the extension
  // says it) first, then points for a matching file stem and directories, then the longest common
  // prefix, then the first in sorted order.
  const std::string& choose(const std::string& path) const;

 private:
  using Keyed = std::pair<std::string, size_t>;  // lowercase text, index into original_
  std::vector<std::string> original_;            // sorted
  std::vector<Keyed> paths_, stems_, components_;
  std::vector<int> types_;
};

// `proxy`'s flags made into those for `path`: its input, -x and -std taken out, then "-x LANG" when
// the extension of `path` does not fix its language, "-std=" (canonical name) when the language is
// the same, and "--", `path`.
std::vector<std::string> transfer_arguments(const DatabaseCommand& proxy, const std::string& path);

}  // namespace scopelint::extract

// Sets apart findings that NOLINT comments suppress and reports malformed NOLINTBEGIN/END pairs.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/finding.h"
#include "suppress/nolint.h"

namespace scopelint {

// The NOLINT maps of files, each file read once. Unreadable files have none.
class NolintFiles {
 public:
  // `buffers`: (path, text) of editor buffers, read instead of the files on disk, so that line
  // numbers agree with the findings the buffers produced.
  explicit NolintFiles(const std::vector<std::pair<std::string, std::string>>& buffers = {});
  // nullptr when the file cannot be read (not a regular file, too large, missing).
  const NolintMap* get(const std::string& file);
  // What identifies a file however it is spelt ("src/../src/a.cpp", "./src/a.cpp", a symlink).
  std::string key(const std::string& file) const;

 private:
  mutable std::map<std::string, std::string> keys_;         // key() of each spelling asked for
  std::map<std::string, std::string> buffers_;              // by key()
  std::map<std::string, std::unique_ptr<NolintMap>> maps_;  // by key()
};

struct NolintResult {
  std::vector<Finding> kept;  // findings not suppressed, plus "nolint" errors
  std::vector<Finding> suppressed;  // each with its Finding::suppression
};

// `files`: every file whose directives are checked for pairing, in addition to the files that
// hold findings. `sources`: where directives are read; nullptr: the files on disk.
NolintResult apply_nolint(std::vector<Finding> findings, const std::vector<std::string>& files,
                          NolintFiles* sources = nullptr);

// Every (file, match) of a NOLINT that suppresses `finding`: at its location, or at any location
// along its macro chain.
std::vector<std::pair<std::string, NolintMatch>> nolint_matches(const Finding& finding,
                                                                NolintFiles& sources);

}  // namespace scopelint

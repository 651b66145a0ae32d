// The fact cache: what extraction found in a translation unit, keyed by the contents of the file
// and of every file it included, the compile flags, the rules and scopelint's version. An unchanged
// unit is not parsed again. Entries carry an HMAC made with the user's key
// (cache/cache_location.h): a corrupt, foreign or planted entry is a miss, never trusted
// (docs/security.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/facts.h"
#include "model/finding.h"
#include "model/wrapper_facts.h"
#include "util/sha256.h"

namespace scopelint {

struct CachedUnit {
  std::vector<HttpCall> calls;
  std::vector<Finding> diagnostics;
  std::vector<std::string> included;  // files the unit included (for header bookkeeping)
  // The unit's wrapper summaries and call sites, joined with the other units' on every run.
  UnitWrappers wrappers;
};

class FactCache {
 public:
  // `salt`: everything besides the unit that changes what extraction finds (version, rules text).
  // `key`: the user's secret MAC key; `directory` must already exist, private to the user.
  FactCache(std::string directory, std::string salt, std::string key);

  std::optional<CachedUnit> lookup(const std::string& file,
                                   const std::vector<std::string>& args) const;
  // `dependencies`: the main file and every file it included. Failures to write are ignored: the
  // cache is an optimisation.
  void store(const std::string& file, const std::vector<std::string>& args, const CachedUnit& unit,
             const std::vector<std::string>& dependencies) const;

  const std::string& directory() const { return directory_; }

 private:
  std::string entry_path(const std::string& file, const std::vector<std::string>& args) const;
  std::string mac(std::string_view text) const;
  std::string directory_;
  std::string salt_;
  std::string key_;
};

// The salt for this binary: version plus every embedded rules file, plus `extra` (a --catalog file).
std::string default_cache_salt(const std::string& extra = "");

}  // namespace scopelint

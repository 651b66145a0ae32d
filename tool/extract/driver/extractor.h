// The libclang front end: from source paths to the HTTP calls the code makes.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "extract/wrappers/wrapper_declaration.h"
#include "model/facts.h"
#include "model/finding.h"

namespace scopelint {

struct ExtractOptions {
  std::vector<std::string> paths;  // files or directories (scanned recursively)
  // The project the paths belong to (util/project_root.h): what the scanned repository can name
  // (include paths, response files, the cache) is confined to it. Empty: find_project_root(paths).
  std::string project_root;
  std::string compile_db_dir;  // -p DIR; empty: look for compile_commands.json above the first path
  std::vector<std::string> fixed_args;  // compiler flags after "--"; when given, no database lookup
  bool has_fixed_args = false;  // "--" was given (possibly with no flags)
  std::vector<std::string> extra_args;  // --extra-arg (appended)
  std::vector<std::string> extra_args_before;  // --extra-arg-before (prepended)
  std::string resource_dir;  // --resource-dir; empty: detect
  std::vector<std::string> exclude_globs;  // paths to skip
  bool verbose = false;  // say on stderr which flags each file was parsed with
  unsigned jobs = 0;  // translation units parsed in parallel (worker processes); 0: one per core
  // A unit whose parse takes longer is stopped (its worker killed) and gets a scan-error; 0: no
  // limit. Only worker processes can be stopped: a scan in the calling process has no limit.
  unsigned unit_timeout_seconds = 60;
  std::string cache_dir;  // the fact cache (cache/cache_location.h); empty: no cache
  std::string cache_key;  // the user's key its entries are signed with
  std::string cache_salt;  // what else the facts depend on (version, rules); see fact_cache.h
  // Editor buffers that replace the files on disk while parsing: (path, contents). A unit that is
  // or includes a buffer that differs from its file is parsed with the buffers and not cached; the
  // others may come from the cache.
  std::vector<std::pair<std::string, std::string>> unsaved_files;
  // Functions declared in the config as making requests (`wrappers`); others are inferred.
  std::vector<WrapperDeclaration> wrappers;
  // Called once per unit scanned (parsed or from the cache), from the thread that called
  // extract_facts: units done so far (1, 2, ...), units to scan, the unit's path. Headers that no
  // source file includes are scanned last and raise `total` when they start.
  std::function<void(unsigned done, unsigned total, const std::string& file)> on_unit_done;
};

struct ExtractResult {
  Facts facts;
  // Problems met while scanning (unreadable or unparsable file, libclang failure, a unit that
  // crashed its worker process or ran past the time limit), as findings with rule "scan-error";
  // the scan goes on.
  std::vector<Finding> diagnostics;
  unsigned files_scanned = 0;
  // The named source files scanned as translation units (parsed or from the cache), headers
  // excepted (not the unnamed project sources: see reported_files).
  std::vector<std::string> scanned_sources;
  unsigned units_parsed = 0;  // translation units parsed by libclang this run
  unsigned units_from_cache = 0;  // translation units served from the fact cache
  // Set when the compile database listed project files the paths did not name: those were scanned
  // too (their wrappers, constants and token requests shape the named files' calls), and only the
  // findings touching these files (canonical: the named files and what they include) are to be
  // reported. nullopt: every finding is.
  std::optional<std::set<std::string>> reported_files;
};

// Throws std::runtime_error only for usage errors that make the whole scan impossible (a named path
// that does not exist); per-file problems become diagnostics.
ExtractResult extract_facts(const ExtractOptions& options);

}  // namespace scopelint

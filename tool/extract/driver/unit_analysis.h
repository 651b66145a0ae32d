// Analysing one translation unit: parse it with libclang, find its HTTP calls and wrappers. Written
// once, run inside a worker process (unit_worker.h) or, without one, in the calling process.
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <utility>
#include <vector>

#include "extract/driver/compile_commands.h"
#include "extract/wrappers/wrapper_declaration.h"
#include "extract/wrappers/wrapper_summaries.h"
#include "model/facts.h"
#include "model/finding.h"

namespace scopelint::extract {

// What every unit of one scan is analysed with (sent once to each worker process).
struct UnitScanSettings {
  // Which files' code is analysed: the named files, everything under the named directories and
  // under the project root (canonical; directories end in '/'). A project header is project code
  // whether or not its directory was named: its wrappers and constants shape the calls.
  std::vector<std::string> scope_files;
  std::vector<std::string> scope_roots;
  std::string stub_dir;  // canonical, with a trailing '/'; "" without stubs (never in the scope)
  std::vector<WrapperDeclaration> wrappers;  // declared in the config
  // Editor buffers that replace files on disk while parsing: (path, contents).
  std::vector<std::pair<std::string, std::string>> unsaved_files;
  bool verbose = false;  // say on stderr how each unit was parsed

  // `paths`: the scanned files and directories; `project_root`: ExtractOptions::project_root ("":
  // none, and never the file system's root); `stub_dir`: StubDirectory::path() or "".
  static UnitScanSettings for_paths(const std::vector<std::string>& paths, const std::string& project_root,
                                    const std::string& stub_dir);
  // Whether the code of the file at `canonical_path` is analysed.
  bool in_scan(const std::string& canonical_path) const;
};

struct UnitJob {
  std::string file;  // the unit as discovered: its facts are reported under this name
  ParseCommand command;
};

// What analysing one unit yields.
struct UnitFacts {
  std::vector<HttpCall> calls;
  std::vector<Finding> diagnostics;  // "scan-error" findings: why the unit could not be analysed
  std::vector<std::string> included;  // canonical paths of the files it included
  UnitWrappers wrappers;  // joined with every other unit's after the scan (wrapper_composition.h)
  // The unit ended its worker process (a crash, the time limit) instead of being analysed: the one
  // diagnostic says how. Never cached: a time limit depends on the machine's load.
  bool worker_failed = false;
};

UnitFacts analyse_unit(CXIndex index, const UnitScanSettings& settings, const UnitJob& job);

// `path` made absolute and canonical as far as it exists (the form scope and cache checks compare).
std::string canonical_scan_path(const std::string& path);

// A problem met while scanning `file`, as a finding of rule "scan-error".
Finding scan_error(const std::string& file, const std::string& message);

}  // namespace scopelint::extract

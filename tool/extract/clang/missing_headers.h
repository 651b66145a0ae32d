// The #include lines of a unit whose header clang could not find, as scan-error notes: a missing
// project header is the usual state of code scanned without its build, not a broken file.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/source_location.h"

namespace scopelint::extract {

struct MissingHeader {
  std::string header;  // as written between the quotes or angle brackets
  CXFile including_file = nullptr;  // the file of the #include line
  SourceLocation location;  // where clang reports it: the header name on the #include line
};

// The headers the unit could not find ("'x.h' file not found"), except the library headers that
// scopelint ships stubs for, in the order clang reported them.
std::vector<MissingHeader> missing_headers(CXTranslationUnit tu);

// One `scan-error` note per missing header whose #include line is in a file `in_scan` accepts: the
// calls that go through it are not checked. `listed_in_database`: the unit's flags are its own
// entry in a compile database (which then does not find the header); else (defaults, or flags
// interpolated from a neighbour, as clangd does) the hint is to give a database with -p.
std::vector<Finding> missing_header_notes(const std::vector<MissingHeader>& missing,
                                          const std::function<bool(CXFile)>& in_scan, bool listed_in_database);

}  // namespace scopelint::extract

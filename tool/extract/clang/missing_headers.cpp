// Missing headers of a unit, read from clang's "file not found" diagnostics (see missing_headers.h).
#include "extract/clang/missing_headers.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "checks/rule_registry.h"
#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"
#include "extract/models/stub_headers.h"

namespace scopelint::extract {
namespace {

// The header named by a "'x.h' file not found" message, or "" for any other message.
std::string header_not_found(const std::string& text) {
  const std::string suffix = "' file not found";
  if (text.size() <= suffix.size() + 1 || text[0] != '\'' ||
      text.compare(text.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return "";
  }
  return text.substr(1, text.size() - suffix.size() - 1);
}

bool has_stub(const std::string& header) {
  const auto& stubs = stub_headers();
  return std::any_of(stubs.begin(), stubs.end(), [&](const StubHeader& stub) { return stub.path == header; });
}

// A header name as it may be shown: control characters (a terminal escape) become '?'.
std::string printable(const std::string& header) {
  std::string out = header;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

}  // namespace

std::vector<MissingHeader> missing_headers(CXTranslationUnit tu) {
  std::vector<MissingHeader> missing;
  const unsigned count = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < count; ++i) {
    CXDiagnostic diagnostic = clang_getDiagnostic(tu, i);
    const CXDiagnosticSeverity severity = clang_getDiagnosticSeverity(diagnostic);
    const std::string header = header_not_found(to_string(clang_getDiagnosticSpelling(diagnostic)));
    const FileLocation at = file_location(clang_getDiagnosticLocation(diagnostic));
    clang_disposeDiagnostic(diagnostic);
    if (severity < CXDiagnostic_Error || header.empty() || has_stub(header)) continue;
    missing.push_back({header, at.file, to_source_location(at)});
  }
  return missing;
}

std::vector<Finding> missing_header_notes(const std::vector<MissingHeader>& missing,
                                          const std::function<bool(CXFile)>& in_scan, bool listed_in_database) {
  const std::string hint = listed_in_database ? "the compile database does not find it"
                                         : "give the compile database with -p DIR";
  std::vector<Finding> notes;
  std::set<std::tuple<std::string, unsigned, std::string>> seen;  // one note per #include line
  for (const MissingHeader& header : missing) {
    if (!header.including_file || !in_scan(header.including_file)) continue;
    if (!seen.insert({header.location.file, header.location.line, header.header}).second) continue;
    Finding note;
    note.rule = scan_error_rule().id;
    note.level = Level::Note;
    note.message = "'" + printable(header.header) + "' file not found; calls through it are not checked (" + hint + ")";
    note.location = header.location;
    notes.push_back(std::move(note));
  }
  return notes;
}

}  // namespace scopelint::extract

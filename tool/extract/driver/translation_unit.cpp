// Parsing with libclang (see translation_unit.h and ecosystem.md 2.1).
#include "extract/driver/translation_unit.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "extract/models/stub_headers.h"
#include "util/bounded_input.h"

namespace scopelint::extract {

std::optional<std::string> unscannable_reason(const std::string& path, bool& empty) {
  empty = false;
  // Opening a FIFO or a device would block or never end: only regular files are source code.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "not a regular file";
  // libclang reads a main file whole: a huge (or sparse) file would cost its size in memory.
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxSourceBytes) {
    return "file too large to scan (" + std::to_string(size >> 20) + " MB; the limit is " +
           std::to_string(kMaxSourceBytes >> 20) + " MB)";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read file";
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return "cannot read file";
  if (head.empty()) {
    empty = true;
    return std::nullopt;
  }
  if (head.find('\0') != std::string::npos) return "binary file, not source code";
  return std::nullopt;
}

ParseResult parse_translation_unit(CXIndex index, const ParseCommand& command, bool verbose,
                                   const std::vector<std::pair<std::string, std::string>>& unsaved,
                                   FunctionBodies bodies) {
  ParseResult result;
  std::vector<const char*> argv;
  for (const auto& arg : command.argv) argv.push_back(arg.c_str());
  if (verbose) {
    std::cerr << "scopelint: parsing " << command.source << " (" << command.origin << "):";
    for (const auto& arg : command.argv) std::cerr << ' ' << arg;
    std::cerr << '\n';
  }
  CXTranslationUnit tu = nullptr;
  unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
  if (bodies == FunctionBodies::SkipInPreamble) {
    // The preamble (the #include lines at the top of the main file) is parsed first, without
    // function bodies, and the rest of the main file on top of it with all of its bodies.
    flags |= CXTranslationUnit_PrecompiledPreamble | CXTranslationUnit_CreatePreambleOnFirstParse |
             CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_LimitSkipFunctionBodiesToPreamble;
  }
  std::vector<CXUnsavedFile> buffers;
  for (const auto& [path, contents] : unsaved) {
    buffers.push_back({path.c_str(), contents.data(), static_cast<unsigned long>(contents.size())});
  }
  // The stub headers exist only as buffers (stub_headers.h); libclang finds them through the
  // include directory they seem to be in, which is never created on disk.
  if (uses_stub_directory(command.argv)) {
    for (const auto& [path, contents] : stub_files()) {
      buffers.push_back(
          {path.c_str(), contents.data(), static_cast<unsigned long>(contents.size())});
    }
  }
  const CXErrorCode code = clang_parseTranslationUnit2FullArgv(
      index, nullptr, argv.data(), static_cast<int>(argv.size()), buffers.empty() ? nullptr : buffers.data(),
      static_cast<unsigned>(buffers.size()), flags, &tu);
  if (code != CXError_Success || !tu) {
    switch (code) {
      case CXError_Crashed: result.error = "libclang crashed while parsing this file"; break;
      case CXError_InvalidArguments: result.error = "libclang rejected the compiler arguments"; break;
      case CXError_ASTReadError: result.error = "libclang could not read the AST"; break;
      default: result.error = "libclang could not parse this file"; break;
    }
    if (tu) clang_disposeTranslationUnit(tu);
    return result;
  }
  result.tu = TranslationUnitHandle(tu);
  if (verbose) {
    const unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; ++i) {
      CXDiagnostic diag = clang_getDiagnostic(tu, i);
      if (clang_getDiagnosticSeverity(diag) >= CXDiagnostic_Error) {
        std::cerr << "scopelint:   "
                  << to_string(clang_formatDiagnostic(diag, clang_defaultDiagnosticDisplayOptions()))
                  << '\n';
      }
      clang_disposeDiagnostic(diag);
    }
  }
  return result;
}

bool main_file_unparsable(CXTranslationUnit tu) {
  unsigned errors = 0;
  const unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic diag = clang_getDiagnostic(tu, i);
    if (clang_getDiagnosticSeverity(diag) >= CXDiagnostic_Error) {
      CXFile file = nullptr;
      clang_getExpansionLocation(clang_getDiagnosticLocation(diag), &file, nullptr, nullptr, nullptr);
      CXString name = clang_getFileName(file);
      CXString main = clang_getTranslationUnitSpelling(tu);
      if (file && std::string(clang_getCString(name) ? clang_getCString(name) : "") ==
                      (clang_getCString(main) ? clang_getCString(main) : "")) {
        ++errors;
      }
      clang_disposeString(name);
      clang_disposeString(main);
    }
    clang_disposeDiagnostic(diag);
  }
  if (errors == 0) return false;
  // Real source declares something that parses; garbage yields only invalid declarations.
  struct Count { unsigned valid = 0; } count;
  clang_visitChildren(
      clang_getTranslationUnitCursor(tu),
      [](CXCursor cursor, CXCursor, CXClientData data) {
        if (clang_Location_isFromMainFile(clang_getCursorLocation(cursor)) &&
            !clang_isInvalidDeclaration(cursor) && clang_isDeclaration(clang_getCursorKind(cursor))) {
          static_cast<Count*>(data)->valid++;
        }
        return CXChildVisit_Continue;
      },
      &count);
  return count.valid == 0;
}

}  // namespace scopelint::extract

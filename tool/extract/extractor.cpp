// extract_facts: discovers the files, parses each with libclang and runs the library matchers.
#include "extract/extractor.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>
#include <tuple>

#include "extract/ast_walker.h"
#include "extract/clang_handles.h"
#include "extract/compile_commands.h"
#include "extract/library_models.h"
#include "extract/matchers.h"
#include "extract/source_discovery.h"
#include "extract/string_resolver.h"
#include "extract/stub_headers.h"
#include "extract/translation_unit.h"
#include "extract/tu_context.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using namespace extract;

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(path, ec);
  return ec ? fs::absolute(path, ec).lexically_normal().string() : result.string();
}

Finding scan_error(const std::string& file, const std::string& message) {
  Finding finding;
  finding.rule = "scan-error";
  finding.level = Level::Warning;
  finding.message = message;
  finding.location.file = file;
  return finding;
}

// Which files' code is analysed: the named files, and everything under the named directories.
class ScanScope {
 public:
  explicit ScanScope(const std::vector<std::string>& paths) {
    for (const auto& path : paths) {
      std::error_code ec;
      const std::string full = canonical(path);
      if (fs::is_directory(full, ec)) {
        roots_.push_back(full == "/" ? full : full + "/");
      } else {
        files_.insert(full);
      }
    }
  }
  bool contains(const std::string& canonical_path) const {
    if (files_.count(canonical_path)) return true;
    return std::any_of(roots_.begin(), roots_.end(),
                       [&](const std::string& root) { return canonical_path.rfind(root, 0) == 0; });
  }

 private:
  std::vector<std::string> roots_;
  std::set<std::string> files_;
};

std::string real_path(CXFile file) {
  std::string path = to_string(clang_File_tryGetRealPathName(file));
  if (path.empty()) path = to_string(clang_getFileName(file));
  return canonical(path);
}

void remap_file(std::string& file, const std::string& from, const std::string& to) {
  if (file == from) file = to;
}

void remap_call(HttpCall& call, const std::string& from, const std::string& to) {
  remap_file(call.location.file, from, to);
  if (call.body.raw_literal) {
    remap_file(call.body.raw_literal->begin.file, from, to);
    remap_file(call.body.raw_literal->end.file, from, to);
  }
  for (auto& field : call.body.fields) {
    if (field.value_literal) {
      remap_file(field.value_literal->begin.file, from, to);
      remap_file(field.value_literal->end.file, from, to);
    }
  }
}

struct Scanner {
  const ExtractOptions& options;
  const LibraryModels& models;
  CompileCommands commands;
  StubDirectory stubs;
  IndexHandle index;
  ScanScope scope;
  std::set<std::string> included;  // canonical paths of files included by scanned TUs
  ExtractResult result;

  explicit Scanner(const ExtractOptions& opts)
      : options(opts),
        models(builtin_library_models()),
        commands(opts),
        index(clang_createIndex(0, 0)),
        scope(opts.paths) {}

  void scan(const SourceFile& file) {
    bool empty = false;
    if (auto reason = unscannable_reason(file.path, empty)) {
      result.diagnostics.push_back(scan_error(file.path, *reason));
      return;
    }
    ++result.files_scanned;
    if (empty) return;
    const ParseCommand command = commands.command_for(file, stubs.include_flags());
    const auto started = std::chrono::steady_clock::now();
    ParseResult parsed = parse_translation_unit(index.get(), command, options.verbose);
    if (!parsed.error.empty()) {
      result.diagnostics.push_back(scan_error(file.path, parsed.error));
      return;
    }
    CXTranslationUnit tu = parsed.tu.get();
    if (main_file_unparsable(tu)) {
      result.diagnostics.push_back(scan_error(file.path, "not parsable as C, C++ or Objective-C source"));
      return;
    }
    record_inclusions(tu);
    const std::string stub_dir = stubs.path().empty() ? "" : canonical(stubs.path()) + "/";
    AstTree tree = walk_translation_unit(tu, [&](CXFile f) {
      const std::string path = real_path(f);
      return scope.contains(path) && (stub_dir.empty() || path.rfind(stub_dir, 0) != 0);
    });
    TuContext context(tu, std::move(tree), models);
    StringResolver strings(context);
    std::vector<HttpCall> calls;
    for (const auto& library : models.libraries) {
      match_handle_api(library, context, strings, calls);
      match_request_calls(library, context, strings, calls);
    }
    const std::string main_name = fs::path(command.source).lexically_normal().string();
    for (auto& call : calls) {
      remap_call(call, main_name, file.path);
      result.facts.calls.push_back(std::move(call));
    }
    if (options.verbose) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started).count();
      std::cerr << "scopelint: " << file.path << ": " << calls.size() << " HTTP calls, " << ms << " ms\n";
    }
  }

  void record_inclusions(CXTranslationUnit tu) {
    clang_getInclusions(
        tu,
        [](CXFile file, CXSourceLocation*, unsigned depth, CXClientData data) {
          if (depth > 0) static_cast<Scanner*>(data)->included.insert(real_path(file));
        },
        this);
  }
};

bool same_call(const HttpCall& a, const HttpCall& b) {
  return a.location == b.location && a.method == b.method && a.url == b.url;
}

}  // namespace

ExtractResult extract_facts(const ExtractOptions& options) {
  const std::vector<SourceFile> files = discover_sources(options.paths, options.exclude_globs);
  Scanner scanner(options);
  if (!scanner.commands.problem().empty()) {
    scanner.result.diagnostics.push_back(
        scan_error(options.compile_db_dir, scanner.commands.problem()));
  }
  std::vector<const SourceFile*> named_headers;
  for (const auto& file : files) {
    if (file.language == SourceLanguage::Header) {
      if (file.named) named_headers.push_back(&file);
      continue;  // headers are analysed through the files that include them
    }
    scanner.scan(file);
  }
  for (const SourceFile* header : named_headers) {
    if (!scanner.included.count(canonical(header->path))) scanner.scan(*header);
  }
  auto& calls = scanner.result.facts.calls;
  std::stable_sort(calls.begin(), calls.end(), [](const HttpCall& a, const HttpCall& b) {
    return std::tie(a.location, a.method, a.url) < std::tie(b.location, b.method, b.url);
  });
  calls.erase(std::unique(calls.begin(), calls.end(), same_call), calls.end());
  return std::move(scanner.result);
}

}  // namespace scopelint

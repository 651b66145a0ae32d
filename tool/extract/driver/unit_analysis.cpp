// One unit from its compile command to its facts: parse, walk, match the library models, summarise.
#include "extract/driver/unit_analysis.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <set>

#include "checks/rule_registry.h"
#include "extract/clang/clang_handles.h"
#include "extract/clang/missing_headers.h"
#include "extract/driver/unit_parse.h"
#include "extract/match/matchers.h"
#include "extract/models/library_models.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/tu_context.h"
#include "extract/tokens/token_fallback.h"

namespace scopelint::extract {
namespace {

namespace fs = std::filesystem;

std::string real_path(CXFile file) {
  std::string path = to_string(clang_File_tryGetRealPathName(file));
  if (path.empty()) path = to_string(clang_getFileName(file));
  return canonical_scan_path(path);
}

void remap_file(std::string& file, const std::string& from, const std::string& to) {
  if (file == from) file = to;
}

void remap_range(std::optional<SourceRange>& range, const std::string& from, const std::string& to) {
  if (!range) return;
  remap_file(range->begin.file, from, to);
  remap_file(range->end.file, from, to);
}

void remap_pieces(std::vector<LiteralPiece>& pieces, const std::string& from,
                  const std::string& to) {
  for (auto& piece : pieces) {
    remap_file(piece.literal.begin.file, from, to);
    remap_file(piece.literal.end.file, from, to);
  }
}

void remap_call(HttpCall& call, const std::string& from, const std::string& to) {
  remap_file(call.location.file, from, to);
  for (auto& note : call.chain) remap_file(note.location.file, from, to);
  for (auto& place : call.macro_chain) remap_file(place.file, from, to);
  remap_range(call.body.raw_literal, from, to);
  remap_pieces(call.body.raw_pieces, from, to);
  for (auto& field : call.body.fields) {
    remap_range(field.value_literal, from, to);
    remap_pieces(field.value_pieces, from, to);
  }
}

void remap_wrappers(UnitWrappers& wrappers, const std::string& from, const std::string& to) {
  for (auto& summary : wrappers.summaries) remap_call(summary.request, from, to);
  for (auto& site : wrappers.call_sites) {
    remap_file(site.location.file, from, to);
    for (auto& place : site.macro_chain) remap_file(place.file, from, to);
    for (auto& arg : site.arguments) {
      remap_range(arg.literal, from, to);
      remap_pieces(arg.pieces, from, to);
      if (!arg.fields) continue;
      for (auto& field : *arg.fields) {
        remap_range(field.value_literal, from, to);
        remap_pieces(field.value_pieces, from, to);
      }
    }
  }
}

std::vector<std::string> inclusions_of(CXTranslationUnit tu) {
  std::set<std::string> files;
  clang_getInclusions(
      tu,
      [](CXFile file, CXSourceLocation*, unsigned depth, CXClientData data) {
        if (depth > 0) static_cast<std::set<std::string>*>(data)->insert(real_path(file));
      },
      &files);
  return {files.begin(), files.end()};
}

void log_unit(const UnitJob& job, size_t calls, std::chrono::steady_clock::time_point started) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  // One write per line: other workers log at the same time.
  std::cerr << ("scopelint: " + job.file + ": " + std::to_string(calls) + " HTTP calls, " + std::to_string(ms) +
                " ms\n");
}

}  // namespace

std::string canonical_scan_path(const std::string& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(path, ec);
  return ec ? fs::absolute(path, ec).lexically_normal().string() : result.string();
}

Finding scan_error(const std::string& file, const std::string& message) {
  Finding finding;
  finding.rule = scan_error_rule().id;
  finding.level = Level::Warning;
  finding.message = message;
  finding.location.file = file;
  return finding;
}

UnitScanSettings UnitScanSettings::for_paths(const std::vector<std::string>& paths, const std::string& project_root,
                                             const std::string& stub_dir) {
  UnitScanSettings settings;
  // A root of "/" would make every system header project code.
  if (!project_root.empty() && canonical_scan_path(project_root) != "/") {
    settings.scope_roots.push_back(canonical_scan_path(project_root) + "/");
  }
  for (const auto& path : paths) {
    std::error_code ec;
    const std::string full = canonical_scan_path(path);
    if (fs::is_directory(full, ec)) {
      settings.scope_roots.push_back(full == "/" ? full : full + "/");
    } else {
      settings.scope_files.push_back(full);
    }
  }
  std::sort(settings.scope_files.begin(), settings.scope_files.end());
  settings.stub_dir = stub_dir.empty() ? "" : canonical_scan_path(stub_dir) + "/";
  return settings;
}

bool UnitScanSettings::in_scan(const std::string& canonical_path) const {
  if (!stub_dir.empty() && canonical_path.rfind(stub_dir, 0) == 0) return false;
  if (std::binary_search(scope_files.begin(), scope_files.end(), canonical_path)) return true;
  return std::any_of(scope_roots.begin(), scope_roots.end(),
                     [&](const std::string& root) { return canonical_path.rfind(root, 0) == 0; });
}

UnitFacts analyse_unit(CXIndex index, const UnitScanSettings& settings, const UnitJob& job) {
  UnitFacts facts;
  const auto started = std::chrono::steady_clock::now();
  const std::function<bool(const std::string&)> in_scan_path = [&](const std::string& path) {
    return settings.in_scan(path);
  };
  const std::function<bool(CXFile)> in_scan = [&](CXFile f) { return settings.in_scan(real_path(f)); };
  // Third-party function bodies are skipped when no project header needs its bodies (unit_parse.h).
  ParsedUnit parsed = parse_unit(index, {job.command, settings.verbose, settings.unsaved_files, in_scan, in_scan_path});
  if (!parsed.error.empty()) {
    facts.diagnostics.push_back(scan_error(job.file, parsed.error));
    return facts;
  }
  CXTranslationUnit tu = parsed.tu.get();
  if (parsed.unparsable) {
    facts.diagnostics.push_back(scan_error(job.file, "not parsable as C, C++ or Objective-C source"));
    return facts;
  }
  // A missing header is code scanned without its build: said once per #include, and the calls the
  // AST lost to it are recovered from tokens below.
  facts.diagnostics =
      missing_header_notes(missing_headers(tu), in_scan, job.command.listed_in_database);
  facts.included = inclusions_of(tu);
  const LibraryModels& models = builtin_library_models();
  TuContext context(tu, std::move(parsed.tree), models, in_scan);
  StringResolver strings(context);
  std::vector<FoundRequest> found;
  for (const auto& library : models.libraries) {
    match_handle_api(library, context, strings, found);
    match_request_calls(library, context, strings, found);
  }
  recover_calls_from_tokens(context, strings, found);
  facts.wrappers = collect_unit_wrappers(context, strings, in_scan, settings.wrappers,
                                         std::move(found), facts.calls);
  const std::string main_name = fs::path(job.command.source).lexically_normal().string();
  for (auto& call : facts.calls) remap_call(call, main_name, job.file);
  for (auto& note : facts.diagnostics) remap_file(note.location.file, main_name, job.file);
  remap_wrappers(facts.wrappers, main_name, job.file);
  if (settings.verbose) log_unit(job, facts.calls.size(), started);
  return facts;
}

}  // namespace scopelint::extract

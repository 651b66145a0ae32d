// extract_facts: discovers the files, parses each with libclang and runs the library matchers.
#include "extract/extractor.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <set>
#include <tuple>

#include "cache/fact_cache.h"
#include "extract/ast_walker.h"
#include "extract/clang_handles.h"
#include "extract/compile_commands.h"
#include "extract/library_models.h"
#include "extract/matchers.h"
#include "extract/source_discovery.h"
#include "extract/string_resolver.h"
#include "extract/stub_headers.h"
#include "extract/token_fallback.h"
#include "extract/translation_unit.h"
#include "extract/tu_context.h"
#include "extract/unit_parse.h"
#include "extract/wrapper_composition.h"
#include "extract/wrapper_summaries.h"
#include "util/file_io.h"

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

// Whether the file at `path` holds exactly `text` (an editor buffer that is saved).
bool same_as_on_disk(const std::string& path, const std::string& text) {
  try {
    return read_file_or_throw(path) == text;
  } catch (const std::exception&) {
    return false;
  }
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
  for (auto& note : call.chain) remap_file(note.location.file, from, to);
  for (auto& place : call.macro_chain) remap_file(place.file, from, to);
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

void remap_wrappers(UnitWrappers& wrappers, const std::string& from, const std::string& to) {
  for (auto& summary : wrappers.summaries) remap_call(summary.request, from, to);
  for (auto& site : wrappers.call_sites) {
    remap_file(site.location.file, from, to);
    for (auto& place : site.macro_chain) remap_file(place.file, from, to);
    for (auto& arg : site.arguments) {
      if (arg.literal) {
        remap_file(arg.literal->begin.file, from, to);
        remap_file(arg.literal->end.file, from, to);
      }
      if (!arg.fields) continue;
      for (auto& field : *arg.fields) {
        if (!field.value_literal) continue;
        remap_file(field.value_literal->begin.file, from, to);
        remap_file(field.value_literal->end.file, from, to);
      }
    }
  }
}

// What scanning one translation unit yields.
struct UnitOutcome {
  std::vector<HttpCall> calls;
  std::vector<Finding> diagnostics;
  std::vector<std::string> included;  // canonical paths of files it included
  bool scanned = false;  // counted in files_scanned
  UnitWrappers wrappers;  // joined with every other unit's after the scan (wrapper_composition.h)
  bool parsed = false;  // by libclang this run (counted in units_parsed)
  bool from_cache = false;
};

// Shared, read-only state of a scan; each worker has its own libclang index.
struct ScanPlan {
  const ExtractOptions& options;
  const LibraryModels& models;
  ScanScope scope;
  std::string stub_dir;  // canonical, with a trailing '/'; "" without stubs
  std::string scope_key;  // the scanned paths and excludes: they decide which headers' calls count
  std::optional<FactCache> cache;
  // Canonical paths of the editor buffers whose text differs from the file on disk: a unit that is
  // or includes one is parsed with the buffers and never cached (the cache vouches for disk only).
  std::set<std::string> unsaved;
  // A buffer has no file on disk: an #include that failed when a unit was cached may find it now,
  // and the entry would not show it, so no unit is served from the cache.
  bool unsaved_new_file = false;
  std::mutex log_mutex;
  std::mutex progress_mutex;
  unsigned units_done = 0, units_total = 0;  // for options.on_unit_done

  void unit_done(const std::string& file) {
    if (!options.on_unit_done) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    options.on_unit_done(++units_done, units_total, file);
  }

  ScanPlan(const ExtractOptions& opts, const std::string& stubs)
      : options(opts), models(builtin_library_models()), scope(opts.paths) {
    stub_dir = stubs.empty() ? "" : canonical(stubs) + "/";
    for (const auto& path : opts.paths) scope_key += canonical(path) + "\n";
    for (const auto& glob : opts.exclude_globs) scope_key += "!" + glob + "\n";
    // Declared wrappers decide which calls are requests and which calls are wrapper call sites.
    scope_key += "wrappers v1\n";
    for (const auto& wrapper : opts.wrappers) {
      scope_key += "wrapper " + wrapper.function + " " + std::to_string(wrapper.path_arg) + " " +
                   (wrapper.method ? std::string(to_string(*wrapper.method)) : "-") + " " +
                   std::to_string(wrapper.method_arg) + " " + std::to_string(wrapper.body_arg) + "\n";
    }
    // The stubs' contents count (their directory, kStubDirectory, is the same in every run).
    std::string stub_text;
    for (const auto& stub : stub_headers()) stub_text += stub.path + "\n" + stub.text;
    scope_key += "stubs " + content_hash(stub_text) + "\n";
    if (!opts.cache_dir.empty()) cache.emplace(opts.cache_dir, opts.cache_salt, opts.cache_key);
    for (const auto& [path, text] : opts.unsaved_files) {
      std::error_code ec;
      if (!fs::exists(path, ec)) unsaved_new_file = true;
      if (!same_as_on_disk(path, text)) unsaved.insert(canonical(path));
    }
  }

  // Whether `file` (canonical) or one of `included` is an unsaved buffer.
  bool reads_unsaved(const std::string& file, const std::vector<std::string>& included) const {
    const auto is_unsaved = [&](const std::string& path) { return unsaved.count(path) > 0; };
    return is_unsaved(file) || std::any_of(included.begin(), included.end(), is_unsaved);
  }

  // The cache key's view of the command: the stub directory is not part of it.
  std::vector<std::string> cache_args(const ParseCommand& command) const {
    std::vector<std::string> args{scope_key};
    const std::string stubs = stub_dir.empty() ? "" : stub_dir.substr(0, stub_dir.size() - 1);
    for (const auto& arg : command.argv) args.push_back(!stubs.empty() && arg == stubs ? "<stubs>" : arg);
    return args;
  }
};

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

UnitOutcome parse_and_match(ScanPlan& plan, CXIndex index, const SourceFile& file, const ParseCommand& command) {
  UnitOutcome outcome;
  outcome.scanned = true;
  const auto started = std::chrono::steady_clock::now();
  const std::function<bool(const std::string&)> in_scan_path = [&](const std::string& path) {
    return plan.scope.contains(path) && (plan.stub_dir.empty() || path.rfind(plan.stub_dir, 0) != 0);
  };
  const std::function<bool(CXFile)> in_scan = [&](CXFile f) { return in_scan_path(real_path(f)); };
  // Third-party function bodies are skipped when no project header needs its bodies (unit_parse.h).
  ParsedUnit parsed = parse_unit(index, {command, plan.options.verbose, plan.options.unsaved_files, in_scan, in_scan_path});
  if (!parsed.error.empty()) {
    outcome.diagnostics.push_back(scan_error(file.path, parsed.error));
    return outcome;
  }
  CXTranslationUnit tu = parsed.tu.get();
  if (parsed.unparsable) {
    outcome.diagnostics.push_back(scan_error(file.path, "not parsable as C, C++ or Objective-C source"));
    return outcome;
  }
  outcome.included = inclusions_of(tu);
  TuContext context(tu, std::move(parsed.tree), plan.models);
  StringResolver strings(context);
  strings.enable_parameter_slots();  // requests that depend on parameters become wrapper summaries
  for (const auto& library : plan.models.libraries) {
    match_handle_api(library, context, strings, outcome.calls);
    match_request_calls(library, context, strings, outcome.calls);
  }
  recover_calls_from_tokens(context, strings, outcome.calls);
  outcome.wrappers = collect_unit_wrappers(context, strings, in_scan, plan.options.wrappers, outcome.calls);
  const std::string main_name = fs::path(command.source).lexically_normal().string();
  for (auto& call : outcome.calls) remap_call(call, main_name, file.path);
  remap_wrappers(outcome.wrappers, main_name, file.path);
  if (plan.options.verbose) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started).count();
    std::lock_guard<std::mutex> lock(plan.log_mutex);
    std::cerr << "scopelint: " << file.path << ": " << outcome.calls.size() << " HTTP calls, " << ms << " ms\n";
  }
  return outcome;
}

// One unit: from the cache when nothing it depends on changed and no unsaved buffer replaces it or
// a file it includes, else parsed (and cached, unless it read an unsaved buffer).
UnitOutcome scan_unit(ScanPlan& plan, CXIndex index, const SourceFile& file, const ParseCommand& command) {
  bool empty = false;
  const std::string main_file = canonical(file.path);
  const bool unsaved = plan.unsaved.count(main_file) > 0;
  if (!unsaved) {
    if (auto reason = unscannable_reason(file.path, empty)) {
      UnitOutcome outcome;
      outcome.diagnostics.push_back(scan_error(file.path, *reason));
      return outcome;
    }
    if (empty) {
      UnitOutcome outcome;
      outcome.scanned = true;
      return outcome;
    }
  }
  std::vector<std::string> key;
  if (plan.cache) key = plan.cache_args(command);
  if (plan.cache && !unsaved && !plan.unsaved_new_file) {
    std::optional<CachedUnit> hit = plan.cache->lookup(file.path, key);
    if (hit && !plan.reads_unsaved(main_file, hit->included)) {
      UnitOutcome outcome;
      outcome.calls = std::move(hit->calls);
      outcome.diagnostics = std::move(hit->diagnostics);
      outcome.included = std::move(hit->included);
      outcome.wrappers = std::move(hit->wrappers);
      outcome.scanned = true;
      outcome.from_cache = true;
      return outcome;
    }
  }
  UnitOutcome outcome = parse_and_match(plan, index, file, command);
  outcome.parsed = true;
  // A unit's only diagnostics are parse failures, after which its inclusions are unknown: it may
  // have read an unsaved buffer.
  const bool failed = !outcome.diagnostics.empty();
  // Stored as remapped to file.path, the name the entry is looked up by: reused as it is.
  const bool may_store = !plan.reads_unsaved(main_file, outcome.included) && !(failed && !plan.unsaved.empty());
  if (plan.cache && may_store) {
    std::vector<std::string> deps{main_file};
    for (const auto& path : outcome.included) {
      if (plan.stub_dir.empty() || path.rfind(plan.stub_dir, 0) != 0) deps.push_back(path);
    }
    plan.cache->store(file.path, key,
                      {outcome.calls, outcome.diagnostics, outcome.included, outcome.wrappers}, deps);
  }
  return outcome;
}

// Scans `files` with `jobs` workers, each with its own libclang index; results in input order.
std::vector<UnitOutcome> scan_all(ScanPlan& plan, const std::vector<const SourceFile*>& files,
                                  const std::vector<ParseCommand>& commands, unsigned jobs) {
  std::vector<UnitOutcome> outcomes(files.size());
  std::atomic<size_t> next{0};
  plan.units_total += static_cast<unsigned>(files.size());
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(files.size())));
  // The indexes are made here, before any worker starts: clang_createIndex enables LLVM's crash
  // recovery, whose lazy global state is not safe to set up from several threads at once.
  std::vector<IndexHandle> indexes;
  for (unsigned i = 0; i < jobs; ++i) indexes.emplace_back(clang_createIndex(0, 0));
  auto worker = [&](CXIndex index) {
    for (size_t i = next++; i < files.size(); i = next++) {
      outcomes[i] = scan_unit(plan, index, *files[i], commands[i]);
      plan.unit_done(files[i]->path);
    }
  };
  if (jobs == 1) {
    worker(indexes.front().get());
    return outcomes;
  }
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < jobs; ++i) threads.emplace_back(worker, indexes[i].get());
  for (auto& thread : threads) thread.join();
  return outcomes;
}

bool same_call(const HttpCall& a, const HttpCall& b) {
  return a.location == b.location && a.method == b.method && a.url == b.url;
}

unsigned job_count(unsigned requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

}  // namespace

ExtractResult extract_facts(const ExtractOptions& options) {
  const std::vector<SourceFile> files = discover_sources(options.paths, options.exclude_globs);
  CompileCommands commands(options);
  StubDirectory stubs;
  ScanPlan plan(options, stubs.path());
  ExtractResult result;
  if (!commands.problem().empty()) result.diagnostics.push_back(scan_error(options.compile_db_dir, commands.problem()));

  // Source files first (compile commands are worked out up front: the database is not shared
  // between threads); headers are analysed through the files that include them.
  std::vector<const SourceFile*> units, named_headers;
  for (const auto& file : files) {
    if (file.language != SourceLanguage::Header) units.push_back(&file);
    else if (file.named) named_headers.push_back(&file);
  }
  auto commands_for = [&](const std::vector<const SourceFile*>& list) {
    std::vector<ParseCommand> out;
    for (const auto* file : list) out.push_back(commands.command_for(*file, stubs.include_flags()));
    return out;
  };
  const unsigned jobs = job_count(options.jobs);
  std::vector<UnitOutcome> outcomes = scan_all(plan, units, commands_for(units), jobs);
  std::set<std::string> included;
  for (const auto& outcome : outcomes) included.insert(outcome.included.begin(), outcome.included.end());
  std::vector<const SourceFile*> lone_headers;
  for (const auto* header : named_headers) {
    if (!included.count(canonical(header->path))) lone_headers.push_back(header);
  }
  std::vector<UnitOutcome> header_outcomes = scan_all(plan, lone_headers, commands_for(lone_headers), jobs);
  outcomes.insert(outcomes.end(), std::make_move_iterator(header_outcomes.begin()),
                  std::make_move_iterator(header_outcomes.end()));

  std::vector<WrapperSummary> summaries;
  std::vector<WrapperCallSite> call_sites;
  for (auto& outcome : outcomes) {
    if (outcome.scanned) ++result.files_scanned;
    if (outcome.parsed) ++result.units_parsed;
    if (outcome.from_cache) ++result.units_from_cache;
    for (auto& call : outcome.calls) result.facts.calls.push_back(std::move(call));
    for (auto& diagnostic : outcome.diagnostics) result.diagnostics.push_back(std::move(diagnostic));
    std::move(outcome.wrappers.summaries.begin(), outcome.wrappers.summaries.end(), std::back_inserter(summaries));
    std::move(outcome.wrappers.call_sites.begin(), outcome.wrappers.call_sites.end(), std::back_inserter(call_sites));
  }
  for (auto& call : compose_wrapper_calls(std::move(summaries), call_sites, options.wrappers)) {
    result.facts.calls.push_back(std::move(call));
  }
  auto& calls = result.facts.calls;
  std::stable_sort(calls.begin(), calls.end(), [](const HttpCall& a, const HttpCall& b) {
    return std::tie(a.location, a.method, a.url) < std::tie(b.location, b.method, b.url);
  });
  calls.erase(std::unique(calls.begin(), calls.end(), same_call), calls.end());
  return result;
}

}  // namespace scopelint

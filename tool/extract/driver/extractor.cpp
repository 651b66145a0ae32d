// extract_facts: discovers the files, settles what the cache knows, has the rest analysed (in
// worker processes, unit_runner.h) and joins the facts in unit order.
#include "extract/driver/extractor.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include "cache/fact_cache.h"
#include "extract/driver/compile_commands.h"
#include "extract/driver/source_discovery.h"
#include "extract/driver/translation_unit.h"
#include "extract/driver/unit_analysis.h"
#include "extract/driver/unit_runner.h"
#include "extract/models/stub_headers.h"
#include "extract/wrappers/wrapper_composition.h"
#include "extract/wrappers/wrapper_summaries.h"
#include "util/bounded_input.h"
#include "util/file_io.h"
#include "util/project_root.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using namespace extract;

// Whether the file at `path` holds exactly `text` (an editor buffer that is saved).
bool same_as_on_disk(const std::string& path, const std::string& text) {
  try {
    return read_input_file(path, kMaxSourceBytes) == text;
  } catch (const std::exception&) {
    return false;
  }
}

std::string project_root_of(const ExtractOptions& options) {
  return options.project_root.empty() ? find_project_root(options.paths, options.compile_db_dir)
                                      : options.project_root;
}

unsigned job_count(unsigned requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

UnitScanSettings settings_for(const ExtractOptions& options, const std::string& stub_dir) {
  UnitScanSettings settings = UnitScanSettings::for_paths(options.paths, project_root_of(options), stub_dir);
  settings.wrappers = options.wrappers;
  settings.unsaved_files = options.unsaved_files;
  settings.verbose = options.verbose;
  return settings;
}

// What scanning one translation unit yields.
struct UnitOutcome {
  UnitFacts facts;
  bool scanned = false;  // counted in files_scanned
  bool parsed = false;  // by libclang this run (counted in units_parsed)
  bool from_cache = false;
};

// The state of a scan: the cache and the editor buffers are dealt with here, in the scanning
// process; only the units that must be parsed go to the runner (worker processes).
struct ScanPlan {
  const ExtractOptions& options;
  std::string stub_dir;  // canonical, with a trailing '/'; "" without stubs
  std::string scope_key;  // the scanned paths and excludes: they decide which headers' calls count
  std::optional<FactCache> cache;
  // Canonical paths of the editor buffers whose text differs from the file on disk: a unit that is
  // or includes one is parsed with the buffers and never cached (the cache vouches for disk only).
  std::set<std::string> unsaved;
  // A buffer has no file on disk: an #include that failed when a unit was cached may find it now,
  // and the entry would not show it, so no unit is served from the cache.
  bool unsaved_new_file = false;
  UnitRunner runner;
  unsigned units_done = 0, units_total = 0;  // for options.on_unit_done

  void unit_done(const std::string& file) {
    if (options.on_unit_done) options.on_unit_done(++units_done, units_total, file);
  }

  ScanPlan(const ExtractOptions& opts, const std::string& stubs)
      : options(opts),
        runner(settings_for(opts, stubs), job_count(opts.jobs), opts.unit_timeout_seconds) {
    stub_dir = stubs.empty() ? "" : canonical_scan_path(stubs) + "/";
    // The project root decides which headers are project code.
    scope_key += "root " + canonical_scan_path(project_root_of(opts)) + "\n";
    for (const auto& path : opts.paths) scope_key += canonical_scan_path(path) + "\n";
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
      if (!same_as_on_disk(path, text)) unsaved.insert(canonical_scan_path(path));
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

// A unit settled without parsing: unscannable, empty, or from the cache when nothing it depends on
// changed and no unsaved buffer replaces it or a file it includes. nullopt: it must be parsed.
std::optional<UnitOutcome> settle_without_parsing(const ScanPlan& plan, const SourceFile& file,
                                                  const ParseCommand& command) {
  bool empty = false;
  const std::string main_file = canonical_scan_path(file.path);
  if (!plan.unsaved.count(main_file)) {
    if (auto reason = unscannable_reason(file.path, empty)) {
      UnitOutcome outcome;
      outcome.facts.diagnostics.push_back(scan_error(file.path, *reason));
      return outcome;
    }
    if (empty) {
      UnitOutcome outcome;
      outcome.scanned = true;
      return outcome;
    }
    if (plan.cache && !plan.unsaved_new_file) {
      std::optional<CachedUnit> hit = plan.cache->lookup(file.path, plan.cache_args(command));
      if (hit && !plan.reads_unsaved(main_file, hit->included)) {
        UnitOutcome outcome;
        outcome.facts = {std::move(hit->calls), std::move(hit->diagnostics), std::move(hit->included),
                         std::move(hit->wrappers)};
        outcome.scanned = true;
        outcome.from_cache = true;
        return outcome;
      }
    }
  }
  return std::nullopt;
}

// Caches a parsed unit, unless it read an unsaved buffer or ended its worker.
void store_parsed(const ScanPlan& plan, const SourceFile& file, const ParseCommand& command, const UnitFacts& facts) {
  if (!plan.cache || facts.worker_failed) return;
  const std::string main_file = canonical_scan_path(file.path);
  // A unit's diagnostics other than notes (a missing header) are parse failures, after which its
  // inclusions are unknown: it may have read an unsaved buffer.
  const bool failed = std::any_of(facts.diagnostics.begin(), facts.diagnostics.end(),
                                  [](const Finding& diagnostic) { return diagnostic.level != Level::Note; });
  if (plan.reads_unsaved(main_file, facts.included) || (failed && !plan.unsaved.empty())) return;
  std::vector<std::string> deps{main_file};
  for (const auto& path : facts.included) {
    if (plan.stub_dir.empty() || path.rfind(plan.stub_dir, 0) != 0) deps.push_back(path);
  }
  // Stored as remapped to file.path, the name the entry is looked up by: reused as it is.
  plan.cache->store(file.path, plan.cache_args(command),
                    {facts.calls, facts.diagnostics, facts.included, facts.wrappers}, deps);
}

// Scans `files`: settled here where possible, the rest parsed by the runner; results in input order.
std::vector<UnitOutcome> scan_all(ScanPlan& plan, const std::vector<const SourceFile*>& files,
                                  const std::vector<ParseCommand>& commands) {
  std::vector<UnitOutcome> outcomes(files.size());
  plan.units_total += static_cast<unsigned>(files.size());
  std::vector<UnitJob> jobs;
  std::vector<size_t> job_unit;  // jobs[j] is files[job_unit[j]]
  for (size_t i = 0; i < files.size(); ++i) {
    if (std::optional<UnitOutcome> settled = settle_without_parsing(plan, *files[i], commands[i])) {
      outcomes[i] = std::move(*settled);
      plan.unit_done(files[i]->path);
      continue;
    }
    jobs.push_back({files[i]->path, commands[i]});
    job_unit.push_back(i);
  }
  plan.runner.run(jobs, [&](size_t job, UnitFacts facts) {
    const size_t i = job_unit[job];
    store_parsed(plan, *files[i], commands[i], facts);
    outcomes[i].facts = std::move(facts);
    outcomes[i].scanned = true;
    outcomes[i].parsed = true;
    plan.unit_done(files[i]->path);
  });
  return outcomes;
}

// A project header that includes a missing header gives the same note in every unit including it.
void drop_repeated_notes(std::vector<Finding>& diagnostics) {
  std::set<std::tuple<SourceLocation, std::string>> seen;
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(),
                                   [&](const Finding& d) {
                                     return d.level == Level::Note && !seen.insert({d.location, d.message}).second;
                                   }),
                    diagnostics.end());
}

bool same_call(const HttpCall& a, const HttpCall& b) {
  return a.location == b.location && a.method == b.method && a.url == b.url;
}

// The source files the compile database lists in the project that `files` do not hold: with a
// database that builds the named files, the project is what it builds, and a wrapper defined in a
// file not named still shapes the calls of the named ones. A database that lists none of the named
// files (flags interpolated for files it does not build) says nothing about their project.
std::vector<SourceFile> unnamed_project_sources(const std::vector<SourceFile>& files,
                                                const CompileCommands& commands,
                                                const std::vector<std::string>& exclude_globs) {
  std::set<std::string> known;
  for (const auto& file : files) known.insert(canonical_scan_path(file.path));
  const std::vector<std::string> listed = commands.listed_files();
  const bool builds_named = std::any_of(listed.begin(), listed.end(), [&](const std::string& path) {
    return known.count(canonical_scan_path(path)) > 0;
  });
  std::vector<SourceFile> extra;
  if (!builds_named) return extra;
  for (const auto& path : listed) {
    const std::string canonical = canonical_scan_path(path);
    if (known.count(canonical) || !has_source_extension(path) || language_of(path) == SourceLanguage::Header) continue;
    std::error_code ec;
    if (!fs::is_regular_file(canonical, ec)) continue;
    const std::vector<SourceFile> found = discover_sources({path}, exclude_globs);
    if (found.empty()) continue;  // excluded
    known.insert(canonical);
    extra.push_back({path, language_of(path), false});
  }
  return extra;
}

// The files a scan with unnamed project sources reports on: the named units, the headers they
// include and the named headers.
std::set<std::string> reported_files(const std::vector<const SourceFile*>& named_units,
                                     const std::vector<UnitOutcome>& outcomes,
                                     const std::vector<const SourceFile*>& named_headers) {
  std::set<std::string> reported;
  for (size_t i = 0; i < named_units.size(); ++i) {
    reported.insert(canonical_scan_path(named_units[i]->path));
    reported.insert(outcomes[i].facts.included.begin(), outcomes[i].facts.included.end());
  }
  for (const auto* header : named_headers) reported.insert(canonical_scan_path(header->path));
  return reported;
}

// The facts of every unit joined: calls, diagnostics and counts, plus the calls through wrappers
// composed across units; calls sorted, each once.
void join_outcomes(std::vector<UnitOutcome>& outcomes, const std::vector<WrapperDeclaration>& declared,
                   ExtractResult& result) {
  std::vector<WrapperSummary> summaries;
  std::vector<WrapperCallSite> call_sites;
  for (auto& outcome : outcomes) {
    if (outcome.scanned) ++result.files_scanned;
    if (outcome.parsed) ++result.units_parsed;
    if (outcome.from_cache) ++result.units_from_cache;
    UnitFacts& facts = outcome.facts;
    for (auto& call : facts.calls) result.facts.calls.push_back(std::move(call));
    for (auto& diagnostic : facts.diagnostics) result.diagnostics.push_back(std::move(diagnostic));
    std::move(facts.wrappers.summaries.begin(), facts.wrappers.summaries.end(), std::back_inserter(summaries));
    std::move(facts.wrappers.call_sites.begin(), facts.wrappers.call_sites.end(), std::back_inserter(call_sites));
  }
  drop_repeated_notes(result.diagnostics);
  for (auto& call : compose_wrapper_calls(std::move(summaries), call_sites, declared)) {
    result.facts.calls.push_back(std::move(call));
  }
  auto& calls = result.facts.calls;
  std::stable_sort(calls.begin(), calls.end(), [](const HttpCall& a, const HttpCall& b) {
    return std::tie(a.location, a.method, a.url) < std::tie(b.location, b.method, b.url);
  });
  // One call at a place, with the headers of every way it is made (a header a helper adds only
  // for some arguments: the request may carry it).
  std::vector<HttpCall> merged;
  for (auto& call : calls) {
    if (merged.empty() || !same_call(merged.back(), call)) {
      merged.push_back(std::move(call));
      continue;
    }
    HttpCall& kept = merged.back();
    for (auto& header : call.headers) {
      if (std::find(kept.headers.begin(), kept.headers.end(), header) == kept.headers.end()) {
        kept.headers.push_back(std::move(header));
      }
    }
    kept.headers_unknown = kept.headers_unknown || call.headers_unknown;
  }
  calls = std::move(merged);
}

}  // namespace

ExtractResult extract_facts(const ExtractOptions& options) {
  const std::vector<SourceFile> files = discover_sources(options.paths, options.exclude_globs);
  CompileCommands commands(options);
  const std::vector<SourceFile> unnamed = unnamed_project_sources(files, commands, options.exclude_globs);
  StubDirectory stubs;
  ScanPlan plan(options, stubs.path());
  ExtractResult result;
  if (!commands.problem().empty()) result.diagnostics.push_back(scan_error(options.compile_db_dir, commands.problem()));

  // Source files first; headers are analysed through the files that include them. The project's
  // unnamed sources come last: their problems are not the named files' and are not reported.
  std::vector<const SourceFile*> units, named_headers;
  for (const auto& file : files) {
    if (file.language != SourceLanguage::Header) units.push_back(&file);
    else if (file.named) named_headers.push_back(&file);
  }
  const size_t named_units = units.size();
  for (const auto& file : unnamed) units.push_back(&file);
  auto commands_for = [&](const std::vector<const SourceFile*>& list) {
    std::vector<ParseCommand> out;
    for (const auto* file : list) out.push_back(commands.command_for(*file, stubs.include_flags()));
    return out;
  };
  std::vector<UnitOutcome> outcomes = scan_all(plan, units, commands_for(units));
  for (size_t i = 0; i < named_units && i < outcomes.size(); ++i) {
    if (outcomes[i].scanned) result.scanned_sources.push_back(units[i]->path);
  }
  std::set<std::string> included;
  for (const auto& outcome : outcomes) included.insert(outcome.facts.included.begin(), outcome.facts.included.end());
  std::vector<const SourceFile*> lone_headers;
  for (const auto* header : named_headers) {
    if (!included.count(canonical_scan_path(header->path))) lone_headers.push_back(header);
  }
  std::vector<UnitOutcome> header_outcomes = scan_all(plan, lone_headers, commands_for(lone_headers));
  if (!unnamed.empty()) {
    result.reported_files = reported_files({units.begin(), units.begin() + named_units}, outcomes, named_headers);
    for (size_t i = named_units; i < outcomes.size(); ++i) outcomes[i].facts.diagnostics.clear();
  }
  outcomes.insert(outcomes.end(), std::make_move_iterator(header_outcomes.begin()),
                  std::make_move_iterator(header_outcomes.end()));

  join_outcomes(outcomes, options.wrappers, result);
  return result;
}

}  // namespace scopelint

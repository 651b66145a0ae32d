// Option parsing.
#include "cli/options.h"

#include <functional>
#include <map>
#include <utility>

namespace scopelint {
namespace {

ReportFormat parse_format(const std::string& value) {
  if (value == "text" || value == "gcc" || value == "clang") return ReportFormat::Text;
  if (value == "json") return ReportFormat::Json;
  if (value == "sarif") return ReportFormat::Sarif;
  if (value == "github") return ReportFormat::Github;
  if (value == "gitlab") return ReportFormat::Gitlab;
  if (value == "markdown") return ReportFormat::Markdown;
  throw UsageError("unknown --format '" + value +
                   "' (expected text, json, sarif, github, gitlab or markdown)");
}

Level parse_fail_level(const std::string& value) {
  if (auto level = parse_level(value)) return *level;
  throw UsageError("unknown --fail-level '" + value + "' (expected note, warning or error)");
}

unsigned parse_jobs(const std::string& value) {
  if (value.empty() || value.size() > 4 || value.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError("-j takes a number of jobs (0: one per core), not '" + value + "'");
  }
  return static_cast<unsigned>(std::stoul(value));
}

unsigned parse_unit_timeout(const std::string& value) {
  if (value.empty() || value.size() > 6 || value.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError("--unit-timeout takes a number of seconds (0: no limit), not '" + value + "'");
  }
  return static_cast<unsigned>(std::stoul(value));
}

size_t parse_max_unresolved(const std::string& value) {
  if (value.empty() || value.size() > 9 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError("--max-unresolved takes a number of API calls (0: none may be unresolved), " +
                     std::string("not '") + value + "'");
  }
  return static_cast<size_t>(std::stoul(value));
}

CheckList parse_checks(const std::string& value) {
  std::string problem;
  std::optional<CheckList> checks = parse_check_list(value, problem);
  if (!checks) throw UsageError("--checks: " + problem);
  return *checks;
}

ColorMode parse_color(const std::string& value) {
  if (value == "auto") return ColorMode::Auto;
  if (value == "always") return ColorMode::Always;
  if (value == "never") return ColorMode::Never;
  throw UsageError("unknown --color '" + value + "' (expected auto, always or never)");
}

// Markdown is the scope-change report's; the report of findings has no Markdown form and the diff
// has only text and Markdown.
void check_format_for_command(const Options& options) {
  const bool diff = !options.diff_base.empty();
  if (!diff && options.format == ReportFormat::Markdown) {
    throw UsageError("--format=markdown is for 'scopelint diff' only");
  }
  if (diff && options.format != ReportFormat::Text && options.format != ReportFormat::Markdown) {
    throw UsageError("scopelint diff writes --format=text or --format=markdown");
  }
}

// --dump-facts prints what the scan found and judges nothing: options that read facts from
// elsewhere or act on findings would be ignored without a word.
void check_dump_facts(const Options& options, bool format_given) {
  if (!options.dump_facts) return;
  const std::pair<bool, const char*> conflicts[] = {
      {!options.facts_file.empty(), "--facts"},
      {options.fix, "--fix"},
      {!options.export_fixes.empty(), "--export-fixes"},
      {!options.baseline_file.empty(), "--baseline"},
      {!options.write_baseline.empty(), "--write-baseline"},
      {options.pre_commit, "--pre-commit"},
      {format_given, "--format"},
      {options.suggest, "'scopelint suggest'"},
      {!options.diff_base.empty(), "'scopelint diff'"},
  };
  for (const auto& [given, name] : conflicts) {
    if (!given) continue;
    throw UsageError(
        std::string("--dump-facts prints the facts without checking them: it cannot be combined with ") +
        name);
  }
}

}  // namespace

std::string usage_text() {
  return R"(USAGE: scopelint [options] PATH... [-- COMPILER FLAGS]
       scopelint suggest [options] PATH...
       scopelint diff BASE_REF [options] [PATH...]

Finds Elation Health API calls and OAuth token requests in C, C++ and Objective-C code and
checks that each token asks for exactly the scopes its calls need.

Directories are scanned recursively for .c .cc .cpp .cxx .h .hh .hpp .hxx .m .mm files.

OPTIONS:
  -p DIR                  directory holding compile_commands.json (default: searched upwards
                          from the first path, also in build/, out/ and cmake-build-*/ beside
                          each directory up to the project root); with no paths, the files it
                          lists inside the project are scanned
  --extra-arg=ARG         append a compiler flag (repeatable)
  --extra-arg-before=ARG  prepend a compiler flag (repeatable)
  --resource-dir=DIR      clang resource directory (default: detected)
  -j N, --jobs=N          parse N translation units in parallel (default 0: one per core)
  --unit-timeout=SECONDS  stop parsing a translation unit after SECONDS and report a scan-error
                          for it (default 60; 0: no limit)
  --cache-dir=DIR         where the fact cache lives (default: $XDG_CACHE_HOME/scopelint/<project
                          hash>, else ~/.cache/scopelint/<project hash>; never in the scanned tree)
  --no-cache              parse every file again; read and write no cache
  --catalog=FILE          load the API catalog (scopes, endpoints) from FILE instead of the
                          built-in rules/elation.json (--rules=FILE: the same, its old name)
  --facts=FILE            check facts from a JSON file instead of scanning code
  --dump-facts            scan as usual, print the facts found as JSON in the form --facts
                          reads, and run no checks
  --config=FILE           use this configuration for every file (default: the nearest
                          .scopelint.json above each file)
  --granted-scopes=LIST   scopes a token gets outside the code (space-separated)
  --checks=GLOBS          rules to report, clang-tidy style: comma-separated globs, '-' turns
                          rules off, left to right ("-*,missing-scope,*-scope"); applied after
                          the configuration's "checks"
  --format=FORMAT         text (default), json, sarif, github (workflow annotations),
                          gitlab (Code Quality report) or markdown (diff only)
  -o FILE, --output=FILE  write the report to FILE instead of stdout
  --fail-level=LEVEL      exit 1 when a finding is at or above LEVEL: note, warning (default), error
  --max-unresolved=N      exit 1 also when more than N API calls could not be resolved (their
                          scope is not known); default: no limit
  --color=WHEN            auto (default), always or never
  --no-source             text: do not print the source line and caret
  --fix                   apply the fix-its in place (exit 1 still when unfixed findings remain)
  --export-fixes=FILE     write the fix-its as clang-apply-replacements YAML
  --baseline=FILE         do not report findings recorded in FILE
  --write-baseline=FILE   record the current findings in FILE (then exit 0)
  --pre-commit            PATHs are the staged files: scan their whole project, report only
                          findings in them or caused by them
  --no-progress           no progress line on stderr
  --quiet                 no summary on stderr
  -v, --verbose           say how each file is parsed
  --list-scopes           print every known scope, one per line
  --list-rules            print every rule with its default level
  --explain=RULE          explain a rule
  --version               print the version
  -h, --help              print this help

SUBCOMMANDS:
  suggest                 print the least-privilege scope string for the calls found
                          (--format=json: per component, with the calls that need each scope)
  diff BASE_REF           per component, the scopes the least-privilege set gains and loses
                          between git revision BASE_REF and the working tree, with the calls
                          that cause each (--format=markdown for a pull request; default PATH .)

EXIT STATUS:
  0  no finding at or above the fail level
  1  findings at or above the fail level, or more unresolved API calls than --max-unresolved
  2  usage, configuration, catalog or I/O error
)";
}

namespace {

// What parsing remembers besides the options themselves.
struct ParseState {
  bool no_progress = false;
  bool format_given = false;
};

using Setter = std::function<void(const std::string&)>;

// The options that take a value: "--name VALUE", "--name=VALUE", and "-pDIR", "-oFILE", "-jN".
std::map<std::string, Setter> value_options(Options& options, ParseState& state) {
  return {
      {"-p", [&](const std::string& v) { options.compile_db_dir = v; }},
      {"--catalog", [&](const std::string& v) { options.catalog_file = v; }},
      {"--rules", [&](const std::string& v) { options.catalog_file = v; }},  // the old name
      {"--facts", [&](const std::string& v) { options.facts_file = v; }},
      {"--config", [&](const std::string& v) { options.config_file = v; }},
      {"--granted-scopes", [&](const std::string& v) { options.granted_scopes = v; }},
      {"--checks",
       [&](const std::string& v) {
         CheckList more = parse_checks(v);  // repeated: appended, as one comma-separated list
         options.checks.insert(options.checks.end(), more.begin(), more.end());
       }},
      {"--format",
       [&](const std::string& v) {
         options.format = parse_format(v);
         state.format_given = true;
       }},
      {"-o", [&](const std::string& v) { options.output_file = v; }},
      {"--output", [&](const std::string& v) { options.output_file = v; }},
      {"--fail-level", [&](const std::string& v) { options.fail_level = parse_fail_level(v); }},
      {"--max-unresolved",
       [&](const std::string& v) { options.max_unresolved = parse_max_unresolved(v); }},
      {"--color", [&](const std::string& v) { options.color = parse_color(v); }},
      {"--extra-arg", [&](const std::string& v) { options.extra_args.push_back(v); }},
      {"--extra-arg-before", [&](const std::string& v) { options.extra_args_before.push_back(v); }},
      {"--resource-dir", [&](const std::string& v) { options.resource_dir = v; }},
      {"-j", [&](const std::string& v) { options.jobs = parse_jobs(v); }},
      {"--jobs", [&](const std::string& v) { options.jobs = parse_jobs(v); }},
      {"--unit-timeout",
       [&](const std::string& v) { options.unit_timeout = parse_unit_timeout(v); }},
      {"--cache-dir", [&](const std::string& v) { options.cache_dir = v; }},
      {"--explain", [&](const std::string& v) { options.explain = v; }},
      {"--export-fixes", [&](const std::string& v) { options.export_fixes = v; }},
      {"--baseline", [&](const std::string& v) { options.baseline_file = v; }},
      {"--write-baseline", [&](const std::string& v) { options.write_baseline = v; }},
  };
}

std::map<std::string, bool*> flag_options(Options& options, ParseState& state) {
  return {
      {"--no-source", nullptr}, {"--quiet", &options.quiet},     {"-v", &options.verbose},
      {"--verbose", &options.verbose}, {"--no-cache", &options.no_cache}, {"--help", &options.help}, {"-h", &options.help},
      {"--version", &options.version}, {"--list-scopes", &options.list_scopes},
      {"--list-rules", &options.list_rules}, {"--fix", &options.fix},
      {"--pre-commit", &options.pre_commit}, {"--no-progress", &state.no_progress},
      {"--dump-facts", &options.dump_facts},
  };
}

// A leading "suggest" or "diff BASE_REF": the index of the first argument after it.
size_t parse_subcommand(const std::vector<std::string>& args, Options& options) {
  if (!args.empty() && args[0] == "suggest") {
    options.suggest = true;
    return 1;
  }
  if (!args.empty() && args[0] == "diff") {
    // A revision starting with '-' would reach git as an option (git archive --exec=...).
    if (args.size() < 2 || args[1].empty() || args[1][0] == '-') {
      throw UsageError("scopelint diff needs a git revision to compare with: scopelint diff BASE_REF");
    }
    options.diff_base = args[1];
    return 2;
  }
  return 0;
}

// An option's name and the value glued to it ("--format=json", "-pbuild"), if any.
std::pair<std::string, std::optional<std::string>> split_glued_value(const std::string& arg) {
  if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
    return {arg.substr(0, eq), arg.substr(eq + 1)};
  }
  if (arg.size() > 2 && arg[1] != '-' &&
      (arg.rfind("-p", 0) == 0 || arg.rfind("-o", 0) == 0 || arg.rfind("-j", 0) == 0)) {
    return {arg.substr(0, 2), arg.substr(2)};
  }
  return {arg, std::nullopt};
}

}  // namespace

Options parse_options(const std::vector<std::string>& args) {
  Options options;
  ParseState state;
  const auto with_value = value_options(options, state);
  const auto flags = flag_options(options, state);
  for (size_t i = parse_subcommand(args, options); i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      options.has_fixed_args = true;
      options.fixed_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (auto flag = flags.find(arg); flag != flags.end()) {
      if (flag->second) *flag->second = true;
      else options.show_source = false;  // --no-source
      continue;
    }
    auto [name, value] = split_glued_value(arg);
    if (auto setter = with_value.find(name); setter != with_value.end()) {
      if (!value) {
        if (i + 1 >= args.size()) throw UsageError("option '" + name + "' needs a value");
        value = args[++i];
      }
      setter->second(*value);
      continue;
    }
    if (!arg.empty() && arg[0] == '-' && arg != "-") throw UsageError("unknown option '" + arg + "'");
    options.paths.push_back(arg);
  }
  options.progress = !state.no_progress;
  check_format_for_command(options);
  check_dump_facts(options, state.format_given);
  return options;
}

}  // namespace scopelint

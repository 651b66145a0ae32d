// scopelint diff: scan the working tree, extract BASE_REF with git archive, scan it, compare.
#include "app/diff_command.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/lint.h"
#include "app/scope_diff.h"
#include "checks/rule_registry.h"
#include "util/bounded_input.h"
#include "util/file_io.h"
#include "util/project_root.h"
#include "util/subprocess.h"

namespace scopelint {
namespace {
namespace fs = std::filesystem;

// A directory only we can enter (mkdtemp: 0700), removed with everything in it when done.
class PrivateTempDir {
 public:
  PrivateTempDir() {
    std::string pattern = (fs::temp_directory_path() / "scopelint-diff-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary directory");
    path_ = pattern;
  }
  ~PrivateTempDir() {
    std::error_code ignored;  // symlinks inside are removed, never followed
    fs::remove_all(path_, ignored);
  }
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "git failed" : line;
}

// git with every filter driver the configuration defines switched off (a filter runs a command
// that .gitattributes in the archived tree can select), and no hooks or fsmonitor.
std::vector<std::string> safe_git(const std::string& top) {
  std::vector<std::string> git = {
      "git", "-C", top, "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false"};
  ProgramResult filters =
      run_program({"git", "-C", top, "config", "--name-only", "--get-regexp", "^filter\\."});
  std::set<std::string> drivers;  // "filter.<name>"
  std::istringstream names(filters.out);
  for (std::string name; std::getline(names, name);) {
    const size_t last_dot = name.rfind('.');
    if (last_dot != std::string::npos && last_dot > 7) drivers.insert(name.substr(0, last_dot));
  }
  for (const auto& driver : drivers) {
    for (const char* setting : {".smudge=", ".process=", ".required=false"}) {
      git.insert(git.end(), {"-c", driver + setting});
    }
  }
  return git;
}

ProgramResult run_git(std::vector<std::string> git, const std::vector<std::string>& args) {
  git.insert(git.end(), args.begin(), args.end());
  return run_program(git);
}

// The tree of `revision` in `directory`/tree, marked as its own project (a `.git` folder) so that
// config discovery stops there.
std::string extract_base_tree(const std::string& top, const std::string& revision,
                              const std::string& directory) {
  const std::vector<std::string> git = safe_git(top);
  ProgramResult verified =
      run_git(git, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"});
  if (verified.exit_code != 0) throw UsageError("unknown git revision '" + revision + "'");
  const std::string archive = directory + "/base.tar", tree = directory + "/tree";
  ProgramResult archived = run_git(git, {"archive", "--format=tar", "-o", archive, revision});
  if (archived.exit_code != 0) {
    throw std::runtime_error("git archive " + revision + ": " + first_line(archived.err));
  }
  fs::create_directory(tree);
  ProgramResult extracted =
      run_program({"tar", "--extract", "--no-same-owner", "--file", archive, "--directory", tree});
  if (extracted.exit_code != 0) {
    throw std::runtime_error("cannot extract " + revision + ": " + first_line(extracted.err));
  }
  fs::remove(archive);
  fs::create_directory(tree + "/.git");
  return tree;
}

// `path` (relative to the current directory) in the base tree, which mirrors the work tree `top`.
std::string in_base_tree(const std::string& path, const std::string& top, const std::string& tree) {
  const fs::path relative = fs::path(canonical_path(path)).lexically_relative(top);
  if (relative.empty() || *relative.begin() == "..") {
    throw UsageError("'" + path + "' is outside the git work tree " + top);
  }
  std::string inside = (fs::path(tree) / relative).lexically_normal().string();
  while (inside.size() > 1 && inside.back() == '/') inside.pop_back();
  return inside;
}

// Every occurrence of the work tree's path in `text` made the base tree's.
std::string rebase_paths(std::string text, const std::string& top, const std::string& tree) {
  const std::string from = top + "/", to = tree + "/";
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  if (text == top) return tree;
  return text;
}

// -p DIR for the base scan: a compile_commands.json whose paths into the work tree point into the
// base tree instead, except those into DIR itself (generated headers exist only there). Without a
// compile_commands.json (compile_flags.txt), both scans read DIR as it is.
std::string base_database(const std::string& db_dir, const std::string& top,
                          const std::string& tree, const std::string& directory) {
  const std::string file = db_dir + "/compile_commands.json";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return db_dir;
  nlohmann::json entries = parse_json_input(read_input_file(file, kMaxDatabaseBytes), file);
  if (!entries.is_array()) return db_dir;
  const std::string build = canonical_path(db_dir);
  auto rebase = [&](const std::string& text) {
    if (text == build || text.rfind(build + "/", 0) == 0) return text;
    return rebase_paths(text, top, tree);
  };
  for (auto& entry : entries) {
    if (!entry.is_object()) continue;
    for (const char* key : {"directory", "file", "command", "output"}) {
      if (entry.contains(key) && entry[key].is_string()) entry[key] = rebase(entry[key]);
    }
    if (entry.contains("arguments") && entry["arguments"].is_array()) {
      for (auto& argument : entry["arguments"]) {
        if (argument.is_string()) argument = rebase(argument);
      }
    }
    // A work directory that git does not track (build/) exists in the base tree as well.
    if (entry.contains("directory") && entry["directory"].is_string()) {
      const std::string directory_path = entry["directory"];
      if (directory_path.rfind(tree + "/", 0) == 0) fs::create_directories(directory_path, ec);
    }
  }
  const std::string base_dir = directory + "/database";
  fs::create_directory(base_dir);
  write_file_atomically(base_dir + "/compile_commands.json", entries.dump());
  return base_dir;
}

// A file that could not be scanned in one tree can make scopes look gained or lost: said on stderr.
ComponentScopes scan_scopes(const Options& options, const Catalog& catalog,
                            const std::string& base_directory, const std::string& tree_name,
                            std::ostream& err) {
  ConfigSet configs(find_project_root(options.paths, options.compile_db_dir), options.config_file);
  std::vector<Finding> diagnostics;
  unsigned files = 0;
  Facts facts = gather_facts(options, configs, diagnostics, files);
  const auto errors = std::count_if(diagnostics.begin(), diagnostics.end(), [](const Finding& f) {
    return f.rule == scan_error_rule().id && f.level >= Level::Warning;
  });
  if (errors > 0 && !options.quiet) {
    err << "scopelint: warning: " << errors << " file" << (errors == 1 ? "" : "s") << " in "
        << tree_name << " could not be scanned (run scopelint on it for the scan-errors); the "
        << "report may be incomplete\n";
  }
  return component_scopes(facts, catalog, base_directory);
}

void check_diff_options(const Options& options) {
  if (!options.facts_file.empty() || options.fix || !options.export_fixes.empty() ||
      !options.baseline_file.empty() || !options.write_baseline.empty() || options.pre_commit) {
    throw UsageError(
        "scopelint diff takes no --facts, --fix, --export-fixes, --baseline, --write-baseline or "
        "--pre-commit");
  }
}

}  // namespace

std::string scope_diff_report(const Options& options, const Catalog& catalog, std::ostream& err) {
  check_diff_options(options);
  Options head = options;
  if (head.paths.empty()) head.paths = {"."};
  const std::string cwd = fs::current_path().string();
  ProgramResult top_level = run_program({"git", "-C", cwd, "rev-parse", "--show-toplevel"});
  if (top_level.exit_code != 0) {
    throw UsageError("scopelint diff needs a git work tree: " + first_line(top_level.err));
  }
  const std::string top = canonical_path(top_level.out.substr(0, top_level.out.find('\n')));
  const ComponentScopes head_scopes = scan_scopes(head, catalog, cwd, "the working tree", err);

  PrivateTempDir temp;
  const std::string tree = extract_base_tree(top, options.diff_base, temp.path());
  Options base = head;
  for (auto& path : base.paths) path = in_base_tree(path, top, tree);
  if (!options.compile_db_dir.empty()) {
    base.compile_db_dir = base_database(options.compile_db_dir, top, tree, temp.path());
  }
  base.no_cache = true;  // a cache for a throwaway directory would never be used again
  const std::string base_cwd = in_base_tree(cwd, top, tree);
  const ComponentScopes base_scopes = scan_scopes(base, catalog, base_cwd, options.diff_base, err);
  if (options.verbose)
    err << "scopelint: compared with " << options.diff_base << " in " << tree << "\n";

  const std::vector<ComponentChange> changes = diff_scopes(base_scopes, head_scopes);
  if (options.format == ReportFormat::Markdown) {
    return format_scope_diff_markdown(changes, options.diff_base);
  }
  bool named = false;  // components in the config: say which one each change is in
  for (const auto* scopes : {&head_scopes, &base_scopes}) {
    for (const auto& component : *scopes) named = named || !component.first.empty();
  }
  return format_scope_diff_text(changes, options.diff_base, named);
}

}  // namespace scopelint

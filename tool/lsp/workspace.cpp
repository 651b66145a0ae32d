// Whole-workspace lint, publishing and clearing of diagnostics, quickfixes from fix-its.
#include "lsp/workspace.h"

#include <chrono>
#include <map>

#include "lsp/json_rpc.h"
#include "lsp/uri.h"
#include "catalog/catalog.h"
#include "util/project_root.h"

namespace scopelint::lsp {
namespace {

struct Position {
  int64_t line = 0;
  int64_t character = 0;
  friend bool operator<=(const Position& a, const Position& b) {
    return a.line < b.line || (a.line == b.line && a.character <= b.character);
  }
};

Position to_position(const nlohmann::json& json) {
  Position position;
  if (json.is_object()) {
    position.line = json.value("line", int64_t{0});
    position.character = json.value("character", int64_t{0});
  }
  return position;
}

// Closed ranges overlap: a cursor touching a diagnostic's edge still gets its fix.
bool overlaps(const nlohmann::json& a, const nlohmann::json& b) {
  if (!a.is_object() || !b.is_object()) return false;
  return to_position(a.value("start", nlohmann::json())) <=
             to_position(b.value("end", nlohmann::json())) &&
         to_position(b.value("start", nlohmann::json())) <=
             to_position(a.value("end", nlohmann::json()));
}

}  // namespace

LintFunction default_lint_function() {
  return [](const Options& options, const UnsavedFiles& unsaved) {
    const Catalog& catalog =
        options.catalog_file.empty() ? default_catalog() : load_catalog_file(options.catalog_file);
    // Fresh: .scopelint.json may have been edited. The project is the workspace (options.paths are
    // its folders), as on the command line: no config above it applies.
    ConfigSet configs(find_project_root(options.paths, options.compile_db_dir),
                      options.config_file);
    return lint(options, catalog, configs, unsaved);
  };
}

Options Workspace::options_for(const Documents& documents) const {
  Options options = settings_.base;
  options.progress = false;
  options.quiet = true;
  if (options.paths.empty()) options.paths = settings_.roots;
  if (options.paths.empty()) options.paths = documents.paths();  // no workspace: the open files
  // The cache is the command line's default: the user's cache directory, per project root.
  return options;
}

std::vector<nlohmann::json> Workspace::relint(const Documents& documents) {
  std::vector<nlohmann::json> messages;
  const Options options = options_for(documents);
  const auto started = std::chrono::steady_clock::now();
  try {
    if (options.paths.empty()) {
      findings_.clear();  // no workspace and no open file: nothing to judge, clear what was shown
      last_units_ = {};
    } else {
      ++lint_count_;
      LintResult result = lint_(options, documents.unsaved());
      findings_ = std::move(result.findings);
      last_units_ = result.units;
    }
    last_error_.clear();
  } catch (const std::exception& e) {
    const std::string error = std::string("scopelint: ") + e.what();
    log_ << (error + "\n");
    if (error != last_error_) {
      messages.push_back(
          make_notification("window/showMessage", {{"type", 1}, {"message", error}}));
    }
    last_error_ = error;
    return messages;  // the earlier diagnostics stay: they are the best knowledge there is
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  // One write per line: stderr is unbuffered and clients log each write separately.
  log_ << ("scopelint lsp: " + std::to_string(findings_.size()) + " findings in " +
           std::to_string(elapsed.count()) + " ms (" + std::to_string(last_units_.parsed) +
           " units parsed, " + std::to_string(last_units_.from_cache) + " from the cache)\n");

  LineSource lines(documents);
  ConversionContext context{settings_.encoding, settings_.related_information, &lines, &documents};
  std::map<std::string, nlohmann::json> by_uri;
  for (const auto& finding : findings_) {
    if (!finding.location.known()) continue;  // nothing in an editor to attach it to
    nlohmann::json& diagnostics = by_uri[documents.uri_for(finding.location.file)];
    if (diagnostics.is_null()) diagnostics = nlohmann::json::array();
    diagnostics.push_back(to_diagnostic(finding, context));
  }
  for (const auto& uri : published_) {
    if (!by_uri.count(uri)) by_uri[uri] = nlohmann::json::array();
  }
  published_.clear();
  for (auto& [uri, diagnostics] : by_uri) {
    if (!diagnostics.empty()) published_.insert(uri);
    nlohmann::json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
    if (const Document* document = documents.find_by_path(path_from_uri(uri))) {
      params["version"] = document->version;
    }
    messages.push_back(make_notification("textDocument/publishDiagnostics", std::move(params)));
  }
  return messages;
}

nlohmann::json Workspace::code_actions(const std::string& uri, const nlohmann::json& range,
                                       const Documents& documents) {
  nlohmann::json actions = nlohmann::json::array();
  const std::string path = path_from_uri(uri);
  if (path.empty()) return actions;
  const std::string wanted = normal_path(path);
  LineSource lines(documents);
  ConversionContext context{settings_.encoding, settings_.related_information, &lines, &documents};
  for (const auto& finding : findings_) {
    if (!finding.fix || finding.fix->replacements.empty() || !finding.location.known()) continue;
    if (normal_path(finding.location.file) != wanted) continue;
    nlohmann::json diagnostic = to_diagnostic(finding, context);
    if (!overlaps(diagnostic["range"], range)) continue;
    nlohmann::json changes = nlohmann::json::object();
    for (const auto& replacement : finding.fix->replacements) {
      const std::string& file = replacement.range.begin.file.empty() ? finding.location.file
                                                                     : replacement.range.begin.file;
      nlohmann::json& edits = changes[documents.uri_for(file)];
      if (edits.is_null()) edits = nlohmann::json::array();
      Replacement located = replacement;
      located.range.begin.file = file;
      edits.push_back(to_text_edit(located, context));
    }
    const std::string title =
        finding.fix->description.empty() ? "apply scopelint fix" : finding.fix->description;
    actions.push_back({{"title", title},
                       {"kind", "quickfix"},
                       {"diagnostics", nlohmann::json::array({std::move(diagnostic)})},
                       {"isPreferred", true},
                       {"edit", {{"changes", std::move(changes)}}}});
  }
  return actions;
}

}  // namespace scopelint::lsp

// Re-judges the whole workspace with the open buffers and turns the findings into notifications.
// Units that neither are nor include a changed buffer come from the fact cache.
#pragma once

#include <functional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/lint.h"
#include "lsp/diagnostics.h"
#include "lsp/documents.h"

namespace scopelint::lsp {

// Runs the analysis; lint() by default, replaceable in tests. Throws on a broken config or rules.
using LintFunction = std::function<LintResult(const Options&, const UnsavedFiles&)>;

LintFunction default_lint_function();

struct WorkspaceSettings {
  Options base;  // from "scopelint lsp [options] [paths]"; its paths, if any, override the roots
  std::vector<std::string> roots;  // workspace folders from initialize
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool related_information = true;
};

class Workspace {
 public:
  Workspace(LintFunction lint, std::ostream& log) : lint_(std::move(lint)), log_(log) {}
  WorkspaceSettings& settings() { return settings_; }

  // Lints and returns the notifications to send: publishDiagnostics for every file with findings,
  // [] for files that had some and have none now; window/showMessage when the lint fails.
  std::vector<nlohmann::json> relint(const Documents& documents);

  // The quickfix code actions for `uri` whose findings overlap `range` (an LSP range).
  nlohmann::json code_actions(const std::string& uri, const nlohmann::json& range,
                              const Documents& documents);

  unsigned lint_count() const { return lint_count_; }

 private:
  Options options_for(const Documents& documents) const;

  LintFunction lint_;
  std::ostream& log_;
  WorkspaceSettings settings_;
  std::vector<Finding> findings_;    // from the last successful lint
  std::set<std::string> published_;  // URIs whose last publish was not empty
  std::string last_error_;           // shown once until a lint succeeds or fails differently
  unsigned lint_count_ = 0;
  UnitCounts last_units_;
};

}  // namespace scopelint::lsp

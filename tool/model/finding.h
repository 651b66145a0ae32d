// A finding: what the checks report and the reporters print.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/facts.h"
#include "model/source_location.h"

namespace scopelint {

enum class Level { Note = 0, Warning = 1, Error = 2 };

std::string_view to_string(Level level);
std::optional<Level> parse_level(std::string_view text);

struct Replacement {
  SourceRange range;
  std::string text;
  // The bytes `range` held when the fix was computed (the scope value inside the string literal the
  // facts point at); --fix applies the replacement only where the file still holds exactly these.
  std::string expected;
};

struct Fix {
  std::string description;
  std::vector<Replacement> replacements;
};

// The NOLINT comment that suppresses a finding; suppressed findings are reported only in JSON and
// SARIF, marked as such.
struct Suppression {
  SourceLocation location;  // the directive
  std::string reason;       // the text after "NOLINT(...):", empty when none is given
};

struct Finding {
  std::string rule;  // rule id, e.g. "missing-scope"
  Level level = Level::Warning;
  std::string message;  // lowercase, no trailing period
  SourceLocation location;
  std::optional<SourceLocation> end;  // exclusive end of the flagged text, if known
  // Other places where a NOLINT suppresses the finding too: the macro chain of the call or token
  // request at `location` (HttpCall::macro_chain), and for a finding reported at a scope literal
  // written elsewhere, the token request and its macro chain.
  std::vector<SourceLocation> macro_chain;
  // Places the finding depends on besides `location` and the notes (the scope literals of the
  // token requests judged): a change there can cause or fix it (--pre-commit). Not printed.
  std::vector<SourceLocation> depends_on;
  std::vector<Note> notes;
  std::optional<Fix> fix;
  std::string no_fix_reason;  // a rule that offers fix-its could not make one here: why
  // Structured details, where relevant.
  std::string scope;
  std::string method;
  std::string path;
  std::vector<std::string> suggested_scopes;
  std::optional<Suppression> suppression;  // set on findings a NOLINT suppresses
};

// Deterministic report order: file, line, column, rule, message.
bool finding_order(const Finding& a, const Finding& b);

}  // namespace scopelint

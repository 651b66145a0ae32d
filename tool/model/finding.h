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

// One edit a scope fix-it plans from the facts: the scope value inside a string literal. It becomes
// a Replacement after suppression (fix/scope_edits.h), where the literal's file is read to check
// that it still holds what was scanned.
struct ScopeEdit {
  SourceRange literal;        // the string literal that holds the value
  unsigned value_offset = 0;  // the value's place in the literal's value
  unsigned value_length = 0;
  std::string expected;  // the text the literal holds there
  std::string text;      // the new value
  std::string why_not;   // not empty: this value cannot be edited, and why
};

// A fix-it as the checks plan it; the edits are tried in order.
struct PlannedFix {
  std::string description;
  std::vector<ScopeEdit> edits;
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
  std::optional<PlannedFix> planned_fix;  // from the checks, until made into `fix` (or a reason)
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

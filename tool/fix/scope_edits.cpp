// Locating a planned scope value inside its string literal (scope_edits.h).
#include "fix/scope_edits.h"

#include "fix/snapshots.h"
#include "util/bounded_input.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

// Where the characters of a literal's value sit in the file: [begin, end) byte offsets.
struct LiteralBody {
  size_t begin = 0;
  size_t end = 0;
};

// The facts name the file: bounded, and only a regular file (never a FIFO or a device).
std::optional<std::string> read_whole_file(const std::string& path) {
  try {
    return read_input_file(path, kMaxSourceBytes);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

// The value part of an ordinary literal ("...", u8"...", L"...", u"...", U"..."): no raw strings,
// no escapes, no line breaks, so that source bytes and value bytes correspond one to one.
std::optional<LiteralBody> literal_body(const std::string& file_text, const SourceRange& range) {
  if (range.length < 2 || size_t(range.offset) + range.length > file_text.size()) return std::nullopt;
  std::string_view spelled(file_text.data() + range.offset, range.length);
  size_t quote = spelled.find('"');
  if (quote == std::string_view::npos || spelled.back() != '"' || quote + 1 >= spelled.size()) {
    return std::nullopt;
  }
  std::string_view prefix = spelled.substr(0, quote);
  if (!(prefix.empty() || prefix == "u8" || prefix == "L" || prefix == "u" || prefix == "U")) {
    return std::nullopt;
  }
  std::string_view body = spelled.substr(quote + 1, spelled.size() - quote - 2);
  if (body.find_first_of("\\\"\n\r") != std::string_view::npos) return std::nullopt;
  return LiteralBody{range.offset + quote + 1, range.offset + spelled.size() - 1};
}

std::optional<Replacement> fail(std::string* why_not, std::string reason) {
  if (why_not) *why_not = std::move(reason);
  return std::nullopt;
}

}  // namespace

std::optional<Replacement> scope_edit_replacement(const ScopeEdit& edit, std::string* why_not) {
  if (!edit.why_not.empty()) return fail(why_not, edit.why_not);
  const SourceRange& literal = edit.literal;
  const std::string where = literal.begin.file + ":" + std::to_string(literal.begin.line);
  if (literal.begin.file.empty()) return fail(why_not, "the scope literal is not in a file");
  if (literal.begin.line != literal.end.line) return fail(why_not, "the scope literal at " + where + " spans lines");
  std::optional<std::string> file_text = read_whole_file(literal.begin.file);
  if (!file_text) return fail(why_not, "cannot read " + literal.begin.file);
  std::optional<LiteralBody> body = literal_body(*file_text, literal);
  if (!body) return fail(why_not, "the scope literal at " + where + " uses escapes or is a raw string");
  std::string_view content(file_text->data() + body->begin, body->end - body->begin);
  if (edit.value_offset + size_t(edit.value_length) > content.size()) {
    return fail(why_not, "the file changed since it was scanned");
  }
  std::string_view old_value = content.substr(edit.value_offset, edit.value_length);
  // The text must still be what the scan saw.
  if (old_value != edit.expected) return fail(why_not, "the file changed since it was scanned");
  if (edit.text == old_value) return fail(why_not, "the scope string already asks for exactly these scopes");
  record_fix_snapshot(literal.begin.file, content_hash(*file_text));

  const size_t delta = (body->begin - literal.offset) + edit.value_offset;
  Replacement replacement;
  replacement.range.begin = literal.begin;
  replacement.range.begin.column = literal.begin.column + static_cast<unsigned>(delta);
  replacement.range.end = literal.begin;
  replacement.range.end.column = replacement.range.begin.column + static_cast<unsigned>(old_value.size());
  replacement.range.offset = literal.offset + static_cast<unsigned>(delta);
  replacement.range.length = static_cast<unsigned>(old_value.size());
  replacement.text = edit.text;
  replacement.expected = std::string(old_value);
  return replacement;
}

void make_planned_fixes(std::vector<Finding>& findings) {
  for (Finding& finding : findings) {
    if (!finding.planned_fix) continue;
    Fix fix{finding.planned_fix->description, {}};
    std::string reason;
    for (const ScopeEdit& edit : finding.planned_fix->edits) {
      if (auto replacement = scope_edit_replacement(edit, &reason)) fix.replacements.push_back(std::move(*replacement));
    }
    if (fix.replacements.empty()) {
      finding.no_fix_reason = reason;
    } else {
      finding.fix = std::move(fix);
    }
    finding.planned_fix.reset();
  }
}

}  // namespace scopelint

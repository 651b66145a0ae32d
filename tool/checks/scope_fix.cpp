// Locates a scope value inside its string literal and builds the least-privilege replacement.
#include "checks/scope_fix.h"

#include <algorithm>

#include "fix/snapshots.h"
#include "classify/scope_string.h"
#include "util/bounded_input.h"
#include "util/percent_encoding.h"

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
  if (range.length < 2 || size_t(range.offset) + range.length > file_text.size())
    return std::nullopt;
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

// The separator to join with: the literal's own style, unless that style is itself wrong for how
// the value reaches the wire (a raw space in a form body, "%20" in a value the library encodes).
std::string separator_for(const TokenRequest& token) {
  const std::string& sep = token.parsed.separator;
  // A literal an escape call encodes on its way into the body is written plain.
  if (token.scope_literal && token.scope_literal->encoding == ScopeEncoding::Plain) return " ";
  if (token.encoding == ScopeEncoding::Wire) return sep == " " ? "%20" : sep;
  if (token.encoding == ScopeEncoding::Plain) return " ";
  return sep;
}

std::string quote(const std::vector<std::string>& scopes) {
  return "'" + join_scopes(scopes, " ") + "'";
}

}  // namespace

namespace {

// Why the token's scope value has no literal to edit, or "" when it has one.
std::string why_no_literal(const TokenRequest& token) {
  if (token.from_config) return "the scopes are granted by configuration";
  if (!token.body_known) return "the token request's body could not be worked out";
  if (!token.sends_scope) return "the token request sends no scope parameter to edit";
  if (!token.scope_known || token.parsed.has_runtime_part)
    return "the scope string is built at run time";
  if (!token.scope_literal) return "the scope string is not written in one string literal";
  return "";
}

// The text the literal must hold at the value's place: the value as the scan read it, decoded
// when an escape call encodes the literal on its way into a form body.
std::string expected_literal_text(const TokenRequest& token) {
  if (token.encoding == ScopeEncoding::Wire &&
      token.scope_literal->encoding == ScopeEncoding::Plain) {
    return percent_decode(token.scope_text);
  }
  return token.scope_text;
}

std::optional<Replacement> fail(std::string* why_not, std::string reason) {
  if (why_not) *why_not = std::move(reason);
  return std::nullopt;
}

}  // namespace

std::optional<Replacement> scope_value_replacement(const TokenRequest& token,
                                                   const std::vector<std::string>& scopes,
                                                   std::string* why_not) {
  if (std::string reason = why_no_literal(token); !reason.empty()) return fail(why_not, reason);
  const ScopeLiteral& place = *token.scope_literal;
  const SourceRange& literal = place.literal;
  const std::string where = literal.begin.file + ":" + std::to_string(literal.begin.line);
  if (literal.begin.file.empty()) return fail(why_not, "the scope literal is not in a file");
  if (literal.begin.line != literal.end.line)
    return fail(why_not, "the scope literal at " + where + " spans lines");
  std::optional<std::string> file_text = read_whole_file(literal.begin.file);
  if (!file_text) return fail(why_not, "cannot read " + literal.begin.file);
  std::optional<LiteralBody> body = literal_body(*file_text, literal);
  if (!body)
    return fail(why_not, "the scope literal at " + where + " uses escapes or is a raw string");
  std::string_view content(file_text->data() + body->begin, body->end - body->begin);
  const size_t value_begin = place.value_offset;
  if (value_begin + size_t(place.value_length) > content.size()) {
    return fail(why_not, "the file changed since it was scanned");
  }
  std::string_view old_value = content.substr(value_begin, place.value_length);
  // The text must still be what the scan saw.
  if (old_value != expected_literal_text(token))
    return fail(why_not, "the file changed since it was scanned");
  std::string new_value = join_scopes(scopes, separator_for(token));
  if (new_value == old_value)
    return fail(why_not, "the scope string already asks for exactly these scopes");
  record_fix_snapshot(literal.begin.file, content_hash(*file_text));

  size_t delta = (body->begin - literal.offset) + value_begin;
  Replacement replacement;
  replacement.range.begin = literal.begin;
  replacement.range.begin.column = literal.begin.column + static_cast<unsigned>(delta);
  replacement.range.end = literal.begin;
  replacement.range.end.column =
      replacement.range.begin.column + static_cast<unsigned>(old_value.size());
  replacement.range.offset = literal.offset + static_cast<unsigned>(delta);
  replacement.range.length = static_cast<unsigned>(old_value.size());
  replacement.text = std::move(new_value);
  replacement.expected = std::string(old_value);
  return replacement;
}

std::optional<Fix> least_privilege_fix(const Catalog& catalog, const Component& component,
                                       const std::vector<const TokenRequest*>& tokens,
                                       std::string* why_not) {
  const auto none = [&](std::string reason) -> std::optional<Fix> {
    if (why_not) *why_not = std::move(reason);
    return std::nullopt;
  };
  if (component.needs_global) return none("a call needs the global scope");
  if (component.may_need_any) return none("a call that could not be resolved may need any scope");
  if (!component.maybe_needed.empty())
    return none("calls that could not be resolved may need other scopes");
  std::vector<std::string> least = component.least_privilege(catalog);
  if (least.empty()) return none("no call found needs a specific scope");
  if (std::find(least.begin(), least.end(), catalog.global_scope) != least.end()) {
    return none("a call needs the global scope");
  }
  Fix fix;
  fix.description = "request only " + quote(least);
  std::string reason;
  for (const TokenRequest* token : tokens) {
    if (auto replacement = scope_value_replacement(*token, least, &reason)) {
      fix.replacements.push_back(std::move(*replacement));
    }
  }
  if (fix.replacements.empty()) return none(reason);
  return fix;
}

}  // namespace scopelint

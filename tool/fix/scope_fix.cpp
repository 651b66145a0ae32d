// Locates a scope value inside its string literal and builds the least-privilege replacement.
#include "fix/scope_fix.h"

#include <algorithm>

#include "fix/snapshots.h"
#include "scope/scope_string.h"
#include "util/bounded_input.h"

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

// The value of the only "scope=" parameter of form text, as [begin, end) within `text`.
std::optional<std::pair<size_t, size_t>> form_scope_value(std::string_view text) {
  std::optional<std::pair<size_t, size_t>> found;
  size_t start = 0;
  while (start <= text.size()) {
    size_t amp = text.find('&', start);
    size_t stop = amp == std::string_view::npos ? text.size() : amp;
    std::string_view pair = text.substr(start, stop - start);
    if (pair.rfind("scope=", 0) == 0) {
      if (found)
        return std::nullopt;  // two scope parameters: which one the server reads is unclear
      found = std::make_pair(start + 6, stop);
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return found;
}

// The separator to join with: the literal's own style, unless that style is itself wrong for how
// the value reaches the wire (a raw space in a form body, "%20" in a value the library encodes).
std::string separator_for(const TokenRequest& token) {
  const std::string& sep = token.parsed.separator;
  if (token.encoding == ScopeEncoding::Wire) return sep == " " ? "%20" : sep;
  if (token.encoding == ScopeEncoding::Plain) return " ";
  return sep;
}

std::string quote(const std::vector<std::string>& scopes) {
  return "'" + join_scopes(scopes, " ") + "'";
}

}  // namespace

std::optional<Replacement> scope_value_replacement(const TokenRequest& token,
                                                   const std::vector<std::string>& scopes) {
  if (!token.literal || !token.scope_known || token.parsed.has_runtime_part) return std::nullopt;
  const SourceRange& literal = *token.literal;
  if (literal.begin.file.empty() || literal.begin.line != literal.end.line) return std::nullopt;
  std::optional<std::string> file_text = read_whole_file(literal.begin.file);
  if (!file_text) return std::nullopt;
  std::optional<LiteralBody> body = literal_body(*file_text, literal);
  if (!body) return std::nullopt;
  std::string_view content(file_text->data() + body->begin, body->end - body->begin);
  size_t value_begin = 0, value_end = content.size();
  if (token.encoding == ScopeEncoding::Wire) {
    auto value = form_scope_value(content);
    if (!value) return std::nullopt;
    value_begin = value->first;
    value_end = value->second;
  }
  std::string_view old_value = content.substr(value_begin, value_end - value_begin);
  // The text must still be what the scan saw.
  if (old_value != token.scope_text) return std::nullopt;
  std::string new_value = join_scopes(scopes, separator_for(token));
  if (new_value == old_value) return std::nullopt;
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
                                       const std::vector<const TokenRequest*>& tokens) {
  if (component.needs_global || component.may_need_any || !component.maybe_needed.empty()) {
    return std::nullopt;
  }
  std::vector<std::string> least = component.least_privilege(catalog);
  if (least.empty()) return std::nullopt;
  if (std::find(least.begin(), least.end(), catalog.global_scope) != least.end())
    return std::nullopt;
  Fix fix;
  fix.description = "request only " + quote(least);
  for (const TokenRequest* token : tokens) {
    if (auto replacement = scope_value_replacement(*token, least)) {
      fix.replacements.push_back(std::move(*replacement));
    }
  }
  if (fix.replacements.empty()) return std::nullopt;
  return fix;
}

}  // namespace scopelint

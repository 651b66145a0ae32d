// Turning the JSON library's parse errors into a short plain description.
#include "util/json_error_text.h"

#include <array>
#include <utility>

namespace scopelint {
namespace {

// The library's part after "syntax error while parsing <context> - ", or after its position.
std::string_view library_detail(std::string_view message) {
  constexpr std::string_view kSyntax = "syntax error while parsing ";
  if (size_t at = message.find(kSyntax); at != std::string_view::npos) {
    std::string_view rest = message.substr(at + kSyntax.size());
    size_t dash = rest.find(" - ");
    return dash == std::string_view::npos ? rest : rest.substr(dash + 3);
  }
  size_t column = message.find(", column ");
  size_t colon = message.find(": ", column == std::string_view::npos ? 0 : column);
  return colon == std::string_view::npos ? std::string_view() : message.substr(colon + 2);
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The non-space byte before `offset`, or 0.
char previous_token(std::string_view text, size_t offset) {
  for (size_t i = std::min(offset, text.size()); i > 0; --i) {
    char c = text[i - 1];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
  }
  return 0;
}

}  // namespace

std::string describe_json_syntax_error(std::string_view text, size_t offset,
                                       std::string_view library_message) {
  const char here = offset < text.size() ? text[offset] : 0;
  if ((here == '}' || here == ']') && previous_token(text, offset) == ',') {
    return std::string("a trailing comma before '") + here + "' (JSON allows none)";
  }
  std::string detail(library_detail(library_message));
  // "last read: '...'" quotes the input back, which may be long or hold anything: left out.
  if (size_t last = detail.find("; last read: "); last != std::string::npos) detail.erase(last);
  static const std::array<std::pair<std::string_view, std::string_view>, 4> kWords = {{
      {"; expected ", ", expected "},
      {"string literal", "a quoted string"},
      {"unexpected end of input", "the text ends too early"},
      {"invalid literal", "not a JSON value (strings need double quotes)"},
  }};
  for (const auto& [from, to] : kWords) replace_all(detail, from, to);
  if (detail.empty()) return "not valid JSON";
  return detail;
}

}  // namespace scopelint

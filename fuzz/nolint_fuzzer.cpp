// Fuzzes the NOLINT comment scanner (directives, names and their byte spans) and the check-glob
// matcher.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "suppress/nolint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  scopelint::NolintMap map(text);
  for (unsigned line : {0u, 1u, 2u, 3u, 100u, 0xffffffffu}) {
    (void)map.suppresses("missing-scope", line);
    (void)map.suppresses("", line);
  }
  for (const auto& d : map.directives()) {
    // Every span lies in the text and maps back to the directive's own line.
    if (d.span.end() > size || map.position(d.span.offset).first != d.line) std::abort();
    for (const auto& name : d.names) {
      if (name.span.end() > size || map.text(name.span) != name.text) std::abort();
    }
    if (d.comment && d.comment->end() > size) std::abort();
    if (d.partner >= 0 && static_cast<size_t>(d.partner) >= map.directives().size()) std::abort();
  }
  for (const auto& problem : map.problems()) {
    if (problem.line == 0 || problem.message.empty()) std::abort();  // problems are located
  }
  size_t newline = text.find('\n');
  if (newline != std::string_view::npos) {
    (void)scopelint::glob_matches(text.substr(0, newline), text.substr(newline + 1));
  }
  return 0;
}

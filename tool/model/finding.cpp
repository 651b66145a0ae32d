// Finding levels and the report order.
#include "model/finding.h"

#include <tuple>

namespace scopelint {

std::string_view to_string(Level level) {
  switch (level) {
    case Level::Note: return "note";
    case Level::Warning: return "warning";
    case Level::Error: return "error";
  }
  return "warning";
}

std::optional<Level> parse_level(std::string_view text) {
  if (text == "note") return Level::Note;
  if (text == "warning") return Level::Warning;
  if (text == "error") return Level::Error;
  return std::nullopt;
}

bool finding_order(const Finding& a, const Finding& b) {
  return std::tie(a.location.file, a.location.line, a.location.column, a.rule, a.message) <
         std::tie(b.location.file, b.location.line, b.location.column, b.rule, b.message);
}

}  // namespace scopelint

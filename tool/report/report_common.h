// Helpers the reporters share: source lines, UTF-8 repair and column units (paths: util/display_paths.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/display_paths.h"

namespace scopelint {

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD (one per maximal subpart, as
// Unicode recommends), so that JSON writers never see invalid UTF-8.
std::string sanitize_utf8(std::string_view text);

// Percent-encodes every byte that may not appear literally in a URI path ("a b#c" -> "a%20b%23c").
// '/' is kept; ':' is encoded so that a relative path is never read as a scheme.
std::string percent_encode_path(std::string_view path);

// The 1-based UTF-16 column of the 1-based UTF-8 byte `column` in `line_text`. Bytes past the end
// of the line and each ill-formed sequence count as one unit.
unsigned utf16_column(std::string_view line_text, unsigned column);

// The lines of `text` without their terminators ("\n" or "\r\n"); a final line without one counts.
std::vector<std::string> split_lines(const std::string& text);

// Lines of source files, read once per file. Reporters use it to print source and convert columns.
class SourceLines {
 public:
  // Line `line` (1-based) without its line terminator; nullptr if the file cannot be read or has
  // no such line.
  const std::string* line(const std::string& file, unsigned line);

 private:
  std::map<std::string, std::optional<std::vector<std::string>>> files_;
};

}  // namespace scopelint

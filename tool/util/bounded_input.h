// Reading input that the scanned repository controls: only regular files, bounded in size, and
// JSON bounded in nesting, failing fast with one line that names the file (docs/security.md).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace scopelint {

// 1-based line and column of a byte in a text.
struct TextPosition {
  size_t line = 1;
  size_t column = 1;
};

// An input that cannot be used: what() is "<name>: <problem>", one line, no library jargon.
// position(): where invalid JSON goes wrong, for callers with their own message style.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  InputError(const std::string& what, TextPosition at, std::string description)
      : std::runtime_error(what), position_(at), description_(std::move(description)) {}
  const std::optional<TextPosition>& position() const { return position_; }
  // With position(): what is wrong there, in plain words ("unexpected ',', expected a quoted
  // string"; util/json_error_text.h).
  const std::string& description() const { return description_; }

 private:
  std::optional<TextPosition> position_;
  std::string description_;
};

// Size limits per kind of input, in bytes.
inline constexpr size_t kMaxSourceBytes = size_t{64} << 20;  // a source file handed to the parser
inline constexpr size_t kMaxConfigBytes = size_t{1} << 20;  // .scopelint.json
inline constexpr size_t kMaxRulesBytes = size_t{16} << 20;  // --catalog, library models
inline constexpr size_t kMaxDatabaseBytes = size_t{256} << 20;  // compile_commands.json
inline constexpr size_t kMaxFlagsBytes = size_t{1} << 20;  // compile_flags.txt, @response files
inline constexpr size_t kMaxReportBytes = size_t{256} << 20;  // --baseline, --facts, cache entries
inline constexpr unsigned kMaxJsonDepth = 64;  // nesting of any JSON input

// The contents of `path`: throws InputError when it is not a regular file (a FIFO, a device, a
// directory: opened without blocking and never read), cannot be read, or is over `max_bytes`.
// Symlinks are followed; whether their target may be read is the caller's question.
std::string read_input_file(const std::string& path, size_t max_bytes);

// Conditions on a file that only scopelint itself should have written (the fact cache, its key).
struct PrivateFileRules {
  unsigned forbidden_mode_bits = 022;  // refused when any is set (022: writable by group or others)
};

// read_input_file for such a file: a symlink is refused (O_NOFOLLOW), and so is a file not owned by
// the effective user or with a forbidden permission bit.
std::string read_private_file(const std::string& path, size_t max_bytes,
                              PrivateFileRules rules = {});

// Parses JSON text; throws InputError "<name>: invalid JSON at line L, column C",
// "<name>: JSON nested deeper than N levels" (checked while parsing, so a deep file fails fast) or
// "<name>: invalid JSON: a number out of range" (1e999).
nlohmann::json parse_json_input(std::string_view text, const std::string& name,
                                unsigned max_depth = kMaxJsonDepth);

// 1-based line and column of byte `offset` in `text`.
TextPosition position_of(std::string_view text, size_t offset);

}  // namespace scopelint

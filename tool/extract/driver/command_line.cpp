// Command line splitting with clang's rules (see command_line.h); the structure follows LLVM's
// JSONCompilationDatabase CommandLineArgumentParser and TokenizeGNUCommandLine so that edge cases
// (unterminated quotes, a trailing backslash) come out the same.
#include "extract/driver/command_line.h"

namespace scopelint::extract {
namespace {

// Each method returns whether input is left; `at_` is the current character.
class DatabaseCommandParser {
 public:
  explicit DatabaseCommandParser(std::string_view input) : input_(input) {}

  std::vector<std::string> parse() {
    bool more = true;
    while (more && next_non_space()) {
      std::string argument;
      more = parse_argument(argument);
      arguments_.push_back(std::move(argument));
    }
    return std::move(arguments_);
  }

 private:
  char at() const { return input_[position_]; }
  bool next() { return ++position_ < input_.size(); }
  bool skip_escape() { return at() != '\\' || next(); }

  bool next_non_space() {
    do {
      if (!next()) return false;
    } while (at() == ' ');
    return true;
  }

  bool parse_argument(std::string& out) {
    do {
      const bool more = at() == '"'    ? parse_double_quoted(out)
                        : at() == '\'' ? parse_single_quoted(out)
                                       : parse_free(out);
      if (!more) return false;
    } while (at() != ' ');
    return true;
  }

  bool parse_double_quoted(std::string& out) {
    if (!next()) return false;
    while (at() != '"') {
      if (!skip_escape()) return false;
      out.push_back(at());
      if (!next()) return false;
    }
    return next();
  }

  bool parse_single_quoted(std::string& out) {
    if (!next()) return false;
    while (at() != '\'') {
      out.push_back(at());
      if (!next()) return false;
    }
    return next();
  }

  bool parse_free(std::string& out) {
    do {
      if (!skip_escape()) return false;
      out.push_back(at());
      if (!next()) return false;
    } while (at() != ' ' && at() != '"' && at() != '\'');
    return true;
  }

  std::string_view input_;
  size_t position_ = static_cast<size_t>(-1);  // before the first character
  std::vector<std::string> arguments_;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::vector<std::string> split_database_command(std::string_view command) {
  return DatabaseCommandParser(command).parse();
}

std::vector<std::string> split_response_file(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> arguments;
  std::string token;
  for (size_t i = 0, end = text.size(); i != end; ++i) {
    if (token.empty()) {
      while (i != end && is_space(text[i])) ++i;
      if (i == end) break;
    }
    const char c = text[i];
    if (c == '\\' && i + 1 < end) {
      token.push_back(text[++i]);
      continue;
    }
    if (c == '"' || c == '\'') {
      for (++i; i != end && text[i] != c; ++i) {
        if (text[i] == '\\' && i + 1 != end) ++i;
        token.push_back(text[i]);
      }
      if (i == end) break;
      continue;
    }
    if (is_space(c)) {
      if (!token.empty()) arguments.push_back(std::move(token));
      token.clear();
      continue;
    }
    token.push_back(c);
  }
  if (!token.empty()) arguments.push_back(std::move(token));
  return arguments;
}

}  // namespace scopelint::extract

// Predicting, from text alone, whether a unit includes project headers that define functions.
#include "extract/driver/project_includes.h"
#include "util/bounded_input.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

namespace scopelint::extract {
namespace {

namespace fs = std::filesystem;

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string canonical_path(const fs::path& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(path, ec);
  return ec ? path.lexically_normal().string() : result.string();
}

struct IncludeDirs {
  fs::path working_dir;
  std::vector<fs::path> quote, angle;
  std::vector<std::string> forced;  // -include
};

IncludeDirs include_dirs(const ParseCommand& command) {
  IncludeDirs dirs;
  std::error_code ec;
  dirs.working_dir = fs::current_path(ec);
  const auto& argv = command.argv;
  for (size_t i = 0; i + 3 < argv.size(); ++i) {
    if (argv[i] == "-Xclang" && argv[i + 1] == "-working-directory" && argv[i + 2] == "-Xclang") {
      dirs.working_dir = argv[i + 3];
    }
  }
  std::vector<fs::path> system, after;
  auto dir = [&](const std::string& value) { return (dirs.working_dir / value).lexically_normal(); };
  const std::vector<std::pair<std::string, std::vector<fs::path>*>> kinds{
      {"-I", &dirs.angle}, {"-iquote", &dirs.quote}, {"-isystem", &system}, {"-idirafter", &after}};
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "-include" && i + 1 < argv.size()) {
      dirs.forced.push_back(dir(argv[++i]).string());
      continue;
    }
    for (const auto& [flag, list] : kinds) {
      if (arg.rfind(flag, 0) != 0) continue;
      if (arg == flag && i + 1 < argv.size()) {
        list->push_back(dir(argv[++i]));
      } else if (arg.size() > flag.size()) {
        list->push_back(dir(arg.substr(flag.size())));
      }
      break;
    }
  }
  dirs.angle.insert(dirs.angle.end(), system.begin(), system.end());
  dirs.angle.insert(dirs.angle.end(), after.begin(), after.end());
  return dirs;
}

std::optional<std::string> read_text(const std::string& path,
                                     const std::vector<std::pair<std::string, std::string>>& unsaved) {
  for (const auto& [name, contents] : unsaved) {
    if (canonical_path(name) == path) return contents;
  }
  try {
    return read_input_file(path, kMaxSourceBytes);
  } catch (const InputError&) {
    return std::nullopt;  // not a regular file, unreadable or too large: reported elsewhere
  }
}

struct IncludeDirective {
  std::string name;
  bool quoted = false;
};

std::vector<IncludeDirective> include_directives(const std::string& text) {
  std::vector<IncludeDirective> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || line[i] != '#') continue;
    i = line.find_first_not_of(" \t", i + 1);
    if (i == std::string::npos) continue;
    size_t word_end = i;
    while (word_end < line.size() && is_ident_char(line[word_end])) ++word_end;
    const std::string word = line.substr(i, word_end - i);
    if (word != "include" && word != "import" && word != "include_next") continue;
    i = line.find_first_not_of(" \t", word_end);
    if (i == std::string::npos || (line[i] != '"' && line[i] != '<')) continue;
    const char close = line[i] == '"' ? '"' : '>';
    const size_t end = line.find(close, i + 1);
    if (end == std::string::npos) continue;
    out.push_back({line.substr(i + 1, end - i - 1), close == '"'});
  }
  return out;
}

}  // namespace

// The text with comments, string and character literals and preprocessor lines turned into spaces
// (newlines kept), so that only code is left to look at.
std::string code_only(const std::string& text) {
  std::string out(text.size(), ' ');
  bool line_start = true;
  size_t i = 0;
  const size_t n = text.size();
  auto keep_newline = [&](size_t at) {
    if (text[at] == '\n') out[at] = '\n';
  };
  while (i < n) {
    const char c = text[i];
    if (c == '\n') {
      out[i++] = '\n';
      line_start = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      i += 2;
      while (i < n && !(text[i] == '*' && i + 1 < n && text[i + 1] == '/')) keep_newline(i++);
      i = std::min(n, i + 2);
      continue;
    }
    if (c == '#' && line_start) {  // a directive, with its continuation lines
      while (i < n && text[i] != '\n') {
        if (text[i] == '\\' && i + 1 < n && text[i + 1] == '\n') keep_newline(++i);
        ++i;
      }
      continue;
    }
    line_start = false;
    if (c == '"' || c == '\'') {
      // A raw string R"x(...)x" is rare in headers; its contents are treated like a plain string's.
      ++i;
      while (i < n && text[i] != c && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
      ++i;
      continue;
    }
    out[i] = c;
    ++i;
  }
  return out;
}

namespace {

// Identifiers that may stand between a function's `)` and its body.
bool is_declarator_suffix(const std::string& word) {
  static const std::set<std::string> words{"const", "volatile", "noexcept", "override", "final",
                                           "throw", "mutable", "__attribute__", "requires"};
  return words.count(word) > 0;
}

}  // namespace

// From just past a `)`: whether a function body (or constructor initialiser) follows.
bool body_follows(const std::string& code, size_t i) {
  const size_t n = code.size();
  bool trailing_return = false;
  while (i < n) {
    const char c = code[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '{') {
      return true;
    } else if (c == ':') {
      if (i + 1 < n && code[i + 1] == ':') {
        i += 2;
      } else {
        return true;
      }
    } else if (is_ident_char(c)) {
      size_t end = i;
      while (end < n && is_ident_char(code[end])) ++end;
      const std::string word = code.substr(i, end - i);
      if (word == "try") return true;
      if (!trailing_return && !is_declarator_suffix(word)) return false;
      i = end;
    } else if (c == '(') {  // noexcept(...), throw(...), __attribute__((...))
      int depth = 0;
      for (; i < n; ++i) {
        if (code[i] == '(') ++depth;
        if (code[i] == ')' && --depth == 0) break;
      }
      ++i;
    } else if (c == '-' && i + 1 < n && code[i + 1] == '>') {
      trailing_return = true;
      i += 2;
    } else if (c == '&' || c == '*' || c == '<' || c == '>' || c == ',' || c == '[' || c == ']') {
      ++i;
    } else {
      return false;
    }
  }
  return false;
}

bool text_may_define_function(const std::string& text) {
  const std::string code = code_only(text);
  for (size_t i = code.find(')'); i != std::string::npos; i = code.find(')', i + 1)) {
    if (body_follows(code, i + 1)) return true;
  }
  return false;
}

bool includes_project_function_definitions(
    const ParseCommand& command, const std::function<bool(const std::string&)>& in_scan,
    const std::vector<std::pair<std::string, std::string>>& unsaved) {
  const IncludeDirs dirs = include_dirs(command);
  const std::string main = canonical_path(dirs.working_dir / command.source);
  std::set<std::string> seen{main};
  std::vector<std::string> pending{main};
  for (const auto& forced : dirs.forced) {
    const std::string path = canonical_path(forced);
    if (in_scan(path) && seen.insert(path).second) pending.push_back(path);
  }
  while (!pending.empty()) {
    const std::string file = pending.back();
    pending.pop_back();
    const auto text = read_text(file, unsaved);
    if (!text) continue;
    if (file != main && text_may_define_function(*text)) return true;
    for (const auto& include : include_directives(*text)) {
      std::vector<fs::path> search;
      if (include.quoted) {
        search.push_back(fs::path(file).parent_path());
        search.insert(search.end(), dirs.quote.begin(), dirs.quote.end());
      }
      search.insert(search.end(), dirs.angle.begin(), dirs.angle.end());
      for (const auto& dir : search) {
        std::error_code ec;
        const fs::path candidate = dir / include.name;
        if (!fs::is_regular_file(candidate, ec)) continue;
        const std::string path = canonical_path(candidate);
        if (in_scan(path) && seen.insert(path).second) pending.push_back(path);
        break;  // the first match is the one the preprocessor takes
      }
    }
  }
  return false;
}

}  // namespace scopelint::extract

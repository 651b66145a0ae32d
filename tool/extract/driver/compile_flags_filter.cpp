// Filtering repository compile flags through the allow-list (see compile_flags_filter.h).
#include "extract/driver/compile_flags_filter.h"

#include <filesystem>

#include "extract/driver/command_line.h"
#include "extract/driver/compile_flag_rules.h"
#include "util/bounded_input.h"
#include "util/project_root.h"

namespace scopelint::extract {
namespace {

namespace fs = std::filesystem;

constexpr size_t kNamedDrops = 12;  // the rest of a summary is "..."

// A word after response files are expanded; `rejected`: an @file that was not read.
struct Word {
  std::string text;
  bool rejected = false;
};

std::string resolve(const std::string& name, const std::string& dir) {
  return (fs::path(dir) / name).lexically_normal().string();
}

bool inside_any(const std::string& path, const std::vector<std::string>& roots) {
  for (const auto& root : roots) {
    if (path_inside(path, root)) return true;
  }
  return false;
}

class Expander {
 public:
  Expander(const FlagPolicy& policy, ResponseFiles& responses, DroppedFlags& dropped)
      : policy_(policy), responses_(responses), dropped_(dropped) {}

  void expand(const std::vector<std::string>& args, unsigned depth, std::vector<Word>& out) {
    for (const auto& arg : args) {
      if (arg.size() < 2 || arg[0] != '@') {
        out.push_back({arg});
        continue;
      }
      const std::string path = canonical_path(resolve(arg.substr(1), policy_.working_dir));
      // Outside the project: never read. Inside but unusable (missing, not a regular file, too
      // big, nested too deep): dropped as well.
      const bool inside = inside_any(path, policy_.readable_roots);
      const auto& contents =
          inside && depth < kMaxResponseFileDepth ? responses_.arguments(path) : kUnread;
      if (!contents || responses_.size_of(path) > budget_) {
        dropped_.add("@<file>", !inside);
        out.push_back({arg, true});
        continue;
      }
      budget_ -= responses_.size_of(path);
      expand(*contents, depth + 1, out);
    }
  }

 private:
  static inline const std::optional<std::vector<std::string>> kUnread{};
  const FlagPolicy& policy_;
  ResponseFiles& responses_;
  DroppedFlags& dropped_;
  size_t budget_ = kMaxFlagsBytes;  // bytes of response files read for this command
};

// A flag (or input) with its separate argument, as grouped before judging.
struct Group {
  std::vector<std::string> words;
  FlagMatch match;
  std::string value;  // joined value or separate argument
  bool input = false;
  bool argument_rejected = false;  // the separate argument was an @file that was not read
};

// "-MF <arg>", "-fplugin=<arg>", "-Xclang -load": what -v shows of a dropped group.
std::string shown(const Group& group) {
  const std::string& word = group.words.front();
  const FlagMatch& match = group.match;
  std::string text;
  if (match.joined_value && match.value_is_argument) {
    text = std::string(match.name) + "<arg>";
  } else {
    // An unknown flag, or a family member ("-fmodules"): its name, up to a value.
    const size_t value = word.find_first_of("=,", match.name.empty() ? 1 : match.name.size() - 1);
    text = value == std::string::npos ? word : word.substr(0, value + 1) + "<arg>";
  }
  if (group.words.size() > 1) {
    const std::string& argument = group.words[1];
    // -Xclang and the like pass a flag on: its name tells what was meant.
    const bool flag = match.name.substr(0, 2) == "-X" && argument.size() > 1 && argument[0] == '-';
    text += " " + (flag ? argument.substr(0, argument.find_first_of("=,")) : std::string("<arg>"));
  }
  return text;
}

std::vector<Group> group_words(const std::vector<Word>& words) {
  std::vector<Group> groups;
  bool inputs_only = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (word.rejected || word.text.empty()) continue;
    Group group;
    group.words.push_back(word.text);
    if (!inputs_only && word.text == "--") {
      inputs_only = true;
      continue;
    }
    if (inputs_only || (word.text.size() > 0 && word.text[0] != '-')) {
      group.input = true;
      groups.push_back(std::move(group));
      continue;
    }
    group.match = match_flag(word.text);
    if (group.match.joined_value) group.value = word.text.substr(group.match.name.size());
    if (group.match.separate_argument && i + 1 < words.size()) {
      group.value = words[++i].text;
      group.argument_rejected = words[i].rejected;
      group.words.push_back(group.value);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

// -Xclang -include -Xclang FILE (CMake's precompiled headers with clang) is the one cc1 flag passed
// on: it is judged as the driver's -include FILE (and kept in the cc1 form, see frontend_include).
// Every other -Xclang goes.
void rewrite_cc1_include(std::vector<Group>& groups) {
  for (size_t i = 0; i + 1 < groups.size(); ++i) {
    auto& first = groups[i].words;
    auto& second = groups[i + 1].words;
    if (first.size() == 2 && second.size() == 2 && first[0] == "-Xclang" &&
        second[0] == "-Xclang" && (first[1] == "-include" || first[1] == "-imacros")) {
      Group include;
      include.words = {first[1], second[1]};
      include.match = match_flag(first[1]);
      include.value = second[1];
      groups[i] = std::move(include);
      groups.erase(groups.begin() + static_cast<long>(i) + 1);
    }
  }
}

// Where clang would find an -include FILE: the working directory, then the include paths.
std::string find_forced_include(const std::string& name, const std::vector<Group>& groups,
                                const FlagPolicy& policy) {
  std::error_code ec;
  if (fs::path(name).is_absolute()) return name;
  std::vector<std::string> dirs{policy.working_dir};
  for (const char* kind : {"-iquote", "-I", "-isystem", "-idirafter"}) {
    for (const auto& group : groups) {
      if (group.match.name == kind && !group.value.empty())
        dirs.push_back(resolve(group.value, policy.working_dir));
    }
  }
  for (const auto& dir : dirs) {
    const std::string candidate = resolve(name, dir);
    if (fs::exists(candidate, ec)) return candidate;
  }
  return "";
}

// A kept -include/-imacros FILE, given to the frontend as -Xclang -include -Xclang FILE: the driver
// would replace -include FILE by -include-pch FILE.pch (or FILE.gch) when such a file exists beside
// it, and read a precompiled AST from the repository (or fail on GCC's: CMake's precompiled
// headers with g++ leave cmake_pch.hxx.gch beside the header their -include names).
std::vector<std::string> frontend_include(const Group& group) {
  const bool macros = group.match.name.find("imacros") != std::string::npos;
  return {"-Xclang", macros ? "-imacros" : "-include", "-Xclang", group.value};
}

// Whether a group that is not an input stays; records it in `dropped` when it does not.
bool judge(const Group& group, const std::vector<Group>& groups, const FlagPolicy& policy,
           DroppedFlags& dropped) {
  const FlagMatch& match = group.match;
  bool keep = false;
  bool unsafe = match.action == FlagAction::DropUnsafe;
  const bool has_value = !match.separate_argument || group.words.size() > 1;
  switch (match.action) {
    case FlagAction::Keep:
      keep = has_value;
      break;
    case FlagAction::KeepChecked:
      keep = has_value && flag_value_allowed(match, group.words.front(), group.value);
      break;
    case FlagAction::KeepInclude: {
      const std::string file = has_value ? find_forced_include(group.value, groups, policy) : "";
      keep = !file.empty() &&
             (inside_any(file, policy.readable_roots) || inside_any(file, policy.system_roots));
      unsafe = !file.empty() && !keep;
      break;
    }
    case FlagAction::DropUnsafe:
    case FlagAction::Drop:
      break;
  }
  if (keep && group.argument_rejected) keep = false;
  if (!keep) dropped.add(shown(group), unsafe);
  return keep;
}

}  // namespace

void DroppedFlags::add(const std::string& shown, bool unsafe) {
  if (!seen_.insert((unsafe ? "!" : "") + shown).second) return;
  (unsafe ? unsafe_ : other_).push_back(shown);
}

std::string DroppedFlags::summary(const std::string& source) const {
  if (empty()) return "";
  auto list = [](const std::vector<std::string>& names) {
    std::string text;
    for (size_t i = 0; i < names.size() && i < kNamedDrops; ++i) text += (i ? ", " : "") + names[i];
    return names.size() > kNamedDrops ? text + ", ..." : text;
  };
  auto count = [](size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
  };
  std::string line = source + ": ignored ";
  if (!unsafe_.empty()) {
    line += count(unsafe_.size(), "flag") +
            " that write files, load code, change directories or name files outside the project: " +
            list(unsafe_);
  }
  if (!other_.empty()) {
    line += (unsafe_.empty() ? count(other_.size(), "flag")
                             : "; and " + std::to_string(other_.size())) +
            " that scopelint does not need to parse code: " + list(other_);
  }
  return line;
}

const std::optional<std::vector<std::string>>& ResponseFiles::arguments(
    const std::string& canonical_path) {
  auto it = read_.find(canonical_path);
  if (it != read_.end()) return it->second;
  std::optional<std::vector<std::string>> arguments;
  try {
    const std::string text = read_input_file(canonical_path, kMaxFlagsBytes);
    sizes_[canonical_path] = text.size();
    arguments = split_response_file(text);
  } catch (const InputError&) {
  }
  return read_.emplace(canonical_path, std::move(arguments)).first->second;
}

size_t ResponseFiles::size_of(const std::string& canonical_path) const {
  auto it = sizes_.find(canonical_path);
  return it == sizes_.end() ? 0 : it->second;
}

std::vector<KeptArgument> filter_compile_flags(const std::vector<std::string>& args,
                                               const FlagPolicy& policy, ResponseFiles& responses,
                                               DroppedFlags& dropped) {
  std::vector<Word> words;
  Expander(policy, responses, dropped).expand(args, 0, words);
  std::vector<Group> groups = group_words(words);
  rewrite_cc1_include(groups);
  std::vector<KeptArgument> kept;
  for (const auto& group : groups) {
    if (group.input) {
      kept.push_back({group.words, true});
    } else if (judge(group, groups, policy, dropped)) {
      kept.push_back({group.match.action == FlagAction::KeepInclude ? frontend_include(group) : group.words, false});
    }
  }
  return kept;
}

std::vector<std::string> flatten(const std::vector<KeptArgument>& kept) {
  std::vector<std::string> words;
  for (const auto& argument : kept)
    words.insert(words.end(), argument.words.begin(), argument.words.end());
  return words;
}

}  // namespace scopelint::extract

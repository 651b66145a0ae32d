// The compiler flags scopelint knows: how each is spelled, whether it takes a separate argument,
// and whether a flag from the scanned repository is kept: the table behind compile_flags_filter.h.
#pragma once

#include <string_view>

namespace scopelint::extract {

enum class FlagAction {
  Keep,
  KeepInclude,  // -include / -imacros: kept when the file lies in an allowed directory
  KeepChecked,  // kept when flag_value_allowed() says so (-x languages, -W without commas, ...)
  DropUnsafe,   // writes files, loads code, changes directories, names files outside the project
  Drop,         // not needed to parse code, or unknown
};

struct FlagMatch {
  std::string_view name;  // the option as matched ("-MF", "-f"); "" for an unknown flag
  FlagAction action = FlagAction::Drop;
  bool separate_argument = false;  // the next word is this flag's argument
  bool joined_value = false;       // the word goes on past the name ("-MFdep.d", "-fplugin=x.so")
  // What follows the name is an argument ("-MFdep.d", "-fplugin=x.so"), not more of a flag's name
  // ("-fmodules" matched as "-fmodule").
  bool value_is_argument = false;
};

// How clang would read `word` (which starts with '-'): the longest option name that matches, as
// clang's option parser picks it.
FlagMatch match_flag(std::string_view word);

// For KeepChecked flags: whether this spelling is one that only changes how code parses.
// `value` is the joined value or the separate argument.
bool flag_value_allowed(const FlagMatch& match, std::string_view word, std::string_view value);

}  // namespace scopelint::extract

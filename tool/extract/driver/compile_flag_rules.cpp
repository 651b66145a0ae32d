// The flag table of compile_flags_filter (see compile_flag_rules.h). Every flag kept takes the same
// number of separate arguments as in clang, so a kept flag never swallows a word the filter looked
// at on its own; flags dropped with a separate argument are listed with it where known (an unknown
// flag is dropped alone and its argument is then judged as a word of its own).
#include "extract/driver/compile_flag_rules.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace scopelint::extract {
namespace {

enum class Form {
  Flag,              // exactly the name, no argument
  Joined,            // the name, then a value in the same word (or none)
  Separate,          // exactly the name, then one argument word
  JoinedOrSeparate,  // the name with a value in the same word, or alone with one argument word
  PrefixSeparate,    // any word starting with the name, then one argument word (-Xclang, -Xlinker,
                     // ...)
};

struct Rule {
  std::string_view name;
  Form form;
  FlagAction action;
};

using A = FlagAction;
using F = Form;

// clang 14's spellings. Where names share a prefix, the longest match wins (as in clang), so
// "-include-pch" is not "-include", "-mllvm" is not a target flag and "-Wl," is not a warning.
// clang-format off
constexpr Rule kRules[]{
    // What parses code: include paths, macros, language, standard, target.
    {"-I", F::JoinedOrSeparate, A::Keep}, {"-I-", F::Flag, A::Keep},
    {"-isystem", F::JoinedOrSeparate, A::Keep}, {"-iquote", F::JoinedOrSeparate, A::Keep},
    {"-idirafter", F::JoinedOrSeparate, A::Keep}, {"-isysroot", F::JoinedOrSeparate, A::Keep},
    {"--sysroot=", F::Joined, A::Keep}, {"--sysroot", F::Separate, A::Keep},
    {"-D", F::JoinedOrSeparate, A::Keep}, {"-U", F::JoinedOrSeparate, A::Keep},
    {"-include", F::JoinedOrSeparate, A::KeepInclude},
    {"-imacros", F::JoinedOrSeparate, A::KeepInclude}, {"-x", F::JoinedOrSeparate, A::KeepChecked},
    {"-std=", F::Joined, A::Keep}, {"--std=", F::Joined, A::Keep},
    {"--std", F::Separate, A::Keep}, {"-stdlib=", F::Joined, A::KeepChecked},
    {"--stdlib=", F::Joined, A::KeepChecked}, {"--stdlib", F::Separate, A::KeepChecked},
    {"--target=", F::Joined, A::Keep}, {"-target", F::Separate, A::Keep},
    {"--driver-mode=", F::Joined, A::KeepChecked}, {"-pthread", F::Flag, A::Keep},
    {"-nostdinc", F::Flag, A::Keep}, {"-nostdinc++", F::Flag, A::Keep},
    {"-nostdlibinc", F::Flag, A::Keep}, {"-nobuiltininc", F::Flag, A::Keep},
    {"-w", F::Flag, A::Keep}, {"-pedantic", F::Flag, A::Keep},
    {"-pedantic-errors", F::Flag, A::Keep}, {"-ansi", F::Flag, A::Keep},
    {"-undef", F::Flag, A::Keep}, {"-trigraphs", F::Flag, A::Keep},
    {"-ObjC", F::Flag, A::Keep}, {"-ObjC++", F::Flag, A::Keep},
    {"--include-directory", F::Separate, A::Keep}, {"--include-directory=", F::Joined, A::Keep},
    {"--include-directory-after", F::Separate, A::Keep},
    {"--include-directory-after=", F::Joined, A::Keep}, {"--define-macro", F::Separate, A::Keep},
    {"--define-macro=", F::Joined, A::Keep}, {"--undefine-macro", F::Separate, A::Keep},
    {"--undefine-macro=", F::Joined, A::Keep}, {"--include", F::JoinedOrSeparate, A::KeepInclude},
    {"--imacros", F::JoinedOrSeparate, A::KeepInclude}, {"--include=", F::Joined, A::KeepInclude},
    {"--imacros=", F::Joined, A::KeepInclude},
    // Families whose members are checked one by one (flag_value_allowed).
    {"-W", F::Joined, A::KeepChecked}, {"-O", F::Joined, A::KeepChecked},
    {"-g", F::Joined, A::KeepChecked}, {"-m", F::Joined, A::KeepChecked},
    {"-f", F::Joined, A::KeepChecked},
    // Write files: dependency files, outputs, traces, diagnostics, temporaries, module caches.
    {"-M", F::Joined, A::DropUnsafe}, {"-MM", F::Flag, A::DropUnsafe},
    {"-MD", F::Flag, A::DropUnsafe}, {"-MMD", F::Flag, A::DropUnsafe},
    {"-MG", F::Flag, A::DropUnsafe}, {"-MP", F::Flag, A::DropUnsafe},
    {"-MV", F::Flag, A::DropUnsafe}, {"-MF", F::JoinedOrSeparate, A::DropUnsafe},
    {"-MT", F::JoinedOrSeparate, A::DropUnsafe}, {"-MQ", F::JoinedOrSeparate, A::DropUnsafe},
    {"-MJ", F::JoinedOrSeparate, A::DropUnsafe}, {"-o", F::JoinedOrSeparate, A::DropUnsafe},
    {"--output=", F::Joined, A::DropUnsafe}, {"--output", F::Separate, A::DropUnsafe},
    {"-save-temps", F::Joined, A::DropUnsafe}, {"--save-temps", F::Joined, A::DropUnsafe},
    {"-ftime-trace", F::Joined, A::DropUnsafe},
    {"--serialize-diagnostics", F::Separate, A::DropUnsafe},
    {"-serialize-diagnostics", F::Separate, A::DropUnsafe},
    {"-fcrash-diagnostics", F::Joined, A::DropUnsafe},
    {"-gen-reproducer", F::Joined, A::DropUnsafe},
    {"-gen-cdb-fragment-path", F::Separate, A::DropUnsafe},
    {"-module-dependency-dir", F::Separate, A::DropUnsafe},
    {"-dependency-file", F::Separate, A::DropUnsafe},
    {"-dependency-dot", F::Separate, A::DropUnsafe},
    {"-header-include-file", F::Separate, A::DropUnsafe}, {"-fmodule", F::Joined, A::DropUnsafe},
    {"-fmodules-user-build-path", F::Separate, A::DropUnsafe},
    {"-fmodule-name", F::Separate, A::DropUnsafe},
    {"-fmodule-implementation-of", F::Separate, A::DropUnsafe},
    {"-fimplicit-module", F::Joined, A::DropUnsafe},
    {"-fprebuilt-module", F::Joined, A::DropUnsafe}, {"-fprofile", F::Joined, A::DropUnsafe},
    {"-fcs-profile", F::Joined, A::DropUnsafe}, {"-fcoverage", F::Joined, A::DropUnsafe},
    {"-fsave-optimization-record", F::Joined, A::DropUnsafe},
    {"-foptimization-record", F::Joined, A::DropUnsafe},
    {"-fproc-stat-report", F::Joined, A::DropUnsafe}, {"-fbuild-session", F::Joined, A::DropUnsafe},
    {"-fdepfile-entry", F::Joined, A::DropUnsafe}, {"-emit-ast", F::Flag, A::DropUnsafe},
    {"--analyze", F::Flag, A::DropUnsafe},
    // Load code or pass words on to other tools unchecked.
    {"-X", F::PrefixSeparate, A::DropUnsafe}, {"-X", F::Flag, A::Drop},
    {"-Wp,", F::Joined, A::DropUnsafe}, {"-Wa,", F::Joined, A::DropUnsafe},
    {"-Wl,", F::Joined, A::DropUnsafe}, {"-fplugin", F::Joined, A::DropUnsafe},
    {"-fpass-plugin", F::Joined, A::DropUnsafe}, {"-load", F::Separate, A::DropUnsafe},
    {"-mllvm", F::Separate, A::DropUnsafe}, {"-mlink-", F::Joined, A::DropUnsafe},
    {"-include-pch", F::Separate, A::DropUnsafe}, {"-cc1", F::Joined, A::DropUnsafe},
    // Change directories, the toolchain or the file system clang sees.
    {"-working-directory", F::JoinedOrSeparate, A::DropUnsafe},
    {"-working-directory=", F::Joined, A::DropUnsafe},
    {"-ivfsoverlay", F::JoinedOrSeparate, A::DropUnsafe},
    {"-B", F::JoinedOrSeparate, A::DropUnsafe}, {"--prefix=", F::Joined, A::DropUnsafe},
    {"--prefix", F::Separate, A::DropUnsafe}, {"--gcc-toolchain=", F::Joined, A::DropUnsafe},
    {"-gcc-toolchain", F::Separate, A::DropUnsafe}, {"--config", F::Separate, A::DropUnsafe},
    {"--config=", F::Joined, A::DropUnsafe}, {"-resource-dir", F::Separate, A::DropUnsafe},
    {"-resource-dir=", F::Joined, A::DropUnsafe}, {"-ccc-", F::Joined, A::DropUnsafe},
    {"-ccc-install-dir", F::Separate, A::DropUnsafe}, {"-ccc-gcc-name", F::Separate, A::DropUnsafe},
    // Not needed to parse, but with a separate argument that goes with them.
    {"-iprefix", F::JoinedOrSeparate, A::Drop}, {"-iwithprefix", F::JoinedOrSeparate, A::Drop},
    {"-iwithprefixbefore", F::JoinedOrSeparate, A::Drop},
    {"-iwithsysroot", F::JoinedOrSeparate, A::Drop}, {"-iframework", F::JoinedOrSeparate, A::Drop},
    {"-iframeworkwithsysroot", F::JoinedOrSeparate, A::Drop},
    {"-imultilib", F::JoinedOrSeparate, A::Drop}, {"-isystem-after", F::JoinedOrSeparate, A::Drop},
    {"-cxx-isystem", F::JoinedOrSeparate, A::Drop}, {"-L", F::JoinedOrSeparate, A::Drop},
    {"-l", F::JoinedOrSeparate, A::Drop}, {"-T", F::JoinedOrSeparate, A::Drop},
    {"-u", F::JoinedOrSeparate, A::Drop}, {"-e", F::JoinedOrSeparate, A::Drop},
    {"-F", F::JoinedOrSeparate, A::Drop}, {"-A", F::JoinedOrSeparate, A::Drop},
    {"-z", F::Separate, A::Drop}, {"-rpath", F::Separate, A::Drop},
    {"-arch", F::Separate, A::Drop}, {"-framework", F::Separate, A::Drop},
    {"--param", F::Separate, A::Drop}, {"-install_name", F::Separate, A::Drop},
    {"-dumpdir", F::Separate, A::Drop}, {"-dumpbase", F::Separate, A::Drop},
    {"-ftrapv-handler", F::Separate, A::Drop}, {"-mthread-model", F::Separate, A::Drop},
    {"-meabi", F::Separate, A::Drop}, {"-multiply_defined", F::Separate, A::Drop},
    {"-multiply_defined_unused", F::Separate, A::Drop}, {"--include-barrier", F::Flag, A::Drop},
    {"--include-prefix", F::Separate, A::Drop}, {"--include-prefix=", F::Joined, A::Drop},
    {"--include-with-prefix", F::Separate, A::Drop}, {"--include-with-prefix=", F::Joined, A::Drop},
    {"--include-with-prefix-after", F::Separate, A::Drop},
    {"--include-with-prefix-after=", F::Joined, A::Drop},
    {"--include-with-prefix-before", F::Separate, A::Drop},
    {"--include-with-prefix-before=", F::Joined, A::Drop}, {"-module", F::Joined, A::Drop},
    {"-specs", F::Separate, A::Drop}, {"--specs", F::Separate, A::Drop},
};
// clang-format on

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool rule_matches(const Rule& rule, std::string_view word) {
  switch (rule.form) {
    case Form::Flag:
    case Form::Separate:
      return word == rule.name;
    case Form::Joined:
    case Form::JoinedOrSeparate:
    case Form::PrefixSeparate:
      return starts_with(word, rule.name) &&
             !(rule.form == Form::PrefixSeparate && word == rule.name);
  }
  return false;
}

template <size_t N>
bool one_of(std::string_view value, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

bool only_chars(std::string_view text, std::string_view extra) {
  return std::all_of(text.begin(), text.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || extra.find(c) != std::string_view::npos;
  });
}

// -f options that change the language clang parses (or the macros it predefines).
constexpr std::string_view kLanguageOptions[]{"exceptions",
                                              "cxx-exceptions",
                                              "objc-exceptions",
                                              "rtti",
                                              "rtti-data",
                                              "ms-extensions",
                                              "ms-compatibility",
                                              "ms-volatile",
                                              "delayed-template-parsing",
                                              "blocks",
                                              "objc-arc",
                                              "objc-arc-exceptions",
                                              "objc-weak",
                                              "signed-char",
                                              "unsigned-char",
                                              "char8_t",
                                              "gnu-keywords",
                                              "gnu89-inline",
                                              "gnu-inline-asm",
                                              "asm",
                                              "builtin",
                                              "freestanding",
                                              "short-enums",
                                              "short-wchar",
                                              "threadsafe-statics",
                                              "trigraphs",
                                              "dollars-in-identifiers",
                                              "declspec",
                                              "borland-extensions",
                                              "coroutines-ts",
                                              "sized-deallocation",
                                              "aligned-allocation",
                                              "access-control",
                                              "elide-constructors",
                                              "operator-names",
                                              "strict-enums",
                                              "openmp",
                                              "openmp-simd",
                                              "PIC",
                                              "pic",
                                              "PIE",
                                              "pie",
                                              "fast-math",
                                              "finite-math-only",
                                              "strict-aliasing",
                                              "wrapv",
                                              "trapv",
                                              "digraphs",
                                              "double-square-bracket-attributes",
                                              "gnu-runtime",
                                              "next-runtime",
                                              "pascal-strings",
                                              "unsigned-bitfields",
                                              "signed-bitfields",
                                              "relaxed-template-template-args",
                                              "zvector",
                                              "altivec",
                                              "syntax-only",
                                              "common",
                                              "visibility-inlines-hidden",
                                              "stack-protector",
                                              "stack-protector-strong",
                                              "stack-protector-all",
                                              "math-errno"};
// -f options with a value ("-fvisibility=hidden"). Not the nesting limits (-fbracket-depth,
// -ftemplate-depth, -fconstexpr-depth): raised, they let crafted code overflow clang's stack.
constexpr std::string_view kLanguageValueOptions[]{"visibility",    "ms-compatibility-version",
                                                   "msc-version",   "openmp-version",
                                                   "objc-runtime",  "input-charset",
                                                   "exec-charset",  "lax-vector-conversions",
                                                   "ms-runtime-lib"};
constexpr std::string_view kDebugFlags[]{"-g",
                                         "-g0",
                                         "-g1",
                                         "-g2",
                                         "-g3",
                                         "-ggdb",
                                         "-ggdb0",
                                         "-ggdb1",
                                         "-ggdb2",
                                         "-ggdb3",
                                         "-gdwarf",
                                         "-gdwarf-2",
                                         "-gdwarf-3",
                                         "-gdwarf-4",
                                         "-gdwarf-5",
                                         "-gline-tables-only",
                                         "-gline-directives-only",
                                         "-gcolumn-info",
                                         "-gno-column-info",
                                         "-gfull",
                                         "-gused",
                                         "-gstrict-dwarf",
                                         "-gno-strict-dwarf",
                                         "-gcodeview"};
constexpr std::string_view kLanguages[]{"c",
                                        "c++",
                                        "objective-c",
                                        "objective-c++",
                                        "c-header",
                                        "c++-header",
                                        "objective-c-header",
                                        "objective-c++-header",
                                        "cuda",
                                        "c++-system-header",
                                        "c++-user-header",
                                        "none"};

bool language_option_allowed(std::string_view value) {
  const size_t equals = value.find('=');
  if (equals == std::string_view::npos) {
    if (starts_with(value, "no-")) value.remove_prefix(3);
    return one_of(value, kLanguageOptions);
  }
  return one_of(value.substr(0, equals), kLanguageValueOptions) &&
         only_chars(value.substr(equals + 1), "-_.+,");
}

}  // namespace

FlagMatch match_flag(std::string_view word) {
  const Rule* best = nullptr;
  for (const Rule& rule : kRules) {
    if (!rule_matches(rule, word)) continue;
    // The longest name wins; at equal length, an exact spelling beats a prefix ("-X" alone).
    const bool exact = rule.form == Form::Flag || rule.form == Form::Separate;
    if (!best || rule.name.size() > best->name.size() ||
        (rule.name.size() == best->name.size() && exact)) {
      best = &rule;
    }
  }
  FlagMatch match;
  if (!best) return match;
  match.name = best->name;
  match.action = best->action;
  // "-Xclang" is all name; for the others the rest of the word is a value.
  match.joined_value = best->form != Form::PrefixSeparate && word.size() > best->name.size();
  match.separate_argument = best->form == Form::Separate || best->form == Form::PrefixSeparate ||
                            (best->form == Form::JoinedOrSeparate && !match.joined_value);
  const char last = best->name.back();
  match.value_is_argument = best->form == Form::JoinedOrSeparate || best->form == Form::Separate ||
                            last == '=' || last == ',';
  return match;
}

bool flag_value_allowed(const FlagMatch& match, std::string_view word, std::string_view value) {
  const std::string_view name = match.name;
  if (name == "-x") return one_of(value, kLanguages);
  if (name == "--driver-mode=") return value == "gcc" || value == "g++";
  if (name == "-stdlib=" || name == "--stdlib=" || name == "--stdlib") {
    return value == "libc++" || value == "libstdc++" || value == "platform";
  }
  if (name == "-W") return only_chars(value, "-_=+.#");  // no "-Wx,..." passing words on
  if (name == "-O")
    return value.empty() || value == "s" || value == "z" || value == "g" || value == "fast" ||
           (value.size() == 1 && std::isdigit(static_cast<unsigned char>(value[0])));
  if (name == "-g") return one_of(word, kDebugFlags);
  if (name == "-m")
    return !value.empty() && std::isalnum(static_cast<unsigned char>(value[0])) &&
           only_chars(value, "-_.=,+:");
  if (name == "-f") return language_option_allowed(value);
  return false;
}

}  // namespace scopelint::extract

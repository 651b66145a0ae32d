// The allow-list for repository compile flags: what it keeps and drops, response files, forced
// includes, the -v summary, and (from clang's own option table) that every flag it keeps takes the
// same number of argument words as in clang.
#include "extract/driver/compile_flags_filter.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "extract/driver/compile_flag_rules.h"
#include "test_support.h"
#include "util/bounded_input.h"
#include "util/project_root.h"

namespace scopelint::extract {
namespace {

using test::TempDir;
using Words = std::vector<std::string>;

// The words of `text`, split at spaces.
Words split(const std::string& text) {
  Words words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

struct Filtered {
  Words kept;
  DroppedFlags dropped;
};

Filtered run_filter(const Words& args, const FlagPolicy& policy) {
  ResponseFiles responses;
  Filtered result;
  result.kept = flatten(filter_compile_flags(args, policy, responses, result.dropped));
  return result;
}

class CompileFlagsFilterTest : public ::testing::Test {
 protected:
  CompileFlagsFilterTest() {
    policy_.working_dir = canonical_path(project_.path());
    policy_.readable_roots = {canonical_path(project_.path())};
    policy_.system_roots = {canonical_path("/usr/include")};
  }
  Words kept(const Words& args) const { return run_filter(args, policy_).kept; }

  TempDir project_, outside_;
  FlagPolicy policy_;
};

TEST_F(CompileFlagsFilterTest, KeepsWhatChangesHowCodeParses) {
  const Words flags = split(
      "-Iinc -I inc2 -isystem /opt/x/include -iquote q -idirafter after -DA=1 -D B -UC "
      "-std=c++17 -xc++ -x c --target=x86_64-linux-gnu -target aarch64-linux-gnu "
      "--sysroot=/opt/sysroot -isysroot /sdk -nostdinc -nostdinc++ -nostdlibinc -stdlib=libc++ "
      "--driver-mode=g++ -pthread -Wall -Wno-unused-variable -Werror=format -w -pedantic -O2 -Os "
      "-g -g3 -march=x86-64-v2 -m64 -mno-avx -fexceptions -fno-rtti -fms-extensions -fblocks "
      "-fobjc-arc -funsigned-char -fno-signed-char -fms-compatibility-version=19 "
      "-fvisibility=hidden -fPIC");
  EXPECT_EQ(kept(flags), flags);
}

TEST_F(CompileFlagsFilterTest, DropsWhatWritesLoadsOrChangesDirectoriesWithItsArgument) {
  const Words attacks = split(
      "-MD -MMD -MF /home/x/.bashrc -MT $(shell;text) -MQ q -MFdep.d -MJ /tmp/out.json -MJ/tmp/j "
      "-o out.o -o/tmp/o --output=/tmp/o -Xclang -dependency-file -Xclang /tmp/dep -Xclang "
      "-header-include-file -Xclang /tmp/h -Xclang -dependency-dot -Xclang /tmp/d -Xclang "
      "-module-dependency-dir -Xclang /tmp/m -Xclang -load -Xclang evil.so -fplugin=evil.so "
      "-fpass-plugin=evil.so -fmodules -fmodules-cache-path=/tmp/mc -fprofile-generate=/tmp/p "
      "-fcrash-diagnostics-dir=/tmp/c -ftime-trace -ftime-trace-granularity=1 -save-temps "
      "-save-temps=obj -working-directory /tmp -working-directory=/tmp -Xpreprocessor -MD "
      "-Wp,-MD,/tmp/x -Wa,-adhln=/tmp/a -Wl,-Map=/tmp/m -Xlinker -Map -Xassembler x -load "
      "evil.so -mllvm -debug-pass --serialize-diagnostics /tmp/d -ivfsoverlay /tmp/v.yaml -B "
      "/tmp/bin -B/tmp/bin --gcc-toolchain=/tmp/gcc -gcc-toolchain /tmp/gcc --config /tmp/cfg "
      "-resource-dir /tmp/r -gen-cdb-fragment-path /tmp/f -include-pch x.pch -emit-ast --analyze");
  EXPECT_EQ(kept(attacks), Words{});
  // Kept flags around them stay, in order, and none swallows a dropped word.
  EXPECT_EQ(kept({"-DA", "-MF", "-DB", "-DC", "-Xclang", "-load", "-DD"}),
            (Words{"-DA", "-DC", "-DD"}));
}

TEST_F(CompileFlagsFilterTest, DropsFlagsItDoesNotKnowAloneAndKeepsInputs) {
  // Raised nesting limits would let crafted code overflow clang's stack.
  EXPECT_EQ(kept({"-fbracket-depth=20000", "-ftemplate-depth=100000", "-fconstexpr-depth=100000"}),
            Words{});
  EXPECT_EQ(kept({"-c", "-fcolor-diagnostics", "-fsanitize=address", "a.cpp", "-Wx,y", "-mllvm",
                  "-x", "-g7", "-x", "assembler", "--driver-mode=cl", "-stdlib=../evil",
                  "-fno-visibility=x", "", "-"}),
            (Words{"a.cpp"}));
  // After "--" everything is an input, even what looks like a flag.
  EXPECT_EQ(kept({"-DA", "--", "-MD", "b.c"}), (Words{"-DA", "-MD", "b.c"}));
  ResponseFiles responses;
  DroppedFlags dropped;
  const auto arguments = filter_compile_flags({"-DA", "--", "-MD"}, policy_, responses, dropped);
  ASSERT_EQ(arguments.size(), 2u);
  EXPECT_FALSE(arguments[0].input);
  EXPECT_TRUE(arguments[1].input);
}

TEST_F(CompileFlagsFilterTest, ForcedIncludesOnlyFromTheProjectOrSystemHeaders) {
  project_.write("inc/config.h", "#define X 1\n");
  project_.write("prefix.h", "\n");
  const std::string secret = outside_.write("secret.h", "\n");
  // Kept in the frontend's form, which never swaps in a precompiled prefix.h.pch/.gch.
  EXPECT_EQ(kept({"-include", "prefix.h"}), (Words{"-Xclang", "-include", "-Xclang", "prefix.h"}));
  EXPECT_EQ(kept({"-Iinc", "-include", "config.h"}), (Words{"-Iinc", "-Xclang", "-include", "-Xclang", "config.h"}));
  EXPECT_EQ(kept({"-imacros", project_.path() + "/prefix.h"}),
            (Words{"-Xclang", "-imacros", "-Xclang", project_.path() + "/prefix.h"}));
  EXPECT_EQ(kept({"-include", "/usr/include/stdio.h"}),
            (Words{"-Xclang", "-include", "-Xclang", "/usr/include/stdio.h"}));
  EXPECT_EQ(kept({"--include=prefix.h"}), (Words{"-Xclang", "-include", "-Xclang", "prefix.h"}));
  EXPECT_EQ(kept({"-include", secret, "-include" + secret, "-I" + outside_.path(), "-include",
                  "secret.h"}),
            (Words{"-I" + outside_.path()}));
  EXPECT_EQ(kept({"-include", "../" + std::filesystem::path(outside_.path()).filename().string() +
                                  "/secret.h"}),
            Words{});
  // A symlink inside the project to a file outside is outside.
  std::filesystem::create_symlink(secret, project_.path() + "/link.h");
  EXPECT_EQ(kept({"-include", "link.h", "-include", "missing.h"}), Words{});
  // CMake's precompiled header with clang: the -include-pch goes, the -include stays.
  EXPECT_EQ(kept({"-Xclang", "-include-pch", "-Xclang", "x.pch", "-Xclang", "-include", "-Xclang",
                  "prefix.h"}),
            (Words{"-Xclang", "-include", "-Xclang", "prefix.h"}));
  EXPECT_EQ(kept({"-Xclang", "-include", "-Xclang", secret}), Words{});
}

TEST_F(CompileFlagsFilterTest, ResponseFilesInsideTheProjectAreExpandedAndFiltered) {
  project_.write("flags.rsp",
                 "-DFROM_FILE \"-DQUOTED=a b\" -MD -MF /home/x/.bashrc\n@nested.rsp -I'inc dir'");
  project_.write("nested.rsp", "-DNESTED\t-Xclang -load -Xclang evil.so\n");
  EXPECT_EQ(kept({"-DA", "@flags.rsp", "-DB"}),
            (Words{"-DA", "-DFROM_FILE", "-DQUOTED=a b", "-DNESTED", "-Iinc dir", "-DB"}));
  EXPECT_EQ(kept({"@" + project_.path() + "/nested.rsp"}), Words{"-DNESTED"});
}

TEST_F(CompileFlagsFilterTest, OtherResponseFilesAreDropped) {
  const std::string outside = outside_.write("out.rsp", "-DOUTSIDE\n");
  project_.write("self.rsp", "-DSELF @self.rsp\n");
  std::filesystem::create_symlink(outside, project_.path() + "/link.rsp");
  ::mkfifo((project_.path() + "/fifo.rsp").c_str(), 0600);
  project_.write("big.rsp", std::string(kMaxFlagsBytes + 1, ' '));
  EXPECT_EQ(
      kept({"@" + outside, "@link.rsp", "@fifo.rsp", "@big.rsp", "@missing.rsp", "@/dev/zero"}),
      Words{});
  // Nested too deep: the recursion stops with the file read kMaxResponseFileDepth times.
  EXPECT_EQ(kept({"@self.rsp"}), Words(kMaxResponseFileDepth, "-DSELF"));
  // A kept flag whose argument is a dropped response file goes with it.
  EXPECT_EQ(kept({"-I", "@" + outside, "-DAFTER"}), Words{"-DAFTER"});
}

TEST_F(CompileFlagsFilterTest, ResponseFilesAreReadWithinOneBudgetPerCommand) {
  project_.write("half.rsp", "-DHALF " + std::string(kMaxFlagsBytes / 2 - 100, ' '));
  EXPECT_EQ(kept({"@half.rsp", "@half.rsp", "@half.rsp"}), (Words{"-DHALF", "-DHALF"}));
}

TEST_F(CompileFlagsFilterTest, SummaryNamesEachDroppedFlagOnceWithoutItsArgument) {
  Filtered first = run_filter({"-MD", "-MF", "/home/x/.bashrc", "-Xclang", "-load", "-Xclang",
                               "evil.so", "-c", "-MD", "-fplugin=/x/evil.so"},
                              policy_);
  EXPECT_EQ(
      first.dropped.summary("compile_commands.json"),
      "compile_commands.json: ignored 5 flags that write files, load code, change directories "
      "or name files outside the project: -MD, -MF <arg>, -Xclang -load, -Xclang <arg>, "
      "-fplugin=<arg>; and 1 that scopelint does not need to parse code: -c");
  EXPECT_EQ(first.dropped.summary("x").find(".bashrc"), std::string::npos);
  EXPECT_EQ(run_filter({"-c"}, policy_).dropped.summary("f"),
            "f: ignored 1 flag that scopelint does not need to parse code: -c");
  EXPECT_EQ(run_filter({"-DA"}, policy_).dropped.summary("f"), "");
}

// clang 14's driver option table: every spelling the driver accepts, with its kind.
struct ClangOption {
  std::string spelling;
  std::string kind;
  unsigned params = 0;
};

// The fields of "OPTION(a, &"-x,y"[1], ..." up to the closing parenthesis or line end, quotes kept.
std::vector<std::string> macro_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = line.find('(') + 1; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && line[i - 1] != '\\') quoted = !quoted;
    if (!quoted && c == ',') {
      fields.emplace_back();
      continue;
    }
    if (!quoted && c == ' ' && fields.back().empty()) continue;
    fields.back() += c;
  }
  return fields;
}

std::vector<ClangOption> clang_driver_options(const std::string& inc) {
  std::ifstream in(inc);
  std::map<std::string, std::vector<std::string>> prefixes;
  std::vector<ClangOption> options;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("PREFIX(", 0) == 0) {
      const std::string id = line.substr(7, line.find(',') - 7);
      for (size_t at = line.find('"'); at != std::string::npos;
           at = line.find('"', line.find('"', at + 1) + 1)) {
        prefixes[id].push_back(line.substr(at + 1, line.find('"', at + 1) - at - 1));
      }
      continue;
    }
    if (line.rfind("OPTION(", 0) != 0) continue;
    const std::vector<std::string> f =
        macro_fields(line);  // prefix, name, id, kind, group, alias, args, flags, param
    if (f.size() < 9 || f[1].rfind("&\"", 0) != 0) continue;
    const bool cl_only =
        f[7].find("CLOption") != std::string::npos && f[7].find("CoreOption") == std::string::npos;
    if (f[7].find("NoDriverOption") != std::string::npos || cl_only) continue;
    const size_t close = f[1].rfind('"');
    const std::string name = f[1].substr(2, close - 2).substr(std::stoul(f[1].substr(close + 2)));
    for (const auto& prefix : prefixes[f[0]])
      options.push_back({prefix + name, f[3], static_cast<unsigned>(std::stoul(f[8]))});
  }
  return options;
}

// How many argument words clang's driver takes after `word` (its longest valid match); -1: unknown.
int clang_arity(const std::vector<ClangOption>& options, const std::string& word) {
  const ClangOption* best = nullptr;
  for (const auto& option : options) {
    if (word.compare(0, option.spelling.size(), option.spelling) != 0) continue;
    const bool exact_only = option.kind == "Flag" || option.kind == "Separate" ||
                            option.kind == "MultiArg" || option.kind == "RemainingArgs";
    if (exact_only && word != option.spelling) continue;
    if (option.kind == "Group" || option.kind == "Input" || option.kind == "Unknown") continue;
    if (!best || option.spelling.size() > best->spelling.size()) best = &option;
  }
  if (!best) return -1;
  const std::string& kind = best->kind;
  if (kind == "Separate" || kind == "JoinedAndSeparate") return 1;
  if (kind == "JoinedOrSeparate") return word == best->spelling ? 1 : 0;
  if (kind == "MultiArg") return static_cast<int>(best->params);
  if (kind == "RemainingArgs" || kind == "RemainingArgsJoined") return 99;
  return 0;
}

bool filter_may_keep(const FlagMatch& match, const std::string& word) {
  switch (match.action) {
    case FlagAction::Keep:
    case FlagAction::KeepInclude:
      return true;
    case FlagAction::KeepChecked:
      if (match.separate_argument) {
        for (const char* value : {"c++", "g++", "libc++"}) {
          if (flag_value_allowed(match, word, value)) return true;
        }
        return false;
      }
      return flag_value_allowed(match, word, std::string_view(word).substr(match.name.size()));
    default:
      return false;
  }
}

TEST(CompileFlagRules, EveryKeptFlagTakesAsManyArgumentWordsAsInClang) {
  const std::string inc = std::string(SCOPELINT_LIBCLANG_INCLUDE_DIR) + "/clang/Driver/Options.inc";
  if (!std::filesystem::exists(inc)) GTEST_SKIP() << "no " << inc;
  const std::vector<ClangOption> options = clang_driver_options(inc);
  ASSERT_GT(options.size(), 2000u);
  unsigned checked = 0;
  for (const auto& option : options) {
    for (const std::string& word :
         {option.spelling, option.spelling + "v", option.spelling + "=v"}) {
      const FlagMatch match = match_flag(word);
      if (!filter_may_keep(match, word)) continue;
      ++checked;
      const int expected =
          std::max(0, clang_arity(options, word));  // an unknown flag takes no argument
      EXPECT_EQ(match.separate_argument ? 1 : 0, expected)
          << word << " (clang: " << option.kind << ")";
    }
  }
  EXPECT_GT(checked, 200u);
}

TEST(CompileFlagRules, NoClangFlagThatWritesLoadsOrMovesIsKept) {
  const std::string inc = std::string(SCOPELINT_LIBCLANG_INCLUDE_DIR) + "/clang/Driver/Options.inc";
  if (!std::filesystem::exists(inc)) GTEST_SKIP() << "no " << inc;
  const std::regex dangerous(
      "^(-M.*|-o.*|--output.*|-X.*|-W[apl],.*|-fplugin.*|-fpass-plugin.*|-load|-mllvm|"
      "-working-directory.*|-fmodule.*|-fprofile.*|-fcrash.*|-ftime-trace.*|-save-temps.*|"
      "--save-temps.*|.*serialize-diagnostics.*|-ivfsoverlay.*|-B.*|--prefix.*|.*gcc-toolchain.*|"
      "--config.*|-resource-dir.*|-gen-.*|.*dependency.*|-include-pch|-emit-.*|--analyze.*|"
      "-fsave-optimization-record.*|-foptimization-record.*|-fproc-stat.*|-fcs-profile.*|"
      "-fcoverage.*)$");
  for (const auto& option : clang_driver_options(inc)) {
    for (const std::string& word : {option.spelling, option.spelling + "v"}) {
      if (!std::regex_match(word, dangerous)) continue;
      EXPECT_FALSE(filter_may_keep(match_flag(word), word)) << word;
    }
  }
}

}  // namespace
}  // namespace scopelint::extract

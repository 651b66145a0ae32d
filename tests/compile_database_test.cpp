// Reading compile databases without libclang: "command" splitting, response file splitting, entry
// lookup and the commands borrowed for unlisted files, each checked against what libclang 14's own
// compilation database returns for the same file.
#include "extract/driver/compile_database.h"

#include <clang-c/CXCompilationDatabase.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extract/driver/command_interpolation.h"
#include "extract/driver/command_line.h"
#include "extract/driver/compile_commands.h"
#include "test_support.h"
#include "util/project_root.h"

namespace scopelint::extract {
namespace {

using test::TempDir;
using Words = std::vector<std::string>;
using nlohmann::json;

std::string text_of(CXString s) {
  std::string text = clang_getCString(s) ? clang_getCString(s) : "";
  clang_disposeString(s);
  return text;
}

// What libclang's compilation database in `dir` gives for `file`: the first command's arguments.
Words libclang_arguments(const std::string& dir, const std::string& file) {
  CXCompilationDatabase_Error error = CXCompilationDatabase_NoError;
  CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir.c_str(), &error);
  if (!db) return {"<no database>"};
  CXCompileCommands commands = clang_CompilationDatabase_getCompileCommands(db, file.c_str());
  Words words;
  if (clang_CompileCommands_getSize(commands) > 0) {
    CXCompileCommand command = clang_CompileCommands_getCommand(commands, 0);
    for (unsigned i = 0; i < clang_CompileCommand_getNumArgs(command); ++i) {
      words.push_back(text_of(clang_CompileCommand_getArg(command, i)));
    }
  }
  clang_CompileCommands_dispose(commands);
  clang_CompilationDatabase_dispose(db);
  return words;
}

FlagPolicy policy_for(const TempDir& dir) {
  FlagPolicy policy;
  policy.readable_roots = {canonical_path(dir.path())};
  return policy;
}

TEST(CommandLine, DatabaseCommandsSplitAsLibclangSplitsThem) {
  const Words commands{
      R"(clang -DA="x y" -I'inc dir' a\ b "q\"uote" 'single\x' tail\\ x.c)",
      "clang  -DA   -DB x.c",
      "clang \"\" '' x.c",
      "clang -DTAB\there x.c",
      "clang -D\"A\"'B'C x.c",
      "clang x.c \"unterminated",
      "clang x.c 'unterminated",
      "clang x.c trailing\\",
      "clang x.c -DEND\\ ",
      "clang x.c \"-DQ=\\\\\"",
  };
  for (const auto& command : commands) {
    TempDir dir;
    dir.write(
        "compile_commands.json",
        json::array({{{"directory", dir.path()}, {"file", "x.c"}, {"command", command}}}).dump());
    EXPECT_EQ(split_database_command(command), libclang_arguments(dir.path(), dir.path() + "/x.c"))
        << command;
  }
}

TEST(CommandLine, ResponseFilesSplitLikeGnuCommandLines) {
  EXPECT_EQ(split_response_file("\xEF\xBB\xBF-DA\t-DB\r\n  \"-DC=x y\" '-DD=\\'' a\\ b \"\" -DE"),
            (Words{"-DA", "-DB", "-DC=x y", "-DD='", "a b", "-DE"}));
  EXPECT_EQ(split_response_file("\"unterminated"), Words{"unterminated"});
  EXPECT_EQ(split_response_file("x\\"), Words{"x\\"});
  EXPECT_EQ(split_response_file(""), Words{});
}

class CompileDatabaseTest : public ::testing::Test {
 protected:
  void write_database(const json& entries) { dir_.write("compile_commands.json", entries.dump()); }
  CompileDatabase load() { return load_compile_database(dir_.path(), policy_for(dir_)); }
  std::string path(const std::string& name) const { return dir_.path() + "/" + name; }
  TempDir dir_;
};

TEST_F(CompileDatabaseTest, EntriesAreFoundByPathAndTheirFlagsFiltered) {
  dir_.write("flags.rsp", "-DFROM_RSP -MD\n");
  write_database(json::array(
      {{{"directory", dir_.path()},
        {"file", "src/a.cpp"},
        {"arguments",
         {"ccache", "g++", "-DA", "-MF", "/tmp/x", "@flags.rsp", "-c", "src/a.cpp", "other.o"}}},
       {{"directory", "build"}, {"file", "../src/b.c"}, {"command", "cc -DB -o b.o -c ../src/b.c"}},
       {{"directory", dir_.path()},
        {"file", "src/a.cpp"},
        {"command", "c++ -DSECOND src/a.cpp"}}}));
  const CompileDatabase database = load();
  EXPECT_EQ(database.problem, "");
  ASSERT_EQ(database.commands.size(), 3u);
  CommandLookup lookup(database);
  const auto a = lookup.find(path("src/a.cpp"));
  ASSERT_NE(a.command, nullptr);
  EXPECT_FALSE(a.interpolated);
  EXPECT_EQ(a.command->compiler, "g++");  // the ccache wrapper is unwrapped
  EXPECT_EQ(flatten(a.command->arguments), (Words{"-DA", "-DFROM_RSP", "src/a.cpp"}));
  const auto b = lookup.find(path("src/b.c"));
  ASSERT_NE(b.command, nullptr);
  EXPECT_EQ(b.command->directory, path("build"));  // relative to the database's folder
  EXPECT_EQ(flatten(b.command->arguments), (Words{"-DB", "../src/b.c"}));
  EXPECT_EQ(database.dropped.summary("db"),
            "db: ignored 3 flags that write files, load code, change directories or name files "
            "outside the project: -MF <arg>, -MD, -o <arg>; and 1 that scopelint does not need to "
            "parse code: -c");
}

TEST_F(CompileDatabaseTest, SymlinkedPathsFindTheirEntry) {
  dir_.write("src/a.cpp", "int a;\n");
  write_database(json::array({{{"directory", dir_.path()},
                               {"file", "src/a.cpp"},
                               {"arguments", {"c++", "-DA", "src/a.cpp"}}}}));
  std::filesystem::create_directory_symlink(path("src"), path("alias"));
  const CompileDatabase database = load();
  CommandLookup lookup(database);
  const auto found = lookup.find(path("alias/a.cpp"));
  ASSERT_NE(found.command, nullptr);
  EXPECT_FALSE(found.interpolated);
}

TEST_F(CompileDatabaseTest, UnlistedFilesBorrowTheCommandLibclangWouldBorrow) {
  write_database(json::array({
      {{"directory", dir_.path()},
       {"file", "src/net/client.cpp"},
       {"arguments", {"g++", "-std=gnu++1z", "-DCLIENT", "-Iinclude", "src/net/client.cpp"}}},
      {{"directory", dir_.path()},
       {"file", "src/net/client_test.cpp"},
       {"arguments", {"g++", "-x", "c++", "-std=c++14", "-DTEST", "src/net/client_test.cpp"}}},
      {{"directory", dir_.path()},
       {"file", "lib/util/strings.c"},
       {"arguments", {"cc", "-std=c11", "-DC_LIB", "lib/util/strings.c"}}},
      {{"directory", dir_.path() + "/lib"},
       {"file", "objc/view.m"},
       {"arguments", {"clang", "-fobjc-arc", "-DOBJC", "objc/view.m"}}},
      {{"directory", dir_.path()},
       {"file", "Tools/Gen.CPP"},
       {"arguments", {"clang++", "-DGEN", "--", "Tools/Gen.CPP"}}},
  }));
  const CompileDatabase database = load();
  CommandLookup lookup(database);
  for (const std::string name :
       {"src/net/client.h", "src/net/client.hpp", "src/net/other.cpp", "src/net/client_test.h",
        "lib/util/strings.h", "lib/util/new.c", "lib/objc/view.h", "lib/objc/other.m",
        "lib/objc/other.mm", "include/net/client.h", "elsewhere/x.h", "tools/gen.h", "Tools/Gen.h",
        "src/NET/Client.H", "noext/vector", "a.ii", "z/y/x/w/q.cc"}) {
    const std::string file = path(name);
    const auto found = lookup.find(file);
    ASSERT_NE(found.command, nullptr) << name;
    EXPECT_TRUE(found.interpolated) << name;
    Words ours = transfer_arguments(*found.command, file);
    ours.insert(ours.begin(), found.command->compiler);
    Words theirs = libclang_arguments(dir_.path(), file);
    // libclang's database adds the driver mode a "++" name implies; CompileCommands adds it too.
    theirs.erase(std::remove(theirs.begin(), theirs.end(), "--driver-mode=g++"), theirs.end());
    EXPECT_EQ(ours, theirs) << name;
  }
}

TEST_F(CompileDatabaseTest, CompileFlagsTxtIsOneFlagALine) {
  dir_.write("compile_flags.txt", "  -DA  \n\n-I\ninc dir\n-MD\r\n-MF\n/tmp/dep\n-Xclang\n-load\n");
  const CompileDatabase database = load();
  ASSERT_TRUE(database.fixed);
  CommandLookup lookup(database);
  const auto found = lookup.find(path("any/file.cpp"));
  ASSERT_NE(found.command, nullptr);
  EXPECT_EQ(flatten(found.command->arguments), (Words{"-DA", "-I", "inc dir"}));
  EXPECT_NE(database.dropped.summary("f").find("-MD, -MF <arg>, -Xclang -load"), std::string::npos);
}

TEST_F(CompileDatabaseTest, BrokenDatabasesAreNamedAndGiveNothing) {
  dir_.write("compile_commands.json", "[{\"directory\": 1}, ");
  EXPECT_EQ(
      load().problem.rfind(path("compile_commands.json") + ": invalid JSON at line 1, column ", 0),
      0u);
  dir_.write("compile_commands.json", "{}");
  EXPECT_EQ(load().problem, path("compile_commands.json") + ": not a JSON array of entries");
  std::filesystem::remove(path("compile_commands.json"));
  std::filesystem::create_symlink("/dev/zero", path("compile_commands.json"));
  const CompileDatabase zero = load();
  EXPECT_TRUE(zero.commands.empty());
  EXPECT_EQ(zero.problem, path("compile_commands.json") + ": cannot read file: not a regular file");
}

// Through CompileCommands: the policy it builds and the argv it makes.
TEST_F(CompileDatabaseTest,
       CommandsUseResponseFilesBesideTheDatabaseButNoCompilerInsideTheProject) {
  dir_.write("src/a.cpp", "int a;\n");
  dir_.write("src/a.h", "int b;\n");
  dir_.write("flags.rsp", "-DFROM_RSP\n");
  const std::string compiler = dir_.write("tools/clang++", "#!/bin/sh\n");
  std::filesystem::permissions(compiler, std::filesystem::perms::owner_exec,
                               std::filesystem::perm_options::add);
  write_database(
      json::array({{{"directory", dir_.path()},
                    {"file", "src/a.cpp"},
                    {"arguments", {"tools/clang++", "@flags.rsp", "-MD", "-c", "src/a.cpp"}}}}));
  ExtractOptions options;
  options.paths = {
      path("src")};  // no .git: the project root is src/, the database's folder is above it
  CompileCommands commands(options);
  EXPECT_EQ(commands.problem(), "");
  const ParseCommand source =
      commands.command_for({path("src/a.cpp"), SourceLanguage::Cxx, false}, {});
  EXPECT_EQ(source.argv.front(), default_compiler());
  EXPECT_EQ(source.origin, "compile database " + dir_.path());
  // The file stays where the entry has it; the flags scopelint adds go after.
  const Words expected_tail{"--driver-mode=g++", "-DFROM_RSP", path("src/a.cpp"),
                            "-Wno-unknown-warning-option", "-ferror-limit=0"};
  EXPECT_EQ(Words(source.argv.end() - 5, source.argv.end()), expected_tail);
  const ParseCommand header =
      commands.command_for({path("src/a.h"), SourceLanguage::Header, false}, {});
  EXPECT_EQ(header.origin, "compile database " + dir_.path() + ", interpolated from src/a.cpp");
  const Words header_tail{"--driver-mode=g++", "-DFROM_RSP", "-x", "c++-header", "-Wno-unknown-warning-option",
                          "-ferror-limit=0",   "--",         path("src/a.h")};
  EXPECT_EQ(Words(header.argv.end() - 8, header.argv.end()), header_tail);
}

// A unit with missing headers has an error at every use of their names: clang's default limit of 20
// would end the parse early. scopelint lifts it after the repository's flags, which cannot restore it.
TEST_F(CompileDatabaseTest, ErrorLimitIsLiftedAfterTheRepositoryFlags) {
  dir_.write("src/a.cpp", "int a;\n");
  write_database(json::array({{{"directory", dir_.path()},
                               {"file", "src/a.cpp"},
                               {"arguments", {"clang++", "-ferror-limit=3", "-c", "src/a.cpp"}}}}));
  ExtractOptions options;
  options.paths = {path("src")};
  CompileCommands commands(options);
  const Words argv = commands.command_for({path("src/a.cpp"), SourceLanguage::Cxx, false}, {}).argv;
  const auto last_limit = std::find_if(argv.rbegin(), argv.rend(), [](const std::string& arg) {
    return arg.rfind("-ferror-limit", 0) == 0;
  });
  ASSERT_NE(last_limit, argv.rend());
  EXPECT_EQ(*last_limit, "-ferror-limit=0");
  // Also without a database, with the flags given after "--".
  options.has_fixed_args = true;
  options.fixed_args = {"-std=c++17", "-ferror-limit=1"};
  CompileCommands fixed(options);
  const Words fixed_argv = fixed.command_for({path("src/a.cpp"), SourceLanguage::Cxx, false}, {}).argv;
  const auto theirs = std::find(fixed_argv.begin(), fixed_argv.end(), "-ferror-limit=1");
  const auto ours = std::find(fixed_argv.begin(), fixed_argv.end(), "-ferror-limit=0");
  ASSERT_NE(theirs, fixed_argv.end());
  EXPECT_TRUE(ours != fixed_argv.end() && ours > theirs);
}

}  // namespace
}  // namespace scopelint::extract

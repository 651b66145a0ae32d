// Compile database discovery (build/, out/, cmake-build-*/ like clangd; -p DIR with no paths), a
// -p DIR that does not exist, and what is said when a scan finds nothing to judge.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// The scope constant and the base URL live in the project header, found only through the
// database's -I: without the database the unit cannot be parsed and the missing scope is lost.
const char* kHeader = R"(// The Elation client settings.
#pragma once
namespace elation {
constexpr const char* kBase = "https://app.elationemr.com";
constexpr const char* kScopes = "system/patients.read";
}  // namespace elation
)";

const char* kMain = R"(// The sync job.
#include <httplib.h>
#include "elation_client.h"

int main() {
  httplib::Client cli(elation::kBase);
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", elation::kScopes}};
  auto token = cli.Post("/api/2.0/oauth2/token/", form);
  auto patient = cli.Get("/api/2.0/patients/1/");
  auto allergy = cli.Post("/api/2.0/allergies/", "{}", "application/json");
  return 0;
}
)";

const char* kMissing = "needs scope 'system/allergies.write', which no token request asks for";

// include/elation_client.h, src/main.cpp and `build_dir`/compile_commands.json under `root`.
void write_cmake_project(const TempDir& dir, const std::string& build_dir = "build",
                         const std::string& root = "") {
  const std::string base = dir.path() + (root.empty() ? "" : "/" + root);
  const std::string prefix = root.empty() ? "" : root + "/";
  dir.write(prefix + "include/elation_client.h", kHeader);
  dir.write(prefix + "src/main.cpp", kMain);
  dir.write(prefix + build_dir + "/compile_commands.json",
            "[{\"directory\": \"" + base + "/" + build_dir + "\", \"file\": \"" + base +
                "/src/main.cpp\", \"arguments\": [\"c++\", \"-std=c++17\", \"-I" + base +
                "/include\", \"-c\", \"" + base + "/src/main.cpp\"]}]\n");
}

TEST(DatabaseDiscovery, ScanOfTheProjectFindsBuildCompileCommands) {
  TempDir dir;
  write_cmake_project(dir);
  auto dot = run_scopelint({".", "--format=json"}, dir.path());
  EXPECT_EQ(dot.exit_code, 1) << dot.out << dot.err;
  EXPECT_NE(dot.out.find(kMissing), std::string::npos) << dot.out << dot.err;
  EXPECT_EQ(dot.out.find("scan-error"), std::string::npos) << dot.out;
  // The same findings whichever way the database is named.
  auto with_p = run_scopelint({"-p", "build", "--format=json"}, dir.path());
  EXPECT_EQ(with_p.exit_code, 1) << with_p.err;
  EXPECT_EQ(with_p.out, dot.out);
  auto with_p_src = run_scopelint({"-p", "build", "src/", "--format=json"}, dir.path());
  EXPECT_EQ(with_p_src.exit_code, 1) << with_p_src.err;
  EXPECT_EQ(with_p_src.out, dot.out);
}

TEST(DatabaseDiscovery, OutAndCmakeBuildDirectoriesToo) {
  for (const char* build : {"out", "cmake-build-debug"}) {
    TempDir dir;
    write_cmake_project(dir, build);
    auto result = run_scopelint({".", "--format=json"}, dir.path());
    EXPECT_NE(result.out.find(kMissing), std::string::npos) << build << result.out << result.err;
  }
  // cmake-build-*: the first in sorted order.
  TempDir dir;
  write_cmake_project(dir, "cmake-build-debug");
  dir.write("cmake-build-release/compile_commands.json", "not json\n");
  auto result = run_scopelint({".", "--format=json", "-v"}, dir.path());
  EXPECT_NE(result.out.find(kMissing), std::string::npos) << result.out << result.err;
  EXPECT_EQ(result.out.find("scan-error"), std::string::npos) << result.out;
}

TEST(DatabaseDiscovery, FromASubdirectoryTheBuildBesideTheProjectRootIsFound) {
  TempDir dir;
  write_cmake_project(dir, "build", "repo");
  fs::create_directory(dir.path() + "/repo/.git");
  auto result = run_scopelint({"src/main.cpp", "--format=json"}, dir.path() + "/repo");
  EXPECT_NE(result.out.find(kMissing), std::string::npos) << result.out << result.err;
}

TEST(DatabaseDiscovery, BuildDirectoriesAboveTheProjectRootAreNotSearched) {
  TempDir dir;
  write_cmake_project(dir, "build", "repo");
  // The database sits beside the directory above the git work tree: not the project's.
  fs::rename(dir.path() + "/repo/build", dir.path() + "/build");
  fs::create_directory(dir.path() + "/repo/.git");
  auto result = run_scopelint({".", "--format=json"}, dir.path() + "/repo");
  EXPECT_EQ(result.out.find(kMissing), std::string::npos) << result.out << result.err;
}

TEST(DatabaseDiscovery, ASymlinkedBuildDirectoryOutsideTheProjectIsNotUsed) {
  TempDir dir, outside;
  write_cmake_project(dir, "build");
  // The same database, but reached through a symlink leaving the project: ignored, since the
  // database's directory would become a root the repository's flags may read from.
  fs::rename(dir.path() + "/build", outside.path() + "/build");
  fs::create_directory_symlink(outside.path() + "/build", dir.path() + "/build");
  auto result = run_scopelint({".", "--format=json"}, dir.path());
  EXPECT_EQ(result.out.find(kMissing), std::string::npos) << result.out << result.err;
}

TEST(DatabaseDiscovery, DatabaseWithoutPathsScansOnlyItsEntriesInsideTheProject) {
  TempDir dir, outside;
  write_cmake_project(dir);
  const std::string foreign = outside.write("foreign.cpp", kMain);
  const std::string build = dir.path() + "/build";
  dir.write("build/compile_commands.json",
            "[{\"directory\": \"" + build + "\", \"file\": \"" + dir.path() +
                "/src/main.cpp\", \"arguments\": [\"c++\", \"-I" + dir.path() +
                "/include\", \"-c\", \"" + dir.path() + "/src/main.cpp\"]},\n"
                " {\"directory\": \"" + build + "\", \"file\": \"" + foreign +
                "\", \"arguments\": [\"c++\", \"-c\", \"" + foreign + "\"]}]\n");
  auto result = run_scopelint({"-p", "build", "--format=json"}, dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("src/main.cpp"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(kMissing), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("foreign.cpp"), std::string::npos) << result.out;
}

// CMake's precompiled headers with g++: every entry has -include cmake_pch.hxx, with GCC's
// cmake_pch.hxx.gch beside it. clang's driver would swap in that file as its own precompiled AST
// and fail on every unit; a .pch planted by the repository would be read as one.
TEST(DatabaseDiscovery, APrecompiledHeaderBesideAForcedIncludeIsNeverRead) {
  TempDir dir;
  write_cmake_project(dir);
  dir.write("build/cmake_pch.hxx", "#include <string>\n");
  dir.write("build/cmake_pch.hxx.gch", "gpch not an AST clang can read");
  dir.write("build/cmake_pch.hxx.pch", "CPCH not an AST either");
  const std::string base = dir.path();
  dir.write("build/compile_commands.json",
            "[{\"directory\": \"" + base + "/build\", \"file\": \"" + base +
                "/src/main.cpp\", \"arguments\": [\"c++\", \"-std=c++17\", \"-I" + base +
                "/include\", \"-Winvalid-pch\", \"-include\", \"" + base + "/build/cmake_pch.hxx\", \"-c\", \"" +
                base + "/src/main.cpp\"]}]\n");
  auto result = run_scopelint({".", "--no-source"}, dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find(kMissing), std::string::npos) << result.out << result.err;
  EXPECT_EQ(result.out.find("scan-error"), std::string::npos) << result.out;
}

// -p naming a directory that does not exist: a scan-error (exit 1), and nothing is created there.
TEST(MissingDatabaseDirectory, IsAScanErrorAndNothingIsCreated) {
  TempDir dir;
  dir.write("src/main.cpp", kMain);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"-p", "build", "src/"}, std::vector<std::string>{"-p", "build"}}) {
    auto result = run_scopelint(args, dir.path());
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("build: warning: -p build: no such directory, no compile database "
                              "was read [scan-error]"),
              std::string::npos)
        << result.out << result.err;
    EXPECT_FALSE(fs::exists(dir.path() + "/build"));
  }
}

TEST(MissingDatabaseDirectory, FailsThePreCommitModeOfAFreshClone) {
  TempDir dir;
  write_cmake_project(dir, "build", "repo");
  fs::remove_all(dir.path() + "/repo/build");
  auto init = run_shell("cd " + shell_quote(dir.path() + "/repo") + " && git init -q .");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  auto result =
      run_scopelint({"--pre-commit", "-p", "build", "include/elation_client.h"}, dir.path() + "/repo");
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("no compile database was read [scan-error]"), std::string::npos)
      << result.out << result.err;
  EXPECT_FALSE(fs::exists(dir.path() + "/repo/build"));
}

TEST(NothingJudged, AScanWithoutCallsSaysSoInsteadOfNoFindings) {
  TempDir dir;
  dir.write("a.cpp", "int main() { return 0; }\n");
  dir.write("b.c", "int helper(void) { return 1; }\n");
  auto result = run_scopelint({"."}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "scanned 2 files: no Elation API call or token request found\n");
  auto suggest = run_scopelint({"suggest", "."}, dir.path());
  EXPECT_EQ(suggest.exit_code, 0) << suggest.err;
  EXPECT_EQ(suggest.out, "");
  EXPECT_EQ(suggest.err, "scanned 2 files: no Elation API call or token request found\n");
}

TEST(NothingJudged, CallsWithoutFindingsStillSayNoFindings) {
  TempDir dir;
  write_cmake_project(dir);
  dir.write("include/elation_client.h",
            std::string(kHeader).replace(std::string(kHeader).find("system/patients.read"),
                                         20, "system/allergies.write system/patients.read"));
  auto result = run_scopelint({"."}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.err, "no findings; 2 Elation API calls, 2 resolved (100%).\n");
  auto suggest = run_scopelint({"suggest", "."}, dir.path());
  EXPECT_EQ(suggest.out, "system/allergies.write system/patients.read\n") << suggest.err;
  EXPECT_EQ(suggest.err, "");
}

}  // namespace
}  // namespace scopelint

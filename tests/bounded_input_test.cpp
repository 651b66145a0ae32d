// Bounded reads of untrusted inputs and project root discovery (util/).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "test_support.h"
#include "util/bounded_input.h"
#include "util/project_root.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(BoundedInput, ReadsARegularFileWithinTheLimit) {
  test::TempDir dir;
  const std::string path = dir.write("a.json", "{\"a\": 1}");
  EXPECT_EQ(read_input_file(path, 100), "{\"a\": 1}");
  EXPECT_EQ(error_of([&] { read_input_file(path, 4); }), path + ": cannot read file: larger than 4 bytes");
}

TEST(BoundedInput, RefusesFifosDevicesAndDirectoriesWithoutBlocking) {
  test::TempDir dir;
  const std::string fifo = dir.path() + "/fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_of([&] { read_input_file(fifo, 100); }), fifo + ": cannot read file: not a regular file");
  const std::string zero = dir.path() + "/zero";
  fs::create_symlink("/dev/zero", zero);
  EXPECT_EQ(error_of([&] { read_input_file(zero, 100); }), zero + ": cannot read file: not a regular file");
  EXPECT_EQ(error_of([&] { read_input_file(dir.path(), 100); }), dir.path() + ": cannot read file: is a directory");
  EXPECT_NE(error_of([&] { read_input_file(dir.path() + "/missing", 100); }).find("No such file"), std::string::npos);
}

TEST(BoundedInput, JsonErrorsNameLineAndColumnWithoutLibraryText) {
  EXPECT_EQ(error_of([] { parse_json_input("{\n  \"a\": [1,, 2]\n}", "x.json"); }),
            "x.json: invalid JSON at line 2, column 11");
  EXPECT_EQ(parse_json_input("[1, {\"b\": 2}]", "x.json")[1]["b"], 2);
  try {
    parse_json_input("{\n  \"a\": [1,, 2]\n}", "x.json");
    ADD_FAILURE() << "parsed";
  } catch (const InputError& e) {
    ASSERT_TRUE(e.position());
    EXPECT_EQ(e.position()->line, 2u);
    EXPECT_EQ(e.position()->column, 11u);
  }
  // nlohmann reports a number overflow as out_of_range, whose text names the library.
  EXPECT_EQ(error_of([] { parse_json_input("{\"a\": 1e999}", "x.json"); }),
            "x.json: invalid JSON: a number out of range");
}

TEST(BoundedInput, DeepJsonFailsFastAtTheNestingLimit) {
  const std::string deep = std::string(60000, '[') + std::string(60000, ']');
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(error_of([&] { parse_json_input(deep, "deep.json"); }), "deep.json: JSON nested deeper than 64 levels");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  EXPECT_NO_THROW(parse_json_input(std::string(64, '[') + std::string(64, ']'), "ok.json"));
}

TEST(ProjectRoot, GitWorkTreeElseTheCommonDirectory) {
  test::TempDir dir;
  const std::string root = canonical_path(dir.path());
  dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  const std::string file = dir.write("repo/src/deep/a.cpp", "int a;\n");
  EXPECT_EQ(find_project_root({file}), root + "/repo");
  const std::string b = dir.write("plain/x/b.cpp", "int b;\n");
  const std::string c = dir.write("plain/y/c.cpp", "int c;\n");
  EXPECT_EQ(find_project_root({b, c}), root + "/plain");
  EXPECT_EQ(find_project_root({b}, dir.path() + "/plain/build"), root + "/plain");
  EXPECT_TRUE(path_inside(b, root + "/plain"));
  EXPECT_FALSE(path_inside(root + "/plainer/b.cpp", root + "/plain"));
  EXPECT_FALSE(path_inside(root + "/plain/../repo/x", root + "/plain"));
}

TEST(ProjectRoot, SymlinkLeavingTheRootIsOutside) {
  test::TempDir dir;
  const std::string root = canonical_path(dir.path());
  dir.write("inside/a.cpp", "int a;\n");
  dir.write("outside/secret.txt", "x\n");
  fs::create_directory_symlink(root + "/outside", root + "/inside/link");
  EXPECT_FALSE(path_inside(root + "/inside/link/secret.txt", root + "/inside"));
  EXPECT_TRUE(path_inside(root + "/inside/a.cpp", root + "/inside"));
}

}  // namespace
}  // namespace scopelint

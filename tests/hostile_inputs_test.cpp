// Hostile source and build inputs through the real binary: deep expressions, a huge file, a
// translation unit that crashes libclang, broken compile databases. Never a signal; the rest of the
// scan still reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint::test {
namespace {

// A file with one known finding: it must still be reported next to any hostile file.
constexpr const char* kGoodSource =
    "#include <cpr/cpr.h>\n"
    "void f() { cpr::Post(cpr::Url{\"https://app.elationemr.com/api/2.0/allergies/\"}); }\n";

CommandResult scan(const std::vector<std::string>& paths, const std::string& cwd,
                   const std::vector<std::string>& options = {}) {
  std::vector<std::string> args = {"--granted-scopes", "system/patients.read", "--no-source"};
  args.insert(args.end(), options.begin(), options.end());
  args.insert(args.end(), paths.begin(), paths.end());
  if (std::find(options.begin(), options.end(), "-p") == options.end()) {
    args.insert(args.end(), {"--", "-std=c++17"});
  }
  return run_scopelint(args, cwd);
}

// Exit status 128+N from the shell means the binary died of signal N.
void expect_exit_in(const CommandResult& result, std::set<int> allowed) {
  EXPECT_TRUE(allowed.count(result.exit_code) > 0)
      << "exit code " << result.exit_code << " (128+N: killed by signal N)\nstderr:\n"
      << result.err.substr(0, 4000);
}

void expect_good_finding(const CommandResult& result) {
  EXPECT_NE(result.out.find("good.cpp:2:"), std::string::npos) << result.out.substr(0, 4000);
  EXPECT_NE(result.out.find("[missing-scope]"), std::string::npos);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(HostileInputs, FiftyThousandTermConcatenationInUrlArgument) {
  TempDir dir;
  std::string source = "#include <string>\n#include <cpr/cpr.h>\nvoid g() { cpr::Delete(cpr::Url{"
                       "std::string(\"https://app.elationemr.com/api/2.0/allergies/\")";
  for (int i = 0; i < 50000; ++i) source += " + \"a\"";
  source += "}); }\n";
  dir.write("concat.cpp", source);
  dir.write("good.cpp", kGoodSource);
  CommandResult result = scan({"concat.cpp", "good.cpp"}, dir.path());
  expect_exit_in(result, {1});
  expect_good_finding(result);
  // The whole sum is resolved (not cut off at a depth limit): DELETE /allergies/{id} is judged.
  EXPECT_NE(result.out.find("concat.cpp:3:"), std::string::npos) << result.out.substr(0, 4000);
}

TEST(HostileInputs, TenThousandNestedParentheses) {
  TempDir dir;
  std::string source = "#include <cpr/cpr.h>\nvoid g() { cpr::Get(cpr::Url{";
  source += std::string(10000, '(') + "\"https://app.elationemr.com/api/2.0/patients/\"" +
            std::string(10000, ')') + "}); }\n";
  dir.write("parens.cpp", source);
  dir.write("good.cpp", kGoodSource);
  // clang's default -fbracket-depth (256) rejects this nesting with an error: no stack overflow.
  // (With -fbracket-depth=20000 clang itself overflows its stack, as clang -fsyntax-only does.)
  CommandResult result = scan({"parens.cpp", "good.cpp"}, dir.path());
  expect_exit_in(result, {0, 1});
  expect_good_finding(result);
}

TEST(HostileInputs, FiftyMegabyteSourceFile) {
  TempDir dir;
  {
    std::ofstream out(dir.path() + "/big.cpp", std::ios::binary);
    out << "#include <cpr/cpr.h>\n";
    for (int i = 0; i < 20000; ++i) {
      out << "static const char* kFiller" << i << " = \"https://example.com/filler/" << i << "\";\n";
    }
    const std::string comment(89, 'x');
    const std::string line = "// " + comment + "\n";
    for (size_t written = 0; written < 50u * 1024 * 1024; written += line.size()) out << line;
    out << kGoodSource + std::string(kGoodSource).find('\n') + 1;  // the call, on the last line
  }
  dir.write("good.cpp", kGoodSource);
  auto start = std::chrono::steady_clock::now();
  CommandResult result = scan({"big.cpp", "good.cpp"}, dir.path());
  double elapsed = seconds_since(start);
  expect_exit_in(result, {1});
  expect_good_finding(result);
  EXPECT_NE(result.out.find("big.cpp:"), std::string::npos) << "the call at the end of big.cpp";
  EXPECT_LT(elapsed, 60.0 * slowdown()) << "sanity bound, not a benchmark";
}

// A 2 GB sparse file with source text at its start cost 6.4 GB of memory in libclang.
TEST(HostileInputs, SparseTwoGigabyteSourceIsAScanErrorInLittleTime) {
  TempDir dir;
  const std::string huge = dir.write("huge.cpp", "int main() { return 0; }\n");
  std::filesystem::resize_file(huge, std::uintmax_t{2} << 30);
  dir.write("good.cpp", kGoodSource);
  auto start = std::chrono::steady_clock::now();
  CommandResult result = scan({"huge.cpp", "good.cpp"}, dir.path());
  expect_exit_in(result, {1});
  EXPECT_NE(result.out.find("huge.cpp: warning: file too large to scan (2048 MB; the limit is 64 MB)"),
            std::string::npos)
      << result.out;
  expect_good_finding(result);
  EXPECT_LT(seconds_since(start), 20.0 * slowdown()) << "sanity bound, not a benchmark";
}

TEST(HostileInputs, TranslationUnitThatCrashesLibclangIsReportedAndTheScanGoesOn) {
  TempDir dir;
  // Makes clang crash while parsing: clang_parseTranslationUnit2 returns CXError_Crashed.
  dir.write("crash.cpp", "#pragma clang __debug crash\nint x;\n");
  dir.write("good.cpp", kGoodSource);
  CommandResult result = scan({"crash.cpp", "good.cpp"}, dir.path());
  expect_exit_in(result, {1});
  EXPECT_NE(result.out.find("crash.cpp: warning:"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("[scan-error]"), std::string::npos);
  expect_good_finding(result);
}

// Writes src/good.cpp, src/other.cpp and a compile_commands.json with `entries` (a JSON array text
// in which $DIR stands for the temp dir).
std::string write_database(const TempDir& dir, std::string entries) {
  for (size_t at; (at = entries.find("$DIR")) != std::string::npos;) {
    entries.replace(at, 4, dir.path());
  }
  dir.write("src/good.cpp", kGoodSource);
  dir.write("src/other.cpp", kGoodSource);
  return dir.write("compile_commands.json", entries);
}

TEST(HostileInputs, CompileDatabaseWithMissingKeys) {
  TempDir dir;
  write_database(dir, R"([
    {"directory": "$DIR", "file": "src/good.cpp", "arguments": ["c++", "-std=c++17", "-c", "src/good.cpp"]},
    {"file": "src/other.cpp", "command": "c++ -c src/other.cpp"},
    {"directory": "$DIR", "command": "c++ -c nofile.cpp"},
    {"directory": "$DIR", "file": "src/noargs.cpp"},
    42, "text", null])");
  CommandResult result = scan({"src"}, dir.path(), {"-p", "."});
  expect_exit_in(result, {1});
  expect_good_finding(result);
  EXPECT_NE(result.out.find("ignored 6 of 7 entries"), std::string::npos) << result.out;
  // The broken entries are dropped before libclang sees the file: none of its own errors leak.
  EXPECT_EQ(result.err.find("LIBCLANG"), std::string::npos) << result.err;
}

TEST(HostileInputs, CompileDatabaseWithNonexistentDirectory) {
  TempDir dir;
  write_database(dir, R"([
    {"directory": "$DIR", "file": "src/good.cpp", "arguments": ["c++", "-std=c++17", "-c", "src/good.cpp"]},
    {"directory": "/nonexistent/scopelint/dir", "file": "src/other.cpp",
     "command": "c++ -std=c++17 -c src/other.cpp"}])");
  CommandResult result = scan({"src"}, dir.path(), {"-p", "."});
  expect_exit_in(result, {1});
  expect_good_finding(result);
}

TEST(HostileInputs, CompileDatabaseThatIsNotJson) {
  for (const char* text : {"[{\"directory\": \"x\", ", "{}", "\xff\xfe\x00garbage", ""}) {
    TempDir dir;
    write_database(dir, text);
    CommandResult result = scan({"src"}, dir.path(), {"-p", "."});
    expect_exit_in(result, {1, 2});
    if (result.exit_code == 2) {
      EXPECT_NE(result.err.find("scopelint: error:"), std::string::npos) << result.err;
    } else {
      EXPECT_NE(result.out.find("[scan-error]"), std::string::npos) << result.out;
      expect_good_finding(result);
    }
  }
}

}  // namespace
}  // namespace scopelint::test

// --dump-facts end to end: the facts a scan prints, read back with --facts, give the scan's own
// report byte for byte; what it prints is the facts file format; options it cannot honour are
// usage errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_scopelint;
using test::TempDir;

// Runs from the source tree, so that both runs name the fixtures alike and find their configs.
test::CommandResult scopelint_in_sources(const std::vector<std::string>& args) {
  return run_scopelint(args, SCOPELINT_SOURCE_DIR);
}

class DumpFactsRoundTrip : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(DumpFactsRoundTrip, FactsReadBackGiveTheScansReport) {
  const std::vector<std::string> scan_args = GetParam();
  const auto scan = scopelint_in_sources(scan_args);
  ASSERT_NE(scan.exit_code, 2) << scan.err;
  ASSERT_FALSE(scan.out.empty()) << "a scan with no findings would show nothing here";

  std::vector<std::string> dump_args = {"--dump-facts"};
  dump_args.insert(dump_args.end(), scan_args.begin(), scan_args.end());
  const auto dump = scopelint_in_sources(dump_args);
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  const json facts = json::parse(dump.out);
  EXPECT_TRUE(facts.at("calls").is_array());
  EXPECT_TRUE(facts.at("granted").is_array());
  EXPECT_TRUE(facts.at("diagnostics").is_array());

  TempDir dir;
  const auto reread = scopelint_in_sources({"--facts=" + dir.write("facts.json", dump.out)});
  EXPECT_EQ(reread.out, scan.out);
  EXPECT_EQ(reread.exit_code, scan.exit_code) << reread.err;
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, DumpFactsRoundTrip,
    ::testing::Values(
        // Wrappers across units, two components with their granted scopes in .scopelint.json.
        std::vector<std::string>{"fixtures/wrappers/two_components"},
        std::vector<std::string>{"fixtures/wrappers/wrapped_httplib"},
        // Scan diagnostics: headers that are not there.
        std::vector<std::string>{"fixtures/headers-missing"},
        std::vector<std::string>{"--granted-scopes=system/patients.read", "fixtures/cpr"},
        // A compile database that is not there: the scan-error is a diagnostic of the dump.
        std::vector<std::string>{"-p", "fixtures/no-such-build-dir"}));

// A facts file names the files whose findings are reported (a scan of some of the files a compile
// database lists): the others' findings are left out, as in the scan.
TEST(DumpFacts, ReportedFilesLimitWhatFactsReport) {
  TempDir dir;
  const std::string calls = R"("calls": [
    {"file": "auth.cpp", "line": 3, "method": "POST",
     "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
     "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read"}},
    {"file": "api.cpp", "line": 10, "method": "POST",
     "url": "https://app.elationemr.com/api/2.0/allergies/"}])";
  const auto all =
      run_scopelint({"--facts=" + dir.write("all.json", "{" + calls + "}")}, dir.path());
  EXPECT_NE(all.out.find("auth.cpp:3: warning"), std::string::npos) << all.out;
  const std::string api = fs::canonical(dir.path()).string() + "/api.cpp";
  const auto limited = run_scopelint(
      {"--facts=" +
       dir.write("api.json", "{" + calls + R"(, "reported_files": [")" + api + "\"]}")},
      dir.path());
  EXPECT_NE(limited.out.find("api.cpp:10: error"), std::string::npos) << limited.out;
  EXPECT_EQ(limited.out.find("auth.cpp:3: warning"), std::string::npos) << limited.out;
}

// The granted scopes of a .scopelint.json are in the dump; read back, the same configuration does
// not grant them a second time (a second token would be a second unused-scope finding).
TEST(DumpFacts, ConfiguredGrantedScopesAreNotGrantedTwice) {
  TempDir dir;
  dir.write(".git/HEAD", "");  // the project root
  dir.write(".scopelint.json", R"({"granted_scopes": "system/patients.read system/vitals.write"})");
  dir.write("a.cpp",
            "#include <httplib.h>\n"
            "void f() {\n"
            "  httplib::Client cli(\"https://app.elationemr.com\");\n"
            "  cli.Get(\"/api/2.0/patients/\");\n"
            "}\n");
  const auto scan = run_scopelint({"."}, dir.path());
  EXPECT_NE(scan.out.find("'system/vitals.write' is requested but no call needs it"),
            std::string::npos)
      << scan.out << scan.err;
  const auto dump = run_scopelint({"--dump-facts", "."}, dir.path());
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  EXPECT_EQ(json::parse(dump.out).at("granted").size(), 1u) << dump.out;
  const auto reread = run_scopelint({"--facts=" + dir.write("facts.json", dump.out)}, dir.path());
  EXPECT_EQ(reread.out, scan.out);
  EXPECT_EQ(reread.exit_code, scan.exit_code);
}

TEST(DumpFacts, WritesToTheOutputFile) {
  TempDir dir;
  const auto result =
      scopelint_in_sources({"--dump-facts", "-o", dir.path() + "/facts.json", "fixtures/cpr"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_FALSE(json::parse(test::read_text(dir.path() + "/facts.json")).at("calls").empty());
}

TEST(DumpFacts, OptionsThatActOnFindingsAreUsageErrors) {
  TempDir dir;
  const std::string facts = dir.write("f.json", "{}");
  for (const auto& [args, name] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--dump-facts", "--facts=" + facts}, "--facts"},
           {{"--dump-facts", "--fix", dir.path()}, "--fix"},
           {{"--dump-facts", "--export-fixes=x.yaml", dir.path()}, "--export-fixes"},
           {{"--dump-facts", "--baseline=b.json", dir.path()}, "--baseline"},
           {{"--write-baseline=b.json", "--dump-facts", dir.path()}, "--write-baseline"},
           {{"--dump-facts", "--pre-commit", dir.path()}, "--pre-commit"},
           {{"--dump-facts", "--format=text", dir.path()}, "--format"},
           {{"suggest", "--dump-facts", dir.path()}, "'scopelint suggest'"},
           {{"diff", "HEAD", "--dump-facts"}, "'scopelint diff'"}}) {
    const auto result = run_scopelint(args);
    EXPECT_EQ(result.exit_code, 2) << name;
    EXPECT_EQ(result.err,
              "scopelint: error: --dump-facts prints the facts without checking them: it "
              "cannot be combined with " +
                  name + "\n");
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
}

}  // namespace
}  // namespace scopelint

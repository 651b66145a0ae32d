// Project headers are project code: a CMake project with its client wrapper and scope constant in
// include/ and its database in build/ gives the same findings however it is named, and a wrapper
// defined in a file the command line did not name still shapes the calls of the named ones.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint {
namespace {

using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// The wrapper and the scope constant, inline in the project's header.
std::string inline_client_header(const std::string& scopes) {
  return R"(// The Elation client: every request of the project goes through it.
#pragma once
#include <curl/curl.h>
#include <string>
namespace elation {
constexpr const char* kScopes = ")" +
         scopes + R"(";
class Client {
 public:
  void token() {
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, "https://app.elationemr.com/api/2.0/oauth2/token/");
    const std::string form = std::string("grant_type=client_credentials&scope=") + kScopes;
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form.c_str());
    curl_easy_perform(c);
  }
  void get(const std::string& path) {
    CURL* c = curl_easy_init();
    const std::string url = "https://app.elationemr.com/api/2.0" + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_perform(c);
  }
  void post(const std::string& path, const std::string& body) {
    CURL* c = curl_easy_init();
    const std::string url = "https://app.elationemr.com/api/2.0" + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(c);
  }
};
}  // namespace elation
)";
}

const char* kMain = R"(// The sync job.
#include "elation_client.h"
int main() {
  elation::Client cli;
  cli.token();
  cli.get("/patients/1/");
  cli.post("/allergies/", "{}");
  return 0;
}
)";

const char* kMissing =
    "src/main.cpp:7:3: error: POST /api/2.0/allergies/ needs scope 'system/allergies.write', which "
    "no token request asks for [missing-scope]";

// build/compile_commands.json for `sources` (relative to the project), each with -Iinclude.
void write_database(const TempDir& dir, const std::vector<std::string>& sources) {
  std::string entries;
  for (const auto& source : sources) {
    if (!entries.empty()) entries += ",\n";
    entries += "{\"directory\": \"" + dir.path() + "/build\", \"file\": \"" + dir.path() + "/" + source +
               "\", \"arguments\": [\"c++\", \"-std=c++17\", \"-I" + dir.path() + "/include\", \"-c\", \"" +
               dir.path() + "/" + source + "\"]}";
  }
  dir.write("build/compile_commands.json", "[" + entries + "]\n");
}

void write_inline_project(const TempDir& dir, const std::string& scopes) {
  dir.write("include/elation_client.h", inline_client_header(scopes));
  dir.write("src/main.cpp", kMain);
  write_database(dir, {"src/main.cpp"});
  ASSERT_EQ(run_shell("cd " + shell_quote(dir.path()) + " && git init -q .").exit_code, 0);
}

TEST(ProjectHeaders, SameFindingsHoweverTheProjectIsNamed) {
  TempDir dir;
  write_inline_project(dir, "system/patients.read");
  const auto dot = run_scopelint({"--no-source", "."}, dir.path());
  EXPECT_EQ(dot.exit_code, 1) << dot.out << dot.err;
  EXPECT_NE(dot.out.find(kMissing), std::string::npos) << dot.out << dot.err;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"-p", "build"}, {"-p", "build", "src/"}, {"src/"}, {"-p", "build", "src/main.cpp"}}) {
    std::vector<std::string> full{"--no-source"};
    full.insert(full.end(), args.begin(), args.end());
    const auto result = run_scopelint(full, dir.path());
    EXPECT_EQ(result.exit_code, 1) << args.back() << result.err;
    EXPECT_EQ(result.out, dot.out) << args.back();
  }
  // suggest sees the calls made through the header's wrapper.
  const auto suggest = run_scopelint({"suggest", "-p", "build", "src/"}, dir.path());
  EXPECT_EQ(suggest.exit_code, 0) << suggest.err;
  EXPECT_NE(suggest.out.find("system/allergies.write system/patients.read"), std::string::npos) << suggest.out;
}

// The wrapper is defined out of line in src/elation_client.cpp, which the command line does not
// name: the database builds it, so it is scanned, and only findings touching main.cpp are shown.
void write_out_of_line_project(const TempDir& dir) {
  dir.write("include/elation_client.h", R"(#pragma once
#include <string>
namespace elation {
struct Client {
  void token();
  void get(const std::string& path);
  void post(const std::string& path, const std::string& body);
};
}  // namespace elation
)");
  dir.write("src/elation_client.cpp", R"(#include "elation_client.h"
#include <curl/curl.h>
namespace elation {
constexpr const char* kScopes = "system/patients.read";
void Client::get(const std::string& path) {
  CURL* c = curl_easy_init();
  const std::string url = "https://app.elationemr.com/api/2.0" + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_perform(c);
}
void Client::post(const std::string& path, const std::string& body) {
  CURL* c = curl_easy_init();
  const std::string url = "https://app.elationemr.com/api/2.0" + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(c);
}
void Client::token() {
  CURL* c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, "https://app.elationemr.com/api/2.0/oauth2/token/");
  const std::string form = std::string("grant_type=client_credentials&scope=") + kScopes;
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, form.c_str());
  curl_easy_perform(c);
}
}  // namespace elation
)");
  dir.write("src/main.cpp", kMain);
  // A report job of its own: a call to an endpoint the API does not have.
  dir.write("src/report.cpp", R"(#include "elation_client.h"
void report() { elation::Client().get("/no_such_endpoint/"); }
)");
  write_database(dir, {"src/main.cpp", "src/elation_client.cpp", "src/report.cpp"});
  ASSERT_EQ(run_shell("cd " + shell_quote(dir.path()) + " && git init -q .").exit_code, 0);
}

TEST(ProjectSources, AWrapperInAFileNotNamedShapesTheNamedFilesCalls) {
  TempDir dir;
  write_out_of_line_project(dir);
  const auto named = run_scopelint({"--no-source", "-p", "build", "src/main.cpp"}, dir.path());
  EXPECT_EQ(named.exit_code, 1) << named.err;
  EXPECT_NE(named.out.find(kMissing), std::string::npos) << named.out << named.err;
  // report.cpp's own finding is not main.cpp's: not reported when only main.cpp is named.
  EXPECT_EQ(named.out.find("src/report.cpp"), std::string::npos) << named.out;
  const auto whole = run_scopelint({"--no-source", "-p", "build"}, dir.path());
  EXPECT_NE(whole.out.find(kMissing), std::string::npos) << whole.out;
  EXPECT_NE(whole.out.find("src/report.cpp:2:"), std::string::npos) << whole.out;
  // Naming the file with the token request shows the missing scope it causes in main.cpp.
  const auto token = run_scopelint({"--no-source", "-p", "build", "src/elation_client.cpp"}, dir.path());
  EXPECT_NE(token.out.find(kMissing), std::string::npos) << token.out << token.err;
}

TEST(ProjectSources, ADatabaseThatDoesNotBuildTheNamedFileAddsNoUnit) {
  TempDir dir;
  write_out_of_line_project(dir);
  dir.write("tools/probe.cpp", "int probe() { return 0; }\n");
  const auto result = run_scopelint({"--no-cache", "-v", "tools/probe.cpp"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  size_t parsed = 0;
  for (size_t at = result.err.find("scopelint: parsing "); at != std::string::npos;
       at = result.err.find("scopelint: parsing ", at + 1)) {
    ++parsed;
  }
  EXPECT_EQ(parsed, 1u) << result.err;
}

// The hook after a header-only change, run by Debian's pre-commit on the staged header alone.
TEST(ProjectHeaders, PreCommitHookFailsOnAHeaderOnlyChange) {
  TempDir dir;
  write_inline_project(dir, "system/patients.read%20system/allergies.write");
  dir.write(".pre-commit-config.yaml", test::local_precommit_config(" -p build"));
  dir.write("home/.keep", "");
  const std::string env = test::precommit_shell_prefix(dir.path() + "/home", dir.path());
  auto setup = run_shell(env +
                         "printf 'build/\\nhome/\\n' > .gitignore && git config user.email t@example.invalid && "
                         "git config user.name test && git add -A && git commit -qm base");
  ASSERT_EQ(setup.exit_code, 0) << setup.out << setup.err;
  auto clean = run_shell(env + "pre-commit run --all-files --color=never");
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;

  dir.write("include/elation_client.h", inline_client_header("system/patients.read"));
  auto staged = run_shell(env + "git add include/elation_client.h && pre-commit run --color=never");
  EXPECT_NE(staged.exit_code, 0) << staged.out << staged.err;
  EXPECT_NE(staged.out.find("src/main.cpp:7:3: error: POST /api/2.0/allergies/ needs scope "
                            "'system/allergies.write'"),
            std::string::npos)
      << staged.out << staged.err;
}

}  // namespace
}  // namespace scopelint

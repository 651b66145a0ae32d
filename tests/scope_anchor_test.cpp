// Scope findings at the scope string: a constant in a header, a #define, a wrapper's argument;
// NOLINT at either place, --fix and LSP code actions on that literal, and "not fixed: why" per
// finding.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "test_support.h"

namespace scopelint {
namespace {

using test::read_text;
using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// The header where the user edits the scopes; the literal starts at column 33 of line 5.
std::string client_header(const std::string& scopes, const std::string& above = "") {
  return "// Elation client settings shared by the services.\n"
         "#pragma once\n"
         "\n" +
         (above.empty() ? std::string("// The scopes the token request asks for.\n")
                        : above + "\n") +
         "constexpr const char* kScopes = \"" + scopes + "\";\n";
}

// The token request (line 12) encodes the header's constant with curl_easy_escape; two GETs follow.
std::string token_source(const std::string& token_line_suffix = "") {
  return "// Token request and the calls of the service.\n"
         "#include <curl/curl.h>\n"
         "\n"
         "#include <string>\n"
         "\n"
         "#include \"../include/elation_client.h\"\n"
         "\n"
         "std::string token(CURL* h) {\n"
         "  char* scopes = curl_easy_escape(h, kScopes, 0);\n"
         "  std::string body = std::string(\"grant_type=client_credentials&scope=\") + scopes;\n"
         "  curl_free(scopes);\n"
         "  curl_easy_setopt(h, CURLOPT_URL, "
         "\"https://app.elationemr.com/api/2.0/oauth2/token/\");" +
         token_line_suffix +
         "\n"
         "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());\n"
         "  curl_easy_perform(h);\n"
         "  return \"\";\n"
         "}\n"
         "\n"
         "void patient(CURL* h) {\n"
         "  curl_easy_setopt(h, CURLOPT_URL, "
         "\"https://app.elationemr.com/api/2.0/patients/42/\");\n"
         "  curl_easy_perform(h);\n"
         "}\n";
}

struct Project {
  TempDir dir;
  explicit Project(const std::string& header, const std::string& source = token_source()) {
    dir.write("include/elation_client.h", header);
    dir.write("src/token.cpp", source);
  }
  test::CommandResult lint(std::vector<std::string> args = {}) const {
    args.insert(args.begin(), "--no-source");
    args.push_back(".");
    return run_scopelint(args, dir.path());
  }
};

const char* const kUnused =
    "include/elation_client.h:5:33: warning: scope 'system/allergies.read' is requested but no "
    "call "
    "needs it [unused-scope]";

TEST(ScopeAnchor, UnusedScopeIsReportedAtTheHeaderConstantWithANoteAtTheRequest) {
  Project project(client_header("system/patients.read system/allergies.read"));
  auto result = project.lint();
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find(kUnused), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("src/token.cpp:12:3: note: token request here"), std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("src/token.cpp:12:3: warning"), std::string::npos) << result.out;
}

TEST(ScopeAnchor, NolintAtTheConstantOrAtTheRequestSuppresses) {
  Project at_constant(
      client_header("system/patients.read system/allergies.read",
                    "// NOLINTNEXTLINE(unused-scope): shared with the billing job"));
  auto constant = at_constant.lint();
  EXPECT_EQ(constant.out.find("[unused-scope]"), std::string::npos) << constant.out;
  EXPECT_NE(constant.err.find("Suppressed 1 finding"), std::string::npos) << constant.err;

  Project at_request(client_header("system/patients.read system/allergies.read"),
                     token_source("  // NOLINT(unused-scope)"));
  auto request = at_request.lint();
  EXPECT_EQ(request.out.find("[unused-scope]"), std::string::npos) << request.out;
  EXPECT_NE(request.err.find("Suppressed 1 finding"), std::string::npos) << request.err;

  // Another rule's NOLINT at the constant does not.
  Project other(client_header("system/patients.read system/allergies.read",
                              "// NOLINTNEXTLINE(unknown-scope)"));
  EXPECT_NE(other.lint().out.find("[unused-scope]"), std::string::npos);
}

TEST(ScopeAnchor, FixRewritesTheHeaderLiteralInPlainForm) {
  Project project(client_header("system/patients.read system/allergies.read"));
  const std::string source_before = read_text(project.dir.path() + "/src/token.cpp");
  auto result = project.lint({"--fix"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  // curl_easy_escape encodes the constant: it stays written with a plain space.
  EXPECT_EQ(read_text(project.dir.path() + "/include/elation_client.h"),
            client_header("system/patients.read"));
  EXPECT_EQ(read_text(project.dir.path() + "/src/token.cpp"), source_before);
  EXPECT_NE(result.err.find("fixed 1 finding in 1 file"), std::string::npos) << result.err;
  EXPECT_EQ(project.lint().out.find("[unused-scope]"), std::string::npos);
}

TEST(ScopeAnchor, FixSaysPerFindingWhyNothingWasFixed) {
  // Two literals spell the scope string: there is no one place to rewrite.
  Project project(
      "#pragma once\n#define EXTRA_SCOPE \"system/allergies.read\"\n"
      "static const char* const kScopes = \"system/patients.read \" EXTRA_SCOPE;\n");
  auto result = project.lint({"--fix"});
  EXPECT_NE(result.err.find("scopelint: unused-scope at src/token.cpp:12: not fixed: the scope "
                            "string is not written in one string literal"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("fixed 0 findings in 0 files; 1 remains"), std::string::npos)
      << result.err;
}

TEST(ScopeAnchor, DefinedScopesAreReportedAtTheDefine) {
  Project project(
      "// Scopes as a macro.\n#pragma once\n"
      "#define kScopes \"system/patients.read system/allergies.read\"\n");
  auto result = project.lint();
  EXPECT_NE(
      result.out.find("include/elation_client.h:3:17: warning: scope 'system/allergies.read' is "
                      "requested but no call needs it [unused-scope]"),
      std::string::npos)
      << result.out;
}

// A token request whose form string is glued to the ELATION_SCOPES macro of `header` (as written
// in the #include: "<x.h>" or "\"x.h\""), line 4, and a GET of a patient.
std::string glued_define_source(const std::string& header) {
  return "#include <curl/curl.h>\n#include " + header +
         "\n"
         "void run(CURL* h) {\n"
         "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/oauth2/token/\");\n"
         "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, \"grant_type=client_credentials&scope=\" "
         "ELATION_SCOPES);\n"
         "  curl_easy_perform(h);\n"
         "}\n"
         "void patient(CURL* h) {\n"
         "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/patients/42/\");\n"
         "  curl_easy_perform(h);\n"
         "}\n";
}

TEST(ScopeAnchor, DefineGluedIntoTheFormStringIsFollowedAndFixed) {
  TempDir dir;
  dir.write("include/elation_client.h",
            "#pragma once\n// Wire form: the body is sent as written.\n"
            "#define ELATION_SCOPES \"system/patients.read%20system/allergies.read\"\n");
  dir.write("src/main.cpp", glued_define_source("\"../include/elation_client.h\""));
  auto result = run_scopelint({"--no-source", "."}, dir.path());
  EXPECT_NE(
      result.out.find("include/elation_client.h:3:24: warning: scope 'system/allergies.read'"),
      std::string::npos)
      << result.out << result.err;
  run_scopelint({"--fix", "."}, dir.path());
  EXPECT_NE(read_text(dir.path() + "/include/elation_client.h")
                .find("#define ELATION_SCOPES \"system/patients.read\"\n"),
            std::string::npos)
      << read_text(dir.path() + "/include/elation_client.h");
}

// A #define in a header outside the project (an SDK on the include path) is no place for a
// finding or a fix: the finding stays at the request. Written with spaces after the '#'.
TEST(ScopeAnchor, DefineOutsideTheProjectKeepsTheFindingAtTheRequest) {
  TempDir sdk;
  sdk.write("elation_sdk.h",
            "#pragma once\n#  define ELATION_SCOPES \"system/patients.read%20system/allergies.read\"\n");
  TempDir dir;
  dir.write("src/main.cpp", glued_define_source("<elation_sdk.h>"));
  auto outside = run_scopelint({"--no-source", "--no-cache", ".", "--", "-isystem", sdk.path()}, dir.path());
  EXPECT_NE(outside.out.find("src/main.cpp:4:3: warning: scope 'system/allergies.read'"),
            std::string::npos)
      << outside.out << outside.err;
  EXPECT_EQ(outside.out.find("elation_sdk.h"), std::string::npos) << outside.out;
  // The same header inside the project is where the finding goes.
  dir.write("include/elation_sdk.h", read_text(sdk.path() + "/elation_sdk.h"));
  auto inside = run_scopelint({"--no-source", "--no-cache", ".", "--", "-isystem", "include"}, dir.path());
  EXPECT_NE(inside.out.find("include/elation_sdk.h:2:26: warning: scope 'system/allergies.read'"),
            std::string::npos)
      << inside.out << inside.err;
}

TEST(ScopeAnchor, WrapperArgumentConcatenatedIntoTheBodyIsFollowed) {
  // The constant is written in wire form, glued into the body inside a wrapper in another header.
  TempDir dir;
  dir.write("include/elation_client.h",
            "#pragma once\n"
            "constexpr const char* kScopes = \"system/patients.read%20system/allergies.read\";\n");
  dir.write(
      "include/token_client.h",
      "#pragma once\n#include <curl/curl.h>\n#include <string>\n"
      "inline void fetch_token(CURL* h, const std::string& scopes) {\n"
      "  std::string body = \"grant_type=client_credentials&scope=\" + scopes;\n"
      "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/oauth2/token/\");\n"
      "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());\n"
      "  curl_easy_perform(h);\n"
      "}\n");
  dir.write(
      "src/main.cpp",
      "#include \"../include/elation_client.h\"\n#include \"../include/token_client.h\"\n"
      "void run(CURL* h) {\n"
      "  fetch_token(h, kScopes);\n"
      "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/patients/42/\");\n"
      "  curl_easy_perform(h);\n"
      "}\n");
  auto result = run_scopelint({"--no-source", "."}, dir.path());
  EXPECT_NE(
      result.out.find("include/elation_client.h:2:33: warning: scope 'system/allergies.read'"),
      std::string::npos)
      << result.out << result.err;
  EXPECT_NE(result.out.find("src/main.cpp:4:3: note: token request here"), std::string::npos)
      << result.out;
  run_scopelint({"--fix", "."}, dir.path());
  EXPECT_NE(read_text(dir.path() + "/include/elation_client.h").find("\"system/patients.read\""),
            std::string::npos);
}

TEST(ScopeAnchor, LiteralInTheCallKeepsTheFindingAtTheRequest) {
  TempDir dir;
  dir.write(
      "a.cpp",
      "#include <curl/curl.h>\n"
      "void token(CURL* h) {\n"
      "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/oauth2/token/\");\n"
      "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, \"grant_type=client_credentials&scope=system/"
      "patients.read%20system/allergies.read\");\n"
      "  curl_easy_perform(h);\n"
      "  curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/patients/42/\");\n"
      "  curl_easy_perform(h);\n"
      "}\n");
  auto result = run_scopelint({"--no-source", "a.cpp"}, dir.path());
  EXPECT_NE(result.out.find("a.cpp:3:3: warning: scope 'system/allergies.read' is requested"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("token request here"), std::string::npos) << result.out;
}

// `scopelint lsp` on stdin: initialize, open the header, ask for code actions on the literal.
TEST(ScopeAnchor, CodeActionOnTheHeaderLiteralEditsIt) {
  Project project(client_header("system/patients.read system/allergies.read"));
  const std::string header = project.dir.path() + "/include/elation_client.h";
  const std::string uri = "file://" + header;
  auto frame = [](const nlohmann::json& message) {
    const std::string body = message.dump();
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  const auto position = [](int line, int character) {
    return nlohmann::json{{"line", line}, {"character", character}};
  };
  std::string input =
      frame({{"jsonrpc", "2.0"},
             {"id", 1},
             {"method", "initialize"},
             {"params",
              {{"processId", nullptr},
               {"rootUri", "file://" + project.dir.path()},
               {"capabilities", nlohmann::json::object()}}}}) +
      frame({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", nlohmann::json::object()}}) +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params",
              {{"textDocument",
                {{"uri", uri},
                 {"languageId", "cpp"},
                 {"version", 1},
                 {"text", read_text(header)}}}}}}) +
      frame({{"jsonrpc", "2.0"},
             {"id", 2},
             {"method", "textDocument/codeAction"},
             {"params",
              {{"textDocument", {{"uri", uri}}},
               {"range", {{"start", position(4, 40)}, {"end", position(4, 40)}}},
               {"context", {{"diagnostics", nlohmann::json::array()}}}}}}) +
      frame({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}}) +
      frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  project.dir.write("lsp-input", input);
  auto result = run_shell("cd " + shell_quote(project.dir.path()) +
                          " && HOME=" + shell_quote(project.dir.path()) +
                          " XDG_CACHE_HOME=" + shell_quote(project.dir.path() + "/cache") +
                          " timeout 60 " + test::scopelint_command({"lsp"}) + " < lsp-input");
  nlohmann::json response;
  for (size_t at = result.out.find("\r\n\r\n"); at != std::string::npos;
       at = result.out.find("\r\n\r\n", at)) {
    at += 4;
    const size_t next = result.out.find("Content-Length:", at);
    auto message = nlohmann::json::parse(
        result.out.substr(at, next == std::string::npos ? std::string::npos : next - at), nullptr,
        false);
    if (!message.is_discarded() && message.value("id", 0) == 2) response = message;
  }
  ASSERT_FALSE(response.is_null()) << result.out << result.err;
  ASSERT_EQ(response["result"].size(), 1u) << response.dump(2);
  const auto& edit = response["result"][0]["edit"]["changes"][uri][0];
  EXPECT_EQ(edit["range"]["start"], position(4, 33));
  EXPECT_EQ(edit["newText"], "system/patients.read");
}

// The pre-commit hook, run by pre-commit: a header-only change of the scope constant fails it.
TEST(ScopeAnchor, PreCommitFailsOnAHeaderOnlyChangeOfTheScopeConstant) {
  TempDir dir;
  const std::string repo = dir.path() + "/repo";
  std::string source = token_source();
  // Two calls: patients and allergies; both scopes are needed.
  source +=
      "void allergies(CURL* h) {\n"
      "  curl_easy_setopt(h, CURLOPT_URL, "
      "\"https://app.elationemr.com/api/2.0/allergies/?patient=4\");\n"
      "  curl_easy_perform(h);\n"
      "}\n";
  dir.write("repo/include/elation_client.h",
            client_header("system/patients.read system/allergies.read"));
  dir.write("repo/src/token.cpp", source);
  dir.write("repo/.pre-commit-config.yaml", test::local_precommit_config(""));
  dir.write("home/.keep", "");
  const std::string env = test::precommit_shell_prefix(dir.path() + "/home", repo);
  auto init = run_shell(
      env +
      "git init -q . && git config user.email t@example.invalid && git config user.name test && "
      "git add -A && git commit -qm init");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  auto clean = run_shell(env + "pre-commit run --all-files --color=never");
  ASSERT_EQ(clean.exit_code, 0) << clean.out << clean.err;

  dir.write("repo/include/elation_client.h", client_header("system/patients.read"));
  ASSERT_EQ(run_shell(env + "git add include/elation_client.h").exit_code, 0);
  auto hook = run_shell(env + "pre-commit run --color=never");
  EXPECT_NE(hook.exit_code, 0) << hook.out << hook.err;
  EXPECT_NE(hook.out.find("needs scope 'system/allergies.read', which no token request asks for"),
            std::string::npos)
      << hook.out << hook.err;
}

}  // namespace
}  // namespace scopelint

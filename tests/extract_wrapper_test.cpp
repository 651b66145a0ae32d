// Wrapper inference: requests made through project functions are reported at the call sites
// that fix them, with the caller's arguments, and a project written with wrappers gives the same
// findings as the same project written with direct library calls.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "extract/driver/extractor.h"
#include "test_support.h"

namespace scopelint {
namespace {

const std::string kWrappers = std::string(SCOPELINT_FIXTURES) + "/wrappers/";

std::vector<HttpCall> calls_in(const std::string& project, const std::vector<WrapperDeclaration>& declared = {}) {
  ExtractOptions options;
  options.paths = {kWrappers + project};
  options.jobs = 2;
  options.wrappers = declared;
  return extract_facts(options).facts.calls;
}

const HttpCall* find_call(const std::vector<HttpCall>& calls, const std::string& url) {
  auto it = std::find_if(calls.begin(), calls.end(), [&](const HttpCall& c) { return c.url && *c.url == url; });
  return it == calls.end() ? nullptr : &*it;
}

std::string file_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

TEST(ExtractWrapper, CallThroughAMethodIsReportedAtTheCallSite) {
  const auto calls = calls_in("wrapped_httplib");
  const HttpCall* remove = find_call(calls, "/api/2.0/medications/{}/");
  ASSERT_NE(remove, nullptr);
  EXPECT_EQ(remove->method, HttpMethod::Delete);
  EXPECT_EQ(file_name(remove->location.file), "patients.cpp");
  EXPECT_EQ(remove->location.line, 11u);
  EXPECT_EQ(remove->base, "https://app.elationemr.com");
  ASSERT_EQ(remove->chain.size(), 1u);
  EXPECT_EQ(remove->chain[0].message, "request sent here by ElationApi::remove");
  EXPECT_EQ(file_name(remove->chain[0].location.file), "elation_api.cpp");
  // The library calls inside the wrapper are not reported on their own.
  for (const auto& call : calls) {
    EXPECT_NE(file_name(call.location.file), "elation_api.cpp") << (call.url ? *call.url : "?");
  }
}

TEST(ExtractWrapper, TokenScopeThroughAWrapper) {
  const auto calls = calls_in("wrapped_httplib");
  const HttpCall* token = find_call(calls, "/api/2.0/oauth2/token/");
  ASSERT_NE(token, nullptr);
  EXPECT_EQ(file_name(token->location.file), "main.cpp");
  ASSERT_EQ(token->body.kind, RequestBody::Kind::Fields);
  auto scope = std::find_if(token->body.fields.begin(), token->body.fields.end(),
                            [](const FormField& f) { return f.key == "scope"; });
  ASSERT_NE(scope, token->body.fields.end());
  EXPECT_EQ(scope->value, "system/patients.read system/medications.read");
}

TEST(ExtractWrapper, TwoLevelWrapperAndMethodParameter) {
  const auto calls = calls_in("wrapped_libcurl");
  const HttpCall* confirm = find_call(calls, "https://app.elationemr.com/api/2.0/appointments/{}/");
  ASSERT_NE(confirm, nullptr);
  std::vector<const HttpCall*> appointments;
  for (const auto& call : calls) {
    if (call.url == std::optional<std::string>("https://app.elationemr.com/api/2.0/appointments/{}/")) {
      appointments.push_back(&call);
    }
  }
  // cancel (DELETE), confirm (PATCH through patch -> send) and replay (method unknown).
  ASSERT_EQ(appointments.size(), 3u);
  EXPECT_EQ(appointments[0]->method, HttpMethod::Delete);
  EXPECT_EQ(appointments[1]->method, HttpMethod::Patch);
  EXPECT_EQ(appointments[1]->chain.size(), 2u);
  EXPECT_EQ(file_name(appointments[2]->location.file), "main.cpp");
  EXPECT_FALSE(appointments[2]->method.has_value());
}

TEST(ExtractWrapper, DeclaredWrappers) {
  WrapperDeclaration send{"Gateway::send", 1, std::nullopt, 0, 2};
  WrapperDeclaration get{"elation_get", 0, HttpMethod::Get, -1, -1};
  const auto calls = calls_in("declared_gateway", {send, get});
  const HttpCall* post = find_call(calls, "/api/2.0/vaccine/");
  std::string seen;
  for (const auto& call : calls) seen += (call.url ? *call.url : "?") + "\n";
  ASSERT_NE(post, nullptr) << seen;
  EXPECT_EQ(post->method, HttpMethod::Post);
  EXPECT_TRUE(post->base_is_elation);
  const HttpCall* patient = find_call(calls, "/patients/{}/");
  ASSERT_NE(patient, nullptr);
  EXPECT_EQ(patient->method, HttpMethod::Get);
  EXPECT_TRUE(patient->base_is_elation);
  EXPECT_TRUE(calls_in("declared_gateway").empty());  // without the declarations: nothing to see
}

TEST(ExtractWrapper, RecursionTerminates) {
  test::TempDir dir;
  std::ofstream(dir.path() + "/loop.cpp") << R"(
#include <httplib.h>
#include <string>
std::string walk(httplib::Client& cli, const std::string& path, int depth) {
  if (depth > 3) return cli.Get(path)->body;
  return walk(cli, path + "/next", depth + 1);
}
int main() { httplib::Client cli("https://app.elationemr.com"); walk(cli, "/api/2.0/patients/", 0); }
)";
  ExtractOptions options;
  options.paths = {dir.path()};
  const auto calls = extract_facts(options).facts.calls;
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.front().method, HttpMethod::Get);
}

// The calls reported on one line of one file.
std::vector<const HttpCall*> calls_at(const std::vector<HttpCall>& calls, const std::string& file, unsigned line) {
  std::vector<const HttpCall*> out;
  for (const auto& call : calls) {
    if (file_name(call.location.file) == file && call.location.line == line) out.push_back(&call);
  }
  return out;
}

std::vector<HttpCall> calls_in_source(const test::TempDir& dir) {
  ExtractOptions options;
  options.paths = {dir.path()};
  return extract_facts(options).facts.calls;
}

TEST(ExtractWrapperBranches, KnownEnumArgumentPicksTheSwitchCase) {
  const auto calls = calls_in("method_switch");
  const auto remove = calls_at(calls, "main.cpp", 15);  // api.call(Method::Delete, "/allergies/" + id + "/")
  ASSERT_EQ(remove.size(), 1u);
  EXPECT_EQ(remove[0]->method, HttpMethod::Delete);
  EXPECT_EQ(remove[0]->url, "/api/2.0/allergies/{}/");
  const auto read = calls_at(calls, "main.cpp", 16);  // api.call(Method::Get, "/medications/")
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0]->method, HttpMethod::Get);
  ASSERT_FALSE(read[0]->chain.empty());
  EXPECT_EQ(read[0]->chain.back().message, "request sent here by ElationApi::call");
}

TEST(ExtractWrapperBranches, KnownStringArgumentPicksTheIfBranch) {
  const auto calls = calls_in("method_switch");
  const auto put = calls_at(calls, "main.cpp", 17);  // api.send("PUT", ...)
  ASSERT_EQ(put.size(), 1u);
  EXPECT_EQ(put[0]->method, HttpMethod::Put);
  const auto remove = calls_at(calls, "main.cpp", 18);  // api.send("DELETE", ...)
  ASSERT_EQ(remove.size(), 1u);
  EXPECT_EQ(remove[0]->method, HttpMethod::Delete);
}

TEST(ExtractWrapperBranches, UnknownArgumentLeavesTheMethodOpen) {
  const auto calls = calls_in("method_switch");
  const auto chosen = calls_at(calls, "main.cpp", 20);  // api.call(method_from(argv[2]), ...)
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_FALSE(chosen[0]->method.has_value());
  EXPECT_EQ(chosen[0]->url, "/api/2.0/problems/{}/");
  EXPECT_EQ(chosen[0]->unresolved.method, UnresolvedParts::Method::ChosenByParameter);
  EXPECT_EQ(chosen[0]->unresolved.chooser, "ElationApi::call");
  EXPECT_EQ(chosen[0]->unresolved.parameter, "method");
}

TEST(ExtractWrapperBranches, OmittedArgumentTakesTheDefault) {
  const auto calls = calls_in("get_posts_with_body");
  const auto omitted = calls_at(calls, "main.cpp", 16);  // client.fetch("/allergies/")
  ASSERT_EQ(omitted.size(), 1u);
  EXPECT_EQ(omitted[0]->method, HttpMethod::Get);
  const auto empty = calls_at(calls, "main.cpp", 13);  // client.fetch("/patients/", "")
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0]->method, HttpMethod::Get);
  const auto body = calls_at(calls, "main.cpp", 15);  // client.fetch("/problems/", "{...}")
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0]->method, HttpMethod::Post);
  const auto nullopt = calls_at(calls, "main.cpp", 18);  // client.save(path, std::nullopt)
  ASSERT_EQ(nullopt.size(), 1u);
  EXPECT_EQ(nullopt[0]->method, HttpMethod::Delete);
  const auto unknown = calls_at(calls, "main.cpp", 20);  // client.fetch("/problems/", run-time body)
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_FALSE(unknown[0]->method.has_value());
}

TEST(ExtractWrapperBranches, LibcurlOptionsSetInBranches) {
  const auto calls = calls_in("libcurl_verb_if");
  const auto get = calls_at(calls, "main.cpp", 12);  // send("GET", ...): neither branch
  ASSERT_EQ(get.size(), 1u);
  EXPECT_EQ(get[0]->method, HttpMethod::Get);
  EXPECT_EQ(get[0]->body.kind, RequestBody::Kind::None);
  const auto post = calls_at(calls, "main.cpp", 14);  // send("POST", ...)
  ASSERT_EQ(post.size(), 1u);
  EXPECT_EQ(post[0]->method, HttpMethod::Post);
  const auto remove = calls_at(calls, "main.cpp", 13);  // send("DELETE", ...)
  ASSERT_EQ(remove.size(), 1u);
  EXPECT_EQ(remove[0]->method, HttpMethod::Delete);
}

TEST(ExtractWrapperBranches, BeastVerbParameter) {
  const auto calls = calls_in("beast_verb");
  const auto post = calls_at(calls, "main.cpp", 16);
  ASSERT_EQ(post.size(), 1u);
  EXPECT_EQ(post[0]->method, HttpMethod::Post);
  const auto remove = calls_at(calls, "main.cpp", 17);
  ASSERT_EQ(remove.size(), 1u);
  EXPECT_EQ(remove[0]->method, HttpMethod::Delete);
  EXPECT_EQ(remove[0]->url, "/api/2.0/appointments/{}/");
}

TEST(ExtractWrapperBranches, ChoiceFollowedThroughAnOuterWrapper) {
  test::TempDir dir;
  dir.write("api.cpp", R"(#include <httplib.h>
#include <string>
enum class Method { Get, Delete };
std::string call(httplib::Client& cli, Method m, const std::string& path) {
  if (m == Method::Delete) return cli.Delete("/api/2.0" + path) ? "" : "";
  return cli.Get("/api/2.0" + path)->body;
}
std::string patients(httplib::Client& cli, Method m) { return call(cli, m, "/patients/"); }
int main() {
  httplib::Client cli("https://app.elationemr.com");
  patients(cli, Method::Delete);
  patients(cli, Method::Get);
}
)");
  const auto calls = calls_in_source(dir);
  const auto remove = calls_at(calls, "api.cpp", 11);
  ASSERT_EQ(remove.size(), 1u);
  EXPECT_EQ(remove[0]->method, HttpMethod::Delete);
  EXPECT_EQ(remove[0]->url, "/api/2.0/patients/");
  const auto get = calls_at(calls, "api.cpp", 12);
  ASSERT_EQ(get.size(), 1u);
  EXPECT_EQ(get[0]->method, HttpMethod::Get);
}

TEST(ExtractWrapperBranches, BranchesWithTheSameMethodStayKnown) {
  test::TempDir dir;
  dir.write("api.cpp", R"(#include <httplib.h>
#include <string>
std::string list(httplib::Client& cli, const std::string& mode, const std::string& path) {
  if (mode == "all") return cli.Get("/api/2.0" + path)->body;
  return cli.Get("/api/2.0" + path)->body;
}
int main(int argc, char** argv) {
  httplib::Client cli("https://app.elationemr.com");
  list(cli, argv[1], "/patients/");
}
)");
  const auto calls = calls_in_source(dir);
  const auto list = calls_at(calls, "api.cpp", 9);
  ASSERT_FALSE(list.empty());
  for (const auto* call : list) EXPECT_EQ(call->method, HttpMethod::Get);
}

using Summary = std::tuple<std::string, std::string, std::string>;  // rule, level, message

std::vector<Summary> findings_of(const std::string& project) {
  auto result = test::run_scopelint({"--format=json", "--quiet", "--no-cache", kWrappers + project}, SCOPELINT_FIXTURES);
  EXPECT_LE(result.exit_code, 1) << result.err;
  std::vector<Summary> out;
  auto json = nlohmann::json::parse(result.out, nullptr, false);
  if (json.is_discarded()) {
    ADD_FAILURE() << result.out << result.err;
    return out;
  }
  for (const auto& f : json["findings"]) out.emplace_back(f["rule"], f["level"], f["message"]);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ExtractWrapperParity, WrappedProjectReportsWhatTheDirectOneDoes) {
  const auto direct = findings_of("direct_httplib");
  EXPECT_FALSE(direct.empty());
  EXPECT_EQ(findings_of("wrapped_httplib"), direct);
}

}  // namespace
}  // namespace scopelint

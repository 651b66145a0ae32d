// Never dropped silently: a request whose destination is unknown (no URL, or host and path both
// run-time values) in a file that makes API calls or token requests may be an API call, so it is an
// unresolved call, and unused scopes are not guessed while it is (classify/classify.cpp).
#include <gtest/gtest.h>

#include "check_facts.h"
#include "checks/checks.h"
#include "catalog/catalog.h"

namespace scopelint {
namespace {

using namespace check_facts;

HttpCall nowhere(const std::string& file, std::optional<std::string> url) {
  HttpCall call;
  call.location = {file, 30, 5};
  call.method = HttpMethod::Get;
  call.url = std::move(url);
  if (!call.url) call.unresolved.url = UnresolvedParts::Url::BuiltAtRunTime;
  return call;
}

TEST(UnknownDestination, IsAnUnresolvedCallInAFileWithEvidence) {
  for (const std::optional<std::string>& url : {std::optional<std::string>{}, std::optional<std::string>{"{}"},
                                                std::optional<std::string>{"{}/{}"}}) {
    auto findings = check({token_raw(raw_scope("system/patients.read%20system/problems.write"), 2),
                           api("GET", "/patients/", 9), nowhere("client.cpp", url)});
    auto unresolved = of_rule(findings, "unresolved-call");
    ASSERT_EQ(unresolved.size(), 2u) << url.value_or("<none>");
    EXPECT_EQ(unresolved[0].location.line, 2u);  // the token's unused scopes cannot be judged
    EXPECT_TRUE(contains(unresolved[0].message, "cannot be judged while 1 API call is unresolved"));
    EXPECT_EQ(unresolved[1].location.line, 30u);
    EXPECT_TRUE(of_rule(findings, "unused-scope").empty());
  }
}

TEST(UnknownDestination, StaysOutElsewhere) {
  const HttpCall token = token_raw(raw_scope("system/patients.read%20system/problems.write"), 2);
  // Another file with no API call; a literal other host; a literal path of another service.
  for (const HttpCall& other : {nowhere("feeds.cpp", std::nullopt), nowhere("client.cpp", "https://api.github.com/{}"),
                                nowhere("client.cpp", "{}/v1/feeds/{}")}) {
    auto findings = check({token, api("GET", "/patients/", 9), other});
    EXPECT_TRUE(of_rule(findings, "unresolved-call").empty()) << other.location.file << " " << other.url.value_or("");
    auto unused = of_rule(findings, "unused-scope");
    ASSERT_EQ(unused.size(), 1u);
    EXPECT_EQ(unused[0].scope, "system/problems.write");
  }
  // A client whose base is a literal other host.
  HttpCall keycloak = nowhere("client.cpp", std::nullopt);
  keycloak.base = "https://sso.example.org";
  EXPECT_TRUE(of_rule(check({token, api("GET", "/patients/", 9), keycloak}), "unresolved-call").empty());
}

TEST(UnknownDestination, APathGluedToTheApiBaseCouldBeAnyEndpoint) {
  // `"/api/2.0" + path` with the path a run-time value: not "/api/2.0{}" as one odd segment.
  HttpCall glued = nowhere("client.cpp", "/api/2.0{}");
  glued.base = "https://app.elationemr.com";
  HttpCall unknown_client = nowhere("client.cpp", "/api/2.0{}");
  for (const HttpCall& call : {glued, unknown_client}) {
    auto findings = check({token_raw(raw_scope("system/patients.read"), 2), api("GET", "/patients/", 9), call});
    EXPECT_TRUE(of_rule(findings, "unknown-endpoint").empty());
    auto unresolved = of_rule(findings, "unresolved-call");
    ASSERT_EQ(unresolved.size(), 1u) << call.base.value_or("");
    EXPECT_EQ(unresolved[0].location.line, 30u);
  }
}

TEST(UnknownDestination, TheApiBasePathIsEvidenceOnItsOwn) {
  // A file whose every request is "/api/2.0" + a run-time path (a QUrl helper on a configured
  // base) used to get "no Elation API call found"; each request is an unresolved call.
  for (const char* url : {"/api/2.0{}", "{}/api/2.0{}"}) {
    const auto findings = check({nowhere("kiosk.cpp", url)});
    EXPECT_EQ(of_rule(findings, "unresolved-call").size(), 1u) << url;
  }
  // Without the base path, a file with no evidence still says nothing.
  EXPECT_TRUE(check({nowhere("kiosk.cpp", "{}/v2/{}")}).empty());
}

}  // namespace
}  // namespace scopelint

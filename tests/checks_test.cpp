// Every check on hand-built facts, positive and negative.
#include <gtest/gtest.h>

#include "check_facts.h"
#include "checks/checks.h"
#include "catalog/catalog.h"

namespace scopelint {
namespace {

using namespace check_facts;

TEST(Checks, CoveredCallsGiveNoFindings) {
  auto findings = check({token_raw(raw_scope("system/patients.read%20system/allergies.write"), 1),
                         api("GET", "/patients/{}/", 10), api("POST", "/allergies/", 11)});
  EXPECT_TRUE(findings.empty()) << findings.front().message;
}

TEST(Checks, MissingScopeAtTheCallWithANoteAtTheToken) {
  auto findings = check({token_raw(raw_scope("system/patients.read"), 3), api("GET", "/patients/", 10),
                         api("POST", "/allergies/", 12)});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].level, Level::Error);
  EXPECT_EQ(missing[0].location.line, 12u);
  EXPECT_EQ(missing[0].scope, "system/allergies.write");
  EXPECT_EQ(missing[0].message,
            "POST /api/2.0/allergies/ needs scope 'system/allergies.write', which no token request asks for");
  ASSERT_EQ(missing[0].notes.size(), 1u);
  EXPECT_EQ(missing[0].notes[0].location.line, 3u);
  EXPECT_TRUE(contains(missing[0].notes[0].message, "system/patients.read"));
}

TEST(Checks, WriteDoesNotGrantRead) {
  auto findings = check({token_raw(raw_scope("system/allergies.write"), 1), api("GET", "/allergies/", 5),
                         api("POST", "/allergies/", 6)});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].scope, "system/allergies.read");
  EXPECT_TRUE(contains(missing[0].message, "write does not grant read"));
}

TEST(Checks, UnscopedEndpointOnlyApiv2Reaches) {
  auto findings = check({token_raw(raw_scope("system/patients.read"), 1), api("GET", "/patients/", 4),
                         api("POST", "/referral_orders/", 5)});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_TRUE(contains(missing[0].message, "only apiv2 reaches it"));
  EXPECT_TRUE(of_rule(findings, "global-scope").empty());
}

TEST(Checks, NoScopeParameterIsGlobalWithLeastPrivilege) {
  auto findings = check({token_raw("grant_type=client_credentials&client_id=a", 2),
                         api("GET", "/patients/", 5), api("POST", "/allergies/", 6), api("GET", "/patients/1/", 7)});
  auto global = of_rule(findings, "global-scope");
  ASSERT_EQ(global.size(), 1u);
  EXPECT_EQ(global[0].location.line, 2u);
  EXPECT_TRUE(contains(global[0].message, "sends no scope"));
  EXPECT_TRUE(contains(global[0].message, "'system/allergies.write system/patients.read'"));
  EXPECT_EQ(global[0].suggested_scopes,
            (std::vector<std::string>{"system/allergies.write", "system/patients.read"}));
  EXPECT_TRUE(of_rule(findings, "missing-scope").empty());
}

TEST(Checks, ExplicitApiv2IsGlobal) {
  auto findings = check({token_fields(std::string("apiv2"), 2), api("GET", "/vitals/", 5)});
  auto global = of_rule(findings, "global-scope");
  ASSERT_EQ(global.size(), 1u);
  EXPECT_TRUE(contains(global[0].message, "asks for the global scope 'apiv2'"));
}

TEST(Checks, GlobalScopeIsNotFlaggedWhenAnUnscopedEndpointNeedsIt) {
  auto findings = check({token_fields(std::nullopt, 2), api("GET", "/users/", 5)});
  EXPECT_TRUE(of_rule(findings, "global-scope").empty());
}

TEST(Checks, GlobalCombined) {
  auto findings = check({token_raw(raw_scope("apiv2+system/patients.read"), 2), api("GET", "/patients/", 3)});
  ASSERT_EQ(of_rule(findings, "global-scope-combined").size(), 1u);
  EXPECT_EQ(of_rule(findings, "global-scope-combined")[0].level, Level::Error);
  EXPECT_TRUE(of_rule(findings, "missing-scope").empty());
  EXPECT_TRUE(of_rule(findings, "global-scope").empty());
}

TEST(Checks, UnusedScope) {
  auto findings = check({token_raw(raw_scope("system/patients.read%20system/patients.write"), 2),
                         api("GET", "/patients/", 5)});
  auto unused = of_rule(findings, "unused-scope");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].scope, "system/patients.write");
  EXPECT_EQ(unused[0].level, Level::Warning);
  EXPECT_EQ(unused[0].suggested_scopes, std::vector<std::string>{"system/patients.read"});
}

HttpCall could_need_anything(unsigned line) {
  HttpCall unknown = api("GET", "/patients/", line);
  unknown.url = std::string(kHost) + "/api/2.0/{}/";
  return unknown;
}

// Instead of unused-scope, one note per token request says what could not be judged, and points at
// the calls that keep it from being judged.
TEST(Checks, UnusedScopeIsNotJudgedWhenACallCouldNeedAnything) {
  auto findings = check({token_raw(raw_scope("system/patients.read%20system/vitals.write"), 2),
                         api("GET", "/patients/", 4), could_need_anything(5),
                         could_need_anything(6)});
  EXPECT_TRUE(of_rule(findings, "unused-scope").empty());
  auto unresolved = of_rule(findings, "unresolved-call");
  ASSERT_EQ(unresolved.size(), 3u);
  const Finding& note = unresolved[0];
  EXPECT_EQ(note.location.line, 2u);
  EXPECT_EQ(note.level, Level::Note);
  EXPECT_EQ(note.message,
            "unused scopes of this token request cannot be judged while 2 API calls are "
            "unresolved (no resolved call needs 'system/vitals.write')");
  ASSERT_EQ(note.notes.size(), 2u);
  EXPECT_EQ(note.notes[0].location.line, 5u);
  EXPECT_EQ(note.notes[1].location.line, 6u);
}

// No note where there was nothing to judge: every scope needed, the global scope, unknown scopes
// only, a scope the unresolved call's candidates cover, or no call that might need any scope.
TEST(Checks, NoUnjudgedNoteWhenUnusedScopeHadNothingToJudge) {
  for (const char* scope : {"system/patients.read", "apiv2", "system/nonsense.read", ""}) {
    auto findings = check({token_raw(raw_scope(scope), 2), api("GET", "/patients/", 4),
                           could_need_anything(5)});
    EXPECT_EQ(of_rule(findings, "unresolved-call").size(), 1u) << scope;
  }
  HttpCall unknown_method = api("GET", "/medications/", 5);
  unknown_method.method.reset();
  auto findings = check({token_raw(raw_scope("system/patients.read%20system/medications.write"), 2),
                         api("GET", "/patients/", 4), unknown_method});
  EXPECT_EQ(of_rule(findings, "unresolved-call").size(), 1u);
  findings = check({token_raw(raw_scope("system/patients.read%20system/vitals.write"), 2),
                    api("GET", "/patients/", 4), unknown_method});
  EXPECT_EQ(of_rule(findings, "unused-scope").size(), 1u);  // judged: the call cannot need vitals
  EXPECT_EQ(of_rule(findings, "unresolved-call").size(), 1u);
}

TEST(Checks, UnusedScopeIsNotJudgedWithoutCalls) {
  auto findings = check({token_raw(raw_scope("system/patients.read"), 2)});
  EXPECT_TRUE(findings.empty());
}

TEST(Checks, UnknownScopeWithDidYouMeanAlsoMissing) {
  auto findings = check({token_raw(raw_scope("system/patient.read"), 2), api("GET", "/patients/", 5)});
  auto unknown = of_rule(findings, "unknown-scope");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(contains(unknown[0].message, "did you mean 'system/patients.read'"));
  EXPECT_EQ(of_rule(findings, "missing-scope").size(), 1u);
}

TEST(Checks, UnknownScopeWithoutPrefix) {
  auto findings = check({token_raw(raw_scope("patients.read"), 2), api("GET", "/patients/", 5)});
  auto unknown = of_rule(findings, "unknown-scope");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(contains(unknown[0].message, "did you mean 'system/patients.read'"));
}

TEST(Checks, UnknownScopeFarFromAnything) {
  auto findings = check({token_raw(raw_scope("openid"), 2), api("GET", "/patients/", 5)});
  auto unknown = of_rule(findings, "unknown-scope");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_FALSE(contains(unknown[0].message, "did you mean"));
}

TEST(Checks, ReadOnlyScope) {
  auto findings = check({token_raw(raw_scope("system/languages.write%20system/languages.read"), 2),
                         api("GET", "/languages/", 5)});
  auto read_only = of_rule(findings, "read-only-scope");
  ASSERT_EQ(read_only.size(), 1u);
  EXPECT_TRUE(contains(read_only[0].message, "system/languages.write"));
  EXPECT_TRUE(of_rule(findings, "unknown-scope").empty());
  EXPECT_TRUE(of_rule(findings, "missing-scope").empty());
}

TEST(Checks, UnknownEndpoint) {
  auto findings = check({token_raw(raw_scope("system/allergies.read"), 1), api("GET", "/alergies/", 5),
                         api("GET", "/allergies/", 6)});
  auto unknown = of_rule(findings, "unknown-endpoint");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].location.line, 5u);
  EXPECT_TRUE(contains(unknown[0].message, "/api/2.0/alergies/"));
  EXPECT_TRUE(contains(unknown[0].message, "did you mean 'allergies'"));
}

TEST(Checks, TheApiRootIsAnUnknownEndpointWithNoSuggestion) {
  // Nothing after /api/2.0/: no resource name to match (this used to end the scan).
  for (const char* path : {"/", "//", ""}) {
    auto findings = check({token_raw(raw_scope("system/allergies.read"), 1), api("GET", path, 5),
                           api("GET", "/allergies/", 6)});
    auto unknown = of_rule(findings, "unknown-endpoint");
    ASSERT_EQ(unknown.size(), 1u) << path;
    EXPECT_FALSE(contains(unknown[0].message, "did you mean")) << unknown[0].message;
  }
}

TEST(Checks, UndocumentedMethod) {
  auto findings = check({token_raw(raw_scope("system/letters.write"), 1), api("DELETE", "/letters/{}/", 5)});
  auto unknown = of_rule(findings, "unknown-endpoint");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(contains(unknown[0].message, "DELETE is not documented"));
}

TEST(Checks, ScopeEncodingRawSpaceAndComma) {
  auto space = check({token_raw(raw_scope("system/vitals.read system/vitals.write"), 1),
                      api("GET", "/vitals/", 3), api("POST", "/vitals/", 4)});
  ASSERT_EQ(of_rule(space, "scope-encoding").size(), 1u);
  EXPECT_TRUE(contains(of_rule(space, "scope-encoding")[0].message, "raw space"));
  auto comma = check({token_fields(std::string("system/vitals.read,system/vitals.write"), 1),
                      api("GET", "/vitals/", 3), api("POST", "/vitals/", 4)});
  ASSERT_EQ(of_rule(comma, "scope-encoding").size(), 1u);
  EXPECT_TRUE(contains(of_rule(comma, "scope-encoding")[0].message, "comma"));
}

TEST(Checks, ScopeEncodingDoubleEncoded) {
  auto findings = check({token_fields(std::string("system/vitals.read%20system/vitals.write"), 1),
                         api("GET", "/vitals/", 3), api("POST", "/vitals/", 4)});
  ASSERT_EQ(of_rule(findings, "scope-encoding").size(), 1u);
  EXPECT_TRUE(contains(of_rule(findings, "scope-encoding")[0].message, "%20"));
}

TEST(Checks, UnresolvedMethod) {
  HttpCall call = api("GET", "/medications/", 5);
  call.method.reset();
  auto findings = check({token_raw(raw_scope("system/medications.read"), 1), call});
  auto unresolved = of_rule(findings, "unresolved-call");
  ASSERT_EQ(unresolved.size(), 1u);
  EXPECT_EQ(unresolved[0].level, Level::Note);
  EXPECT_TRUE(contains(unresolved[0].message, "could not work out"));
  EXPECT_TRUE(contains(unresolved[0].message, "system/medications.write"));
  EXPECT_TRUE(of_rule(findings, "missing-scope").empty());
  EXPECT_TRUE(of_rule(findings, "unused-scope").empty());
}

TEST(Checks, RuntimeScopeIsNotJudged) {
  auto findings = check({token_raw(raw_scope("{}"), 1), api("GET", "/patients/", 5)});
  EXPECT_TRUE(of_rule(findings, "missing-scope").empty());
  ASSERT_EQ(of_rule(findings, "unresolved-call").size(), 1u);
  EXPECT_TRUE(contains(of_rule(findings, "unresolved-call")[0].message, "scope of this token request"));
}

TEST(Checks, OtherHostsAreIgnored) {
  HttpCall github = api("GET", "/patients/", 5);
  github.url = "https://api.github.com/repos/x/y";
  HttpCall internal = api("POST", "/patients/", 6);
  internal.url = "http://localhost:8080/patients/";
  HttpCall keycloak = token_raw("grant_type=client_credentials", 7);
  keycloak.url = "https://sso.example.com/realms/x/protocol/openid-connect/token";
  EXPECT_TRUE(check({github, internal, keycloak}).empty());
}

TEST(Checks, BarePathNeedsAnElationBaseOrApiPrefix) {
  HttpCall bare = api("GET", "/patients/", 5);
  bare.url = "/patients/";
  HttpCall prefixed = bare;
  prefixed.url = "/api/2.0/patients/";
  prefixed.location.line = 6;  // one line each: the same finding at one place is reported once
  HttpCall based = bare;
  based.base = "https://sandbox.elationemr.com/api/2.0";
  based.location.line = 7;
  auto findings = check({token_raw(raw_scope("system/vitals.read"), 1), bare, prefixed, based,
                         api("GET", "/vitals/", 9)});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 2u);  // the prefixed and the based call, not the bare one
  EXPECT_EQ(missing[0].location.line, 6u);
  EXPECT_EQ(missing[1].location.line, 7u);
}

TEST(Checks, TheSameFindingAtOnePlaceIsReportedOnce) {
  // Alternatives of one call that reach one endpoint (two hosts) make the same finding.
  HttpCall production = api("GET", "/patients/", 5);
  HttpCall sandbox = production;
  sandbox.url = "https://sandbox.elationemr.com/api/2.0/patients/";
  const auto findings = check({token_raw(raw_scope("system/vitals.read"), 1), production, sandbox,
                               api("GET", "/vitals/", 9)});
  EXPECT_EQ(of_rule(findings, "missing-scope").size(), 1u);
}

TEST(Checks, GrantedScopesFromConfig) {
  Facts facts;
  facts.calls = {api("GET", "/patients/", 5), api("POST", "/vitals/", 6)};
  facts.granted.push_back({{"scopelint.json", 3, 5}, "system/patients.read", ""});
  auto findings = run_checks(facts, default_catalog());
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].scope, "system/vitals.write");
  EXPECT_TRUE(contains(missing[0].notes[0].message, "configuration"));
}

TEST(Checks, ComponentsAreJudgedSeparately) {
  HttpCall reader_token = token_raw(raw_scope("system/patients.read"), 1);
  reader_token.component = "reporting";
  HttpCall reader_call = api("GET", "/patients/", 2);
  reader_call.component = "reporting";
  HttpCall writer_token = token_raw(raw_scope("system/vitals.write"), 3);
  writer_token.component = "writer";
  HttpCall writer_call = api("GET", "/patients/", 4);
  writer_call.component = "writer";
  auto findings = check({reader_token, reader_call, writer_token, writer_call});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].location.line, 4u);
}

TEST(Checks, FindingsAreSorted) {
  auto findings = check({token_raw(raw_scope("system/x.read"), 9), api("GET", "/patients/", 2),
                         api("GET", "/vitals/", 1)});
  for (size_t i = 1; i < findings.size(); ++i) EXPECT_FALSE(finding_order(findings[i], findings[i - 1]));
}

TEST(Checks, NoTokenRequestWithOnlyUnresolvedCallsGivesNoEmptyScopeString) {
  // A call whose path could be any endpoint: no scope is known to be needed.
  HttpCall unknown = check_facts::api("GET", "/{}", 7);
  const auto findings = check_facts::of_rule(check_facts::check({unknown}), "no-token-request");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "no token request or granted scopes found, so missing scopes are not judged (declare them with "
            "--granted-scopes or granted_scopes in .scopelint.json)");
  const auto known = check_facts::of_rule(check_facts::check({check_facts::api("GET", "/patients/", 7)}),
                                          "no-token-request");
  ASSERT_EQ(known.size(), 1u);
  EXPECT_NE(known[0].message.find("; the calls found need 'system/patients.read' (declare"), std::string::npos);
}

}  // namespace
}  // namespace scopelint

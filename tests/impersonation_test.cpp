// Impersonation: a request that sets X-On-Behalf-Of needs act_as_user besides its endpoint's scope,
// and the global scope does not include it (rules/elation.json "header_scopes").
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "check_facts.h"
#include "checks/checks.h"
#include "catalog/catalog.h"
#include "catalog/embedded_rules.h"

namespace scopelint {
namespace {

using namespace check_facts;

HttpCall on_behalf(HttpCall call, const std::string& header = "X-On-Behalf-Of") {
  call.headers = {"Authorization", header};
  return call;
}

TEST(Impersonation, TheHeaderNeedsActAsUserBesideTheEndpointScope) {
  auto findings = check({token_raw(raw_scope("system/visit_notes.write"), 2),
                         on_behalf(api("POST", "/visit_notes/", 9))});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].scope, "act_as_user");
  EXPECT_EQ(missing[0].location.line, 9u);
  EXPECT_EQ(missing[0].message,
            "POST /api/2.0/visit_notes/ sets the header 'X-On-Behalf-Of', which needs scope 'act_as_user'; "
            "no token request asks for it");
  ASSERT_GE(missing[0].notes.size(), 2u);
  EXPECT_TRUE(contains(missing[0].notes[0].message, "401"));
  ASSERT_TRUE(missing[0].planned_fix.has_value());
  EXPECT_EQ(missing[0].planned_fix->description, "add 'act_as_user'");
  EXPECT_EQ(findings.size(), 1u);
}

TEST(Impersonation, HeaderNamesCompareIgnoringCase) {
  auto findings = check({token_raw(raw_scope("system/patients.read"), 2),
                         on_behalf(api("GET", "/patients/", 9), "x-on-behalf-of")});
  ASSERT_EQ(of_rule(findings, "missing-scope").size(), 1u);
  EXPECT_EQ(of_rule(findings, "missing-scope")[0].scope, "act_as_user");
}

TEST(Impersonation, TheGlobalScopeDoesNotIncludeActAsUser) {
  auto findings = check({token_raw(raw_scope("apiv2"), 2), on_behalf(api("GET", "/patients/", 9))});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].scope, "act_as_user");
  // The least-privilege suggestion keeps act_as_user.
  auto global = of_rule(findings, "global-scope");
  ASSERT_EQ(global.size(), 1u);
  EXPECT_EQ(global[0].suggested_scopes, (std::vector<std::string>{"act_as_user", "system/patients.read"}));
}

TEST(Impersonation, ApiV2BesideActAsUserIsValidButStillGlobal) {
  auto findings = check({token_raw(raw_scope("apiv2%20act_as_user"), 2), on_behalf(api("GET", "/patients/", 9))});
  EXPECT_TRUE(of_rule(findings, "global-scope-combined").empty());
  EXPECT_TRUE(of_rule(findings, "missing-scope").empty());
  EXPECT_TRUE(of_rule(findings, "unused-scope").empty());
  ASSERT_EQ(of_rule(findings, "global-scope").size(), 1u);
  // A resource scope beside apiv2 is still refused by the server.
  auto combined = check({token_raw(raw_scope("apiv2%20act_as_user%20system/patients.read"), 2),
                         on_behalf(api("GET", "/patients/", 9))});
  EXPECT_EQ(of_rule(combined, "global-scope-combined").size(), 1u);
}

TEST(Impersonation, ActAsUserAloneGrantsNoResource) {
  auto findings = check({token_raw(raw_scope("act_as_user"), 2), on_behalf(api("GET", "/patients/", 9))});
  auto missing = of_rule(findings, "missing-scope");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].scope, "system/patients.read");
  EXPECT_TRUE(of_rule(findings, "global-scope").empty());
  EXPECT_TRUE(of_rule(findings, "unknown-scope").empty());
}

TEST(Impersonation, ActAsUserNoCallNeedsIsUnused) {
  auto findings = check({token_raw(raw_scope("system/patients.read%20act_as_user"), 2),
                         api("GET", "/patients/", 9)});
  auto unused = of_rule(findings, "unused-scope");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].scope, "act_as_user");
  EXPECT_TRUE(contains(unused[0].message, "no call sets the header 'X-On-Behalf-Of'"));
  EXPECT_EQ(unused[0].suggested_scopes, std::vector<std::string>{"system/patients.read"});
}

TEST(Impersonation, HeadersNotWorkedOutKeepActAsUser) {
  HttpCall unknown_headers = api("GET", "/patients/", 9);
  unknown_headers.headers_unknown = true;
  HttpCall runtime_name = api("GET", "/patients/1/", 10);
  runtime_name.headers = {"X-{}"};
  for (const HttpCall& call : {unknown_headers, runtime_name}) {
    auto findings = check({token_raw(raw_scope("system/patients.read%20act_as_user"), 2), call,
                           api("POST", "/allergies/", 11)});
    EXPECT_TRUE(of_rule(findings, "unused-scope").empty());
    // The fix for the missing scope keeps act_as_user, which some call may need.
    auto missing = of_rule(findings, "missing-scope");
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].scope, "system/allergies.write");
    ASSERT_TRUE(missing[0].planned_fix.has_value());
    EXPECT_EQ(missing[0].planned_fix->description,
              "request only 'act_as_user system/allergies.write system/patients.read'");
  }
  // Without act_as_user in the token, unknown headers are not guessed to need it.
  auto findings = check({token_raw(raw_scope("system/patients.read"), 2), unknown_headers});
  EXPECT_TRUE(findings.empty()) << findings.front().message;
}

TEST(Impersonation, ActAsUserIsInTheCatalogAsTheScopeOfTheHeader) {
  const Catalog& catalog = default_catalog();
  ASSERT_NE(catalog.header_rule("X-ON-BEHALF-OF"), nullptr);
  EXPECT_EQ(catalog.header_rule("x-on-behalf-of")->scope, "act_as_user");
  EXPECT_EQ(catalog.header_rule("Authorization"), nullptr);
  EXPECT_TRUE(catalog.is_header_scope("act_as_user"));
  EXPECT_FALSE(catalog.is_header_scope("apiv2"));
  EXPECT_EQ(catalog.scopes.count("act_as_user"), 1u);
}

// The error of loading the built-in catalog with its header scopes replaced, or "" if it loads.
std::string error_with_header_scopes(const nlohmann::json& header_scopes) {
  nlohmann::json catalog = nlohmann::json::parse(find_embedded_rule_file("rules/elation.json"));
  catalog["header_scopes"] = header_scopes;
  try {
    load_catalog(catalog.dump(), "test.json");
  } catch (const CatalogError& error) {
    return error.what();
  }
  return "";
}

TEST(Impersonation, TheCatalogChecksItsHeaderScopes) {
  const auto rule = [](const char* header, const char* scope) {
    return nlohmann::json{{"header", header}, {"scope", scope}, {"description", "d"}};
  };
  using Json = nlohmann::json;
  EXPECT_EQ(error_with_header_scopes(Json::array({rule("X-On-Behalf-Of", "act_as_user"), rule("X-Audit", "audit")})), "");
  EXPECT_EQ(error_with_header_scopes(Json::array({rule("X On Behalf", "act_as_user")})),
            "test.json:1: /header_scopes/0/header: a header name may hold only letters, digits and '-'");
  EXPECT_EQ(error_with_header_scopes(Json::array({rule("X-On-Behalf-Of", "act_as_user"), rule("x-on-behalf-of", "other")})),
            "test.json:1: /header_scopes/1/header: duplicate header 'x-on-behalf-of'");
  for (const char* taken : {"apiv2", "system/patients.read"}) {
    EXPECT_EQ(error_with_header_scopes(Json::array({rule("X-On-Behalf-Of", taken)})),
              "test.json:1: /header_scopes/0/scope: scope '" + std::string(taken) +
                  "' must be a new scope name, not a resource scope or the global scope");
  }
  EXPECT_EQ(error_with_header_scopes(Json::array({Json{{"header", "X-On-Behalf-Of"}, {"scope", "act_as_user"}}})),
            "test.json:1: /header_scopes/0/description: missing required key");
}

}  // namespace
}  // namespace scopelint

// The endpoint matcher on the real catalog: every endpoint, nested paths, wildcards, methods.
#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "classify/endpoint_matcher.h"
#include "util/url.h"

namespace scopelint {
namespace {

Requirement need(const std::string& method, const std::string& path,
                 const std::vector<std::string>& fields = {}) {
  const Catalog& catalog = default_catalog();
  auto match = match_endpoint(catalog, path_segments(path));
  std::optional<HttpMethod> m;
  if (!method.empty()) m = parse_http_method(method);
  return requirement_for(catalog, match, m, fields);
}

std::vector<std::string> scopes(const Requirement& r) { return r.scopes; }

struct Case {
  const char* method;
  const char* path;
  const char* scope;
};

// Hand-written from the specification and the endpoint list, independent of rules/elation.json.
TEST(EndpointMatcher, KnownEndpoints) {
  const Case cases[] = {
      {"GET", "/patients/", "system/patients.read"},
      {"POST", "/patients/", "system/patients.write"},
      {"HEAD", "/patients/1/", "system/patients.read"},
      {"DELETE", "/allergies/{}/", "system/allergies.write"},
      {"PATCH", "/allergies/42", "system/allergies.write"},
      {"GET", "/patients/{}/insurance_cards/", "system/patients.read"},
      {"POST", "/patients/{}/policies/{}/card-images/", "system/patients.write"},
      {"GET", "/patients/7/policies/9/card-images", "system/patients.read"},
      {"POST", "/patients/{}/incoming_files/", "system/patients.write"},
      {"POST", "/patients/{}/outstanding_balance/", "system/patients.write"},
      {"GET", "/reports/{}/files/{}/", "system/reports.read"},
      {"GET", "/visit_notes/{}/visit_summary/", "system/visit_notes.read"},
      {"GET", "/vaccine/", "system/vaccine.read"},
      {"PUT", "/patient-provider-team-members/{}/", "system/patient-provider-team-members.write"},
      {"GET", "/appointments/rooms/", "system/appointments.read"},
      {"PATCH", "/bills/{}/actions/release-to-pms/", "system/bills.write"},
      {"GET", "/contacts/search/", "system/contacts.read"},
      {"PUT", "/physicians/{}/availabilities/", "system/physicians.write"},
      {"GET", "/pharmacies/{}/", "system/pharmacies.read"},
      {"GET", "/ccda/{}/", "system/ccda.read"},
      {"GET", "/incoming_files/{}/images/{}/", "system/incoming_files.read"},
      {"POST", "/thread_messages/", "system/thread_messages.write"},
      {"GET", "/lab_orders/{}/printable/", "system/lab_orders.read"},
      {"POST", "/recurring_event_groups/", "system/recurring_event_groups.write"},
      {"GET", "/insurance_plans/", "system/insurance_plans.read"},
      {"GET", "/staff_groups/{}", "system/staff_groups.read"},
  };
  for (const auto& c : cases) {
    Requirement r = need(c.method, c.path);
    EXPECT_EQ(r.kind, Requirement::Kind::Scopes) << c.method << " " << c.path;
    EXPECT_EQ(scopes(r), std::vector<std::string>{c.scope}) << c.method << " " << c.path;
  }
}

// Every documented endpoint of every resource, each with each of its methods, maps to its
// resource's read or write scope (run-time ids in place of placeholders).
TEST(EndpointMatcher, EveryCatalogEndpoint) {
  const Catalog& catalog = default_catalog();
  size_t checked = 0;
  for (const auto& rule : catalog.endpoints) {
    std::string path;
    for (const auto& s : rule.segments) path += "/" + (s.front() == '{' ? std::string("123") : s);
    for (HttpMethod method : rule.methods) {
      Requirement r = need(std::string(to_string(method)), path + "/");
      if (rule.resource.empty()) {
        EXPECT_EQ(r.kind, Requirement::Kind::GlobalOnly) << path;
        continue;
      }
      ASSERT_EQ(r.kind, Requirement::Kind::Scopes) << to_string(method) << " " << path;
      std::string permission = is_read_method(method) ? ".read" : ".write";
      EXPECT_EQ(r.scopes.front(), "system/" + rule.resource + permission) << path;
      ++checked;
    }
  }
  EXPECT_GT(checked, 300u);
}

TEST(EndpointMatcher, EveryResourceIsReachable) {
  const Catalog& catalog = default_catalog();
  for (const auto& [name, resource] : catalog.resources) {
    Requirement r = need("GET", "/" + name + "/");
    // ccda has only a detail path; every other resource has a list path.
    if (name == "ccda" || name == "patient-provider-team-members") continue;
    EXPECT_EQ(r.kind, Requirement::Kind::Scopes) << name;
  }
}

TEST(EndpointMatcher, UnscopedEndpointsNeedTheGlobalScope) {
  for (const char* path : {"/referral_orders/", "/users/{}/", "/app/subscriptions/", "/patient_letters/",
                           "/patient-provider-teams/{}/team_members/"}) {
    EXPECT_EQ(need("GET", path).kind, Requirement::Kind::GlobalOnly) << path;
  }
  EXPECT_NE(need("GET", "/patient-provider-teams/").note.find("unconfirmed"), std::string::npos);
}

TEST(EndpointMatcher, TokenEndpoint) {
  auto match = match_endpoint(default_catalog(), path_segments("/oauth2/token/"));
  EXPECT_TRUE(match.token_endpoint);
  EXPECT_EQ(need("POST", "/oauth2/token").kind, Requirement::Kind::TokenEndpoint);
}

TEST(EndpointMatcher, UndocumentedNestedPathFollowsItsParent) {
  Requirement r = need("GET", "/patients/{}/something_new/");
  EXPECT_EQ(r.kind, Requirement::Kind::Scopes);
  EXPECT_EQ(scopes(r), std::vector<std::string>{"system/patients.read"});
}

TEST(EndpointMatcher, UnknownResource) {
  EXPECT_EQ(need("GET", "/alergies/").kind, Requirement::Kind::Unknown);
  EXPECT_EQ(need("GET", "/").kind, Requirement::Kind::Unknown);
}

TEST(EndpointMatcher, RuntimeResourceIsUnresolved) {
  Requirement r = need("GET", "/{}/");
  EXPECT_EQ(r.kind, Requirement::Kind::Unresolved);
  EXPECT_TRUE(r.could_need_any);
}

TEST(EndpointMatcher, PartialWildcardSegment) {
  Requirement r = need("GET", "/lab_{}/");
  EXPECT_EQ(r.kind, Requirement::Kind::Unresolved);
  EXPECT_FALSE(r.could_need_any);
  EXPECT_GT(r.candidates.size(), 3u);
}

TEST(EndpointMatcher, UnknownMethodGivesBothCandidates) {
  Requirement r = need("", "/medications/{}/");
  EXPECT_EQ(r.kind, Requirement::Kind::Unresolved);
  EXPECT_EQ(r.candidates,
            (std::vector<std::string>{"system/medications.read", "system/medications.write"}));
}

TEST(EndpointMatcher, WriteOnReferenceDataHasNoScope) {
  EXPECT_EQ(need("POST", "/languages/").kind, Requirement::Kind::NoScopeExists);
}

TEST(EndpointMatcher, MethodDocumentation) {
  const Catalog& catalog = default_catalog();
  auto match = match_endpoint(catalog, path_segments("/letters/{}/"));
  EXPECT_TRUE(method_documented(match, HttpMethod::Patch));
  EXPECT_FALSE(method_documented(match, HttpMethod::Delete));
  EXPECT_TRUE(method_documented(match, HttpMethod::Head));
}

TEST(EndpointMatcher, SigningNeedsVisitNotesWrite) {
  Requirement r = need("PATCH", "/reports/{}/", {"signed_by", "other"});
  EXPECT_EQ(r.scopes, (std::vector<std::string>{"system/reports.write", "system/visit_notes.write"}));
  Requirement plain = need("PATCH", "/reports/{}/", {"other"});
  EXPECT_EQ(plain.scopes, std::vector<std::string>{"system/reports.write"});
  Requirement note = need("PATCH", "/visit_notes/{}/", {"signed_by"});
  EXPECT_EQ(note.scopes, std::vector<std::string>{"system/visit_notes.write"});
}

}  // namespace
}  // namespace scopelint

// Tests for the rules catalog: the embedded Elation data against the spec, and its queries (the
// loader's tests are in catalog_loader_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace scopelint {
namespace {

using Json = nlohmann::json;

const char* const kScopeSpec = SCOPELINT_SOURCE_DIR "/../shared/spec/elation-token-scopes.md";
const char* const kEndpointSpec = SCOPELINT_SOURCE_DIR "/../shared/spec/elation-endpoints.md";

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

const EndpointRule* find_endpoint(const Catalog& catalog, const std::string& path) {
  for (const auto& rule : catalog.endpoints) {
    if (rule.path == path) return &rule;
  }
  return nullptr;
}

std::set<HttpMethod> methods(std::initializer_list<HttpMethod> list) { return {list}; }

// ---- the embedded Elation catalog -------------------------------------------------------------

TEST(CatalogData, DefaultCatalogLoadsOnceFromTheEmbeddedFile) {
  const Catalog& catalog = default_catalog();
  EXPECT_EQ(&catalog, &default_catalog());
  EXPECT_EQ(catalog.label, "rules/elation.json");
  EXPECT_EQ(catalog.api, "elation");
  EXPECT_EQ(catalog.base_path, "/api/2.0");
  EXPECT_EQ(catalog.scope_prefix, "system/");
  EXPECT_EQ(catalog.global_scope, "apiv2");
  EXPECT_EQ(catalog.token_path, "/oauth2/token/");
  EXPECT_EQ(catalog.permission_methods.at("read"),
            methods({HttpMethod::Get, HttpMethod::Head, HttpMethod::Options}));
  EXPECT_EQ(catalog.permission_methods.at("write"),
            methods({HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch, HttpMethod::Delete}));
}

TEST(CatalogData, EmbeddedCopyMatchesTheSourceFile) {
  Catalog from_file = load_catalog_file(SCOPELINT_SOURCE_DIR "/rules/elation.json");
  EXPECT_EQ(from_file.scope_names(), default_catalog().scope_names());
  EXPECT_EQ(from_file.endpoints.size(), default_catalog().endpoints.size());
}

// The scopes of resources: the spec's scope table. A header's scope (act_as_user) is documented on
// the impersonation page instead.
std::vector<std::string> resource_scope_names() {
  std::vector<std::string> names;
  for (const auto& name : default_catalog().scope_names()) {
    if (!default_catalog().is_header_scope(name)) names.push_back(name);
  }
  return names;
}

TEST(CatalogData, HoldsExactlyTheScopesOfTheSpec) {
  std::vector<std::string> expected = read_lines(SCOPELINT_TEST_DATA "/spec-scopes.txt");
  ASSERT_EQ(expected.size(), 151u);
  ASSERT_TRUE(std::is_sorted(expected.begin(), expected.end()));
  EXPECT_EQ(resource_scope_names(), expected);
  ASSERT_EQ(default_catalog().header_scopes.size(), 1u);
  EXPECT_EQ(default_catalog().header_scopes[0].header, "X-On-Behalf-Of");
  EXPECT_EQ(default_catalog().header_scopes[0].scope, "act_as_user");
  EXPECT_EQ(default_catalog().scope_names().size(), 152u);
}

TEST(CatalogData, MatchesTheScopeTableOfTheSpecDocument) {
  if (!std::filesystem::exists(kScopeSpec)) GTEST_SKIP() << "no " << kScopeSpec;
  std::map<std::string, std::string> spec;  // scope -> description
  for (const auto& line : read_lines(kScopeSpec)) {
    if (line.rfind("system/", 0) != 0) continue;
    size_t end = std::min(line.find("Read access"), line.find("Write access"));
    if (end == std::string::npos) continue;  // the "system/<resource>.<permission>" format line
    spec[line.substr(0, end)] = line.substr(end);
  }
  ASSERT_EQ(spec.size(), 151u);
  std::vector<std::string> names;
  for (const auto& [name, description] : spec) {
    names.push_back(name);
    ASSERT_EQ(default_catalog().scopes.count(name), 1u) << name;
    EXPECT_EQ(default_catalog().scopes.at(name).description, description) << name;
  }
  EXPECT_EQ(resource_scope_names(), names);
  EXPECT_EQ(read_lines(SCOPELINT_TEST_DATA "/spec-scopes.txt"), names);
}

TEST(CatalogData, Has78ResourcesGroupedAsTheSpecGroupsThem) {
  const Catalog& catalog = default_catalog();
  EXPECT_EQ(catalog.resources.size(), 78u);
  std::map<std::string, int> per_api;
  for (const auto& [name, resource] : catalog.resources) ++per_api[resource.api];
  std::map<std::string, int> expected = {
      {"Patient Profile API", 10}, {"Patient Document API", 21}, {"Orders API", 21},
      {"Messaging API", 3},        {"Scheduling API", 3},        {"Insurance API", 2},
      {"Billing API", 2},          {"Practice API", 11},         {"Reference Data API", 5}};
  EXPECT_EQ(per_api, expected);
  EXPECT_EQ(catalog.resources.at("reports").api, "Patient Document API");
  EXPECT_EQ(catalog.scopes.at("system/reports.write").resource, "reports");
  EXPECT_EQ(catalog.scopes.at("system/reports.write").permission, "write");
}

TEST(CatalogData, OnlyTheFiveReferenceResourcesAreReadOnly) {
  std::set<std::string> read_only;
  for (const auto& [name, resource] : default_catalog().resources) {
    std::vector<std::string> scopes = {"system/" + name + ".read"};
    if (resource.read_only) {
      read_only.insert(name);
      EXPECT_EQ(resource.api, "Reference Data API") << name;
    } else {
      scopes.push_back("system/" + name + ".write");
    }
    EXPECT_EQ(resource.scopes, scopes) << name;
  }
  EXPECT_EQ(read_only,
            (std::set<std::string>{"languages", "packaged_medication_labelers",
                                   "packaged_medications", "pharmacies", "reference_medications"}));
}

TEST(CatalogData, EveryScopedEndpointBelongsToAKnownResourceItStartsWith) {
  const Catalog& catalog = default_catalog();
  std::set<std::string> with_endpoints;
  for (const auto& rule : catalog.endpoints) {
    ASSERT_FALSE(rule.segments.empty()) << rule.path;
    EXPECT_EQ(rule.path.rfind("/api/", 0), std::string::npos) << rule.path;
    if (rule.resource.empty()) {
      EXPECT_FALSE(rule.note.empty()) << rule.path;
      continue;
    }
    EXPECT_EQ(catalog.resources.count(rule.resource), 1u) << rule.path;
    EXPECT_EQ(rule.segments.front(), rule.resource) << rule.path;
    with_endpoints.insert(rule.resource);
  }
  EXPECT_EQ(with_endpoints.size(), catalog.resources.size());
}

TEST(CatalogData, HoldsEveryPathOfTheEndpointDocument) {
  if (!std::filesystem::exists(kEndpointSpec)) GTEST_SKIP() << "no " << kEndpointSpec;
  const std::regex row(R"(^\| `/api/2\.0(/[^`]*)` \| ([A-Z ]+) \| (\S+) \|$)");
  int rows = 0;
  for (const auto& line : read_lines(kEndpointSpec)) {
    std::smatch match;
    if (!std::regex_match(line, match, row)) continue;
    ++rows;
    const EndpointRule* rule = find_endpoint(default_catalog(), match[1]);
    ASSERT_NE(rule, nullptr) << match[1];
    std::set<HttpMethod> documented;
    std::istringstream names(match[2]);
    for (std::string name; names >> name;) documented.insert(*parse_http_method(name));
    EXPECT_EQ(rule->methods, documented) << match[1];
    EXPECT_EQ(rule->resource, match[3] == "(none)" ? "" : std::string(match[3])) << match[1];
  }
  EXPECT_EQ(rows, 201);
  // The document's table rows plus the three policy paths and three notes/import paths.
  EXPECT_EQ(default_catalog().endpoints.size(), 207u);
}

TEST(CatalogData, NestedPatientPathsAreGovernedByPatients) {
  const Catalog& catalog = default_catalog();
  const EndpointRule* card_images =
      find_endpoint(catalog, "/patients/{patient_id}/policies/{policy_id}/card-images/");
  ASSERT_NE(card_images, nullptr);
  EXPECT_EQ(card_images->resource, "patients");
  EXPECT_EQ(card_images->methods, methods({HttpMethod::Get, HttpMethod::Post}));
  EXPECT_EQ(card_images->segments, (std::vector<std::string>{"patients", "{patient_id}", "policies",
                                                             "{policy_id}", "card-images"}));
  const EndpointRule* policy =
      find_endpoint(catalog, "/patients/{patient_id}/policies/{policy_id}/");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->methods, methods({HttpMethod::Get, HttpMethod::Put, HttpMethod::Delete}));
  for (const char* path : {"/patients/{id}/incoming_files/", "/patients/{id}/outstanding_balance/",
                           "/patients/{patient_id}/policies/"}) {
    ASSERT_NE(find_endpoint(catalog, path), nullptr) << path;
    EXPECT_EQ(find_endpoint(catalog, path)->resource, "patients") << path;
  }
}

TEST(CatalogData, PathsThatNoScopeCoversAreUnscopedWithANote) {
  const Catalog& catalog = default_catalog();
  for (const char* path :
       {"/referral_orders/", "/referral_orders/{id}/", "/patient_letters/",
        "/patient_letters/{id}/", "/patient-letters/{patient_letters}/comments/",
        "/patient_letter_categories/", "/prescription_fills/", "/users/", "/users/{id}/",
        "/subscriptions/", "/app/subscriptions/{id}/", "/published_events/{event_id}/",
        "/patient_insurances/{id}/eligibility/", "/notes/", "/notes/{id}/",
        "/data-import-requests/", "/patient-provider-teams/"}) {
    const EndpointRule* rule = find_endpoint(catalog, path);
    ASSERT_NE(rule, nullptr) << path;
    EXPECT_EQ(rule->resource, "") << path;
    EXPECT_FALSE(rule->note.empty()) << path;
  }
  EXPECT_NE(find_endpoint(catalog, "/referral_orders/")->note.find("apiv2"), std::string::npos);
  EXPECT_EQ(find_endpoint(catalog, "/notes/{id}/")->methods.size(), 5u);
  const std::string& teams =
      find_endpoint(catalog, "/patient-provider-teams/{id}/team_members/")->note;
  EXPECT_NE(teams.find("system/patient-provider-team-members.read"), std::string::npos);
  EXPECT_NE(teams.find("unconfirmed"), std::string::npos);
  EXPECT_NE(teams.find("apiv2"), std::string::npos);
}

TEST(CatalogData, NamesKeepTheSpellingOfTheSpec) {
  const Catalog& catalog = default_catalog();
  EXPECT_EQ(catalog.resources.count("vaccine"), 1u);
  EXPECT_EQ(catalog.resources.count("vaccines"), 0u);
  ASSERT_NE(find_endpoint(catalog, "/vaccine/{id}/"), nullptr);
  EXPECT_EQ(find_endpoint(catalog, "/vaccine/{id}/")->resource, "vaccine");
  EXPECT_EQ(catalog.scopes.at("system/vaccine.read").description, "Read access to vaccines");
  EXPECT_EQ(catalog.resources.count("patient-provider-team-members"), 1u);
  EXPECT_EQ(catalog.resources.count("patient_provider_team_members"), 0u);
  const EndpointRule* members = find_endpoint(catalog, "/patient-provider-team-members/{id}/");
  ASSERT_NE(members, nullptr);
  EXPECT_EQ(members->methods, methods({HttpMethod::Put, HttpMethod::Patch, HttpMethod::Delete}));
  EXPECT_EQ(find_endpoint(catalog, "/ccda/{id}/")->methods, methods({HttpMethod::Get}));
}

TEST(CatalogData, SigningIsPermissionedUnderVisitNotesWrite) {
  ASSERT_EQ(default_catalog().signing.size(), 1u);
  const SigningRule& rule = default_catalog().signing.front();
  EXPECT_EQ(rule.scope, "system/visit_notes.write");
  EXPECT_EQ(rule.methods, methods({HttpMethod::Patch, HttpMethod::Put}));
  EXPECT_EQ(rule.body_fields, (std::vector<std::string>{"signed_by", "signed_date", "signatures"}));
  EXPECT_EQ(rule.paths,
            (std::vector<std::vector<std::string>>{{"visit_notes", "{id}"}, {"reports", "{id}"}}));
}

// ---- queries ----------------------------------------------------------------------------------

TEST(CatalogHost, WildcardMatchesSubdomainsOnly) {
  const Catalog& catalog = default_catalog();
  for (const char* host :
       {"sandbox.elationemr.com", "app.elationemr.com", "api.app.elationemr.com",
        "App.ElationEMR.com", "app.elationemr.com.", "elationemr.com", "ELATIONEMR.COM."}) {
    EXPECT_TRUE(catalog.is_api_host(host)) << host;
  }
  for (const char* host : {"evilelationemr.com", "elationemr.com.evil.com", "elationemr.co",
                           "example.com", ".elationemr.com", "", "."}) {
    EXPECT_FALSE(catalog.is_api_host(host)) << host;
  }
}

}  // namespace
}  // namespace scopelint

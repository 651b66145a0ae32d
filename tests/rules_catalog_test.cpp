// Tests for the rules catalog: the embedded Elation data against the spec, queries, and loader
// errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rules/catalog.h"

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

TEST(CatalogData, HoldsExactlyTheScopesOfTheSpec) {
  std::vector<std::string> expected = read_lines(SCOPELINT_TEST_DATA "/spec-scopes.txt");
  ASSERT_EQ(expected.size(), 151u);
  ASSERT_TRUE(std::is_sorted(expected.begin(), expected.end()));
  EXPECT_EQ(default_catalog().scope_names(), expected);
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
  EXPECT_EQ(default_catalog().scope_names(), names);
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

// ---- the loader, on a small catalog -----------------------------------------------------------

const char* const kSmallCatalog = R"({
  "schema_version": 1, "api": "test", "title": "Test API",
  "hosts": ["API.Example.com", "*.example.org"], "base_path": "/api/1", "scope_prefix": "system/",
  "global_scope": {"name": "all", "description": "every resource"},
  "permissions": {"read": ["GET"], "write": ["POST", "PUT", "PATCH", "DELETE"]},
  "token_endpoint": {"path": "/oauth2/token/"},
  "apis": [
    {"name": "Orders API", "resources": [
      {"name": "lab_orders", "read_only": false,
       "scopes": {"system/lab_orders.read": "Read access to lab orders",
                  "system/lab_orders.write": "Write access to lab orders"},
       "endpoints": [{"path": "/lab_orders/", "methods": ["GET", "POST"]},
                     {"path": "/lab_orders/{id}/", "methods": ["GET", "PATCH"], "note": "one order"}]}]},
    {"name": "Reference API", "resources": [
      {"name": "languages", "read_only": true,
       "scopes": {"system/languages.read": "Read access to languages"},
       "endpoints": [{"path": "/languages/", "methods": ["GET"]}]}]}],
  "unscoped_endpoints": [{"path": "/users/", "methods": ["GET"], "note": "no scope covers users"}],
  "signing": [{"scope": "system/lab_orders.write", "methods": ["PATCH"], "body_fields": ["signed_by"],
               "paths": ["/lab_orders/{id}/"], "note": "signing an order"}]
})";

Json small() { return Json::parse(kSmallCatalog); }

// The what() of loading `text` as "test.json", or "" if it loads.
std::string error_of_text(const std::string& text) {
  try {
    load_catalog(text, "test.json");
  } catch (const RulesError& error) {
    return error.what();
  }
  return "";
}
std::string error_of(const Json& json) { return error_of_text(json.dump()); }

TEST(RulesLoader, LoadsASmallCatalog) {
  Catalog catalog = load_catalog(kSmallCatalog, "test.json");
  EXPECT_EQ(catalog.label, "test.json");
  EXPECT_EQ(catalog.host_patterns, (std::vector<std::string>{"api.example.com", "*.example.org"}));
  EXPECT_EQ(catalog.scope_names(),
            (std::vector<std::string>{"system/lab_orders.read", "system/lab_orders.write",
                                      "system/languages.read"}));
  EXPECT_EQ(catalog.resources.at("languages").api, "Reference API");
  ASSERT_EQ(catalog.endpoints.size(), 4u);
  EXPECT_EQ(catalog.endpoints[1].segments, (std::vector<std::string>{"lab_orders", "{id}"}));
  EXPECT_EQ(catalog.endpoints[1].note, "one order");
  EXPECT_EQ(catalog.endpoints[3].resource, "");
  EXPECT_EQ(catalog.signing.at(0).paths.at(0), (std::vector<std::string>{"lab_orders", "{id}"}));
  EXPECT_EQ(error_of_text(kSmallCatalog), "");
}

TEST(RulesLoader, UnscopedEndpointsAndSigningAreOptional) {
  Json json = small();
  json.erase("unscoped_endpoints");
  json.erase("signing");
  EXPECT_EQ(error_of(json), "");
}

TEST(CatalogHost, ExactEntriesMatchExactly) {
  Catalog catalog = load_catalog(kSmallCatalog, "test.json");
  EXPECT_TRUE(catalog.is_api_host("api.example.com"));
  EXPECT_FALSE(catalog.is_api_host("a.api.example.com"));
  EXPECT_FALSE(catalog.is_api_host("example.com"));
  EXPECT_TRUE(catalog.is_api_host("a.b.example.org"));
  EXPECT_FALSE(catalog.is_api_host("example.org"));
}

TEST(CatalogScopeFor, MapsMethodsToTheResourcePermission) {
  const Catalog& catalog = default_catalog();
  EXPECT_EQ(catalog.permission_for(HttpMethod::Get), "read");
  EXPECT_EQ(catalog.permission_for(HttpMethod::Options), "read");
  EXPECT_EQ(catalog.permission_for(HttpMethod::Delete), "write");
  EXPECT_EQ(catalog.scope_for("patients", HttpMethod::Get), "system/patients.read");
  EXPECT_EQ(catalog.scope_for("patients", HttpMethod::Head), "system/patients.read");
  EXPECT_EQ(catalog.scope_for("allergies", HttpMethod::Post), "system/allergies.write");
  EXPECT_EQ(catalog.scope_for("allergies", HttpMethod::Put), "system/allergies.write");
  EXPECT_EQ(catalog.scope_for("allergies", HttpMethod::Patch), "system/allergies.write");
  EXPECT_EQ(catalog.scope_for("vaccine", HttpMethod::Delete), "system/vaccine.write");
  EXPECT_EQ(catalog.scope_for("patient-provider-team-members", HttpMethod::Post),
            "system/patient-provider-team-members.write");
  EXPECT_EQ(catalog.scope_for("pharmacies", HttpMethod::Get), "system/pharmacies.read");
}

TEST(CatalogScopeFor, EmptyForReadOnlyWritesAndUnknownResources) {
  const Catalog& catalog = default_catalog();
  EXPECT_EQ(catalog.scope_for("pharmacies", HttpMethod::Post), "");
  EXPECT_EQ(catalog.scope_for("languages", HttpMethod::Delete), "");
  EXPECT_EQ(catalog.scope_for("referral_orders", HttpMethod::Get), "");
  EXPECT_EQ(catalog.scope_for("vaccines", HttpMethod::Get), "");
  EXPECT_EQ(catalog.scope_for("", HttpMethod::Get), "");
  Catalog test = load_catalog(kSmallCatalog, "test.json");
  EXPECT_EQ(test.permission_for(HttpMethod::Head), "");  // its read permission lists GET only
  EXPECT_EQ(test.scope_for("lab_orders", HttpMethod::Head), "");
}

TEST(RulesLoader, RejectsMalformedJson) {
  std::string error = error_of_text(std::string(R"({"schema_version": 1,)"));
  EXPECT_EQ(error, "test.json: invalid JSON at line 1, column 22");
  EXPECT_EQ(error_of_text("{\"schema_version\": 1e999}"),
            "test.json: invalid JSON: a number out of range");
}

TEST(RulesLoader, DeepJsonFailsFast) {
  const std::string deep = std::string(60000, '[') + std::string(60000, ']');
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(error_of_text(deep), "test.json: JSON nested deeper than 64 levels");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

TEST(RulesLoader, RejectsANonObjectTopLevel) {
  EXPECT_EQ(error_of_text(std::string("[1, 2]")), "test.json: /: expected an object, found array");
}

TEST(RulesLoader, RejectsMissingRequiredKeys) {
  Json json = small();
  json.erase("title");
  EXPECT_EQ(error_of(json), "test.json: /title: missing required key");
  json = small();
  json["apis"][1]["resources"][0].erase("read_only");
  EXPECT_EQ(error_of(json), "test.json: /apis/1/resources/0/read_only: missing required key");
  json = small();
  json["unscoped_endpoints"][0].erase("note");
  EXPECT_EQ(error_of(json), "test.json: /unscoped_endpoints/0/note: missing required key");
}

TEST(RulesLoader, RejectsWrongTypes) {
  Json json = small();
  json["schema_version"] = "1";
  EXPECT_EQ(error_of(json), "test.json: /schema_version: expected an integer, found string");
  json = small();
  json["apis"][0]["resources"][0]["read_only"] = "no";
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/read_only: expected a boolean, found string");
  json = small();
  json["hosts"] = "example.com";
  EXPECT_EQ(error_of(json), "test.json: /hosts: expected an array, found string");
  json = small();
  json["apis"][0]["resources"][0]["scopes"]["system/lab_orders.read"] = 7;
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/scopes/system~1lab_orders.read: expected a string, "
            "found number");
  json = small();
  json["title"] = "";
  EXPECT_EQ(error_of(json), "test.json: /title: must not be empty");
}

TEST(RulesLoader, RejectsUnknownKeys) {
  Json json = small();
  json["apis"][0]["resorces"] = json["apis"][0]["resources"];
  json["apis"][0].erase("resources");
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resorces: unknown key (expected one of: name, resources)");
  json = small();
  json["signing"][0]["notes"] = "typo";
  EXPECT_EQ(error_of(json).rfind("test.json: /signing/0/notes: unknown key (expected one of: ", 0),
            0u);
}

TEST(RulesLoader, RejectsUnknownHttpMethods) {
  Json json = small();
  json["apis"][0]["resources"][0]["endpoints"][0]["methods"] = {"GET", "FETCH"};
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/endpoints/0/methods/1: unknown HTTP method 'FETCH'");
  json = small();
  json["permissions"]["read"] = {"get"};
  EXPECT_EQ(error_of(json),
            "test.json: /permissions/read/0: HTTP method 'get' must be written 'GET'");
  json = small();
  json["signing"][0]["methods"] = {"PATCH", "PATCH"};
  EXPECT_EQ(error_of(json), "test.json: /signing/0/methods/1: method 'PATCH' is listed twice");
}

TEST(RulesLoader, RejectsEmptyMethodLists) {
  Json json = small();
  json["unscoped_endpoints"][0]["methods"] = Json::array();
  EXPECT_EQ(error_of(json), "test.json: /unscoped_endpoints/0/methods: method list is empty");
}

TEST(RulesLoader, RejectsAMethodInTwoPermissions) {
  Json json = small();
  json["permissions"]["write"] = {"POST", "GET"};
  EXPECT_EQ(error_of(json),
            "test.json: /permissions/write: method 'GET' already belongs to permission 'read'");
}

TEST(RulesLoader, RejectsPathsNotStartingWithSlash) {
  Json json = small();
  json["apis"][0]["resources"][0]["endpoints"][1]["path"] = "lab_orders/{id}/";
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/endpoints/1/path: path must start with '/'");
  json = small();
  json["token_endpoint"]["path"] = "oauth2/token/";
  EXPECT_EQ(error_of(json), "test.json: /token_endpoint/path: path must start with '/'");
  json = small();
  json["unscoped_endpoints"][0]["path"] = "/api/1/users/";
  EXPECT_EQ(error_of(json),
            "test.json: /unscoped_endpoints/0/path: path must be relative to base_path '/api/1'");
}

TEST(RulesLoader, RejectsBadHostPatterns) {
  Json json = small();
  json["hosts"][1] = "https://example.org/";
  EXPECT_EQ(error_of(json),
            "test.json: /hosts/1: host pattern 'https://example.org/' is not a host "
            "name, optionally after '*.'");
}

TEST(RulesLoader, RejectsDuplicateResources) {
  Json json = small();
  json["apis"][1]["resources"].push_back(json["apis"][0]["resources"][0]);
  EXPECT_EQ(error_of(json),
            "test.json: /apis/1/resources/1/name: duplicate resource 'lab_orders' "
            "(first at /apis/0/resources/0)");
}

TEST(RulesLoader, RejectsDuplicateScopes) {
  std::string text = kSmallCatalog;
  const std::string scope = R"("system/languages.read": "Read access to languages")";
  text.replace(text.find(scope), scope.size(), scope + ", " + scope);
  EXPECT_EQ(error_of_text(text),
            "test.json: /apis/1/resources/0/scopes/system~1languages.read: duplicate key");
}

TEST(RulesLoader, RejectsDuplicateKeysAnywhere) {
  EXPECT_EQ(error_of_text(std::string(R"({"schema_version": 1, "schema_version": 1})")),
            "test.json: /schema_version: duplicate key");
  EXPECT_EQ(error_of_text(std::string(R"({"a": [{}, [], 3, {"b": {"c": 1, "c": 2}}]})")),
            "test.json: /a/3/b/c: duplicate key");
}

TEST(RulesLoader, RejectsDuplicateEndpointPaths) {
  Json json = small();
  json["unscoped_endpoints"].push_back(
      {{"path", "/lab_orders/"}, {"methods", {"PUT"}}, {"note", "x"}});
  EXPECT_EQ(error_of(json),
            "test.json: /unscoped_endpoints/1/path: duplicate endpoint path "
            "'/lab_orders/' (first at /apis/0/resources/0/endpoints/0)");
  json = small();  // placeholder names and trailing slashes do not make a route different
  json["apis"][0]["resources"][0]["endpoints"].push_back(
      {{"path", "/lab_orders/{order_id}"}, {"methods", {"PUT"}}});
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/endpoints/2/path: duplicate endpoint "
            "path '/lab_orders/{order_id}' (first at /apis/0/resources/0/endpoints/1)");
}

TEST(RulesLoader, RejectsScopesThatDoNotNameTheirResource) {
  Json json = small();
  json["apis"][0]["resources"][0]["scopes"]["system/x.read"] = "Read access to x";
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/scopes/system~1x.read: scope does not "
            "name its resource 'lab_orders'");
  json = small();
  json["apis"][0]["resources"][0]["scopes"]["user/lab_orders.read"] = "Read access";
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/scopes/user~1lab_orders.read: scope "
            "does not name its resource 'lab_orders'");
  json = small();
  json["apis"][0]["resources"][0]["scopes"]["system/lab_orders.admin"] = "Admin access";
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/scopes/system~1lab_orders.admin: scope "
            "permission 'admin' is not a key of /permissions");
}

TEST(RulesLoader, RejectsAWriteScopeOnAReadOnlyResource) {
  Json json = small();
  json["apis"][1]["resources"][0]["scopes"]["system/languages.write"] = "Write access to languages";
  EXPECT_EQ(error_of(json),
            "test.json: /apis/1/resources/0/scopes/system~1languages.write: "
            "read-only resource 'languages' cannot have a write scope");
}

TEST(RulesLoader, RejectsAResourceMissingAReadOrWriteScope) {
  Json json = small();
  json["apis"][0]["resources"][0]["scopes"].erase("system/lab_orders.write");
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/scopes: resource 'lab_orders' has no "
            "scope 'system/lab_orders.write' (mark the resource read_only if it "
            "has none)");
  json = small();
  json["apis"][0]["resources"][0]["scopes"].erase("system/lab_orders.read");
  EXPECT_EQ(error_of(json),
            "test.json: /apis/0/resources/0/scopes: resource 'lab_orders' has no "
            "scope 'system/lab_orders.read'");
  json = small();
  json["apis"][1]["resources"][0]["scopes"] = Json::object();
  EXPECT_EQ(error_of(json),
            "test.json: /apis/1/resources/0/scopes: resource 'languages' has no "
            "scope 'system/languages.read'");
}

TEST(RulesLoader, RejectsSigningRulesOutsideTheCatalog) {
  Json json = small();
  json["signing"][0]["scope"] = "system/visit_notes.write";
  EXPECT_EQ(error_of(json),
            "test.json: /signing/0/scope: scope 'system/visit_notes.write' is not "
            "in the catalog");
  json = small();
  json["signing"][0]["paths"].push_back("/reports/{id}/");
  EXPECT_EQ(error_of(json),
            "test.json: /signing/0/paths/1: signing path is not a documented endpoint");
}

TEST(RulesLoader, RejectsUnsupportedSchemaVersions) {
  Json json = small();
  json["schema_version"] = 2;
  EXPECT_EQ(
      error_of(json),
      "test.json: /schema_version: unsupported schema version 2 (this scopelint reads version 1)");
  json.erase("schema_version");
  EXPECT_EQ(error_of(json), "test.json: /schema_version: missing required key");
}

// ---- rules files ------------------------------------------------------------------------------

TEST(RulesFile, UnreadableFileIsARulesError) {
  const std::string path = SCOPELINT_TEST_DATA "/bad-rules/no-such-file.json";
  try {
    load_catalog_file(path);
    FAIL() << "loaded a missing file";
  } catch (const RulesError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": cannot read file: No such file or directory");
  }
}

TEST(RulesFile, EveryBadRulesFileFailsWithItsMessage) {
  const std::string dir = SCOPELINT_TEST_DATA "/bad-rules/";
  const std::map<std::string, std::string> expected = {
      {"misspelled-key.json", "/apis/0/resorces: unknown key (expected one of: name, resources)"},
      {"read-only-with-write-scope.json",
       "/apis/0/resources/0/scopes/system~1lab_orders.write: read-only resource 'lab_orders' "
       "cannot have a write scope"},
      {"top-level-array.json", "/: expected an object, found array"},
      {"truncated.json", "invalid JSON at line 5, column 1"},
      {"unknown-method.json",
       "/apis/0/resources/0/endpoints/0/methods/1: unknown HTTP method 'FETCH'"},
      {"unsupported-schema-version.json",
       "/schema_version: unsupported schema version 2 (this scopelint reads version 1)"},
  };
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    seen.insert(name);
    ASSERT_EQ(expected.count(name), 1u) << "no expected message for bad-rules/" << name;
    try {
      load_catalog_file(dir + name);
      ADD_FAILURE() << name << " loaded";
    } catch (const RulesError& error) {
      EXPECT_EQ(std::string(error.what()), dir + name + ": " + expected.at(name));
    }
  }
  EXPECT_EQ(seen.size(), expected.size());
}

}  // namespace
}  // namespace scopelint

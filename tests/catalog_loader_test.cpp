// Tests for the catalog loader: a small catalog loads, and each malformed one fails with its
// message (rules/catalog_loader.cpp).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/catalog.h"

namespace scopelint {
namespace {

using Json = nlohmann::json;

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
  } catch (const CatalogError& error) {
    return error.what();
  }
  return "";
}
std::string error_of(const Json& json) { return error_of_text(json.dump()); }

TEST(CatalogLoader, LoadsASmallCatalog) {
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

TEST(CatalogLoader, UnscopedEndpointsAndSigningAreOptional) {
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

TEST(CatalogLoader, RejectsMalformedJson) {
  std::string error = error_of_text(std::string(R"({"schema_version": 1,)"));
  EXPECT_EQ(error, "test.json:1:22: invalid JSON: the text ends too early, expected a quoted string");
  EXPECT_EQ(error_of_text("{\"schema_version\": 1e999}"),
            "test.json: invalid JSON: a number out of range");
}

TEST(CatalogLoader, DeepJsonFailsFast) {
  const std::string deep = std::string(60000, '[') + std::string(60000, ']');
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(error_of_text(deep), "test.json: JSON nested deeper than 64 levels");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

TEST(CatalogLoader, RejectsANonObjectTopLevel) {
  EXPECT_EQ(error_of_text(std::string("[1, 2]")), "test.json:1: /: expected an object, found array");
}

TEST(CatalogLoader, RejectsMissingRequiredKeys) {
  Json json = small();
  json.erase("title");
  EXPECT_EQ(error_of(json), "test.json:1: /title: missing required key");
  json = small();
  json["apis"][1]["resources"][0].erase("read_only");
  EXPECT_EQ(error_of(json), "test.json:1: /apis/1/resources/0/read_only: missing required key");
  json = small();
  json["unscoped_endpoints"][0].erase("note");
  EXPECT_EQ(error_of(json), "test.json:1: /unscoped_endpoints/0/note: missing required key");
}

TEST(CatalogLoader, RejectsWrongTypes) {
  Json json = small();
  json["schema_version"] = "1";
  EXPECT_EQ(error_of(json), "test.json:1: /schema_version: expected an integer, found string");
  json = small();
  json["apis"][0]["resources"][0]["read_only"] = "no";
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/read_only: expected a boolean, found string");
  json = small();
  json["hosts"] = "example.com";
  EXPECT_EQ(error_of(json), "test.json:1: /hosts: expected an array, found string");
  json = small();
  json["apis"][0]["resources"][0]["scopes"]["system/lab_orders.read"] = 7;
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/scopes/system~1lab_orders.read: expected a string, "
            "found number");
  json = small();
  json["title"] = "";
  EXPECT_EQ(error_of(json), "test.json:1: /title: must not be empty");
}

TEST(CatalogLoader, RejectsUnknownKeys) {
  Json json = small();
  json["apis"][0]["resorces"] = json["apis"][0]["resources"];
  json["apis"][0].erase("resources");
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resorces: unknown key 'resorces' (expected one of: name, resources)");
  json = small();
  json["signing"][0]["notes"] = "typo";
  EXPECT_EQ(error_of(json).rfind("test.json:1: /signing/0/notes: unknown key 'notes' (expected one of: ", 0),
            0u);
}

TEST(CatalogLoader, RejectsUnknownHttpMethods) {
  Json json = small();
  json["apis"][0]["resources"][0]["endpoints"][0]["methods"] = {"GET", "FETCH"};
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/endpoints/0/methods/1: unknown HTTP method 'FETCH'");
  json = small();
  json["permissions"]["read"] = {"get"};
  EXPECT_EQ(error_of(json),
            "test.json:1: /permissions/read/0: HTTP method 'get' must be written 'GET'");
  json = small();
  json["signing"][0]["methods"] = {"PATCH", "PATCH"};
  EXPECT_EQ(error_of(json), "test.json:1: /signing/0/methods/1: method 'PATCH' is listed twice");
}

TEST(CatalogLoader, RejectsEmptyMethodLists) {
  Json json = small();
  json["unscoped_endpoints"][0]["methods"] = Json::array();
  EXPECT_EQ(error_of(json), "test.json:1: /unscoped_endpoints/0/methods: method list is empty");
}

TEST(CatalogLoader, RejectsAMethodInTwoPermissions) {
  Json json = small();
  json["permissions"]["write"] = {"POST", "GET"};
  EXPECT_EQ(error_of(json),
            "test.json:1: /permissions/write: method 'GET' already belongs to permission 'read'");
}

TEST(CatalogLoader, RejectsPathsNotStartingWithSlash) {
  Json json = small();
  json["apis"][0]["resources"][0]["endpoints"][1]["path"] = "lab_orders/{id}/";
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/endpoints/1/path: path must start with '/'");
  json = small();
  json["token_endpoint"]["path"] = "oauth2/token/";
  EXPECT_EQ(error_of(json), "test.json:1: /token_endpoint/path: path must start with '/'");
  json = small();
  json["unscoped_endpoints"][0]["path"] = "/api/1/users/";
  EXPECT_EQ(error_of(json),
            "test.json:1: /unscoped_endpoints/0/path: path must be relative to base_path '/api/1'");
}

TEST(CatalogLoader, RejectsBadHostPatterns) {
  Json json = small();
  json["hosts"][1] = "https://example.org/";
  EXPECT_EQ(error_of(json),
            "test.json:1: /hosts/1: host pattern 'https://example.org/' is not a host "
            "name, optionally after '*.'");
}

TEST(CatalogLoader, RejectsDuplicateResources) {
  Json json = small();
  json["apis"][1]["resources"].push_back(json["apis"][0]["resources"][0]);
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/1/resources/1/name: duplicate resource 'lab_orders' "
            "(first at /apis/0/resources/0)");
}

TEST(CatalogLoader, RejectsDuplicateScopes) {
  std::string text = kSmallCatalog;
  const std::string scope = R"("system/languages.read": "Read access to languages")";
  text.replace(text.find(scope), scope.size(), scope + ", " + scope);
  EXPECT_EQ(error_of_text(text),
            "test.json:16: /apis/1/resources/0/scopes/system~1languages.read: duplicate key");
}

TEST(CatalogLoader, RejectsDuplicateKeysAnywhere) {
  EXPECT_EQ(error_of_text(std::string(R"({"schema_version": 1, "schema_version": 1})")),
            "test.json:1: /schema_version: duplicate key");
  EXPECT_EQ(error_of_text(std::string(R"({"a": [{}, [], 3, {"b": {"c": 1, "c": 2}}]})")),
            "test.json:1: /a/3/b/c: duplicate key");
}

TEST(CatalogLoader, RejectsDuplicateEndpointPaths) {
  Json json = small();
  json["unscoped_endpoints"].push_back(
      {{"path", "/lab_orders/"}, {"methods", {"PUT"}}, {"note", "x"}});
  EXPECT_EQ(error_of(json),
            "test.json:1: /unscoped_endpoints/1/path: duplicate endpoint path "
            "'/lab_orders/' (first at /apis/0/resources/0/endpoints/0)");
  json = small();  // placeholder names and trailing slashes do not make a route different
  json["apis"][0]["resources"][0]["endpoints"].push_back(
      {{"path", "/lab_orders/{order_id}"}, {"methods", {"PUT"}}});
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/endpoints/2/path: duplicate endpoint "
            "path '/lab_orders/{order_id}' (first at /apis/0/resources/0/endpoints/1)");
}

TEST(CatalogLoader, RejectsScopesThatDoNotNameTheirResource) {
  Json json = small();
  json["apis"][0]["resources"][0]["scopes"]["system/x.read"] = "Read access to x";
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/scopes/system~1x.read: scope does not "
            "name its resource 'lab_orders'");
  json = small();
  json["apis"][0]["resources"][0]["scopes"]["user/lab_orders.read"] = "Read access";
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/scopes/user~1lab_orders.read: scope "
            "does not name its resource 'lab_orders'");
  json = small();
  json["apis"][0]["resources"][0]["scopes"]["system/lab_orders.admin"] = "Admin access";
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/scopes/system~1lab_orders.admin: scope "
            "permission 'admin' is not a key of /permissions");
}

TEST(CatalogLoader, RejectsAWriteScopeOnAReadOnlyResource) {
  Json json = small();
  json["apis"][1]["resources"][0]["scopes"]["system/languages.write"] = "Write access to languages";
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/1/resources/0/scopes/system~1languages.write: "
            "read-only resource 'languages' cannot have a write scope");
}

TEST(CatalogLoader, RejectsAResourceMissingAReadOrWriteScope) {
  Json json = small();
  json["apis"][0]["resources"][0]["scopes"].erase("system/lab_orders.write");
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/scopes: resource 'lab_orders' has no "
            "scope 'system/lab_orders.write' (mark the resource read_only if it "
            "has none)");
  json = small();
  json["apis"][0]["resources"][0]["scopes"].erase("system/lab_orders.read");
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/0/resources/0/scopes: resource 'lab_orders' has no "
            "scope 'system/lab_orders.read'");
  json = small();
  json["apis"][1]["resources"][0]["scopes"] = Json::object();
  EXPECT_EQ(error_of(json),
            "test.json:1: /apis/1/resources/0/scopes: resource 'languages' has no "
            "scope 'system/languages.read'");
}

TEST(CatalogLoader, RejectsSigningRulesOutsideTheCatalog) {
  Json json = small();
  json["signing"][0]["scope"] = "system/visit_notes.write";
  EXPECT_EQ(error_of(json),
            "test.json:1: /signing/0/scope: scope 'system/visit_notes.write' is not "
            "in the catalog");
  json = small();
  json["signing"][0]["paths"].push_back("/reports/{id}/");
  EXPECT_EQ(error_of(json),
            "test.json:1: /signing/0/paths/1: signing path is not a documented endpoint");
}

TEST(CatalogLoader, RejectsUnsupportedSchemaVersions) {
  Json json = small();
  json["schema_version"] = 2;
  EXPECT_EQ(
      error_of(json),
      "test.json:1: /schema_version: unsupported schema version 2 (this scopelint reads version 1)");
  json.erase("schema_version");
  EXPECT_EQ(error_of(json), "test.json:1: /schema_version: missing required key");
}

// ---- rules files ------------------------------------------------------------------------------

TEST(CatalogFile, UnreadableFileIsACatalogError) {
  const std::string path = SCOPELINT_TEST_DATA "/bad-rules/no-such-file.json";
  try {
    load_catalog_file(path);
    FAIL() << "loaded a missing file";
  } catch (const CatalogError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": cannot read file: No such file or directory");
  }
}

TEST(CatalogFile, EveryBadRulesFileFailsWithItsMessage) {
  const std::string dir = SCOPELINT_TEST_DATA "/bad-rules/";
  // Per file: "<line>: <JSON pointer>: <problem>", or "<line>:<column>: invalid JSON: ...".
  const std::map<std::string, std::string> expected = {
      {"misspelled-key.json", "28: /apis/0/resorces: unknown key 'resorces' (expected one of: name, resources)"},
      {"read-only-with-write-scope.json",
       "34: /apis/0/resources/0/scopes/system~1lab_orders.write: read-only resource 'lab_orders' "
       "cannot have a write scope"},
      {"top-level-array.json", "1: /: expected an object, found array"},
      {"truncated.json", "5:1: invalid JSON: the text ends too early, expected a quoted string"},
      {"unknown-method.json",
       "41: /apis/0/resources/0/endpoints/0/methods/1: unknown HTTP method 'FETCH'"},
      {"unsupported-schema-version.json",
       "2: /schema_version: unsupported schema version 2 (this scopelint reads version 1)"},
  };
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    seen.insert(name);
    ASSERT_EQ(expected.count(name), 1u) << "no expected message for bad-rules/" << name;
    try {
      load_catalog_file(dir + name);
      ADD_FAILURE() << name << " loaded";
    } catch (const CatalogError& error) {
      EXPECT_EQ(std::string(error.what()), dir + name + ":" + expected.at(name));
    }
  }
  EXPECT_EQ(seen.size(), expected.size());
}

}  // namespace
}  // namespace scopelint

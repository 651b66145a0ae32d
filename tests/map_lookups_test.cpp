// Maps of strings built from braced {key, value} lists (extract/resolve/map_lookups.cpp): a lookup
// by a key known statically, and loops over a map's entries that join a scope.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "check_facts.h"
#include "checks/checks.h"
#include "source_scan.h"

namespace scopelint {
namespace {

TEST(MapLookups, ALookupByAKnownKeyIsThatKeysValue) {
  // String and enum keys, at() and find()->second, one entry and several; a key the map does not
  // hold, a key known only at run time and a map something changes stay unknown.
  const std::vector<std::string> urls = test::urls_of(R"(#include <httplib.h>
#include <map>
#include <string>
#include <unordered_map>
enum class Kind { Lab, Imaging };
const std::map<std::string, std::string> kPaths = {{"codes", "/billing_codes/"}, {"bills", "/bills/"}};
static const std::unordered_map<Kind, const char*> kByKind = {{Kind::Imaging, "/api/2.0/imaging_orders/"},
                                                              {Kind::Lab, "/api/2.0/lab_orders/"}};
const std::map<std::string, std::string> kOne = {{"referrals", "/api/2.0/referral_orders/"}};
void run(httplib::Client& cli, const std::string& name) {
  std::map<std::string, std::string> changed = {{"a", "/api/2.0/letters/"}};
  changed["a"] = "/api/2.0/patients/";
  cli.Get(std::string("/api/2.0") + kPaths.at("codes"));
  cli.Get("/api/2.0" + kPaths.find("bills")->second);
  cli.Get(kByKind.at(Kind::Lab));
  cli.Get(kOne.at("referrals"));
  cli.Get(kPaths.at("missing"));
  cli.Get("/api/2.0" + kPaths.at(name));
  cli.Get(changed.at("a"));
}
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"13 /api/2.0/billing_codes/", "14 /api/2.0/bills/",
                                            "15 /api/2.0/lab_orders/", "16 /api/2.0/referral_orders/",
                                            "17 <none>", "18 /api/2.0{}", "19 <none>"}));
}

std::vector<std::string> unused_scopes(const std::string& source) {
  return check_facts::unused_scopes(test::facts_of_source(source));
}

TEST(MapLookups, ALoopOverAMapsEntriesJoinsItsValuesOrKeys) {
  // `.second` into a stream, the key by `.first` into a string, `[name, scope]` into a vector.
  const std::string source = R"(#include <httplib.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>
enum class Resource { Vendors, Compendiums };
const std::map<Resource, std::string> kScopeFor = {{Resource::Compendiums, "system/lab_order_compendiums.read"},
                                                   {Resource::Vendors, "system/lab_vendors.read"}};
const std::map<std::string, int> kByScope = {{"system/patients.read", 1}, {"system/letters.read", 2}};
const std::map<std::string, std::string> kNamed = {{"vitals", "system/vitals.read"}};
int main() {
  httplib::Client cli("https://app.elationemr.com");
  std::ostringstream scope;
  for (const auto& kv : kScopeFor) scope << kv.second << " ";
  std::string keys;
  for (const auto& entry : kByScope) keys += entry.first + " ";
  std::vector<std::string> named;
  for (const auto& [name, s] : kNamed) named.push_back(s);
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope.str() + keys + named.front()}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/lab_vendors/");
  cli.Get("/api/2.0/patients/");
  cli.Get("/api/2.0/vitals/");
}
)";
  EXPECT_EQ(unused_scopes(source),
            (std::vector<std::string>{"system/lab_order_compendiums.read", "system/letters.read"}));
}

TEST(MapLookups, PairsReadByAnAccumulateLambdaOrALoop) {
  const std::string source = R"(#include <httplib.h>
#include <numeric>
#include <string>
#include <utility>
#include <vector>
const std::vector<std::pair<std::string, std::string>> kGrants = {{"patients", "read"}, {"clinical_documents", "write"}};
const std::pair<const char*, const char*> kMore[] = {{"vitals", "read"}, {"letters", "read"}};
int main() {
  httplib::Client cli("https://app.elationemr.com");
  std::string scope = std::accumulate(kGrants.begin(), kGrants.end(), std::string(),
      [](const std::string& acc, const std::pair<std::string, std::string>& g) {
        return acc + (acc.empty() ? "" : " ") + "system/" + g.first + "." + g.second;
      });
  for (const auto& g : kMore) scope += std::string(" system/") + g.first + "." + g.second;
  httplib::Params form{{"grant_type", "client_credentials"}, {"scope", scope}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/patients/");
  cli.Get("/api/2.0/vitals/");
}
)";
  EXPECT_EQ(unused_scopes(source), (std::vector<std::string>{"system/clinical_documents.write", "system/letters.read"}));
}

TEST(MapLookups, ARequestPerEntryOfAMapLoop) {
  // `.second` of the loop's entry passed to a lambda, `.first` of a sequence of pairs sent
  // directly, a structured binding's name, and a map with a value known only at run time.
  const std::vector<std::string> urls = test::urls_of(R"(#include <httplib.h>
#include <map>
#include <string>
#include <utility>
#include <vector>
const std::map<std::string, std::string> kChecks{{"patients", "/api/2.0/patients/?limit=1"},
                                                 {"tags", "/api/2.0/document_tags/?limit=1"}};
const std::vector<std::pair<std::string, int>> kPages = {{"/api/2.0/letters/", 1}, {"/api/2.0/vitals/", 2}};
void run(httplib::Client& cli, const std::string& other) {
  auto send = [&](const std::string& path) { return cli.Get(path); };
  for (const auto& check : kChecks) send(check.second);
  for (const auto& page : kPages) cli.Get(page.first);
  for (const auto& [path, n] : kPages) send(path + "?page=" + std::to_string(n));
  const std::map<std::string, std::string> mixed{{"a", "/api/2.0/bills/"}, {"b", other}};
  for (const auto& entry : mixed) cli.Get(entry.second);
}
)");
  // The lambda's requests are reported where it is called (line 11); the entry whose value is the
  // parameter `other` is a request whose URL is not known.
  EXPECT_EQ(urls, (std::vector<std::string>{"11 /api/2.0/document_tags/?limit=1", "11 /api/2.0/patients/?limit=1",
                                            "12 /api/2.0/letters/", "12 /api/2.0/vitals/",
                                            "13 /api/2.0/letters/?page={}", "13 /api/2.0/vitals/?page={}",
                                            "15 <none>", "15 /api/2.0/bills/"}));
}

}  // namespace
}  // namespace scopelint

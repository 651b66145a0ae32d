// Values with alternatives (extract/resolve/value_choices.cpp): a helper whose returns differ, a
// `?:` whose branches differ, a member the constructors set differently. A request whose URL has
// several alternatives is one request per alternative, each made under the tests that choose it,
// which the callers decide like a wrapper's branch conditions.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "check_facts.h"
#include "checks/checks.h"
#include "source_scan.h"

namespace scopelint {
namespace {

using test::facts_of_source;
using test::urls_of;

const char* const kPathFor = R"(#include <httplib.h>
#include <string>
enum class Resource { Patients, Problems, Allergies, Vitals };
std::string path_for(Resource r) {
  switch (r) {
    case Resource::Patients: return "/api/2.0/patients/";
    case Resource::Problems:
    case Resource::Allergies: return "/api/2.0/problems/";
    default: break;
  }
  return "/api/2.0/vitals/";
}
)";

TEST(ValueChoices, TheCallersOfAWrapperChooseTheAlternative) {
  // list() passes its parameter on; its callers' constants pick one return each. The return
  // after the switch is only for values no case returns for.
  const std::vector<std::string> expected = {"18 /api/2.0/patients/", "19 /api/2.0/problems/",
                                             "20 /api/2.0/vitals/"};
  EXPECT_EQ(urls_of(std::string(kPathFor) + R"(void list(httplib::Client& cli, Resource r) {
  httplib::Headers h;
  cli.Get(path_for(r), h);
}
void run(httplib::Client& cli) {
  list(cli, Resource::Patients);
  list(cli, Resource::Allergies);
  list(cli, Resource::Vitals);
}
)"),
            expected);
}

TEST(ValueChoices, ABranchAroundTheRequestRulesAlternativesOut) {
  // Inside `if (r == Patients)` only the first return is possible; under `r != Patients`, the
  // other two.
  const std::vector<std::string> expected = {"16 /api/2.0/patients/", "18 /api/2.0/problems/",
                                             "18 /api/2.0/vitals/"};
  EXPECT_EQ(urls_of(std::string(kPathFor) + R"(void sync(httplib::Client& cli, Resource r) {
  httplib::Headers h;
  if (r == Resource::Patients) {
    cli.Get(path_for(r), h);
  } else {
    cli.Get(path_for(r), h);
  }
}
)"),
            expected);
}

TEST(ValueChoices, AHelperCallingAHelperPassesTheChoiceOn) {
  const std::vector<std::string> expected = {
      "18 https://app.elationemr.com/api/2.0/problems/",
      "19 https://app.elationemr.com/api/2.0/patients/",
      "19 https://app.elationemr.com/api/2.0/problems/",
      "19 https://app.elationemr.com/api/2.0/vitals/",
  };
  EXPECT_EQ(urls_of(std::string(kPathFor) + R"(std::string url(Resource r) {
  return "https://app.elationemr.com" + path_for(r);
}
void run(httplib::Client& cli, Resource any) {
  httplib::Headers h;
  cli.Get(url(Resource::Problems), h);
  cli.Get(url(any), h);
}
)"),
            expected);
}

TEST(ValueChoices, AnArgumentWithAlternativesGivesAWrapperEachOfThem) {
  // get() is a wrapper of its path; list() hands it a choice its callers decide.
  const std::vector<std::string> expected = {
      "19 https://app.elationemr.com/api/2.0/patients/",
      "20 https://app.elationemr.com/api/2.0/patients/",
      "20 https://app.elationemr.com/api/2.0/problems/",
      "20 https://app.elationemr.com/api/2.0/vitals/",
  };
  EXPECT_EQ(urls_of(std::string(kPathFor) + R"(void get(httplib::Client& cli, const std::string& path) {
  httplib::Headers h;
  cli.Get("https://app.elationemr.com" + path, h);
}
void list(httplib::Client& cli, Resource r) { get(cli, path_for(r)); }
void run(httplib::Client& cli, Resource any) {
  list(cli, Resource::Patients);
  get(cli, path_for(any));
}
)"),
            expected);
}

TEST(ValueChoices, AVariableAssignedInBranchesHasEachValue) {
  // A switch over every case of an unset variable: no request to an empty path. An `if` that
  // may change an initialised variable: both values. The callers decide the enum.
  const std::vector<std::string> expected = {
      "19 https://app.elationemr.com/api/2.0/problems/",
      "24 https://app.elationemr.com/api/2.0/discontinued_medications/",
      "24 https://app.elationemr.com/api/2.0/medications/",
  };
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
enum class Resource { Patients, Problems };
void list(httplib::Client& cli, Resource r) {
  httplib::Headers h;
  std::string path;
  switch (r) {
    case Resource::Patients:
      path = "/patients/";
      break;
    case Resource::Problems:
      path = "/problems/";
      break;
  }
  cli.Get("https://app.elationemr.com/api/2.0" + path, h);
}
void run(httplib::Client& cli, bool stopped) {
  httplib::Headers h;
  list(cli, Resource::Problems);
  const char* base = "https://app.elationemr.com/api/2.0";
  std::string path = "/medications/";
  if (stopped)
    path = "/discontinued_medications/";
  cli.Get(base + path, h);
}
)"),
            expected);
}

TEST(ValueChoices, AQueryOrNoneIsOneRequest) {
  const std::vector<std::string> expected = {"6 https://app.elationemr.com/api/2.0/patients/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
void run(httplib::Client& cli, const std::string& query) {
  httplib::Headers h;
  const std::string url = "https://app.elationemr.com/api/2.0/patients/";
  cli.Get(url + (query.empty() ? "" : "?" + query), h);
}
)"),
            expected);
}

TEST(ValueChoices, AConditionalOperatorIsTwoRequests) {
  // A test of an enum parameter is decided by the callers; a flag of the caller is not, so both
  // branches stay.
  const std::vector<std::string> expected = {"12 https://app.elationemr.com/api/2.0/bills/",
                                             "13 https://app.elationemr.com/api/2.0/appointments/",
                                             "13 https://app.elationemr.com/api/2.0/patients/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
enum class Kind { Bills, Visits };
void fetch(httplib::Client& cli, Kind kind) {
  httplib::Headers h;
  cli.Get(kind == Kind::Bills ? "https://app.elationemr.com/api/2.0/bills/"
                              : "https://app.elationemr.com/api/2.0/appointments/", h);
}
void run(httplib::Client& cli, bool archived) {
  httplib::Headers h;
  const std::string root = "https://app.elationemr.com/api/2.0/";
  fetch(cli, Kind::Bills);
  cli.Get(root + (archived ? "patients/" : "appointments/"), h);
}
)"),
            expected);
}

TEST(ValueChoices, AMissingScopeNamesTheAlternativeThatNeedsIt) {
  Facts facts = facts_of_source(std::string(kPathFor) + R"(void run(httplib::Client& cli, Resource any) {
  httplib::Client auth("https://app.elationemr.com");
  auth.Post("/api/2.0/oauth2/token/", "grant_type=client_credentials&scope=system/patients.read",
            "application/x-www-form-urlencoded");
  httplib::Headers h;
  cli.Get("https://app.elationemr.com" + path_for(any), h);
}
)");
  const auto missing = check_facts::of_rule(run_checks(facts, default_catalog()), "missing-scope");
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_TRUE(check_facts::contains(missing[0].message, "/problems/")) << missing[0].message;
  EXPECT_TRUE(check_facts::contains(missing[0].message, "system/problems.read")) << missing[0].message;
  EXPECT_TRUE(check_facts::contains(missing[1].message, "/vitals/")) << missing[1].message;
  EXPECT_EQ(missing[0].location.line, 18u);
}

TEST(ValueChoices, TooManyAlternativesAreARunTimeValue) {
  // 10 x 10 = 100 requests is past the bound of 64: the URL is not worked out.
  std::string cases;
  for (int i = 0; i < 9; ++i) {
    cases += "    case " + std::to_string(i) + ": return \"/r" + std::to_string(i) + "/\";\n";
  }
  const std::string source = R"(#include <httplib.h>
#include <string>
std::string part(int i) {
  switch (i) {
)" + cases + R"(  }
  return "/other/";
}
void run(httplib::Client& cli, int a, int b) {
  httplib::Headers h;
  cli.Get("https://app.elationemr.com/api/2.0" + part(a) + part(b), h);
}
)";
  const auto urls = urls_of(source);
  ASSERT_EQ(urls.size(), 1u);
  EXPECT_EQ(urls[0], "19 https://app.elationemr.com/api/2.0{}{}");
}

TEST(ValueChoices, ALoopOverEnumValuesTakesOnlyTheirAlternatives) {
  // path_for(r) in a range-for over two of the four enumerators: two requests, not four; a loop
  // over values not known keeps every alternative.
  const std::vector<std::string> expected = {"17 /api/2.0/patients/", "17 /api/2.0/vitals/",
                                             "18 /api/2.0/patients/", "18 /api/2.0/problems/",
                                             "18 /api/2.0/vitals/"};
  EXPECT_EQ(urls_of(std::string(kPathFor) + R"(#include <array>
#include <vector>
void sync(httplib::Client& cli, const std::vector<Resource>& given) {
  static const std::array<Resource, 2> kinds{{Resource::Patients, Resource::Vitals}};
  for (Resource r : kinds) cli.Get(path_for(r));
  for (Resource r : given) cli.Get(path_for(r));
}
)"),
            expected);
}

TEST(ValueChoices, AWrapperCalledInALoopOverEnumValuesTakesOnlyTheirAlternatives) {
  // The same through a wrapper: the return after the switch, for values no case returns for, is
  // not made when every loop value has its case.
  const std::vector<std::string> expected = {"20 /api/2.0/patients/", "20 /api/2.0/problems/"};
  EXPECT_EQ(urls_of(std::string(kPathFor) + R"(#include <array>
static void send(httplib::Client& cli, const std::string& path) {
  httplib::Headers h{{"Authorization", "Bearer t"}};
  cli.Get(path, h);
}
void sync(httplib::Client& cli) {
  static const std::array<Resource, 2> kinds{{Resource::Patients, Resource::Allergies}};
  for (Resource r : kinds) send(cli, path_for(r));
}
)"),
            expected);
}

TEST(ValueChoices, AWrapperCalledWithALoopsVariableIsCalledWithEachValue) {
  // A path table's entries passed to a member helper, and to a lambda that passes them on; a
  // table with a value known only at run time gives that request a run-time path.
  const std::vector<std::string> expected = {"15 /api/2.0/bills/", "15 /api/2.0/letters/", "15 /api/2.0/vitals/",
                                             "16 /api/2.0/bills/", "16 /api/2.0/letters/", "16 /api/2.0/vitals/",
                                             "17 /api/2.0/letters/", "17 /api/2.0{}"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
#include <vector>
constexpr const char* kTables[] = {"/letters/", "/vitals/", "/bills/"};
class Sync {
 public:
  void get(const std::string& path) { cli_.Get("/api/2.0" + path); }
  void run(const std::string& extra);
 private:
  httplib::Client cli_{"https://app.elationemr.com"};
};
void Sync::run(const std::string& extra) {
  auto fetch = [this](const char* p) { get(p); };
  const std::vector<std::string> some{"/letters/", extra};
  for (const char* table : kTables) get(table);
  for (const char* table : kTables) fetch(table);
  for (const auto& p : some) get(p);
}
)"),
            expected);
}

TEST(ValueChoices, TestsOfALoopsVariableAreDecidedPerValue) {
  // `if (k != Kind::Bills)` around a request and around a wrapper's call, and `if (...) continue;`
  // before one: the value that fails the test makes no request.
  const std::vector<std::string> expected = {"17 /api/2.0/letters/", "17 /api/2.0/vitals/",
                                             "18 /api/2.0/letters/", "18 /api/2.0/vitals/",
                                             "21 /api/2.0/bills/",   "21 /api/2.0/vitals/"};
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
enum class Kind { Letters, Vitals, Bills };
const Kind kKinds[] = {Kind::Letters, Kind::Vitals, Kind::Bills};
std::string path_for(Kind k) {
  switch (k) {
    case Kind::Letters: return "/letters/";
    case Kind::Vitals: return "/vitals/";
    case Kind::Bills: return "/bills/";
  }
  return "";
}
struct Sync {
  httplib::Client cli_{"https://app.elationemr.com"};
  void get(const std::string& path) { cli_.Get("/api/2.0" + path); }
  void run() {
    for (Kind k : kKinds) if (k != Kind::Bills) cli_.Get("/api/2.0" + path_for(k));
    for (Kind k : kKinds) if (k != Kind::Bills) get(path_for(k));
    for (const std::string p : {"/letters/", "/vitals/", "/bills/"}) {
      if (p == "/letters/") continue;
      cli_.Get("/api/2.0" + p);
    }
  }
};
)"),
            expected);
}

TEST(ValueChoices, OtherTestsReadingALoopsVariableRuleNothingOut) {
  // `a.removed` tests a member of the loop's variable: not decided, and an `if` / `else if` on it
  // keeps both calls.
  EXPECT_EQ(urls_of(R"(#include <httplib.h>
#include <string>
#include <vector>
struct Item { bool removed; long id; };
static void call(httplib::Client& cli, const std::string& method, const std::string& path) {
  if (method == "DELETE") cli.Delete("/api/2.0" + path); else cli.Post("/api/2.0" + path, "{}", "application/json");
}
void run(httplib::Client& cli, const std::vector<Item>& items, bool fresh) {
  for (const auto& a : items) {
    if (a.removed && a.id) call(cli, "DELETE", "/allergies/" + std::to_string(a.id) + "/");
    else if (!a.removed && fresh) call(cli, "POST", "/allergies/");
  }
}
)"),
            (std::vector<std::string>{"10 /api/2.0/allergies/{}/", "11 /api/2.0/allergies/"}));
}

}  // namespace
}  // namespace scopelint

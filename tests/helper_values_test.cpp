// Values a helper returns that are not plain functions' strings (extract/resolve/helper_returns.cpp,
// form_fields.cpp): a lambda's (also a generic one's) return, headers or a form a function
// returns, and a virtual member's overrides.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_facts.h"
#include "source_scan.h"

namespace scopelint {
namespace {

TEST(HelperValues, AScopeReturnedByALambdaOrAGenericLambda) {
  // A generic join lambda over a constant array, and a lambda with a string parameter.
  const std::string source = R"(#include <httplib.h>
#include <array>
#include <string>
#include <string_view>
int main() {
  httplib::Client cli("https://app.elationemr.com");
  const std::array<std::string_view, 3> requested = {"system/patients.read", "system/vitals.read",
                                                     "system/allergies.write"};
  auto join = [](const auto& items, const auto& sep) {
    std::string out;
    for (const auto& item : items) {
      if (!out.empty()) out += sep;
      out += item;
    }
    return out;
  };
  auto with = [](const std::string& s) { return " " + s; };
  httplib::Params form{{"grant_type", "client_credentials"},
                       {"scope", join(requested, " ") + with("system/letters.read")}};
  cli.Post("/api/2.0/oauth2/token/", form);
  cli.Get("/api/2.0/patients/");
  cli.Get("/api/2.0/vitals/");
}
)";
  EXPECT_EQ(check_facts::unused_scopes(test::facts_of_source(source)),
            (std::vector<std::string>{"system/allergies.write", "system/letters.read"}));
}

// The header names of each call, "<line> <name>,<name>" ("?" when they are not known).
std::vector<std::string> headers_of(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& call : test::facts_of_source(source).calls) {
    std::string names;
    for (const auto& header : call.headers) names += (names.empty() ? "" : ",") + header;
    out.push_back(std::to_string(call.location.line) + " " + (call.headers_unknown ? "?" : names));
  }
  return out;
}

TEST(HelperValues, HeadersReturnedByAFunction) {
  // A braced return, a local returned, a member function choosing by its parameter.
  const std::vector<std::string> headers = headers_of(R"(#include <httplib.h>
#include <string>
static httplib::Headers plain() { return {{"Authorization", "Bearer t"}}; }
struct Api {
  httplib::Headers as(const std::string& user) const {
    httplib::Headers h{{"Authorization", "Bearer t"}};
    h.emplace("X-On-Behalf-Of", user);
    return h;
  }
  httplib::Client cli{"https://app.elationemr.com"};
  void run() {
    cli.Get("/api/2.0/patients/", plain());
    cli.Post("/api/2.0/vitals/", as("42"), "{}", "application/json");
  }
};
)");
  EXPECT_EQ(headers, (std::vector<std::string>{"12 Authorization", "13 Authorization,X-On-Behalf-Of"}));
}

TEST(HelperValues, AVirtualMemberIsEachOverridesValue) {
  // `path()` pure in the base, called in the base's own member: one request per override.
  EXPECT_EQ(test::urls_of(R"(#include <httplib.h>
#include <string>
struct List {
  virtual ~List() = default;
  virtual std::string path() const = 0;
  void fetch(httplib::Client& cli) const { cli.Get("/api/2.0" + path() + "?limit=50"); }
};
struct Problems : List { std::string path() const override { return "/problems/"; } };
struct Allergies : List { std::string path() const override { return "/allergies/"; } };
void run(httplib::Client& cli) {
  Problems p;
  p.fetch(cli);
  cli.Get("/api/2.0" + p.path());
}
)"),
            (std::vector<std::string>{"6 /api/2.0/allergies/?limit=50", "6 /api/2.0/problems/?limit=50",
                                      "13 /api/2.0/problems/"}));
}

}  // namespace
}  // namespace scopelint

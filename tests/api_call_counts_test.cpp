// count_api_calls: which classified calls count as Elation API calls, and which as resolved.
#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "classify/classify.h"

namespace scopelint {
namespace {

HttpCall call(const char* method, const std::string& path, const std::string& file = "a.cpp") {
  HttpCall out;
  out.location = {file, 1, 1};
  out.method = parse_http_method(method);
  out.url = "https://app.elationemr.com/api/2.0" + path;
  return out;
}

ApiCallCounts counts_of(const std::vector<HttpCall>& calls,
                        const std::function<bool(const HttpCall&)>& counted = {}) {
  Facts facts;
  facts.calls = calls;
  return count_api_calls(classify(facts, default_catalog()), counted);
}

TEST(ApiCallCounts, TokenRequestsAreNotApiCalls) {
  const ApiCallCounts counts = counts_of({call("POST", "/oauth2/token/"),
                                          call("GET", "/oauth2/token/"),
                                          call("GET", "/patients/")});
  EXPECT_EQ(counts.calls, 1u);
  EXPECT_EQ(counts.resolved, 1u);
}

TEST(ApiCallCounts, OnlyUnresolvedCallsAreUnresolved) {
  HttpCall no_method = call("GET", "/medications/");
  no_method.method.reset();
  HttpCall runtime_url = call("GET", "/patients/");
  runtime_url.url.reset();
  runtime_url.base = "https://app.elationemr.com";
  HttpCall other_host = call("GET", "/patients/");
  other_host.url = "https://api.github.com/repos/x/y";
  const ApiCallCounts counts = counts_of({
      call("GET", "/patients/"),              // scopes known
      call("POST", "/no_such_resource/"),     // unknown to the catalog: method and path known
      call("POST", "/languages/"),            // read-only reference data: no scope exists
      no_method, runtime_url,                 // unresolved
      other_host,                             // not an Elation call at all
  });
  EXPECT_EQ(counts.calls, 5u);
  EXPECT_EQ(counts.resolved, 3u);
  EXPECT_EQ(counts.unresolved(), 2u);
}

TEST(ApiCallCounts, OnlyTheCallsAskedFor) {
  HttpCall no_method = call("GET", "/medications/", "b.cpp");
  no_method.method.reset();
  const ApiCallCounts counts =
      counts_of({call("GET", "/patients/"), call("GET", "/problems/", "b.cpp"), no_method},
                [](const HttpCall& c) { return c.location.file == "b.cpp"; });
  EXPECT_EQ(counts.calls, 2u);
  EXPECT_EQ(counts.resolved, 1u);
}

}  // namespace
}  // namespace scopelint

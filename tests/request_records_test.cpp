// Requests described by a record handed to a dispatcher (extract/resolve/configured_values.cpp,
// extract/wrappers/value_expansion.cpp): each braced object of the record is one request, its
// method and URL read together, not every method with every URL.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

// "<line> <method> <url>" of each call.
std::vector<std::string> requests_of(const std::string& source, const std::string& name = "client.cpp") {
  std::vector<std::string> out;
  for (const auto& call : test::facts_of_source(source, name).calls) {
    out.push_back(std::to_string(call.location.line) + " " +
                  (call.method ? std::string(to_string(*call.method)) : "?") + " " + call.url.value_or("<none>"));
  }
  return out;
}

TEST(RequestRecords, ACStructOfMethodAndUrlIsOneRequestPerObject) {
  EXPECT_EQ(requests_of(R"(#include <curl/curl.h>
struct req { const char *method; const char *url; };
static void do_req(CURL *c, const struct req *r) {
  curl_easy_setopt(c, CURLOPT_URL, r->url);
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r->method);
  curl_easy_perform(c);
}
int main(void) {
  CURL *c = curl_easy_init();
  struct req a = {"GET", "https://app.elationemr.com/api/2.0/patients/1/"};
  do_req(c, &a);
  struct req b = {.method = "PATCH", .url = "https://app.elationemr.com/api/2.0/pharmacies/"};
  do_req(c, &b);
  return 0;
}
)", "client.c"),
            (std::vector<std::string>{"4 GET https://app.elationemr.com/api/2.0/patients/1/",
                                      "4 PATCH https://app.elationemr.com/api/2.0/pharmacies/"}));
}

TEST(RequestRecords, ARequestRecordBracedAtEachCallOfADispatcher) {
  // Poco: the method a library constant, the path joined to the base; a member left out is "".
  EXPECT_EQ(requests_of(R"(#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <string>
using Poco::Net::HTTPRequest;
struct ApiRequest { std::string method; std::string path; std::string body; };
void dispatch(const ApiRequest& r) {
  Poco::Net::HTTPSClientSession session("app.elationemr.com");
  HTTPRequest req(r.method, "/api/2.0" + r.path, HTTPRequest::HTTP_1_1);
  session.sendRequest(req) << r.body;
}
int main() {
  dispatch({HTTPRequest::HTTP_GET, "/problems/"});
  dispatch({"PATCH", "/problems/7/", "{}"});
}
)"),
            (std::vector<std::string>{"8 GET /api/2.0/problems/", "8 PATCH /api/2.0/problems/7/"}));
}

}  // namespace
}  // namespace scopelint

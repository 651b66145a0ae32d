// URL templates: hosts, ports, query strings, run-time parts.
#include <gtest/gtest.h>

#include "util/url.h"

namespace scopelint {
namespace {

TEST(Url, FullUrlWithPortQueryAndFragment) {
  auto parts = split_url("https://user:pw@App.ElationEMR.com:443/api/2.0/patients/?limit=5#x");
  ASSERT_TRUE(parts.host);
  EXPECT_EQ(*parts.host, "app.elationemr.com");
  EXPECT_EQ(parts.path, "/api/2.0/patients/");
  EXPECT_FALSE(parts.host_is_runtime);
}

TEST(Url, BarePath) {
  auto parts = split_url("/api/2.0/allergies/{}/?x=1");
  EXPECT_FALSE(parts.host);
  EXPECT_EQ(parts.path, "/api/2.0/allergies/{}/");
}

TEST(Url, RuntimePrefix) {
  auto parts = split_url("{}/patients/{}");
  EXPECT_TRUE(parts.host_is_runtime);
  EXPECT_EQ(parts.path, "/patients/{}");
  EXPECT_TRUE(split_url("https://{}/api/2.0/").host_is_runtime);
}

TEST(Url, HostWithoutScheme) {
  auto parts = split_url("sandbox.elationemr.com/api/2.0/vitals/");
  ASSERT_TRUE(parts.host);
  EXPECT_EQ(*parts.host, "sandbox.elationemr.com");
  EXPECT_EQ(parts.path, "/api/2.0/vitals/");
}

TEST(Url, RelativePathWithoutSlash) {
  auto parts = split_url("patients/{}/");
  EXPECT_FALSE(parts.host);
  EXPECT_EQ(parts.path, "/patients/{}/");
}

TEST(Url, JoinBase) {
  EXPECT_EQ(join_base_and_path("https://app.elationemr.com/", "/api/2.0/x/"),
            "https://app.elationemr.com/api/2.0/x/");
  EXPECT_EQ(join_base_and_path("app.elationemr.com", "/api/2.0/x/"), "https://app.elationemr.com/api/2.0/x/");
  EXPECT_EQ(join_base_and_path("https://a.com/api/2.0", "patients/"), "https://a.com/api/2.0/patients/");
  EXPECT_EQ(join_base_and_path("https://a.com", "https://b.com/x"), "https://b.com/x");
}

TEST(Url, Segments) {
  EXPECT_EQ(path_segments("/a//b/"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(path_segments("").empty());
  EXPECT_TRUE(path_segments("/").empty());
}

}  // namespace
}  // namespace scopelint

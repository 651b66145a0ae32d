#include <gtest/gtest.h>
#include "model/http_method.h"
TEST(HttpMethod, Parses) { EXPECT_EQ(scopelint::parse_http_method("get"), scopelint::HttpMethod::Get); }

// NOLINT grammar as clang-tidy reads it.
#include <gtest/gtest.h>

#include "suppress/nolint.h"

namespace scopelint {
namespace {

TEST(Nolint, BareNolintSuppressesEverythingOnItsLine) {
  NolintMap map("a();  // NOLINT\nb();\n");
  EXPECT_TRUE(map.suppresses("missing-scope", 1));
  EXPECT_FALSE(map.suppresses("missing-scope", 2));
}

TEST(Nolint, ListWithGlobs) {
  NolintMap map("x // NOLINT(unused-scope, *-endpoint)\n");
  EXPECT_TRUE(map.suppresses("unused-scope", 1));
  EXPECT_TRUE(map.suppresses("unknown-endpoint", 1));
  EXPECT_FALSE(map.suppresses("missing-scope", 1));
  EXPECT_TRUE(NolintMap("// NOLINT(*)").suppresses("missing-scope", 1));
}

TEST(Nolint, SpaceBeforeParenthesisIsABareNolint) {
  NolintMap map("x // NOLINT (unused-scope)\n");
  EXPECT_TRUE(map.suppresses("missing-scope", 1));
}

TEST(Nolint, CaseSensitiveAndWholeWord) {
  EXPECT_FALSE(NolintMap("// nolint").suppresses("missing-scope", 1));
  EXPECT_FALSE(NolintMap("// NOLINTXYZ").suppresses("missing-scope", 1));
  EXPECT_FALSE(NolintMap("// NOLINT(Missing-Scope)").suppresses("missing-scope", 1));
  EXPECT_TRUE(NolintMap("// NOLINT: reason").suppresses("missing-scope", 1));
  EXPECT_TRUE(NolintMap("/* NOLINT */ x").suppresses("missing-scope", 1));
}

TEST(Nolint, EmptyListSuppressesNothing) {
  EXPECT_FALSE(NolintMap("// NOLINT()").suppresses("missing-scope", 1));
}

TEST(Nolint, NegativeGlobsAreIgnored) {
  NolintMap map("// NOLINT(-missing-scope)");
  EXPECT_FALSE(map.suppresses("missing-scope", 1));
}

TEST(Nolint, NextLine) {
  NolintMap map("// NOLINTNEXTLINE(missing-scope)\nx();\ny();\n");
  EXPECT_FALSE(map.suppresses("missing-scope", 1));
  EXPECT_TRUE(map.suppresses("missing-scope", 2));
  EXPECT_FALSE(map.suppresses("missing-scope", 3));
}

TEST(Nolint, BeginEndRange) {
  NolintMap map("a\n// NOLINTBEGIN(unused-scope)\nb\nc\n// NOLINTEND(unused-scope)\nd\n");
  EXPECT_TRUE(map.problems().empty());
  EXPECT_FALSE(map.suppresses("unused-scope", 1));
  EXPECT_TRUE(map.suppresses("unused-scope", 3));
  EXPECT_TRUE(map.suppresses("unused-scope", 4));
  EXPECT_FALSE(map.suppresses("missing-scope", 3));
  EXPECT_FALSE(map.suppresses("unused-scope", 6));
}

TEST(Nolint, UnmatchedBeginAndEndAreReportedAndSuppressNothing) {
  NolintMap begin("// NOLINTBEGIN\nx\n");
  ASSERT_EQ(begin.problems().size(), 1u);
  EXPECT_EQ(begin.problems()[0].line, 1u);
  EXPECT_NE(begin.problems()[0].message.find("unmatched 'NOLINTBEGIN'"), std::string::npos);
  EXPECT_FALSE(begin.suppresses("missing-scope", 2));
  NolintMap end("x\n// NOLINTEND\n");
  ASSERT_EQ(end.problems().size(), 1u);
  EXPECT_NE(end.problems()[0].message.find("unmatched 'NOLINTEND'"), std::string::npos);
}

TEST(Nolint, MismatchedArgumentsDoNotPair) {
  NolintMap map("// NOLINTBEGIN(a)\nx\n// NOLINTEND(b)\n");
  EXPECT_EQ(map.problems().size(), 2u);
}

TEST(Nolint, Glob) {
  EXPECT_TRUE(glob_matches("*", "x"));
  EXPECT_TRUE(glob_matches("*-scope", "unused-scope"));
  EXPECT_TRUE(glob_matches("un*-*e", "unused-scope"));
  EXPECT_FALSE(glob_matches("unused", "unused-scope"));
}

}  // namespace
}  // namespace scopelint

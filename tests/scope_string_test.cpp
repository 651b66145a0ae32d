// Scope strings as the token endpoint receives them: encodings, separators, junk.
#include <gtest/gtest.h>

#include "classify/scope_string.h"

namespace scopelint {
namespace {

using Kind = ScopeEncodingProblem::Kind;
using Scopes = std::vector<std::string>;

bool has_problem(const ParsedScopeString& parsed, Kind kind) {
  for (const auto& p : parsed.problems) {
    if (p.kind == kind) return true;
  }
  return false;
}

TEST(ScopeString, WirePercentTwentySeparates) {
  auto parsed = parse_scope_string("system/patients.read%20system/allergies.read", ScopeEncoding::Wire);
  EXPECT_EQ(parsed.scopes, (Scopes{"system/patients.read", "system/allergies.read"}));
  EXPECT_TRUE(parsed.problems.empty());
  EXPECT_EQ(parsed.separator, "%20");
}

TEST(ScopeString, WirePlusSeparates) {
  auto parsed = parse_scope_string("system/patients.read+system/allergies.write", ScopeEncoding::Wire);
  EXPECT_EQ(parsed.scopes, (Scopes{"system/patients.read", "system/allergies.write"}));
  EXPECT_TRUE(parsed.problems.empty());
  EXPECT_EQ(parsed.separator, "+");
}

TEST(ScopeString, WireEncodedSlashDecodes) {
  auto parsed = parse_scope_string("system%2Fpatients.read", ScopeEncoding::Wire);
  EXPECT_EQ(parsed.scopes, (Scopes{"system/patients.read"}));
}

TEST(ScopeString, WireRawSpaceIsAProblemButStillSplits) {
  auto parsed = parse_scope_string("system/a.read system/b.read", ScopeEncoding::Wire);
  EXPECT_EQ(parsed.scopes, (Scopes{"system/a.read", "system/b.read"}));
  EXPECT_TRUE(has_problem(parsed, Kind::RawSpace));
}

TEST(ScopeString, PlainSpacesAreRight) {
  auto parsed = parse_scope_string("system/a.read system/b.write", ScopeEncoding::Plain);
  EXPECT_EQ(parsed.scopes, (Scopes{"system/a.read", "system/b.write"}));
  EXPECT_TRUE(parsed.problems.empty());
}

TEST(ScopeString, PlainWithEscapesIsDoubleEncoded) {
  auto parsed = parse_scope_string("system/a.read%20system/b.write", ScopeEncoding::Plain);
  EXPECT_TRUE(has_problem(parsed, Kind::DoubleEncoded));
  EXPECT_EQ(parsed.scopes, (Scopes{"system/a.read", "system/b.write"}));
  auto plus = parse_scope_string("system/a.read+system/b.write", ScopeEncoding::Plain);
  EXPECT_TRUE(has_problem(plus, Kind::DoubleEncoded));
}

TEST(ScopeString, EitherAcceptsEncodedAndDecoded) {
  EXPECT_EQ(parse_scope_string("a%20b", ScopeEncoding::Either).scopes, (Scopes{"a", "b"}));
  EXPECT_EQ(parse_scope_string("a b", ScopeEncoding::Either).scopes, (Scopes{"a", "b"}));
  EXPECT_TRUE(parse_scope_string("a b", ScopeEncoding::Either).problems.empty());
}

TEST(ScopeString, CommasAreAProblem) {
  auto parsed = parse_scope_string("system/a.read,system/b.read", ScopeEncoding::Plain);
  EXPECT_TRUE(has_problem(parsed, Kind::Comma));
  EXPECT_EQ(parsed.scopes, (Scopes{"system/a.read", "system/b.read"}));
  EXPECT_TRUE(has_problem(parse_scope_string("a%2Cb", ScopeEncoding::Wire), Kind::Comma));
}

TEST(ScopeString, EmptyAndBlank) {
  EXPECT_TRUE(parse_scope_string("", ScopeEncoding::Wire).scopes.empty());
  EXPECT_TRUE(parse_scope_string("%20%20+", ScopeEncoding::Wire).scopes.empty());
  EXPECT_TRUE(parse_scope_string("   ", ScopeEncoding::Plain).scopes.empty());
}

TEST(ScopeString, DuplicatesAreDroppedAndRecorded) {
  auto parsed = parse_scope_string("a%20b%20a%20a", ScopeEncoding::Wire);
  EXPECT_EQ(parsed.scopes, (Scopes{"a", "b"}));
  EXPECT_EQ(parsed.duplicates, (Scopes{"a"}));
}

TEST(ScopeString, BadPercentEscape) {
  auto parsed = parse_scope_string("system/a.read%2", ScopeEncoding::Wire);
  EXPECT_TRUE(has_problem(parsed, Kind::BadPercent));
  EXPECT_TRUE(has_problem(parse_scope_string("a%zzb", ScopeEncoding::Wire), Kind::BadPercent));
}

TEST(ScopeString, RuntimePartsAreMarkedNotScopes) {
  auto parsed = parse_scope_string("system/a.read%20{}", ScopeEncoding::Wire);
  EXPECT_TRUE(parsed.has_runtime_part);
  EXPECT_EQ(parsed.scopes, (Scopes{"system/a.read"}));
}

TEST(ScopeString, JunkBytesSurvive) {
  std::string junk("\x01\xff%\x00zz", 6);
  auto parsed = parse_scope_string(junk, ScopeEncoding::Wire);
  EXPECT_EQ(parsed.scopes.size(), 1u);
}

TEST(ScopeString, JoinKeepsSeparator) {
  EXPECT_EQ(join_scopes({"a", "b", "c"}, "%20"), "a%20b%20c");
  EXPECT_EQ(join_scopes({}, "+"), "");
}

}  // namespace
}  // namespace scopelint

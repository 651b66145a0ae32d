// Rule registry tests: the rule list, levels, and explanations that agree with the scope spec.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "checks/rule_registry.h"

namespace scopelint {
namespace {

TEST(RuleRegistry, ListsEveryRuleInOrderWithItsDefaultLevel) {
  std::vector<std::pair<std::string, Level>> expected = {
      {"missing-scope", Level::Error},      {"unused-scope", Level::Warning},
      {"global-scope", Level::Warning},     {"global-scope-combined", Level::Error},
      {"unknown-scope", Level::Error},      {"read-only-scope", Level::Error},
      {"unknown-endpoint", Level::Warning}, {"scope-encoding", Level::Warning},
      {"unresolved-call", Level::Note},     {"no-token-request", Level::Note},
      {"scan-error", Level::Warning},       {"nolint", Level::Error},
      {"unknown-nolint", Level::Warning},   {"unused-nolint", Level::Warning},
  };
  std::vector<std::pair<std::string, Level>> actual;
  for (const RuleInfo& rule : all_rules()) actual.emplace_back(rule.id, rule.default_level);
  EXPECT_EQ(actual, expected);
}

TEST(RuleRegistry, FindsRulesById) {
  const RuleInfo* rule = find_rule("unused-scope");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->id, "unused-scope");
  EXPECT_EQ(rule, &all_rules()[1]);
  EXPECT_EQ(find_rule("no-such-rule"), nullptr);
  EXPECT_EQ(find_rule(""), nullptr);
  EXPECT_EQ(find_rule("unused"), nullptr);
}

TEST(RuleRegistry, SummariesAreShortLowercaseSentencesWithoutPeriod) {
  for (const RuleInfo& rule : all_rules()) {
    SCOPED_TRACE(std::string(rule.id));
    ASSERT_FALSE(rule.summary.empty());
    EXPECT_TRUE(rule.summary.front() >= 'a' && rule.summary.front() <= 'z');
    EXPECT_NE(rule.summary.back(), '.');
    EXPECT_EQ(rule.summary.find('\n'), std::string_view::npos);
    EXPECT_LE(rule.summary.size(), 100u);
    for (std::string_view part : {rule.what, rule.why, rule.example, rule.fix}) {
      EXPECT_GE(part.size(), 40u) << "explanation part too thin: " << part;
    }
  }
}

TEST(RuleRegistry, ExamplesAreCppWithARealHttpLibrary) {
  for (const RuleInfo& rule : all_rules()) {
    SCOPED_TRACE(std::string(rule.id));
    bool httplib = rule.example.find("cli.") != std::string_view::npos ||
                   rule.example.find("httplib::") != std::string_view::npos;
    bool curl = rule.example.find("curl_easy_setopt") != std::string_view::npos;
    EXPECT_TRUE(httplib || curl);
    EXPECT_NE(rule.example.find(';'), std::string_view::npos);
  }
}

TEST(RuleRegistry, ExplainUsesTheDocumentedLayout) {
  for (const RuleInfo& rule : all_rules()) {
    SCOPED_TRACE(std::string(rule.id));
    std::string text = explain_rule(rule);
    std::string head = std::string(rule.id) +
                       " (default: " + std::string(to_string(rule.default_level)) + ")\n\n" +
                       std::string(rule.summary) + "\n\nWhat it finds\n  ";
    EXPECT_EQ(text.substr(0, head.size()), head);
    size_t why = text.find("\n\nWhy it matters\n  ");
    size_t example = text.find("\n\nExample\n  ");
    size_t fix = text.find("\n\nFix\n  ");
    ASSERT_NE(why, std::string::npos);
    ASSERT_NE(example, std::string::npos);
    ASSERT_NE(fix, std::string::npos);
    EXPECT_LT(why, example);
    EXPECT_LT(example, fix);
    ASSERT_GE(text.size(), 2u);
    EXPECT_EQ(text.back(), '\n');
    EXPECT_NE(text[text.size() - 2], '\n');
    // Every body line is indented and fits a terminal; headings are the only unindented lines.
    std::istringstream lines(text.substr(head.size() - 2));
    std::set<std::string> headings = {"What it finds", "Why it matters", "Example", "Fix"};
    for (std::string line; std::getline(lines, line);) {
      EXPECT_LE(line.size(), 100u) << line;
      if (line.empty() || headings.count(line) > 0) continue;
      EXPECT_EQ(line.substr(0, 2), "  ") << line;
    }
  }
}

// The explanations teach the domain, so they must say what the spec says.
TEST(RuleRegistry, ExplanationsAgreeWithTheScopeSpec) {
  auto explained = [](const char* id) { return explain_rule(*find_rule(id)); };
  EXPECT_NE(explained("missing-scope").find("Write does not grant read"), std::string::npos);
  EXPECT_NE(explained("missing-scope").find("system/<resource>.read"), std::string::npos);
  EXPECT_NE(explained("global-scope").find("sends no scope"), std::string::npos);
  EXPECT_NE(explained("global-scope").find("least-privilege"), std::string::npos);
  EXPECT_NE(explained("global-scope-combined").find("cannot be combined with the apiv2"),
            std::string::npos);
  std::string read_only = explained("read-only-scope");
  for (const char* scope : {"system/languages.write", "system/packaged_medication_labelers.write",
                            "system/packaged_medications.write", "system/pharmacies.write",
                            "system/reference_medications.write"}) {
    EXPECT_NE(read_only.find(scope), std::string::npos) << scope;
  }
  EXPECT_NE(explained("scope-encoding").find("%2520"), std::string::npos);
  EXPECT_NE(explained("unknown-scope").find("system/patient.read"), std::string::npos);
  // No explanation may suggest combining apiv2 with a specific scope in a fix.
  for (const RuleInfo& rule : all_rules()) {
    EXPECT_EQ(std::string(rule.fix).find("apiv2 system/"), std::string::npos) << rule.id;
  }
}

// The full text of one explanation, as `scopelint --explain missing-scope` prints it.
TEST(RuleRegistry, ExplainMatchesGolden) {
  std::string path = std::string(SCOPELINT_TEST_DATA) + "/report/explain_missing-scope.txt";
  std::string actual = explain_rule(*find_rule("missing-scope"));
  if (std::getenv("SCOPELINT_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    FAIL() << "rewrote " << path << "; unset SCOPELINT_UPDATE_GOLDENS and rerun";
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden " << path;
  std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(actual, expected);
  EXPECT_NE(explain_rule(*find_rule("unused-scope")), expected);
}

}  // namespace
}  // namespace scopelint

namespace scopelint {
namespace {

// docs/rules.md is the page SARIF and LSP link to: it must hold every rule's current explanation.
TEST(RuleRegistry, DocsPageHasEveryExplanation) {
  std::ifstream in(std::string(SCOPELINT_SOURCE_DIR) + "/docs/rules.md");
  ASSERT_TRUE(in) << "docs/rules.md is missing";
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const RuleInfo& rule : all_rules()) {
    EXPECT_NE(page.find("## " + std::string(rule.id) + "\n"), std::string::npos) << rule.id;
    EXPECT_NE(page.find(explain_rule(rule)), std::string::npos)
        << rule.id << ": docs/rules.md is out of date; regenerate it with scopelint --explain";
  }
}

// SARIF helpUri links each rule to its section of docs/rules.md: every anchor must be one GitHub
// makes for a heading of that page.
TEST(RuleRegistry, HelpUriAnchorsAreHeadingsOfTheDocsPage) {
  std::ifstream in(std::string(SCOPELINT_SOURCE_DIR) + "/docs/rules.md");
  ASSERT_TRUE(in) << "docs/rules.md is missing";
  std::set<std::string> anchors;
  for (std::string line; std::getline(in, line);) {
    size_t hashes = line.find_first_not_of('#');
    if (hashes == 0 || hashes == std::string::npos || line[hashes] != ' ') continue;
    anchors.insert(heading_anchor(line.substr(hashes + 1)));
  }
  const std::string page = "https://github.com/scopelint/scopelint/blob/main/docs/rules.md#";
  for (const RuleInfo& rule : all_rules()) {
    const std::string uri = rule_help_uri(rule.id);
    ASSERT_EQ(uri.substr(0, page.size()), page) << uri;
    EXPECT_EQ(anchors.count(uri.substr(page.size())), 1u) << uri;
  }
  EXPECT_EQ(heading_anchor("Global Scope: apiv2 (old)"), "global-scope-apiv2-old");
}

}  // namespace
}  // namespace scopelint

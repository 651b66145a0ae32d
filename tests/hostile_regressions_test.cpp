// Regression tests for crashes found by fuzzing and hostile-input hunting (docs/robustness.md):
// each holds the input that crashed, fed to the same public function.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "cli/facts_json.h"
#include "config/config.h"
#include "rules/catalog.h"
#include "suppress/nolint.h"

namespace scopelint {
namespace {

std::string nested_arrays(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// Found while probing --facts: {"calls": [[[...]]]} 200,000 deep crashed with SIGSEGV. parse_facts_json
// took members with json::value(key, default), which returns a copy; copying a deeply nested value
// recurses once per level and overflowed the stack. Fixed in tool/cli/facts_json.cpp (no copy).
TEST(HostileRegressions, FactsJsonDeeplyNestedCallsDoNotOverflowTheStack) {
  for (const char* key : {"calls", "granted"}) {
    std::string text = std::string("{\"") + key + "\": " + nested_arrays(200000) + "}";
    try {
      (void)parse_facts_json(text, "deep.json");
      ADD_FAILURE() << "a nested array is not a call";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("expected an object"), std::string::npos) << e.what();
    }
  }
}

TEST(HostileRegressions, FactsJsonDeeplyNestedBodyFieldsDoNotOverflowTheStack) {
  std::string text = "{\"calls\": [{\"body\": {\"kind\": \"fields\", \"fields\": " +
                     nested_arrays(200000) + "}}]}";
  EXPECT_THROW((void)parse_facts_json(text, "deep.json"), std::runtime_error);
}

// Same shapes through the other JSON loaders: an error, never a crash.
TEST(HostileRegressions, DeeplyNestedRulesAndConfigAreErrors) {
  const std::string deep = nested_arrays(20000);
  EXPECT_THROW((void)load_catalog(deep, "deep.json"), RulesError);
  EXPECT_THROW((void)load_catalog("{\"apis\": " + deep + "}", "deep.json"), RulesError);
  EXPECT_THROW((void)parse_config(deep, "/x/.scopelint.json"), ConfigError);
  EXPECT_THROW((void)parse_config("{\"rules\": " + deep + "}", "/x/.scopelint.json"), ConfigError);
}

}  // namespace
}  // namespace scopelint

// The one reader of JSON input files (util/json_reader.h): typed reads and one error style.
#include <gtest/gtest.h>

#include <string>

#include "util/json_reader.h"

namespace scopelint {
namespace {

// The message reading `text` with `read` fails with, or "" when it does not.
template <typename Read>
std::string error_of(const std::string& text, Read read) {
  try {
    const JsonDocument document(text, "in.json");
    read(document.root());
  } catch (const JsonInputError& error) {
    return error.what();
  }
  return "";
}

TEST(JsonReader, ProblemsNameFileLineAndPointer) {
  const std::string text = "{\n  \"name\": \"x\",\n  \"items\": [1,\n    \"two\"],\n  \"a/b\": true\n}";
  EXPECT_EQ(error_of(text, [](const JsonNode& root) {
              for (const JsonNode& item : root.member("items").items()) item.unsigned_at_most(9);
            }),
            "in.json:4: /items/1: expected an integer from 0 to 9");
  EXPECT_EQ(error_of(text, [](const JsonNode& root) { root.member("a/b").string(); }),
            "in.json:5: /a~1b: expected a string, found boolean");
  EXPECT_EQ(error_of(text, [](const JsonNode& root) { root.member("size"); }), "in.json:1: /size: missing required key");
  EXPECT_EQ(error_of(text, [](const JsonNode& root) { root.only_keys({"name", "items"}); }),
            "in.json:5: /a~1b: unknown key 'a/b' (expected one of: name, items)");
  EXPECT_EQ(error_of(text, [](const JsonNode& root) { root.member("name").fail("is taken"); }),
            "in.json:2: /name: is taken");
  EXPECT_EQ(error_of(text, [](const JsonNode& root) {
              EXPECT_EQ(root.member("name").string(), "x");
              EXPECT_TRUE(root.member("a/b").boolean());
              EXPECT_FALSE(root.find("size"));
            }),
            "");
}

TEST(JsonReader, TheDocumentItselfIsChecked) {
  const auto nothing = [](const JsonNode&) {};
  EXPECT_EQ(error_of("{\"a\": 1,\n \"a\": 2}", nothing), "in.json:2: /a: duplicate key");
  EXPECT_EQ(error_of("{\"a\": [1,]}", nothing), "in.json:1:10: invalid JSON: a trailing comma before ']' (JSON allows none)");
  EXPECT_EQ(error_of(std::string(100, '[') + std::string(100, ']'), nothing).rfind("in.json: JSON nested deeper than ", 0), 0u);
  EXPECT_EQ(error_of("[1]", [](const JsonNode& root) { root.expect_object(); }), "in.json:1: /: expected an object, found array");
}

TEST(JsonReader, IntegersAreBoundedBeforeNarrowing) {
  const auto read = [](const JsonNode& root) { root.member("n").unsigned_at_most(64, "an argument index"); };
  for (const char* value : {"4294967296", "-1", "1.0", "65", "\"3\""}) {
    EXPECT_EQ(error_of(std::string("{\"n\": ") + value + "}", read), "in.json:1: /n: expected an argument index from 0 to 64")
        << value;
  }
  EXPECT_EQ(error_of("{\"n\": 64}", read), "");
}

}  // namespace
}  // namespace scopelint

// Extraction in degraded mode: with a project header missing, the calls clang drops from the AST are
// found in the tokens, with the same facts as when the header is present.
#include <gtest/gtest.h>

#include <clang-c/Index.h>

#include <string>
#include <vector>

#include "extract/driver/extractor.h"
#include "extract/tokens/token_fallback.h"
#include "test_support.h"

namespace scopelint {
namespace {

std::string describe(const HttpCall& call) {
  std::string text = std::to_string(call.location.line) + ":" + std::to_string(call.location.column) + " " +
                     call.library + " " + (call.method ? std::string(to_string(*call.method)) : "?") + " " +
                     call.url.value_or("<none>") + " base=" + call.base.value_or("-") +
                     " body=" + std::to_string(static_cast<int>(call.body.kind));
  if (call.body.raw) text += " raw=" + *call.body.raw;
  if (call.body.raw_literal) text += " (literal)";
  for (const auto& field : call.body.fields) {
    text += " [" + field.key + "=" + field.value.value_or("?") + (field.value_literal ? " (literal)" : "") + "]";
  }
  if (call.unresolved.any()) {
    text += " unresolved: url=" + std::to_string(static_cast<int>(call.unresolved.url)) +
            " method=" + std::to_string(static_cast<int>(call.unresolved.method));
  }
  return text;
}

std::vector<std::string> extract(const std::string& path) {
  ExtractOptions options;
  options.paths = {path};
  options.jobs = 1;
  std::vector<std::string> calls;
  for (const auto& call : extract_facts(options).facts.calls) calls.push_back(describe(call));
  return calls;
}

std::string fixture(const std::string& name) {
  return std::string(SCOPELINT_FIXTURES) + "/headers-missing/" + name;
}

// What the fixtures' private header declares, for the runs with the header present.
const char* const kCppHeader = R"(#pragma once
#include <string>
namespace elation { namespace sdk {
struct Credentials { std::string client_id, client_secret; };
struct Patient { long id; };
Credentials load(const char* path);
Patient current_patient();
void log(const char* message);
} }
)";

const char* const kCHeader = R"(#pragma once
#include <stddef.h>
#include <curl/curl.h>
typedef struct esdk_config esdk_config_t;
enum { ESDK_LOG_ERROR = 3 };
esdk_config_t *esdk_load_config(const char *path);
const char *esdk_client_id(esdk_config_t *cfg);
const char *esdk_client_secret(esdk_config_t *cfg);
size_t esdk_token_writer(char *data, size_t size, size_t count, void *user);
void esdk_log(esdk_config_t *cfg, int level, const char *message);
struct curl_slist *esdk_auth_headers(esdk_config_t *cfg);
void esdk_free_config(esdk_config_t *cfg);
)";

TEST(ExtractFallbackTest, ProblemSyncCallsOnUnknownTypesAreFound) {
  const std::vector<std::string> expected = {
      // The AST kept this call but dropped the form's initializer: the fields come from the tokens.
      "20:14 cpp-httplib POST /api/2.0/oauth2/token/ base=- body=2 [grant_type=client_credentials (literal)]"
      " [client_id=?] [client_secret=?]"
      " [scope=system/patients.read system/problems.read system/allergies.read (literal)]",
      // Dropped from the AST (patient's type is unknown): found in the tokens.
      "28:23 cpp-httplib GET /api/2.0/patients/{}/ base=- body=0",
      "29:19 cpp-httplib GET /api/2.0/problems/?patient={} base=- body=0",
      "30:20 cpp-httplib GET /api/2.0/allergies/?patient={} base=- body=0",
      // The AST kept this call but dropped the body's initializer (it uses patient.id).
      "39:3 cpp-httplib POST /api/2.0/problems/ base=- body=3"
      " raw={\"patient\": {}, \"dx\": [{\"icd10\": [\"{}\"]}]}",
  };
  EXPECT_EQ(extract(fixture("problem_sync_service.cpp")), expected);
}

TEST(ExtractFallbackTest, ReferralFaxTokenBodyFromDroppedSnprintf) {
  const std::vector<std::string> expected = {
      "27:3 libcurl POST https://app.elationemr.com/api/2.0/oauth2/token/ base=- body=3"
      " raw=grant_type=client_credentials&client_id={}&client_secret={}"
      "&scope=system/letters.read+system/letters.write",
      "42:3 libcurl GET https://app.elationemr.com/api/2.0/patients/{}/ base=- body=0",
      "47:3 libcurl PATCH https://app.elationemr.com/api/2.0/letters/{}/ base=- body=3"
      " raw={\"send_to_fax\": true} (literal)",
  };
  EXPECT_EQ(extract(fixture("referral_fax_sender.c")), expected);
}

// The same code gives the same facts whether the private header is there or not.
void expect_same_facts_with_header(const std::string& name, const char* header) {
  const std::string source = test::read_text(fixture(name));
  test::TempDir missing, present;
  const std::vector<std::string> without = extract(missing.write(name, source));
  present.write("elation_sdk_private.h", header);
  const std::vector<std::string> with = extract(present.write(name, source));
  EXPECT_FALSE(with.empty());
  EXPECT_EQ(without, with);
}

TEST(ExtractFallbackTest, SameFactsAsWithTheHeaderCpp) {
  expect_same_facts_with_header("problem_sync_service.cpp", kCppHeader);
}

TEST(ExtractFallbackTest, SameFactsAsWithTheHeaderC) {
  expect_same_facts_with_header("referral_fax_sender.c", kCHeader);
}

// Headers given to a handle as a curl_slist, in a function whose parameter type the missing header
// declares: the same header names with the header missing as with it there.
TEST(ExtractFallbackTest, HeaderListsAreTheSameWithTheHeaderMissing) {
  const std::string source = R"(#include <curl/curl.h>
#include "elation_sdk_private.h"
void place(CURL *h, esdk_user_t *user, long physician) {
  char on_behalf[64];
  snprintf(on_behalf, sizeof on_behalf, "X-On-Behalf-Of: %ld", physician);
  struct curl_slist *list = curl_slist_append(NULL, "Content-Type: application/json");
  list = curl_slist_append(list, on_behalf);
  /* Statements that use what the missing header declares. */
  if (esdk_user_id(user) > 0) curl_slist_append(list, "X-Audit: 1");
  curl_slist_append(list, "Accept: application/json");
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/lab_orders/");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, esdk_order_json(user));
  curl_easy_perform(h);
}
)";
  const auto headers_of = [](const std::string& path) {
    ExtractOptions options;
    options.paths = {path};
    options.jobs = 1;
    std::vector<std::vector<std::string>> headers;
    for (const auto& call : extract_facts(options).facts.calls) headers.push_back(call.headers);
    return headers;
  };
  test::TempDir missing, present;
  const auto without = headers_of(missing.write("order.c", source));
  present.write("elation_sdk_private.h",
                "#include <stdio.h>\ntypedef struct esdk_user esdk_user_t;\nconst char *esdk_order_json(esdk_user_t *);\n"
                "int esdk_user_id(esdk_user_t *);\n");
  const auto with = headers_of(present.write("order.c", source));
  const std::vector<std::vector<std::string>> expected = {{"Content-Type", "X-On-Behalf-Of", "X-Audit", "Accept"}};
  EXPECT_EQ(with, expected);
  EXPECT_EQ(without, expected);
}

// Without a missing header the pass does nothing, even where the AST lost a call for another
// reason (here a misspelt type).
TEST(ExtractFallbackTest, NoMissingHeaderLeavesTheAstAlone) {
  test::TempDir dir;
  const std::string path = dir.write("typo.cpp", R"(#include <httplib.h>
#include <string>
const std::string kApi = "/api/2.0";
void f(httplib::Client& cli, const Pateint& patient) {
  cli.Get(kApi + "/patients/" + std::to_string(patient.id) + "/");
  cli.Get(kApi + "/problems/");
}
)");
  EXPECT_EQ(extract(path), std::vector<std::string>{"6:3 cpp-httplib GET /api/2.0/problems/ base=- body=0"});
}

std::vector<std::string> missing_headers_of(const std::string& source, const std::string& name) {
  CXIndex index = clang_createIndex(0, 0);
  CXUnsavedFile file{name.c_str(), source.c_str(), static_cast<unsigned long>(source.size())};
  const char* args[] = {"-xc"};
  CXTranslationUnit tu = clang_parseTranslationUnit(index, name.c_str(), args, 1, &file, 1,
                                                    CXTranslationUnit_KeepGoing);
  std::vector<std::string> missing = tu ? extract::missing_project_headers(tu) : std::vector<std::string>{"<no tu>"};
  if (tu) clang_disposeTranslationUnit(tu);
  clang_disposeIndex(index);
  return missing;
}

TEST(ExtractFallbackTest, OnlyProjectHeadersCountAsMissing) {
  EXPECT_EQ(missing_headers_of("#include \"nothere_private.h\"\nint x;\n", "/tmp/scopelint-fallback-a.c"),
            std::vector<std::string>{"nothere_private.h"});
  // A library header scopelint ships a stub for is not a project header.
  EXPECT_TRUE(missing_headers_of("#include <curl/curl.h>\nint x;\n", "/tmp/scopelint-fallback-b.c").empty());
  EXPECT_TRUE(missing_headers_of("int x;\n", "/tmp/scopelint-fallback-c.c").empty());
}

}  // namespace
}  // namespace scopelint

// Extraction: the string resolver on each construct, through libcurl calls in one small C++ file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "extract/driver/extractor.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

// Each function ends with a perform; the line holding `// @name` is where the URL is set.
const char* const kSource = R"CPP(#include <curl/curl.h>
#include <cstdio>
#include <sstream>
#include <string>
#include "constants.h"

#define API_BASE "https://app.elationemr.com/api/2.0"
#define RESOURCE(name) API_BASE "/" name "/"
#define PATIENT_URL(id) (std::string(API_BASE) + "/patients/" + std::to_string(id) + "/")
constexpr const char* kTokenPath = "/oauth2/token/";
static const std::string kBase = "https://app.elationemr.com/api/2.0";
struct Endpoints {
  static const std::string kAllergies;
  static constexpr const char* kVitals = "/vitals/";
};
const std::string Endpoints::kAllergies = "/allergies/";

void literal(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/patients/");  // @literal
  curl_easy_perform(h);
}
void adjacent(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com" "/api/2.0" "/problems/");  // @adjacent
  curl_easy_perform(h);
}
void object_macro(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, API_BASE "/vitals/");  // @object_macro
  curl_easy_perform(h);
}
void function_macro(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, RESOURCE("allergies"));  // @function_macro
  curl_easy_perform(h);
}
void function_macro_runtime(CURL* h, long id) {
  curl_easy_setopt(h, CURLOPT_URL, PATIENT_URL(id).c_str());  // @function_macro_runtime
  curl_easy_perform(h);
}
void constants(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, (kBase + kTokenPath).c_str());  // @constants
  curl_easy_perform(h);
}
void class_constants(CURL* h) {
  std::string url = kBase + Endpoints::kAllergies + "?x=" + Endpoints::kVitals;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());  // @class_constants
  curl_easy_perform(h);
}
void header_constant(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, (std::string(kHeaderBase) + "/reports/").c_str());  // @header_constant
  curl_easy_perform(h);
}
void plus_and_to_string(CURL* h, long id) {
  std::string url = "/api/2.0/patients/" + std::to_string(id) + "/";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());  // @plus_and_to_string
  curl_easy_perform(h);
}
void plus_equals(CURL* h, long id) {
  std::string url = kBase;
  url += "/patients/";
  url += std::to_string(id);
  url += "/";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());  // @plus_equals
  curl_easy_perform(h);
}
void append_chain(CURL* h, const std::string& id) {
  std::string url = kBase;
  url.append("/visit_notes/").append(id).append("/");
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());  // @append_chain
  curl_easy_perform(h);
}
void format(CURL* h, long id, unsigned long n, size_t z) {
  char url[256];
  snprintf(url, sizeof url, "%s/patients/%ld/?limit=%lu&z=%zu&pct=100%%&d=%d", API_BASE, id, n, z, 3);
  curl_easy_setopt(h, CURLOPT_URL, url);  // @format
  curl_easy_perform(h);
}
void sprintf_format(CURL* h, const char* name) {
  char url[256];
  sprintf(url, API_BASE "/patients/?last_name=%s", name);
  curl_easy_setopt(h, CURLOPT_URL, url);  // @sprintf_format
  curl_easy_perform(h);
}
void stream(CURL* h, long id) {
  std::ostringstream os;
  os << kBase << "/patients/" << id << "/";
  curl_easy_setopt(h, CURLOPT_URL, os.str().c_str());  // @stream
  curl_easy_perform(h);
}
void wrappers(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, std::string(std::string(kBase).data()).c_str());  // @wrappers
  curl_easy_perform(h);
}
void assigned_once(CURL* h) {
  std::string url;
  url = kBase + "/appointments/";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());  // @assigned_once
  curl_easy_perform(h);
}
void reassigned_in_branches(CURL* h, bool flag) {
  std::string url;
  if (flag) {
    url = kBase + "/appointments/";
  } else {
    url = kBase + "/problems/";
  }
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());  // @reassigned_in_branches
  curl_easy_perform(h);
}
void sequential_assignments(CURL* h) {
  char url[128];
  snprintf(url, sizeof url, "%s/first/", API_BASE);
  snprintf(url, sizeof url, "%s/second/", API_BASE);
  curl_easy_setopt(h, CURLOPT_URL, url);  // @sequential_assignments
  curl_easy_perform(h);
}
void parameter(CURL* h, const char* url) {
  curl_easy_setopt(h, CURLOPT_URL, url);  // @parameter
  curl_easy_perform(h);
}
void escaped_scope(CURL* h, const std::string& id) {
  char* scope = curl_easy_escape(h, "system/patients.read system/vitals.read", 0);
  std::string body = "grant_type=client_credentials&client_id=" + id + "&scope=" + scope;
  curl_easy_setopt(h, CURLOPT_URL, API_BASE "/oauth2/token/");  // @escaped_scope
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
}
void literal_body(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, API_BASE "/oauth2/token/");  // @literal_body
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "grant_type=client_credentials&scope=system/a.read%20system/b.read");
  curl_easy_perform(h);
}
)CPP";

const char* const kConstantsHeader = R"CPP(#pragma once
constexpr const char* kHeaderBase = "https://sandbox.elationemr.com/api/2.0";
)CPP";

class ExtractStringResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("scopelint-resolver-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    std::ofstream(*dir_ / "resolver.cpp") << kSource;
    std::ofstream(*dir_ / "constants.h") << kConstantsHeader;
    ExtractOptions options;
    options.paths = {(*dir_ / "resolver.cpp").string()};
    result_ = new ExtractResult(extract_facts(options));
    markers_ = new std::map<std::string, unsigned>();
    std::istringstream lines(kSource);
    unsigned number = 0;
    for (std::string line; std::getline(lines, line);) {
      ++number;
      const auto at = line.find("// @");
      if (at != std::string::npos) (*markers_)[line.substr(at + 4)] = number;
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete result_;
    delete markers_;
  }

  // The call whose URL is set on the marked line.
  static const HttpCall& call(const std::string& marker) {
    const unsigned line = markers_->at(marker);
    for (const auto& call : result_->facts.calls) {
      if (call.location.line == line) return call;
    }
    static HttpCall missing;
    ADD_FAILURE() << "no call found at @" << marker << " (line " << line << ")";
    return missing;
  }
  static std::string url(const std::string& marker) { return call(marker).url.value_or("<none>"); }

  static fs::path* dir_;
  static ExtractResult* result_;
  static std::map<std::string, unsigned>* markers_;
};

fs::path* ExtractStringResolverTest::dir_ = nullptr;
ExtractResult* ExtractStringResolverTest::result_ = nullptr;
std::map<std::string, unsigned>* ExtractStringResolverTest::markers_ = nullptr;

TEST_F(ExtractStringResolverTest, StringLiteral) {
  EXPECT_EQ(url("literal"), "https://app.elationemr.com/api/2.0/patients/");
  EXPECT_EQ(call("literal").location.column, 3u);
  EXPECT_EQ(call("literal").library, "libcurl");
  EXPECT_TRUE(result_->diagnostics.empty());
}

TEST_F(ExtractStringResolverTest, AdjacentLiterals) {
  EXPECT_EQ(url("adjacent"), "https://app.elationemr.com/api/2.0/problems/");
}

TEST_F(ExtractStringResolverTest, ObjectLikeMacro) {
  EXPECT_EQ(url("object_macro"), "https://app.elationemr.com/api/2.0/vitals/");
}

TEST_F(ExtractStringResolverTest, FunctionLikeMacros) {
  EXPECT_EQ(url("function_macro"), "https://app.elationemr.com/api/2.0/allergies/");
  EXPECT_EQ(url("function_macro_runtime"), "https://app.elationemr.com/api/2.0/patients/{}/");
}

TEST_F(ExtractStringResolverTest, NamespaceAndClassConstants) {
  EXPECT_EQ(url("constants"), "https://app.elationemr.com/api/2.0/oauth2/token/");
  EXPECT_EQ(url("class_constants"), "https://app.elationemr.com/api/2.0/allergies/?x=/vitals/");
}

TEST_F(ExtractStringResolverTest, ConstantFromAnotherHeader) {
  EXPECT_EQ(url("header_constant"), "https://sandbox.elationemr.com/api/2.0/reports/");
}

TEST_F(ExtractStringResolverTest, ConcatenationWithRuntimeParts) {
  EXPECT_EQ(url("plus_and_to_string"), "/api/2.0/patients/{}/");
  EXPECT_EQ(url("plus_equals"), "https://app.elationemr.com/api/2.0/patients/{}/");
  EXPECT_EQ(url("append_chain"), "https://app.elationemr.com/api/2.0/visit_notes/{}/");
}

TEST_F(ExtractStringResolverTest, PrintfFormats) {
  EXPECT_EQ(url("format"), "https://app.elationemr.com/api/2.0/patients/{}/?limit={}&z={}&pct=100%&d={}");
  EXPECT_EQ(url("sprintf_format"), "https://app.elationemr.com/api/2.0/patients/?last_name={}");
}

TEST_F(ExtractStringResolverTest, OstringstreamChain) {
  EXPECT_EQ(url("stream"), "https://app.elationemr.com/api/2.0/patients/{}/");
}

TEST_F(ExtractStringResolverTest, ValuePreservingWrappers) {
  EXPECT_EQ(url("wrappers"), "https://app.elationemr.com/api/2.0");
}

TEST_F(ExtractStringResolverTest, LocalVariables) {
  EXPECT_EQ(url("assigned_once"), "https://app.elationemr.com/api/2.0/appointments/");
  EXPECT_EQ(url("sequential_assignments"), "https://app.elationemr.com/api/2.0/second/");
  // Assigned in two branches: one request for each value (which one runs is not known).
  std::vector<std::string> branches;
  for (const auto& c : result_->facts.calls) {
    if (c.location.line == markers_->at("reassigned_in_branches")) branches.push_back(c.url.value_or("<none>"));
  }
  EXPECT_EQ(branches, (std::vector<std::string>{"https://app.elationemr.com/api/2.0/appointments/",
                                                "https://app.elationemr.com/api/2.0/problems/"}));
}

TEST_F(ExtractStringResolverTest, ParameterIsUnknown) {
  const HttpCall& c = call("parameter");
  EXPECT_FALSE(c.url.has_value());
  EXPECT_EQ(c.unresolved.url, UnresolvedParts::Url::BuiltAtRunTime);
  EXPECT_EQ(c.unresolved.method, UnresolvedParts::Method::Known);
  ASSERT_TRUE(c.method.has_value());
  EXPECT_EQ(*c.method, HttpMethod::Get);
}

TEST_F(ExtractStringResolverTest, CurlEscapePercentEncodesTheScope) {
  const HttpCall& c = call("escaped_scope");
  ASSERT_EQ(c.body.kind, RequestBody::Kind::Raw);
  ASSERT_TRUE(c.body.raw.has_value());
  EXPECT_EQ(*c.body.raw,
            "grant_type=client_credentials&client_id={}&scope=system%2Fpatients.read%20system%2Fvitals.read");
  EXPECT_FALSE(c.body.raw_literal.has_value());
}

TEST_F(ExtractStringResolverTest, LiteralBodyHasItsRange) {
  const HttpCall& c = call("literal_body");
  ASSERT_EQ(c.body.kind, RequestBody::Kind::Raw);
  EXPECT_EQ(c.body.raw.value_or(""), "grant_type=client_credentials&scope=system/a.read%20system/b.read");
  ASSERT_TRUE(c.body.raw_literal.has_value());
  const SourceRange& range = *c.body.raw_literal;
  EXPECT_EQ(range.begin.line, markers_->at("literal_body") + 1);
  EXPECT_EQ(range.begin.column, 43u);
  EXPECT_EQ(range.length, std::string("\"grant_type=client_credentials&scope=system/a.read%20system/b.read\"").size());
  EXPECT_EQ(range.end.column, range.begin.column + range.length);
  // The offset points at the opening quote in the file.
  std::ifstream in(*dir_ / "resolver.cpp");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.substr(range.offset, 12), "\"grant_type=");
}

}  // namespace
}  // namespace scopelint

// Extraction: which files are scanned, bad input, header deduplication, macro locations, models.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "extract/driver/extractor.h"
#include "extract/driver/source_discovery.h"
#include "extract/models/library_models.h"
#include "extract/models/stub_headers.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

class ExtractFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("scopelint-files-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  ExtractResult scan(std::vector<std::string> paths) {
    ExtractOptions options;
    options.paths = std::move(paths);
    return extract_facts(options);
  }
  fs::path dir_;
};

const char* const kCurlCall = R"C(#include <curl/curl.h>
void f(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/patients/");
  curl_easy_perform(h);
}
)C";

TEST_F(ExtractFilesTest, MissingPathIsAUsageError) {
  try {
    scan({(dir_ / "nope.cpp").string()});
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "no such file or directory: " + (dir_ / "nope.cpp").string());
  }
}

TEST_F(ExtractFilesTest, BadFilesGiveAtMostADiagnostic) {
  const std::string empty = write("empty.cpp", "");
  const std::string binary = write("binary.cpp", std::string("\x7f" "ELF\0\0\x01\x02", 8));
  const std::string latin1 = write("latin1.c", std::string("/* caf\xe9 */\n") + kCurlCall);
  const std::string garbage = write("garbage.cpp", "}}}} not C at all ((( \"unterminated\n@@@@\n");
  const ExtractResult result = scan({empty, binary, latin1, garbage});
  ASSERT_EQ(result.facts.calls.size(), 1u);  // the Latin-1 file still parses
  EXPECT_EQ(result.facts.calls[0].location.file, latin1);
  ASSERT_EQ(result.diagnostics.size(), 2u);
  for (const auto& diagnostic : result.diagnostics) {
    EXPECT_EQ(diagnostic.rule, "scan-error");
    EXPECT_EQ(diagnostic.level, Level::Warning);
  }
  EXPECT_EQ(result.diagnostics[0].location.file, binary);
  EXPECT_EQ(result.diagnostics[0].message, "binary file, not source code");
  EXPECT_EQ(result.diagnostics[1].location.file, garbage);
  EXPECT_EQ(result.diagnostics[1].message, "not parsable as C, C++ or Objective-C source");
}

TEST_F(ExtractFilesTest, DirectoryWalkSkipsHiddenAndBuildFoldersAndOtherExtensions) {
  write("src/a.c", kCurlCall);
  write("src/b.txt", kCurlCall);
  write("build/gen.c", kCurlCall);
  write("build-debug/gen.c", kCurlCall);
  write(".cache/x.c", kCurlCall);
  write("src/z/y.cc", kCurlCall);
  const auto files = extract::discover_sources({dir_.string()}, {});
  std::vector<std::string> names;
  for (const auto& file : files) names.push_back(fs::relative(file.path, dir_).string());
  EXPECT_EQ(names, (std::vector<std::string>{"src/a.c", "src/z/y.cc"}));
  const ExtractResult result = scan({dir_.string()});
  EXPECT_EQ(result.facts.calls.size(), 2u);
  EXPECT_EQ(result.files_scanned, 2u);
}

TEST_F(ExtractFilesTest, CallsInASharedHeaderAreReportedOnce) {
  write("api.h", R"C(#pragma once
#include <curl/curl.h>
static inline void fetch_patients(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/patients/");
  curl_easy_perform(h);
}
)C");
  write("one.c", "#include \"api.h\"\nvoid one(CURL* h) { fetch_patients(h); }\n");
  write("two.c", "#include \"api.h\"\nvoid two(CURL* h) { fetch_patients(h); }\n");
  const ExtractResult result = scan({dir_.string()});
  ASSERT_EQ(result.facts.calls.size(), 1u);
  EXPECT_EQ(result.facts.calls[0].location.file, (dir_ / "api.h").string());
  EXPECT_EQ(result.facts.calls[0].location.line, 4u);
  EXPECT_EQ(result.files_scanned, 2u);  // the header is analysed through its includers
}

TEST_F(ExtractFilesTest, MacroCallSiteIsTheExpansionLocation) {
  const std::string file = write("macro.c", R"C(#include <curl/curl.h>
#define GET_URL(h, url) do { curl_easy_setopt(h, CURLOPT_URL, url); curl_easy_perform(h); } while (0)
void f(CURL* h) {
  int unused = 0;  GET_URL(h, "https://app.elationemr.com/api/2.0/vitals/");
}
)C");
  const ExtractResult result = scan({file});
  ASSERT_EQ(result.facts.calls.size(), 1u);
  EXPECT_EQ(result.facts.calls[0].location.line, 4u);
  EXPECT_EQ(result.facts.calls[0].location.column, 20u);
  EXPECT_EQ(result.facts.calls[0].url.value_or(""), "https://app.elationemr.com/api/2.0/vitals/");
}

TEST_F(ExtractFilesTest, NamedHeaderNotIncludedElsewhereIsParsed) {
  const std::string header = write("client.hpp", std::string("#pragma once\n") + kCurlCall);
  const ExtractResult result = scan({header});
  ASSERT_EQ(result.facts.calls.size(), 1u);
  EXPECT_EQ(result.facts.calls[0].location.file, header);
}

TEST_F(ExtractFilesTest, CompileDatabaseFlagsAndDirectoryAreUsed) {
  write("inc/paths.h", "#define PATIENTS_PATH \"/patients/\"\n");
  const std::string source = write("src/a.cpp", R"C(#include <curl/curl.h>
#include "paths.h"
void f(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, API_HOST PATIENTS_PATH);
  curl_easy_perform(h);
}
)C");
  // Relative paths in the entry are relative to its directory, not to the current directory.
  write("compile_commands.json", R"([{"directory": ")" + dir_.string() +
                                     R"(", "command": "c++ -std=c++17 -DAPI_HOST=\\\"https://app.elationemr.com/api/2.0\\\" )"
                                     R"(-Iinc -c src/a.cpp -o a.o", "file": "src/a.cpp"}])");
  const ExtractResult result = scan({source});
  ASSERT_EQ(result.facts.calls.size(), 1u);
  EXPECT_EQ(result.facts.calls[0].url.value_or(""), "https://app.elationemr.com/api/2.0/patients/");
  EXPECT_EQ(result.facts.calls[0].location.file, source);
  EXPECT_TRUE(result.diagnostics.empty());
}

TEST_F(ExtractFilesTest, BrokenDatabaseEntriesAreDroppedAndTheGoodOnesStillApply) {
  const std::string source = write("src/a.cpp", R"C(#include <curl/curl.h>
void f(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, API_HOST "/api/2.0/vitals/");
  curl_easy_perform(h);
}
)C");
  write("compile_commands.json", R"([{"directory": ")" + dir_.string() +
                                     R"(", "arguments": ["c++", "-DAPI_HOST=\"https://app.elationemr.com\"", "-c", "src/a.cpp"],)"
                                     R"( "file": "src/a.cpp"}, {"file": "src/b.cpp", "command": "c++ -c src/b.cpp"},)"
                                     R"( {"directory": "x", "file": "c.cpp", "arguments": []}, 7])");
  const ExtractResult result = scan({source});
  ASSERT_EQ(result.facts.calls.size(), 1u);
  EXPECT_EQ(result.facts.calls[0].url.value_or(""), "https://app.elationemr.com/api/2.0/vitals/");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_NE(result.diagnostics[0].message.find("ignored 3 of 4 entries (entry 2: no \"directory\"; entry 3: "
                                               "\"arguments\" is not a list of strings; entry 4: not an object)"),
            std::string::npos)
      << result.diagnostics[0].message;
}

// libclang 14 used to chdir() the whole process into the entry's directory: the next relative
// path (a file, -o, --fix) then resolved against it, and after TearDown the cwd was deleted.
TEST_F(ExtractFilesTest, CompileDatabaseDirectoryDoesNotChangeTheProcessDirectory) {
  write("inc/paths.h", "#define PATIENTS_PATH \"/patients/\"\n");
  const std::string source = write("src/a.cpp", R"C(#include <curl/curl.h>
#include "paths.h"
void f(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0" PATIENTS_PATH);
  curl_easy_perform(h);
}
)C");
  write("build/compile_commands.json", R"([{"directory": ")" + (dir_ / "build").string() +
                                           R"(", "command": "c++ -I../inc -c ../src/a.cpp", "file": "../src/a.cpp"}])");
  const fs::path before = fs::current_path();
  ExtractOptions options;
  options.paths = {source};
  options.compile_db_dir = (dir_ / "build").string();
  const ExtractResult result = extract_facts(options);
  ASSERT_EQ(result.facts.calls.size(), 1u);  // -I../inc still resolves against the directory
  EXPECT_EQ(result.facts.calls[0].url.value_or(""), "https://app.elationemr.com/api/2.0/patients/");
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(fs::current_path(), before);
}

TEST_F(ExtractFilesTest, FixedFlagsAfterDoubleDash) {
  const std::string source = write("b.c", R"C(#include <curl/curl.h>
void f(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, HOST "/api/2.0/vitals/");
  curl_easy_perform(h);
}
)C");
  ExtractOptions options;
  options.paths = {source};
  options.has_fixed_args = true;
  options.fixed_args = {"-xc", "-DHOST=\"https://sandbox.elationemr.com\""};
  const ExtractResult result = extract_facts(options);
  ASSERT_EQ(result.facts.calls.size(), 1u);
  EXPECT_EQ(result.facts.calls[0].url.value_or(""), "https://sandbox.elationemr.com/api/2.0/vitals/");
}

// Every rules/http/*.json file is a model named after it, with a stub header for scans without the
// library's headers.
TEST(ExtractModelsTest, EmbeddedModelsLoad) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(SCOPELINT_SOURCE_DIR) + "/rules/http")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().stem().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> names;
  for (const auto& library : extract::builtin_library_models().libraries) {
    names.push_back(library.library);
    ASSERT_TRUE(library.stub.has_value()) << library.library;
    EXPECT_NE(library.stub->text.find("scopelint stub of"), std::string::npos) << library.library;
  }
  EXPECT_EQ(names, files);
  EXPECT_GE(names.size(), 7u);
}

TEST(ExtractModelsTest, StubAliasesIncludeTheStubAndStringTypesComeFromTheModels) {
  const auto& headers = extract::stub_headers();
  auto text_of = [&](const std::string& path) {
    for (const auto& header : headers) {
      if (header.path == path) return header.text;
    }
    return std::string("(none)");
  };
  EXPECT_EQ(text_of("QtNetwork/QNetworkReply"), "#include <scopelint_qt_stub.h>\n");
  EXPECT_EQ(text_of("cpr/session.h"), "#include <cpr/cpr.h>\n");
  EXPECT_NE(text_of("curl/curl.h").find("curl_easy_setopt"), std::string::npos);
  const auto& qt = *std::find_if(extract::builtin_library_models().libraries.begin(),
                                 extract::builtin_library_models().libraries.end(),
                                 [](const auto& library) { return library.library == "qt"; });
  EXPECT_NE(std::find(qt.string_types.begin(), qt.string_types.end(), "QString"), qt.string_types.end());
}

TEST(ExtractModelsTest, AStubFileThatIsNotEmbeddedIsAnError) {
  extract::LibraryModels models;
  try {
    extract::load_library_model("rules/http/x.json",
                                R"({"library": "x", "stub": {"file": "stubs/missing.h", "path": "x.h"}})", models);
    ADD_FAILURE() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "rules/http/x.json:1: /stub/file: no embedded file rules/http/stubs/missing.h");
  }
}

TEST(ExtractModelsTest, BrokenModelNamesFileAndJsonPath) {
  extract::LibraryModels models;
  auto error_of = [&](const std::string& text) {
    try {
      extract::load_library_model("rules/http/x.json", text, models);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of(R"({"library": "x", "calls": [{"functions": {"x::get": "GETT"}}]})"),
            "rules/http/x.json:1: /calls/0: unknown HTTP method 'GETT' for 'x::get'");
  EXPECT_EQ(error_of(R"({"library": "x", "calls": [{"functions": {"x::get": "GET"}, "url_arg": -1}]})"),
            "rules/http/x.json:1: /calls/0/url_arg: expected an argument index from 0 to 64");
  // get<unsigned>() of 4294967296 was 0: bounded before narrowing.
  EXPECT_EQ(error_of(R"({"library": "x", "calls": [{"functions": {"x::get": "GET"}, "url_arg": 4294967296}]})"),
            "rules/http/x.json:1: /calls/0/url_arg: expected an argument index from 0 to 64");
  EXPECT_EQ(error_of(R"({"library": "x", "arg_types": {"T": "body"}})"),
            "rules/http/x.json:1: /arg_types/T: unknown role 'body' (expected url, method, fields, raw, "
            "unknown-body, base, header, header-line, headers, ignore or by-type)");
  EXPECT_EQ(error_of(R"({"library": "x",
  "colls": []})").rfind("rules/http/x.json:2: /colls: unknown key 'colls' (expected one of: ", 0), 0u);
  EXPECT_EQ(error_of("{").rfind("rules/http/x.json:1:2: invalid JSON: ", 0), 0u);
  EXPECT_EQ(error_of(R"({"library": "x", "library": "y"})"), "rules/http/x.json:1: /library: duplicate key");
}

}  // namespace
}  // namespace scopelint

// Function bodies of third-party headers are skipped while parsing (unit_parse.h), those of the
// project's own headers are not: wrappers defined inline or as templates in a project header, and
// members initialised by an inline constructor, give the same calls as when they live in a .cpp,
// with one job or two.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/driver/extractor.h"
#include "extract/driver/project_includes.h"
#include "test_support.h"

namespace scopelint {
namespace {

using test::TempDir;

// Two units calling the wrappers, the same in every layout of the project. The third line is free
// for a declaration before the header (see kHeaderAfterCode).
const char* kUnitA = R"(#include <string>
#include "api.h"
// line 3
void load_chart(const std::string& id) {
  elation_get("/patients/" + id + "/");
  elation_get("/medications/?patient=" + id);
}
)";
const char* kUnitB = R"(#include <string>
#include "api.h"
// line 3
void save_allergy(const std::string& json) {
  elation_post("/allergies/", json);
}
void chart_again() { elation_get("/problems/"); }
)";

const char* kCurlBody = R"(
  CURL* curl = curl_easy_init();
  const std::string url = "https://app.elationemr.com/api/2.0" + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_perform(curl);
)";
const char* kCurlPostBody = R"(
  CURL* curl = curl_easy_init();
  const std::string url = "https://app.elationemr.com/api/2.0" + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(curl);
)";

enum class Layout { InCpp, InlineInHeader, TemplateInHeader };

void write_wrapper_project(const TempDir& dir, Layout layout) {
  const std::string head = "#pragma once\n#include <curl/curl.h>\n#include <string>\n";
  switch (layout) {
    case Layout::InCpp:
      dir.write("api.h", head + "void elation_get(const std::string& path);\n"
                                "void elation_post(const std::string& path, const std::string& body);\n");
      dir.write("api.cpp", std::string("#include \"api.h\"\nvoid elation_get(const std::string& path) {") + kCurlBody +
                               "}\nvoid elation_post(const std::string& path, const std::string& body) {" +
                               kCurlPostBody + "}\n");
      break;
    case Layout::InlineInHeader:
      dir.write("api.h", head + "inline void elation_get(const std::string& path) {" + kCurlBody +
                             "}\ninline void elation_post(const std::string& path, const std::string& body) {" +
                             kCurlPostBody + "}\n");
      break;
    case Layout::TemplateInHeader:
      dir.write("api.h", head + "template <typename Path>\nvoid elation_get(const Path& path) {" + kCurlBody +
                             "}\ntemplate <typename Path, typename Body>\n"
                             "void elation_post(const Path& path, const Body& body) {" +
                             kCurlPostBody + "}\n");
      break;
  }
  dir.write("a.cpp", kUnitA);
  dir.write("b.cpp", kUnitB);
}

// The units with the header included after a declaration, at the same lines: it is then not in the
// preamble, and its bodies are parsed whatever the parse mode (the reference to compare with).
void include_header_after_code(const TempDir& dir) {
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"a.cpp", kUnitA}, {"b.cpp", kUnitB}}) {
    std::string unit = text;
    unit.replace(unit.find("#include \"api.h\"\n// line 3\n"), 27, "struct BeforeTheHeader;\n#include \"api.h\"\n");
    dir.write(name, unit);
  }
}

using CallKey = std::tuple<std::string, unsigned, unsigned, std::string, std::string>;

std::vector<CallKey> call_keys(const std::string& project, unsigned jobs) {
  ExtractOptions options;
  options.paths = {project};
  options.has_fixed_args = true;
  options.fixed_args = {"-std=c++17", "-w"};
  options.jobs = jobs;
  std::vector<CallKey> keys;
  for (const auto& call : extract_facts(options).facts.calls) {
    const std::string file = call.location.file.substr(call.location.file.rfind('/') + 1);
    keys.emplace_back(file, call.location.line, call.location.column,
                      call.method ? std::string(to_string(*call.method)) : "?", call.url ? *call.url : "?");
  }
  return keys;
}

// The calls made at the call sites (a.cpp, b.cpp): where the wrapper lives does not change them.
std::vector<CallKey> call_site_keys(const std::string& project, unsigned jobs) {
  std::vector<CallKey> out;
  for (auto& key : call_keys(project, jobs)) {
    if (std::get<0>(key) == "a.cpp" || std::get<0>(key) == "b.cpp") out.push_back(key);
  }
  return out;
}

TEST(ExtractHeaderBodies, WrappersInProjectHeadersGiveTheSameCallsAsInACpp) {
  TempDir in_cpp, in_header, after_code;
  write_wrapper_project(in_cpp, Layout::InCpp);
  write_wrapper_project(in_header, Layout::InlineInHeader);
  write_wrapper_project(after_code, Layout::InlineInHeader);
  include_header_after_code(after_code);
  const auto expected = call_site_keys(in_cpp.path(), 1);
  ASSERT_EQ(expected.size(), 4u);  // three GETs and one POST, at the call sites
  EXPECT_EQ(call_site_keys(in_cpp.path(), 2), expected);
  EXPECT_EQ(call_site_keys(in_header.path(), 1), expected);
  EXPECT_EQ(call_site_keys(in_header.path(), 2), expected);
  EXPECT_EQ(call_site_keys(after_code.path(), 1), expected);
}

// Wrapper templates are not composed with their call sites yet; whatever is found in them is found
// the same whether or not the header is in the preamble.
TEST(ExtractHeaderBodies, TemplatesInProjectHeadersAreAnalysed) {
  TempDir as_template, after_code;
  write_wrapper_project(as_template, Layout::TemplateInHeader);
  write_wrapper_project(after_code, Layout::TemplateInHeader);
  include_header_after_code(after_code);
  const auto expected = call_keys(after_code.path(), 1);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(call_keys(as_template.path(), 1), expected);
  EXPECT_EQ(call_keys(as_template.path(), 2), expected);
}

// A wrapper generated by a macro: no text prediction sees it, the check after parsing does.
TEST(ExtractHeaderBodies, WrapperDefinedByAMacroInAProjectHeader) {
  TempDir in_cpp, by_macro;
  write_wrapper_project(in_cpp, Layout::InCpp);
  write_wrapper_project(by_macro, Layout::InlineInHeader);
  by_macro.write("api.h", std::string("#pragma once\n#include <curl/curl.h>\n#include <string>\n") +
                              "#define ELATION_GET_BODY {" + [] {
                                std::string body = kCurlBody;
                                std::string out;
                                for (char c : body) out += c == '\n' ? std::string(" \\\n") : std::string(1, c);
                                return out;
                              }() + "}\n#define ELATION_GET(name) inline void name(const std::string& path) ELATION_GET_BODY\n"
                                    "ELATION_GET(elation_get)\n"
                                    "inline void elation_post(const std::string& path, const std::string& body) {" +
                              kCurlPostBody + "}\n");
  EXPECT_EQ(call_site_keys(by_macro.path(), 1), call_site_keys(in_cpp.path(), 1));
}

// A client member initialised by a constructor defined in the class, in a project header: the
// methods in the .cpp resolve their base URL through it.
TEST(ExtractHeaderBodies, MemberInitialisedByAnInlineConstructor) {
  const std::string head = "#pragma once\n#include <httplib.h>\n#include <string>\n";
  const std::string api_cpp = R"(#include "api.h"
std::string Api::patients() { return cli_.Get("/api/2.0/patients/")->body; }
)";
  TempDir in_cpp, in_header;
  in_cpp.write("api.h", head + "class Api {\n public:\n  Api();\n  std::string patients();\n\n private:\n"
                               "  httplib::Client cli_;\n};\n");
  in_cpp.write("ctor.cpp", "#include \"api.h\"\nApi::Api() : cli_(\"https://app.elationemr.com\") {}\n");
  in_cpp.write("api.cpp", api_cpp);
  in_header.write("api.h", head + "class Api {\n public:\n  Api() : cli_(\"https://app.elationemr.com\") {}\n"
                                  "  std::string patients();\n\n private:\n  httplib::Client cli_;\n};\n");
  in_header.write("api.cpp", api_cpp);
  auto in_api_cpp = [](std::vector<CallKey> keys) {
    std::vector<CallKey> out;
    for (auto& key : keys) {
      if (std::get<0>(key) == "api.cpp") out.push_back(key);
    }
    return out;
  };
  const auto expected = in_api_cpp(call_keys(in_cpp.path(), 1));
  ASSERT_EQ(expected.size(), 1u);
  EXPECT_EQ(in_api_cpp(call_keys(in_header.path(), 1)), expected);
}

TEST(ExtractHeaderBodies, TextPrediction) {
  using extract::text_may_define_function;
  EXPECT_TRUE(text_may_define_function("inline int f() { return 1; }"));
  EXPECT_TRUE(text_may_define_function("struct A { A() : x(1) {} int x; };"));
  EXPECT_TRUE(text_may_define_function("struct A { int get() const noexcept(true) override { return 1; } };"));
  EXPECT_TRUE(text_may_define_function("auto f() -> std::string { return {}; }"));
  EXPECT_TRUE(text_may_define_function("void f() try { } catch (...) { }"));
  EXPECT_FALSE(text_may_define_function("int f(); struct A { virtual void g() = 0; A() = default; };"));
  EXPECT_FALSE(text_may_define_function("// void f() { }\n#define F() { }\nconst char* s = \"f() { }\";"));
  EXPECT_FALSE(text_may_define_function("Q_DECLARE_METATYPE(Foo)\nclass Bar { int x; };"));
}

}  // namespace
}  // namespace scopelint

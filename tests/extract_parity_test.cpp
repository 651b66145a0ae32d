// Extraction: every library's fixtures give the same facts with the real third-party headers and
// with all of them hidden (scopelint's stub headers stand in), as in a pre-commit environment.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "codec/facts_codec.h"
#include "extract/driver/extractor.h"
#include "extract/models/library_models.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;

const char* const kThirdParty[] = {"curl", "httplib.h", "Poco", "cpprest", "pplx", "boost", "qt5", "cpr", "GNUstep"};

bool is_third_party(const std::string& name) {
  for (const char* hidden : kThirdParty) {
    if (name == hidden) return true;
  }
  return false;
}

std::string newest_child(const fs::path& dir) {
  std::string best;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name > best) best = name;
  }
  return best;
}

// A copy of /usr/include made of symlinks, minus the third-party libraries, and the flags that
// make the compiler use it instead of the system include directories.
std::vector<std::string> hidden_third_party_args(const fs::path& root) {
  const fs::path system = "/usr/include";
  const std::string arch = "x86_64-linux-gnu";
  fs::create_directories(root / arch);
  for (const auto& entry : fs::directory_iterator(system)) {
    const std::string name = entry.path().filename().string();
    if (name == arch || is_third_party(name)) continue;
    fs::create_directory_symlink(entry.path(), root / name);
  }
  for (const auto& entry : fs::directory_iterator(system / arch)) {
    const std::string name = entry.path().filename().string();
    if (is_third_party(name)) continue;
    fs::create_directory_symlink(entry.path(), root / arch / name);
  }
  const std::string gcc = newest_child(system / "c++");
  return {"-nostdlibinc",
          "-isystem", (system / "c++" / gcc).string(),
          "-isystem", (system / arch / "c++" / gcc).string(),
          "-isystem", (system / "c++" / gcc / "backward").string(),
          "-idirafter", (root / arch).string(),
          "-idirafter", (root).string()};
}

// Everything the scan of `dir` found, as --dump-facts prints it, less the macro chains that run
// through a library's own header: the real curl.h makes curl_easy_perform a macro, the stub does not.
std::string facts_text(ExtractResult result, const fs::path& dir) {
  for (HttpCall& call : result.facts.calls) {
    const auto in_library = [&](const SourceLocation& place) {
      return place.file.rfind(dir.string() + "/", 0) != 0;
    };
    if (std::any_of(call.macro_chain.begin(), call.macro_chain.end(), in_library)) {
      call.macro_chain.clear();
    }
  }
  return facts_file_text({result.facts, result.diagnostics, result.reported_files});
}

std::vector<std::string> qt_flags() {
  const std::string qt = "/usr/include/x86_64-linux-gnu/qt5";
  if (!fs::exists(qt)) return {};
  return {"-fPIC", "-I" + qt, "-I" + qt + "/QtCore", "-I" + qt + "/QtNetwork"};
}

// GNUstep's Foundation (Debian's libgnustep-base-dev), for the Objective-C fixtures. Debian builds it
// for gcc's runtime, without blocks and without NSURLSession: the folder checked with it uses
// NSURLConnection and NSURLRequest (the NSURLSession fixtures are read with the stub only).
std::vector<std::string> gnustep_flags() {
  const fs::path gnustep = "/usr/include/GNUstep";
  fs::path runtime;  // gcc's objc/objc.h
  std::error_code ec;
  for (const auto& version : fs::directory_iterator("/usr/lib/gcc/x86_64-linux-gnu", ec)) {
    if (fs::exists(version.path() / "include" / "objc" / "objc.h")) runtime = version.path() / "include";
  }
  if (!fs::exists(gnustep) || runtime.empty()) return {};
  return {"-I" + gnustep.string(), "-idirafter", runtime.string(), "-DGNUSTEP", "-DGNUSTEP_BASE_LIBRARY=1",
          "-DGNU_RUNTIME=1", "-fconstant-string-class=NSConstantString", "-fobjc-runtime=gcc", "-fno-blocks"};
}

class ExtractHeaderParityTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(fs::temp_directory_path() / ("scopelint-hidden-" + std::to_string(::getpid())));
    fs::remove_all(*root_);
    hidden_ = new std::vector<std::string>(hidden_third_party_args(*root_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
    delete hidden_;
  }
  static fs::path* root_;
  static std::vector<std::string>* hidden_;
};

fs::path* ExtractHeaderParityTest::root_ = nullptr;
std::vector<std::string>* ExtractHeaderParityTest::hidden_ = nullptr;

TEST_P(ExtractHeaderParityTest, SameFactsWithAndWithoutThirdPartyHeaders) {
  const fs::path dir = fs::path(SCOPELINT_FIXTURES) / GetParam();
  if (!fs::exists(dir)) GTEST_SKIP() << "no fixtures for " << GetParam() << " yet";
  ExtractOptions real;
  real.paths = {dir.string()};
  real.extra_args = qt_flags();
  if (GetParam() == "foundation") real.extra_args = gnustep_flags();
  ExtractOptions hidden;
  hidden.paths = {dir.string()};
  hidden.extra_args_before = *hidden_;
  // Each scan has its own CXIndex, so the two can run side by side.
  auto with_headers = std::async(std::launch::async, [&] { return extract_facts(real); });
  const ExtractResult without = extract_facts(hidden);
  const ExtractResult with = with_headers.get();
  EXPECT_FALSE(with.facts.calls.empty());
  EXPECT_EQ(facts_text(with, dir), facts_text(without, dir));
}

// Every library model's fixture folder, then the folders that mix libraries or wrap them.
std::vector<std::string> parity_folders() {
  std::vector<std::string> folders;
  for (const auto& library : extract::builtin_library_models().libraries) folders.push_back(library.library);
  for (const char* folder : {"headers-missing", "demo", "wrappers/method_switch", "wrappers/get_posts_with_body",
                             "wrappers/beast_verb", "wrappers/libcurl_verb_if", "wrappers/two_components"}) {
    folders.push_back(folder);
  }
  return folders;
}

INSTANTIATE_TEST_SUITE_P(ExtractLibraries, ExtractHeaderParityTest, ::testing::ValuesIn(parity_folders()));

}  // namespace
}  // namespace scopelint

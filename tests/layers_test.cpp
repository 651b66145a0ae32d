// The layers of tool/ (CMakeLists.txt, docs/architecture.md): a folder's code compiles against the
// headers of its own layer and the layers below it, and an #include of a higher layer does not.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

std::vector<std::string> layers() {
  std::istringstream in(SCOPELINT_LAYERS);
  std::vector<std::string> out;
  for (std::string layer; in >> layer;) out.push_back(layer);
  return out;
}

// The folders of a layer ("a+b": two folders in one library).
std::vector<std::string> folders_of(std::string layer) {
  for (char& c : layer) c = c == '+' ? ' ' : c;
  std::istringstream in(layer);
  std::vector<std::string> out;
  for (std::string folder; in >> folder;) out.push_back(folder);
  return out;
}

std::string view_of(std::string layer) {
  for (char& c : layer) c = c == '+' || c == '/' ? '_' : c;
  return std::string(SCOPELINT_LAYER_VIEWS) + "/" + layer;
}

// What the compiler says of `#include "<header>"` with the include path the layer's library is
// built with ("" when it compiles).
std::string compile_errors(const std::string& layer, const std::string& header) {
  TempDir dir;
  dir.write("probe.cpp", "#include \"" + header + "\"\n");
  const std::string command = shell_quote(SCOPELINT_CXX_COMPILER) + " -std=c++17 -fsyntax-only -isystem " +
                              shell_quote(SCOPELINT_LIBCLANG_INCLUDE_DIR) + " -I" + shell_quote(view_of(layer)) +
                              " " + shell_quote(dir.path() + "/probe.cpp") + " 2>&1";
  const auto result = run_shell(command);
  return result.exit_code == 0 ? "" : result.out.empty() ? "failed" : result.out;
}

bool compiles_in(const std::string& layer, const std::string& header) {
  return compile_errors(layer, header).empty();
}

// The include is refused because the layer cannot see the header's folder, not for another reason.
bool hidden_from(const std::string& layer, const std::string& header) {
  return compile_errors(layer, header).find(header + ": No such file") != std::string::npos;
}

// The folders of tool/ that hold code, relative to tool/ ("extract/clang"): a folder that holds
// only folders (extract/) is not one.
std::vector<std::string> code_folders(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_directory()) continue;
    const std::string folder = entry.path().parent_path().lexically_relative(root).generic_string();
    if (folder != "." && std::find(out.begin(), out.end(), folder) == out.end()) out.push_back(folder);
  }
  return out;
}

// The folders a layer's view links to, relative to the view ("model", "extract/clang"). The links
// are not followed.
std::vector<std::string> linked_folders(const fs::path& view) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(view)) {
    if (entry.is_symlink()) out.push_back(entry.path().lexically_relative(view).generic_string());
  }
  return out;
}

TEST(Layers, EveryFolderOfToolIsInALayer) {
  std::vector<std::string> listed;
  for (const auto& layer : layers()) {
    for (const auto& folder : folders_of(layer)) listed.push_back(folder);
  }
  const auto folders = code_folders(std::string(SCOPELINT_SOURCE_DIR) + "/tool");
  EXPECT_NE(std::find(folders.begin(), folders.end(), "extract/clang"), folders.end());
  for (const auto& folder : folders) {
    EXPECT_NE(std::find(listed.begin(), listed.end(), folder), listed.end()) << folder << " is in no layer";
  }
}

TEST(Layers, AnUpwardIncludeDoesNotCompileAndADownwardOneDoes) {
  // util is below app, model below everything.
  EXPECT_TRUE(hidden_from("util", "app/lint.h"));
  EXPECT_TRUE(hidden_from("model", "util/url.h"));
  EXPECT_TRUE(compiles_in("util", "util/url.h"));
  EXPECT_TRUE(compiles_in("checks", "model/finding.h"));
}

TEST(Layers, TheJobsOfExtractAreLayersToo) {
  // The libclang plumbing cannot reach the driver or value resolution; resolution sees the plumbing.
  EXPECT_TRUE(hidden_from("extract/clang", "extract/driver/extractor.h"));
  EXPECT_TRUE(hidden_from("extract/clang", "extract/resolve/string_resolver.h"));
  EXPECT_TRUE(hidden_from("extract/match", "extract/tokens/token_fallback.h"));
  EXPECT_TRUE(hidden_from("extract/tokens", "extract/wrappers/wrapper_summaries.h"));
  EXPECT_TRUE(compiles_in("extract/resolve", "extract/resolve/string_resolver.h"));
  EXPECT_TRUE(compiles_in("extract/tokens", "extract/match/call_argument.h"));
  EXPECT_TRUE(compiles_in("extract/driver", "extract/wrappers/wrapper_summaries.h"));
}

TEST(Layers, EachLayerSeesExactlyTheFoldersBelowIt) {
  std::vector<std::string> below;
  for (const auto& layer : layers()) {
    for (const auto& folder : folders_of(layer)) below.push_back(folder);
    std::vector<std::string> seen = linked_folders(view_of(layer));
    std::sort(seen.begin(), seen.end());
    std::vector<std::string> expected = below;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(seen, expected) << layer;
  }
}

}  // namespace
}  // namespace scopelint

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
  for (char& c : layer) c = c == '+' ? '_' : c;
  return std::string(SCOPELINT_LAYER_VIEWS) + "/" + layer;
}

// Whether `#include "<header>"` compiles with the include path the layer's library is built with.
bool compiles_in(const std::string& layer, const std::string& header) {
  TempDir dir;
  dir.write("probe.cpp", "#include \"" + header + "\"\n");
  const std::string command = shell_quote(SCOPELINT_CXX_COMPILER) + " -std=c++17 -fsyntax-only -I" +
                              shell_quote(view_of(layer)) + " " +
                              shell_quote(dir.path() + "/probe.cpp") + " 2>&1";
  return run_shell(command).exit_code == 0;
}

TEST(Layers, EveryFolderOfToolIsInALayer) {
  std::vector<std::string> listed;
  for (const auto& layer : layers()) {
    for (const auto& folder : folders_of(layer)) listed.push_back(folder);
  }
  for (const auto& entry : fs::directory_iterator(std::string(SCOPELINT_SOURCE_DIR) + "/tool")) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    EXPECT_NE(std::find(listed.begin(), listed.end(), name), listed.end()) << name << " is in no layer";
  }
}

TEST(Layers, AnUpwardIncludeDoesNotCompileAndADownwardOneDoes) {
  // util is below app, model below everything.
  EXPECT_FALSE(compiles_in("util", "app/lint.h"));
  EXPECT_FALSE(compiles_in("model", "util/url.h"));
  EXPECT_TRUE(compiles_in("util", "util/url.h"));
  EXPECT_TRUE(compiles_in("checks", "model/finding.h"));
}

TEST(Layers, EachLayerSeesExactlyTheFoldersBelowIt) {
  std::vector<std::string> below;
  for (const auto& layer : layers()) {
    for (const auto& folder : folders_of(layer)) below.push_back(folder);
    std::vector<std::string> seen;
    for (const auto& entry : fs::directory_iterator(view_of(layer))) {
      seen.push_back(entry.path().filename().string());
    }
    std::sort(seen.begin(), seen.end());
    std::vector<std::string> expected = below;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(seen, expected) << layer;
  }
}

}  // namespace
}  // namespace scopelint

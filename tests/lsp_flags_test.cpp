// The language server reads compile flags through the same allow-list as the command line: an
// editor opening a fresh clone whose database says -MD -MF <path outside> writes nothing there.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "lsp_client.h"
#include "test_support.h"

namespace scopelint::lsp {
namespace {

TEST(LspFlags, DatabaseFlagsThatWriteOutsideTheWorkspaceAreDropped) {
  test::TempDir workspace, outside;
  std::filesystem::create_directories(workspace.path() + "/.git");
  const std::string file =
      workspace.write("client.cpp",
                      "#include <cpr/cpr.h>\nvoid f() { "
                      "cpr::Post(cpr::Url{\"https://app.elationemr.com\" API_PATH}); }\n");
  workspace.write(".scopelint.json", "{\"granted_scopes\": \"system/patients.read\"}\n");
  const std::string written = outside.path() + "/written.d";
  workspace.write("compile_commands.json",
                  "[{\"directory\": \"" + workspace.path() +
                      "\", \"file\": \"client.cpp\", \"arguments\": [\"c++\", "
                      "\"-DAPI_PATH=\\\"/api/2.0/allergies/\\\"\", \"-MD\", \"-MF\", \"" +
                      written +
                      "\", "
                      "\"-Xclang\", \"-dependency-file\", \"-Xclang\", \"" +
                      written + "2\", \"-c\", \"client.cpp\"]}]");

  Client client;
  client.start();
  const std::string uri = uri_from_path(file);
  client.request(1, "initialize", initialize_params(workspace.path()));
  client.notify("initialized");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", test::read_text(file)}}}});
  const json published = client.publish_for(uri, 60);
  client.request(2, "shutdown");
  client.notify("exit");
  const int exit_code = client.finish();

  EXPECT_EQ(exit_code, 0);
  ASSERT_FALSE(published.is_null());
  // The -D from the database still applies: the call's URL and so its finding need it.
  ASSERT_EQ(published["params"]["diagnostics"].size(), 1u) << published.dump(2);
  EXPECT_EQ(published["params"]["diagnostics"][0]["code"], "missing-scope");
  EXPECT_FALSE(std::filesystem::exists(written));
  EXPECT_FALSE(std::filesystem::exists(written + "2"));
  EXPECT_TRUE(std::filesystem::is_empty(outside.path()));
}

}  // namespace
}  // namespace scopelint::lsp

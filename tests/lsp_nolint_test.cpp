// The editor offers the NOLINT hygiene fix-its as quick fixes, at the places of the open buffer.
#include <gtest/gtest.h>

#include <sstream>

#include "lsp/uri.h"
#include "lsp/workspace.h"
#include "test_support.h"

namespace scopelint::lsp {
namespace {

using nlohmann::json;

json range_on(int line) {
  return {{"start", {{"line", line}, {"character", 0}}},
          {"end", {{"line", line}, {"character", 200}}}};
}

// The buffer differs from the file on disk: two lines more above, and the NOLINTs only in it.
TEST(LspNolint, QuickFixesFollowTheUnsavedBuffer) {
  test::TempDir dir;
  const std::string body =
      "#include <httplib.h>\n"
      "void run(httplib::Client& cli) {\n"
      "  cli.Post(\"/api/2.0/oauth2/token/\", httplib::Params{{\"scope\", "
      "\"system/patients.read\"}});\n"
      "  cli.Get(\"/api/2.0/patients/\");  // NOLINT(unused-scope)\n"
      "  cli.Get(\"/api/2.0/patients/\");  // NOLINT(usused-scope)\n"
      "}\n";
  const std::string file = dir.write("client.cpp", "");
  const std::string uri = uri_from_path(file);
  Documents documents;
  documents.set(uri, "// edited\n// not saved\n" + body, 2);
  std::stringstream log;
  Workspace workspace(default_lint_function(), log);
  workspace.settings().roots = {dir.path()};
  workspace.settings().base.has_fixed_args = true;
  workspace.settings().base.fixed_args = {"-std=c++17"};
  workspace.settings().base.no_cache = true;
  std::vector<json> messages = workspace.relint(documents);
  ASSERT_EQ(messages.size(), 1u) << log.str();
  const json& diagnostics = messages[0]["params"]["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 2u) << messages[0].dump(2);
  EXPECT_EQ(diagnostics[0]["code"], "unused-nolint");
  EXPECT_EQ(diagnostics[0]["range"]["start"]["line"], 5);  // 0-based: buffer line 6
  EXPECT_EQ(diagnostics[1]["code"], "unknown-nolint");

  json remove = workspace.code_actions(uri, range_on(5), documents);
  ASSERT_EQ(remove.size(), 1u) << remove.dump(2);
  EXPECT_EQ(remove[0]["title"], "remove the comment");
  const json& removal = remove[0]["edit"]["changes"][uri][0];
  EXPECT_EQ(removal["range"]["start"], json({{"line", 5}, {"character", 32}}));
  EXPECT_EQ(removal["newText"], "");

  json rename = workspace.code_actions(uri, range_on(6), documents);
  ASSERT_EQ(rename.size(), 1u) << rename.dump(2);
  EXPECT_EQ(rename[0]["title"], "replace 'usused-scope' with 'unused-scope'");
  EXPECT_EQ(rename[0]["edit"]["changes"][uri][0]["newText"], "unused-scope");
}

}  // namespace
}  // namespace scopelint::lsp

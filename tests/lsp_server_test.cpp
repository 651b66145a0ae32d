// Drives the language server in-process over pipes: lifecycle, errors, coalescing and fixes
// (lsp_buffers_test.cpp: real diagnostics, unsaved buffers and the fact cache).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "lsp_client.h"
#include "test_support.h"

namespace scopelint::lsp {
namespace {

// A lint that returns what the test sets, and counts its runs.
struct FakeLint {
  std::shared_ptr<std::vector<Finding>> findings = std::make_shared<std::vector<Finding>>();
  std::shared_ptr<int> runs = std::make_shared<int>(0);
  LintFunction function() const {
    return [findings = findings, runs = runs](const Options&, const UnsavedFiles&) {
      ++*runs;
      LintResult result;
      result.findings = *findings;
      return result;
    };
  }
};

Finding make_finding(const std::string& file, unsigned line, unsigned column) {
  Finding finding;
  finding.rule = "unused-scope";
  finding.level = Level::Warning;
  finding.message = "scope 'system/vitals.read' is requested but no call needs it";
  finding.location = {file, line, column};
  return finding;
}

TEST(LspServer, LifecycleAndErrors) {
  FakeLint lint;
  Client client(lint.function());
  client.start();
  client.request(1, "textDocument/codeAction");
  EXPECT_EQ(client.response(1)["error"]["code"], kServerNotInitialized);
  client.send_raw(frame("{not json"));
  json parse_error = client.wait_for([](const json& m) { return m.contains("error"); });
  EXPECT_EQ(parse_error["error"]["code"], kParseError);
  EXPECT_TRUE(parse_error["id"].is_null());

  client.request(2, "initialize", initialize_params("/nonexistent-ws", {"utf-16", "utf-8"}));
  json init = client.response(2)["result"];
  EXPECT_EQ(init["capabilities"]["positionEncoding"], "utf-8");
  EXPECT_EQ(init["capabilities"]["textDocumentSync"],
            (json{{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}));
  EXPECT_TRUE(init["capabilities"].contains("codeActionProvider"));
  EXPECT_EQ(init["serverInfo"], (json{{"name", "scopelint"}, {"version", SCOPELINT_VERSION}}));
  client.notify("initialized");
  client.notify("$/setTrace", {{"value", "off"}});  // ignored
  client.request(3, "textDocument/hover");
  EXPECT_EQ(client.response(3)["error"]["code"], kMethodNotFound);
  client.request(4, "initialize", initialize_params("/x"));
  EXPECT_EQ(client.response(4)["error"]["code"], kInvalidRequest);
  client.request(5, "shutdown");
  json shutdown = client.response(5);
  ASSERT_TRUE(shutdown.contains("result"));
  EXPECT_TRUE(shutdown["result"].is_null());
  client.request(6, "textDocument/codeAction");
  EXPECT_EQ(client.response(6)["error"]["code"], kInvalidRequest);
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
  EXPECT_EQ(*lint.runs, 0);
}

TEST(LspServer, IdsThatAreNeitherIntegersNorStringsAreNotEchoed) {
  Client client(FakeLint().function());
  client.start();
  const std::vector<json> bad_ids = {json{{"secret", "TOPSECRET"}}, json::array({"TOPSECRET"}), 1.5,
                                     true, nullptr};
  for (const json& id : bad_ids) {
    client.send(
        {{"jsonrpc", "2.0"}, {"id", id}, {"method", "initialize"}, {"params", json::object()}});
    json answer = client.wait_for([](const json& m) { return m.contains("error"); }, 5);
    ASSERT_FALSE(answer.is_null()) << id.dump();
    EXPECT_EQ(answer["error"]["code"], kInvalidRequest) << id.dump();
    EXPECT_TRUE(answer["id"].is_null()) << answer.dump();
    EXPECT_EQ(answer.dump().find("TOPSECRET"), std::string::npos) << answer.dump();
  }
  // Nested 60,000 deep: a parse error at once, nothing built.
  client.send_raw(frame(std::string(60000, '[') + std::string(60000, ']')));
  EXPECT_EQ(client.wait_for([](const json& m) { return m.contains("error"); }, 5)["error"]["code"],
            kParseError);
  // None of them initialized the server; integer and string ids are answered with themselves.
  client.send({{"jsonrpc", "2.0"},
               {"id", "s-1"},
               {"method", "initialize"},
               {"params", initialize_params("/ws")}});
  json init =
      client.wait_for([](const json& m) { return m.contains("id") && m["id"] == "s-1"; }, 5);
  EXPECT_TRUE(init.contains("result")) << init.dump();
  client.request(-7, "shutdown");
  EXPECT_TRUE(client.response(-7).contains("result"));
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
}

TEST(LspServer, ExitWithoutShutdownIsAnError) {
  Client client(FakeLint().function());
  client.start();
  client.request(1, "initialize", initialize_params("/ws"));
  EXPECT_EQ(client.response(1)["result"]["capabilities"]["positionEncoding"], "utf-16");
  client.notify("exit");
  EXPECT_EQ(client.finish(), 1);
}

TEST(LspServer, CoalescesEditsWaitingOnInput) {
  FakeLint lint;
  lint.findings->push_back(make_finding("/ws/a.cpp", 1, 1));
  Client client(lint.function());
  // Everything is queued before the server starts: one lint after the last change.
  client.request(1, "initialize", initialize_params("/ws"));
  client.notify("initialized");
  client.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", "file:///ws/a.cpp"}, {"languageId", "cpp"}, {"version", 1}, {"text", "x"}}}});
  for (int version = 2; version <= 6; ++version) {
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", "file:///ws/a.cpp"}, {"version", version}}},
                   {"contentChanges", {{{"text", std::string(version, 'x')}}}}});
  }
  client.start();
  json publish = client.publish_for("file:///ws/a.cpp");
  ASSERT_FALSE(publish.is_null());
  EXPECT_EQ(publish["params"]["version"], 6);
  client.request(2, "shutdown");
  client.response(2);
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
  EXPECT_EQ(*lint.runs, 1);
}

TEST(LspServer, ClearsFilesWhoseFindingsWentAndOffersFixes) {
  FakeLint lint;
  Finding fixable = make_finding("/ws/a.cpp", 1, 5);
  fixable.fix = Fix{"request only the scopes the code needs",
                    {{{{"/ws/a.cpp", 1, 5}, {"/ws/a.cpp", 1, 8}, 4, 3}, "new"}}};
  *lint.findings = {fixable, make_finding("/ws/b.cpp", 2, 1)};
  Client client(lint.function());
  client.start();
  client.request(1, "initialize", initialize_params("/ws"));
  client.response(1);
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", "file:///ws/a.cpp"},
                                           {"languageId", "cpp"},
                                           {"version", 1},
                                           {"text", "int old;\n"}}}});
  EXPECT_EQ(client.publish_for("file:///ws/b.cpp")["params"]["diagnostics"].size(), 1u);

  client.request(
      2, "textDocument/codeAction",
      {{"textDocument", {{"uri", "file:///ws/a.cpp"}}},
       {"range",
        {{"start", {{"line", 0}, {"character", 6}}}, {"end", {{"line", 0}, {"character", 6}}}}},
       {"context", {{"diagnostics", json::array()}}}});
  json actions = client.response(2)["result"];
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["title"], "request only the scopes the code needs");
  EXPECT_EQ(actions[0]["edit"]["changes"]["file:///ws/a.cpp"][0],
            (json{{"range",
                   {{"start", {{"line", 0}, {"character", 4}}},
                    {"end", {{"line", 0}, {"character", 7}}}}},
                  {"newText", "new"}}));
  client.request(
      3, "textDocument/codeAction",
      {{"textDocument", {{"uri", "file:///ws/a.cpp"}}},
       {"range",
        {{"start", {{"line", 3}, {"character", 0}}}, {"end", {{"line", 3}, {"character", 0}}}}}});
  EXPECT_TRUE(client.response(3)["result"].empty());

  lint.findings->erase(lint.findings->begin() + 1);  // b.cpp is clean now
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", "file:///ws/a.cpp"}}}});
  EXPECT_EQ(client.publish_for("file:///ws/b.cpp")["params"]["diagnostics"], json::array());
  client.notify("exit");
  EXPECT_EQ(client.finish(), 1);
}

TEST(LspServer, BrokenConfigIsShownAndTheServerKeepsRunning) {
  test::TempDir workspace;
  workspace.write(".scopelint.json", "{ not json");
  const std::string file = workspace.write("client.cpp", "int main() { return 0; }\n");
  Client client;
  client.start();
  client.request(1, "initialize", initialize_params(workspace.path()));
  client.response(1);
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", uri_from_path(file)},
                                           {"languageId", "cpp"},
                                           {"version", 1},
                                           {"text", "int main() { return 0; }\n"}}}});
  json shown =
      client.wait_for([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  ASSERT_FALSE(shown.is_null());
  EXPECT_EQ(shown["params"]["type"], 1);
  EXPECT_NE(shown["params"]["message"].get<std::string>().find("scopelint"), std::string::npos);
  client.request(2, "shutdown");
  EXPECT_TRUE(client.response(2).contains("result"));
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
}

}  // namespace
}  // namespace scopelint::lsp

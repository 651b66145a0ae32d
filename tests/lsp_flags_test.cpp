// The language server reads compile flags through the same allow-list as the command line: an
// editor opening a fresh clone whose database says -MD -MF <path outside> writes nothing there.
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include "lsp/server.h"
#include "lsp/uri.h"
#include "test_support.h"

namespace scopelint::lsp {
namespace {

using nlohmann::json;

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

  int to_server[2], from_server[2];
  ASSERT_EQ(::pipe(to_server), 0);
  ASSERT_EQ(::pipe(from_server), 0);
  MessageReader server_in(to_server[0]), client_in(from_server[0]);
  MessageWriter server_out(from_server[1]);
  std::stringstream log;
  Server server(server_in, server_out, log);
  int exit_code = -1;
  std::thread thread([&] { exit_code = server.run(); });
  auto send = [&](const json& message) {
    const std::string bytes = frame(message.dump());
    ASSERT_EQ(::write(to_server[1], bytes.data(), bytes.size()),
              static_cast<ssize_t>(bytes.size()));
  };
  const std::string uri = uri_from_path(file);
  send({{"jsonrpc", "2.0"},
        {"id", 1},
        {"method", "initialize"},
        {"params",
         {{"processId", nullptr},
          {"rootUri", uri_from_path(workspace.path())},
          {"capabilities", json::object()}}}});
  send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params",
         {{"textDocument",
           {{"uri", uri},
            {"languageId", "cpp"},
            {"version", 1},
            {"text", test::read_text(file)}}}}}});
  json published;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (published.is_null() && std::chrono::steady_clock::now() < deadline) {
    pollfd descriptor{from_server[0], POLLIN, 0};
    if (!client_in.input_pending() && ::poll(&descriptor, 1, 50) <= 0) continue;
    const std::optional<std::string> body = client_in.read();
    if (!body) break;
    json message = json::parse(*body);
    if (message.value("method", "") == "textDocument/publishDiagnostics" &&
        message["params"]["uri"] == uri) {
      published = std::move(message);
    }
  }
  send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
  send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  ::close(to_server[1]);
  thread.join();
  for (int fd : {to_server[0], from_server[0], from_server[1]}) ::close(fd);

  EXPECT_EQ(exit_code, 0);
  ASSERT_FALSE(published.is_null()) << log.str();
  // The -D from the database still applies: the call's URL and so its finding need it.
  ASSERT_EQ(published["params"]["diagnostics"].size(), 1u) << published.dump(2);
  EXPECT_EQ(published["params"]["diagnostics"][0]["code"], "missing-scope");
  EXPECT_FALSE(std::filesystem::exists(written));
  EXPECT_FALSE(std::filesystem::exists(written + "2"));
  EXPECT_TRUE(std::filesystem::is_empty(outside.path()));
}

}  // namespace
}  // namespace scopelint::lsp

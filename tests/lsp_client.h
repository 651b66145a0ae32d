// An LSP client for the language server's tests: drives a Server in-process over pipes.
#pragma once

#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lsp/server.h"
#include "lsp/uri.h"

namespace scopelint::lsp {

using nlohmann::json;

// A client: writes framed messages to the server's stdin pipe, reads its stdout pipe.
class Client {
 public:
  explicit Client(LintFunction lint = default_lint_function()) {
    if (::pipe(to_server_) != 0 || ::pipe(from_server_) != 0)
      throw std::runtime_error("pipe failed");
    server_reader_ = std::make_unique<MessageReader>(to_server_[0]);
    server_writer_ = std::make_unique<MessageWriter>(from_server_[1]);
    reader_ = std::make_unique<MessageReader>(from_server_[0]);
    server_ = std::make_unique<Server>(*server_reader_, *server_writer_, log_, std::move(lint));
  }
  ~Client() {
    close_input();
    if (thread_.joinable()) thread_.join();
    // The writer's thread writes to its own copy of from_server_[1]: with the read end closed its
    // last writes fail at once, and it ends before the pipes are gone.
    ::close(from_server_[0]);
    server_.reset();
    server_writer_.reset();
    for (int fd : {to_server_[0], from_server_[1]}) ::close(fd);
  }
  void start() {
    thread_ = std::thread([this] { exit_code_ = server_->run(); });
  }
  void send_raw(const std::string& bytes) {
    ASSERT_EQ(::write(to_server_[1], bytes.data(), bytes.size()),
              static_cast<ssize_t>(bytes.size()));
  }
  void send(const json& message) { send_raw(frame(message.dump())); }
  void request(int id, const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notify(const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  // The next message from the server that satisfies `match`; null after `seconds`.
  template <typename Match>
  json wait_for(Match match, double seconds = 15) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd descriptor{from_server_[0], POLLIN, 0};
      if (!reader_->input_pending() && ::poll(&descriptor, 1, 50) <= 0) continue;
      std::optional<std::string> body = reader_->read();
      if (!body) return nullptr;
      json message = json::parse(*body);
      received.push_back(message);
      if (match(message)) return message;
    }
    return nullptr;
  }
  json response(int id) {
    return wait_for(
        [id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }
  json publish_for(const std::string& uri, double seconds = 15) {
    return wait_for(
        [&](const json& m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" &&
                 m["params"]["uri"] == uri;
        },
        seconds);
  }
  void close_input() {
    if (to_server_[1] >= 0) ::close(to_server_[1]);
    to_server_[1] = -1;
  }
  int finish() {
    close_input();
    thread_.join();
    return exit_code_;
  }
  Server& server() { return *server_; }
  std::vector<json> received;

 private:
  int to_server_[2] = {-1, -1};
  int from_server_[2] = {-1, -1};
  std::stringstream log_;
  std::unique_ptr<MessageReader> server_reader_, reader_;
  std::unique_ptr<MessageWriter> server_writer_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int exit_code_ = -1;
};

inline json initialize_params(const std::string& root, json encodings = json::array()) {
  return {{"processId", nullptr},
          {"rootUri", uri_from_path(root)},
          {"capabilities",
           {{"general", {{"positionEncodings", std::move(encodings)}}},
            {"textDocument", {{"publishDiagnostics", {{"relatedInformation", true}}}}}}}};
}

// A cpp-httplib client whose token asks for patients only; line 20 also reads allergies. The
// comment before the call puts a 2-byte and a 4-byte character before the flagged column.
inline std::string client_source(const std::string& scope) {
  return "// A cpp-httplib client that reads patients and allergies.\n"
         "#define CPPHTTPLIB_OPENSSL_SUPPORT\n"
         "#include <httplib.h>\n"
         "\n"
         "#include <string>\n"
         "\n"
         "std::string get_token(httplib::Client& cli) {\n"
         "  httplib::Params params;\n"
         "  params.emplace(\"grant_type\", \"client_credentials\");\n"
         "  params.emplace(\"scope\", \"" +
         scope +
         "\");\n"
         "  auto res = cli.Post(\"/api/2.0/oauth2/token/\", params);\n"
         "  return res ? res->body : \"\";\n"
         "}\n"
         "\n"
         "int main() {\n"
         "  httplib::Client cli(\"https://app.elationemr.com\");\n"
         "  const std::string token = get_token(cli);\n"
         "  httplib::Headers headers = {{\"Authorization\", \"Bearer \" + token}};\n"
         "  auto patients = cli.Get(\"/api/2.0/patients/\", headers);\n"
         "  /* \xC3\xA9\xF0\x9F\x98\x80 */ auto allergies = cli.Get(\"/api/2.0/allergies/\", "
         "headers);\n"
         "  return patients && allergies ? 0 : 1;\n"
         "}\n";
}

}  // namespace scopelint::lsp

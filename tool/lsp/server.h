// The language server: lifecycle, dispatch of requests and notifications, in order, one at a time.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/documents.h"
#include "lsp/json_rpc.h"
#include "lsp/message_writer.h"
#include "lsp/workspace.h"

namespace scopelint::lsp {

class Server {
 public:
  // `base`: options from the command line ("scopelint lsp -p build"), used for every lint.
  Server(MessageReader& reader, MessageWriter& writer, std::ostream& log,
         LintFunction lint = default_lint_function(), Options base = {});
  // Serves until `exit`, end of input, or a client that no longer takes output. Returns 0 after
  // shutdown + exit, else 1. Output still queued is the writer's (MessageWriter::drain).
  int run();
  // How many times the workspace was linted (edits waiting on input are coalesced into one).
  unsigned lint_count() const { return workspace_.lint_count(); }

 private:
  enum class State { Uninitialized, Running, ShutDown };

  void handle(const std::string& body);
  void handle_request(const nlohmann::json& id, const std::string& method,
                      const nlohmann::json& params);
  void handle_notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  void on_document(const std::string& method, const nlohmann::json& params);
  void lint_now();
  void send(const nlohmann::json& message);

  MessageReader& reader_;
  MessageWriter& writer_;
  std::ostream& log_;
  Documents documents_;
  Workspace workspace_;
  State state_ = State::Uninitialized;
  bool dirty_ = false;     // buffers changed since the last lint
  unsigned deferred_ = 0;  // messages handled while a lint waits for input to pause
  bool exit_ = false;
  bool writer_failed_ = false;
};

// `scopelint lsp [options]`: serves on stdin/stdout. Anything else the process prints on stdout
// goes to stderr, so that only protocol messages reach the client.
int run_stdio_server(const std::vector<std::string>& args, std::ostream& err);

}  // namespace scopelint::lsp

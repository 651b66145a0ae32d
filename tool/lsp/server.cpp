// Lifecycle (initialize, shutdown, exit), dispatch, and the edit-coalescing main loop.
#include "lsp/server.h"

#include <unistd.h>

#include <csignal>

#include "cli/options.h"
#include "lsp/uri.h"
#include "util/bounded_input.h"

namespace scopelint::lsp {
namespace {

constexpr unsigned kMaxDeferredMessages = 64;  // a client that never pauses still gets diagnostics

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string string_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = member(object, key);
  return value.is_string() ? value.get<std::string>() : "";
}

std::vector<std::string> workspace_roots(const nlohmann::json& params) {
  std::vector<std::string> roots;
  const nlohmann::json& folders = member(params, "workspaceFolders");
  if (folders.is_array()) {
    for (const auto& folder : folders) {
      const std::string path = path_from_uri(string_member(folder, "uri"));
      if (!path.empty()) roots.push_back(path);
    }
  }
  if (roots.empty()) {
    std::string path = path_from_uri(string_member(params, "rootUri"));
    if (path.empty()) path = string_member(params, "rootPath");
    if (!path.empty()) roots.push_back(path);
  }
  return roots;
}

PositionEncoding negotiate_encoding(const nlohmann::json& capabilities) {
  const nlohmann::json& offered = member(member(capabilities, "general"), "positionEncodings");
  if (offered.is_array()) {
    for (const auto& encoding : offered) {
      if (encoding == "utf-8") return PositionEncoding::Utf8;
    }
  }
  return PositionEncoding::Utf16;
}

}  // namespace

Server::Server(MessageReader& reader, MessageWriter& writer, std::ostream& log, LintFunction lint,
               Options base)
    : reader_(reader), writer_(writer), log_(log), workspace_(std::move(lint), log) {
  workspace_.settings().base = std::move(base);
}

int Server::run() {
  while (!exit_ && !writer_failed_) {
    // Lint once the client pauses: edits already waiting are applied first (one lint for all).
    if (dirty_ && (deferred_ >= kMaxDeferredMessages || !reader_.input_pending())) lint_now();
    std::string framing_error;
    std::optional<std::string> body = reader_.read(&framing_error);
    if (!framing_error.empty()) log_ << ("scopelint lsp: " + framing_error + "\n");
    if (!body) break;
    if (dirty_) ++deferred_;
    handle(*body);
  }
  if (writer_failed_) {
    log_ << "scopelint lsp: the client closed the connection or stopped reading\n";
  }
  return exit_ && state_ == State::ShutDown ? 0 : 1;
}

void Server::send(const nlohmann::json& message) {
  if (!writer_failed_ && !writer_.write(message)) writer_failed_ = true;
}

void Server::handle(const std::string& body) {
  nlohmann::json message;
  try {
    // Bounded nesting: no LSP message is deep, and a deep one must fail fast, not build a tree.
    message = parse_json_input(body, "message");
  } catch (const InputError&) {
    send(make_error(nullptr, kParseError, "parse error: the message is not valid JSON"));
    return;
  }
  const nlohmann::json& method = member(message, "method");
  const bool has_id = message.is_object() && message.contains("id");
  if (!method.is_string() && has_id && (message.contains("result") || message.contains("error"))) {
    return;  // a response: not expected, the server sends no requests
  }
  // JSON-RPC ids are integers or strings. Anything else is not echoed (an object or array could
  // be large, a float loses digits): the answer names no id.
  if (has_id && !message["id"].is_number_integer() && !message["id"].is_string()) {
    send(make_error(nullptr, kInvalidRequest,
                    "invalid request: the id must be an integer or a string"));
    return;
  }
  if (!method.is_string()) {
    send(make_error(has_id ? message["id"] : nullptr, kInvalidRequest, "invalid request"));
    return;
  }
  const nlohmann::json& params = member(message, "params");
  if (has_id) {
    const nlohmann::json& id = message["id"];
    try {
      handle_request(id, method.get<std::string>(), params);
    } catch (const nlohmann::json::exception& e) {
      send(make_error(id, kInvalidParams, std::string("invalid params: ") + e.what()));
    } catch (const std::exception& e) {
      send(make_error(id, kInternalError, e.what()));
    }
  } else {
    try {
      handle_notification(method.get<std::string>(), params);
    } catch (const std::exception& e) {
      log_ << ("scopelint lsp: " + method.get<std::string>() + ": " + e.what() + "\n");
    }
  }
}

void Server::handle_request(const nlohmann::json& id, const std::string& method,
                            const nlohmann::json& params) {
  if (state_ == State::Uninitialized && method != "initialize") {
    send(make_error(id, kServerNotInitialized, "the server is not initialized"));
    return;
  }
  if (state_ == State::ShutDown) {
    send(make_error(id, kInvalidRequest, "the server is shutting down"));
    return;
  }
  if (method == "initialize") {
    if (state_ != State::Uninitialized) {
      send(make_error(id, kInvalidRequest, "initialize was already received"));
      return;
    }
    send(make_response(id, initialize(params)));
    state_ = State::Running;
  } else if (method == "shutdown") {
    state_ = State::ShutDown;
    send(make_response(id, nullptr));
  } else if (method == "textDocument/codeAction") {
    if (dirty_) lint_now();  // fixes must match the text the client has now
    const std::string uri = string_member(member(params, "textDocument"), "uri");
    send(make_response(id, workspace_.code_actions(uri, member(params, "range"), documents_)));
  } else {
    send(make_error(id, kMethodNotFound, "method not found: " + method));
  }
}

void Server::handle_notification(const std::string& method, const nlohmann::json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (state_ != State::Running) return;  // before initialize or after shutdown: dropped
  if (method.rfind("textDocument/did", 0) == 0) on_document(method, params);
  // Everything else (initialized, $/cancelRequest, $/setTrace, workspace/...) needs nothing.
}

void Server::on_document(const std::string& method, const nlohmann::json& params) {
  const nlohmann::json& document = member(params, "textDocument");
  const std::string uri = string_member(document, "uri");
  if (uri.empty()) return;
  const nlohmann::json& version = member(document, "version");
  const int64_t number = version.is_number_integer() ? version.get<int64_t>() : 0;
  if (method == "textDocument/didOpen") {
    documents_.set(uri, string_member(document, "text"), number);
  } else if (method == "textDocument/didChange") {
    const nlohmann::json& changes = member(params, "contentChanges");
    if (!changes.is_array() || changes.empty()) return;
    // Full sync: the last change holds the whole text. A ranged change would mean the client
    // ignored the negotiated sync kind; its text cannot be used as the buffer.
    const nlohmann::json& last = changes.back();
    if (last.contains("range")) {
      log_ << "scopelint lsp: ignoring an incremental change (the server asked for full sync)\n";
      return;
    }
    documents_.set(uri, string_member(last, "text"), number);
  } else if (method == "textDocument/didClose") {
    documents_.close(uri);
  } else if (method != "textDocument/didSave") {
    return;
  }
  dirty_ = true;
}

void Server::lint_now() {
  dirty_ = false;
  deferred_ = 0;
  for (const auto& message : workspace_.relint(documents_)) send(message);
}

nlohmann::json Server::initialize(const nlohmann::json& params) {
  WorkspaceSettings& settings = workspace_.settings();
  settings.roots = workspace_roots(params);
  const nlohmann::json& capabilities = member(params, "capabilities");
  settings.encoding = negotiate_encoding(capabilities);
  const nlohmann::json& related = member(
      member(member(capabilities, "textDocument"), "publishDiagnostics"), "relatedInformation");
  settings.related_information = related.is_boolean() && related.get<bool>();
  log_ << ("scopelint lsp: " + std::to_string(settings.roots.size()) +
           " workspace folder(s), positions in " + std::string(encoding_name(settings.encoding)) +
           "\n");
  return {
      {"capabilities",
       {{"textDocumentSync",
         {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", nlohmann::json::array({"quickfix"})}}},
        {"positionEncoding", std::string(encoding_name(settings.encoding))}}},
      {"serverInfo", {{"name", "scopelint"}, {"version", SCOPELINT_VERSION}}},
  };
}

int run_stdio_server(const std::vector<std::string>& args, std::ostream& err) {
  Options base;
  try {
    if (!args.empty()) base = parse_options(args);
  } catch (const std::exception& e) {
    err << "scopelint: error: " << e.what() << "\n";
    return 2;
  }
  std::signal(SIGPIPE, SIG_IGN);  // a vanished client is a write error, not a signal
  const int protocol_out = ::dup(STDOUT_FILENO);
  if (protocol_out < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    err << "scopelint: error: cannot set up stdout for the language server\n";
    return 2;
  }
  MessageReader reader(STDIN_FILENO);
  MessageWriter writer(protocol_out);  // writes from its own copy of the descriptor
  ::close(protocol_out);
  Server server(reader, writer, err, default_lint_function(), std::move(base));
  const int code = server.run();
  // After `exit` the client expects the process to end: output it does not read within
  // kOutputStallLimit is abandoned (the writer's destructor), never waited for.
  return code;
}

}  // namespace scopelint::lsp

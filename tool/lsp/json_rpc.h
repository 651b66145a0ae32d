// JSON-RPC over LSP's base protocol: Content-Length framing on file descriptors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace scopelint::lsp {

// JSON-RPC error codes used by the server.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// Splits a byte stream into message bodies. Headers are matched case-insensitively and start afresh
// for every message; Content-Length counts bytes. Pure: fed with bytes, it never reads by itself.
class FrameParser {
 public:
  void feed(std::string_view bytes) { buffer_.append(bytes.data(), bytes.size()); }
  // The next complete body, if one is buffered. A header block without a usable Content-Length is
  // dropped and reported through `error` (the body after it cannot be located).
  std::optional<std::string> next(std::string* error = nullptr);
  // Whether any bytes of a further message are buffered.
  bool has_buffered_bytes() const { return !buffer_.empty(); }

 private:
  std::string buffer_;
  std::optional<size_t> body_length_;  // set once the header block of the current message is read
};

// "Content-Length: N\r\n\r\n<body>".
std::string frame(std::string_view body);

// Reads framed messages from a file descriptor (stdin or a pipe).
class MessageReader {
 public:
  explicit MessageReader(int fd) : fd_(fd) {}
  // Blocks for the next body; nullopt at end of input. Framing errors are written to `error`.
  std::optional<std::string> read(std::string* error = nullptr);
  // Whether more input is already waiting, without blocking (for coalescing edits).
  bool input_pending();

 private:
  bool fill(bool block);  // false at end of input or on error
  int fd_;
  FrameParser parser_;
  bool eof_ = false;
};

// Writes framed messages to a file descriptor. Returns false when the peer is gone.
class MessageWriter {
 public:
  explicit MessageWriter(int fd) : fd_(fd) {}
  bool write(const nlohmann::json& message);

 private:
  int fd_;
};

// Serialises without throwing on invalid UTF-8 (replaced by U+FFFD).
std::string dump_json(const nlohmann::json& value);

nlohmann::json make_response(const nlohmann::json& id, nlohmann::json result);
nlohmann::json make_error(const nlohmann::json& id, int code, const std::string& message);
nlohmann::json make_notification(const std::string& method, nlohmann::json params);

}  // namespace scopelint::lsp

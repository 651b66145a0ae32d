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

// Limits of what one message may make the server hold: a header block never needs more than a few
// lines, and a body holds at most a source file (kMaxSourceBytes) escaped as a JSON string.
constexpr size_t kMaxHeaderBytes = size_t{8} << 10;
constexpr size_t kMaxBodyBytes = size_t{64} << 20;

// Splits a byte stream into message bodies. Headers are matched case-insensitively and start afresh
// for every message; Content-Length counts bytes. Pure: fed with bytes, it never reads by itself.
// Memory stays within the limits above whatever the peer sends.
class FrameParser {
 public:
  void feed(std::string_view bytes) { buffer_.append(bytes.data(), bytes.size()); }
  // The next complete body, if one is buffered. Reported through `error`, and dropped: a header
  // block without a usable Content-Length (the body after it cannot be located), a header block
  // over kMaxHeaderBytes (up to its blank line), a body over kMaxBodyBytes (its bytes are
  // discarded as they arrive, never buffered).
  std::optional<std::string> next(std::string* error = nullptr);
  // Whether any bytes of a further message are buffered.
  bool has_buffered_bytes() const { return !buffer_.empty(); }

 private:
  // Reads a header block; false when more bytes are needed or it was dropped (with `error`).
  bool read_header(std::string* error);
  bool skip_long_header();  // false while its blank line has not arrived
  void skip_body();

  std::string buffer_;
  std::optional<size_t> body_length_;  // set once the header block of the current message is read
  size_t body_to_skip_ = 0;            // bytes of an oversized body still to drop
  bool skipping_header_ = false;       // dropping an oversized header block up to its blank line
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

// Serialises without throwing on invalid UTF-8 (replaced by U+FFFD).
std::string dump_json(const nlohmann::json& value);

nlohmann::json make_response(const nlohmann::json& id, nlohmann::json result);
nlohmann::json make_error(const nlohmann::json& id, int code, const std::string& message);
nlohmann::json make_notification(const std::string& method, nlohmann::json params);

}  // namespace scopelint::lsp

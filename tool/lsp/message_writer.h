// Writing messages to the client from a thread of its own, so that a client that stops reading
// cannot stop the server (docs/lsp.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

namespace scopelint::lsp {

// How far the output may fall behind before the client is taken as gone: many times any real
// backlog (a publishDiagnostics for every file of a large workspace).
constexpr size_t kMaxPendingOutputBytes = size_t{64} << 20;
// How long output may make no progress before it is abandoned, when the server stops.
constexpr std::chrono::milliseconds kOutputStallLimit{1000};

// Frames messages and writes them to a file descriptor in order, from a thread of its own: the
// server never blocks on a full pipe, and keeps reading (so it sees `exit`) when the client does
// not read. The descriptor is duplicated: the writer owns its copy.
class MessageWriter {
 public:
  explicit MessageWriter(int fd, size_t max_pending_bytes = kMaxPendingOutputBytes);
  // drain(kOutputStallLimit); a writer still blocked then is left to the end of the process.
  ~MessageWriter();
  MessageWriter(const MessageWriter&) = delete;
  MessageWriter& operator=(const MessageWriter&) = delete;

  // Queues a message. False when the peer is gone (a write failed) or has not read the last
  // max_pending_bytes: then nothing more is written.
  bool write(const nlohmann::json& message);
  // Writes everything queued and stops the thread. Waits as long as the output makes progress,
  // and gives up after `stall` without any: true when everything was written.
  bool drain(std::chrono::milliseconds stall = kOutputStallLimit);

 private:
  struct State;
  static void write_queue(std::shared_ptr<State> state);

  // Shared with the thread: a thread that is still blocked when the writer is destroyed keeps it
  // (and its descriptor) alive until the process ends.
  std::shared_ptr<State> state_;
  std::thread thread_;
};

}  // namespace scopelint::lsp

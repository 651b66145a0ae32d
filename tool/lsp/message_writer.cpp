// The writer thread: a queue of framed messages, written in chunks so that progress is visible.
#include "lsp/message_writer.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <mutex>
#include <string>

#include "lsp/json_rpc.h"

namespace scopelint::lsp {
namespace {

constexpr size_t kChunkBytes = size_t{64} << 10;

}  // namespace

struct MessageWriter::State {
  int fd = -1;
  size_t max_pending_bytes = 0;
  std::mutex mutex;
  std::condition_variable wake;      // the thread: a message is queued, or the writer closes
  std::condition_variable progress;  // drain(): bytes were written, or the thread ended
  std::deque<std::string> queue;
  size_t pending_bytes = 0;  // queued and not yet written
  unsigned long long written = 0;
  bool closing = false;
  bool failed = false;
  bool finished = false;
};

MessageWriter::MessageWriter(int fd, size_t max_pending_bytes) : state_(std::make_shared<State>()) {
  state_->fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  state_->max_pending_bytes = max_pending_bytes;
  if (state_->fd < 0) {
    state_->failed = true;
    state_->finished = true;
    return;
  }
  thread_ = std::thread(write_queue, state_);
}

MessageWriter::~MessageWriter() {
  if (!thread_.joinable()) return;
  drain();
  bool finished = false;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    finished = state_->finished;
  }
  if (finished) {
    thread_.join();
  } else {
    thread_.detach();  // blocked in write(2) on a client that does not read: it ends with us
  }
}

bool MessageWriter::write(const nlohmann::json& message) {
  std::string bytes = frame(dump_json(message));
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (state_->failed || state_->closing) return false;
  if (state_->pending_bytes + bytes.size() > state_->max_pending_bytes) {
    state_->failed = true;  // the client stopped reading long ago
    state_->queue.clear();
    state_->pending_bytes = 0;
    state_->wake.notify_all();
    return false;
  }
  state_->pending_bytes += bytes.size();
  state_->queue.push_back(std::move(bytes));
  state_->wake.notify_all();
  return true;
}

bool MessageWriter::drain(std::chrono::milliseconds stall) {
  std::unique_lock<std::mutex> lock(state_->mutex);
  state_->closing = true;
  state_->wake.notify_all();
  unsigned long long seen = state_->written;
  while (!state_->finished) {
    const bool moved = state_->progress.wait_for(
        lock, stall, [&] { return state_->finished || state_->written != seen; });
    if (!moved) return false;
    seen = state_->written;
  }
  return !state_->failed;
}

void MessageWriter::write_queue(std::shared_ptr<State> state) {
  // A vanished client must be a write error (EPIPE) here, not a signal that ends the process,
  // whatever the process does with SIGPIPE.
  sigset_t pipe_signal;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
  std::unique_lock<std::mutex> lock(state->mutex);
  while (true) {
    state->wake.wait(lock,
                     [&] { return !state->queue.empty() || state->closing || state->failed; });
    if (state->failed || state->queue.empty()) break;
    const std::string bytes = std::move(state->queue.front());
    state->queue.pop_front();
    lock.unlock();
    size_t done = 0;
    bool ok = true;
    while (ok && done < bytes.size()) {
      const ssize_t count =
          ::write(state->fd, bytes.data() + done, std::min(kChunkBytes, bytes.size() - done));
      if (count < 0 && errno == EINTR) continue;
      ok = count > 0;
      if (!ok) break;
      done += static_cast<size_t>(count);
      std::lock_guard<std::mutex> progress_lock(state->mutex);
      state->written += static_cast<unsigned long long>(count);
      state->progress.notify_all();
    }
    lock.lock();
    state->pending_bytes -= std::min(state->pending_bytes, bytes.size());
    if (!ok) state->failed = true;  // EPIPE: the client is gone (SIGPIPE is ignored)
  }
  ::close(state->fd);
  state->finished = true;
  state->progress.notify_all();
}

}  // namespace scopelint::lsp

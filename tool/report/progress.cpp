// The progress line's drawing thread.
#include "report/progress.h"

namespace scopelint {
namespace {

constexpr size_t kMaxWidth = 78;  // stay on one line of a default terminal
constexpr const char* kClearLine = "\r\033[K";

}  // namespace

ProgressLine::ProgressLine(std::ostream& out, bool enabled, std::chrono::milliseconds delay)
    : out_(out), enabled_(enabled), delay_(delay) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::start(const std::string& what) {
  if (!enabled_ || thread_.joinable()) return;
  what_ = what;
  thread_ = std::thread([this] { run(); });
}

void ProgressLine::update(unsigned done, unsigned total, const std::string& file) {
  std::lock_guard<std::mutex> lock(mutex_);
  done_ = done;
  total_ = total;
  file_ = file;
}

void ProgressLine::finish() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (drawn_) out_ << kClearLine << std::flush;
}

std::string ProgressLine::render(std::chrono::steady_clock::duration elapsed) const {
  std::string line;
  if (total_ > 0) {
    line = "[" + std::to_string(done_) + "/" + std::to_string(total_) + "] " + file_;
  } else {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
    line = "scopelint: scanning " + what_ + " (" + std::to_string(seconds) + "s)";
  }
  if (line.size() > kMaxWidth) line = "..." + line.substr(line.size() - (kMaxWidth - 3));
  return line;
}

void ProgressLine::run() {
  auto begin = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> lock(mutex_);
  if (wake_.wait_for(lock, delay_, [this] { return stopping_; })) return;  // fast scan: no line
  do {
    out_ << kClearLine << render(std::chrono::steady_clock::now() - begin) << std::flush;
    drawn_ = true;
  } while (!wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stopping_; }));
}

}  // namespace scopelint

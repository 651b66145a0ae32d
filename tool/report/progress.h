// A progress line on stderr for slow scans: shown after a delay, redrawn in place, cleared at the
// end.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace scopelint {

class ProgressLine {
 public:
  // Nothing is ever written unless `enabled` (callers pass "stderr is a terminal").
  ProgressLine(std::ostream& out, bool enabled,
               std::chrono::milliseconds delay = std::chrono::milliseconds(1000));
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Starts the clock; `what` names the scan until per-file updates arrive.
  void start(const std::string& what);
  // "[done/total] file" from now on (thread-safe).
  void update(unsigned done, unsigned total, const std::string& file);
  // Stops redrawing and erases the line if one was drawn.
  void finish();

 private:
  void run();
  std::string render(std::chrono::steady_clock::duration elapsed) const;

  std::ostream& out_;
  bool enabled_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::string what_;
  unsigned done_ = 0, total_ = 0;
  std::string file_;
};

}  // namespace scopelint

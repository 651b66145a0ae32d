// Units analysed in worker processes (unit_worker.h), so that a unit that crashes or hangs libclang
// costs only its own facts: it gets a "scan-error" and the scan goes on with a fresh worker.
//
// The pool is driven by one thread with poll(): up to `size` workers, one unit each at a time. A
// worker that ends while it holds a unit (a crash: end of its socket, then its wait status) or runs
// past the time limit (killed with SIGKILL) gives that unit a scan-error; the next unit starts a
// new worker. Workers are started on demand and all stopped (and waited for) by the destructor.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extract/driver/unit_analysis.h"
#include "extract/driver/unit_protocol.h"

namespace scopelint::extract {

// Called once per unit as it finishes, from the thread running the pool: (index, facts).
using UnitDone = std::function<void(size_t, UnitFacts)>;

class WorkerPool {
 public:
  // `executable`: the scopelint binary ("/proc/self/exe"); `timeout_seconds` 0: no limit.
  WorkerPool(std::string executable, const UnitScanSettings& settings, unsigned size, unsigned timeout_seconds);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Analyses `units`; returns the indexes of those no worker could be started for (the caller
  // analyses them itself), with the reason in `start_error`.
  std::vector<size_t> run(const std::vector<UnitJob>& units, const UnitDone& done, std::string& start_error);

 private:
  struct Worker {
    pid_t pid = -1;
    int channel = -1;  // our end of the socket; -1: no process
    bool ready = false;  // it has read the settings (unit_protocol.h: ready_message)
    bool busy = false;
    size_t unit = 0;  // while busy
    std::chrono::steady_clock::time_point deadline;
    FrameCollector replies;
  };

  bool start(Worker& worker, std::string& error);
  bool assign(Worker& worker, size_t unit, const std::vector<UnitJob>& units, std::string& error);
  // Reads what the worker sent; calls `done` when its unit is finished (answered or failed).
  void read_reply(Worker& worker, const std::vector<UnitJob>& units, const UnitDone& done);
  // The worker's unit's facts, once they are all there; throws on anything else it sent.
  std::optional<UnitFacts> take_reply(Worker& worker);
  void stop_for_deadline(Worker& worker, const std::vector<UnitJob>& units, const UnitDone& done);
  void fail_unit(Worker& worker, const std::vector<UnitJob>& units, const UnitDone& done, const std::string& why);
  // Waits for the process, killing it after `grace`; returns its wait status (-1: unknown).
  static int reap(Worker& worker, std::chrono::milliseconds grace);
  int poll_timeout_ms() const;

  std::string executable_;
  std::string settings_frame_;
  std::vector<Worker> workers_;
  std::chrono::seconds timeout_;
  // The workers' TMPDIR, made for this scan and removed after it: libclang writes each unit's
  // precompiled preamble there, and a worker killed at its time limit cannot remove its own.
  std::string temp_dir_;
  std::vector<std::string> environment_;  // ours, with TMPDIR naming temp_dir_
};

// Why a worker that held a unit ended, from its wait status (-1: unknown), for a scan-error.
std::string worker_end_message(int wait_status);

}  // namespace scopelint::extract

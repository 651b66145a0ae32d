// Where the units of a scan are analysed: in worker processes when the program is the scopelint
// binary (set_worker_executable), else (the library in the test binary, the fuzzers) one after
// another in the calling process, with the same analyse_unit.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/clang/clang_handles.h"
#include "extract/driver/unit_analysis.h"
#include "extract/driver/worker_pool.h"

namespace scopelint::extract {

// Makes every later scan use worker processes of `executable` ("/proc/self/exe": the running
// binary, which must handle unit_worker.h's --internal-worker); "" turns them off. Called once, by
// main(), before any scan.
void set_worker_executable(std::string executable);

class UnitRunner {
 public:
  // `jobs`: worker processes at most; `timeout_seconds` (0: none): per unit, workers only.
  UnitRunner(UnitScanSettings settings, unsigned jobs, unsigned timeout_seconds);
  ~UnitRunner();
  UnitRunner(const UnitRunner&) = delete;
  UnitRunner& operator=(const UnitRunner&) = delete;

  // Analyses `units`; `done` is called once per unit as it finishes, from this thread. Workers are
  // kept for the next call.
  void run(const std::vector<UnitJob>& units, const UnitDone& done);

 private:
  void run_here(const std::vector<UnitJob>& units, const std::vector<size_t>& which, const UnitDone& done);

  UnitScanSettings settings_;
  unsigned jobs_;
  unsigned timeout_seconds_;
  std::unique_ptr<WorkerPool> pool_;
  bool pool_failed_ = false;
  IndexHandle index_;  // for units analysed here
};

}  // namespace scopelint::extract

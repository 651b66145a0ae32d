// Units to worker processes, or analysed here when there are none.
#include "extract/driver/unit_runner.h"

#include <iostream>
#include <numeric>

namespace scopelint::extract {
namespace {

std::string& worker_executable() {
  static std::string executable;
  return executable;
}

}  // namespace

void set_worker_executable(std::string executable) { worker_executable() = std::move(executable); }

UnitRunner::UnitRunner(UnitScanSettings settings, unsigned jobs, unsigned timeout_seconds)
    : settings_(std::move(settings)), jobs_(jobs), timeout_seconds_(timeout_seconds) {}

UnitRunner::~UnitRunner() = default;

void UnitRunner::run(const std::vector<UnitJob>& units, const UnitDone& done) {
  std::vector<size_t> here;
  if (!worker_executable().empty() && !pool_failed_ && !units.empty()) {
    if (!pool_) pool_ = std::make_unique<WorkerPool>(worker_executable(), settings_, jobs_, timeout_seconds_);
    std::string start_error;
    here = pool_->run(units, done, start_error);
    if (!here.empty()) {
      // No process can be started (no /proc, a process limit): the scan still completes.
      std::cerr << ("scopelint: warning: " + start_error + "; parsing the remaining files in this process\n");
      pool_failed_ = true;
    }
  } else {
    here.resize(units.size());
    std::iota(here.begin(), here.end(), size_t{0});
  }
  run_here(units, here, done);
}

void UnitRunner::run_here(const std::vector<UnitJob>& units, const std::vector<size_t>& which,
                          const UnitDone& done) {
  if (which.empty()) return;
  if (!index_) index_ = IndexHandle(clang_createIndex(0, 0));
  for (size_t unit : which) done(unit, analyse_unit(index_.get(), settings_, units[unit]));
}

}  // namespace scopelint::extract

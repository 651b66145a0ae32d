// The worker mode of the scopelint binary: `scopelint --internal-worker PARENT_PID`, started by a
// scan (worker_pool.h) and never by users. It reads the scan's settings and then one unit job at a
// time from fd 3 and answers each with the unit's facts (unit_protocol.h), until fd 3 ends.
#pragma once

#include <string>
#include <vector>

namespace scopelint::extract {

inline constexpr const char* kWorkerFlag = "--internal-worker";
inline constexpr int kWorkerChannelFd = 3;  // a socket to the scan; stdin is /dev/null

// Whether `args` (argv without argv[0]) start the worker mode.
bool is_worker_invocation(const std::vector<std::string>& args);

// Serves units until the scan closes the channel; returns the exit code. Before anything else it
// makes sure it dies with its parent (PR_SET_PDEATHSIG) and never writes a core file, and it
// turns libclang's crash recovery off: a crash ends this process, which the scan reports.
int run_unit_worker(const std::vector<std::string>& args);

}  // namespace scopelint::extract

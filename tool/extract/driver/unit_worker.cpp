// The worker process's loop: settings, then job after job, each answered with its facts.
#include "extract/driver/unit_worker.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "extract/clang/clang_handles.h"
#include "extract/driver/unit_analysis.h"
#include "extract/driver/unit_protocol.h"

namespace scopelint::extract {
namespace {

constexpr int kExitUsage = 2;

// Dies with the scan that started it, and leaves no core file (a crash must write nothing into the
// scanned tree, which is often the current directory).
bool harden(const std::string& parent_pid) {
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return false;
  // The parent may have gone before the line above: then this process is someone else's child.
  if (std::to_string(::getppid()) != parent_pid) return false;
  const struct rlimit no_core {0, 0};
  if (::setrlimit(RLIMIT_CORE, &no_core) != 0) return false;
  // Also no core through a core_pattern pipe (systemd-coredump, apport), which ignores RLIMIT_CORE.
  ::prctl(PR_SET_DUMPABLE, 0);
  return true;
}

bool channel_is_socket() {
  struct stat st {};
  if (::fstat(kWorkerChannelFd, &st) != 0 || !S_ISSOCK(st.st_mode)) return false;
  // Nothing libclang might start inherits the channel.
  return ::fcntl(kWorkerChannelFd, F_SETFD, FD_CLOEXEC) == 0;
}

int serve_units() {
  std::optional<nlohmann::json> first = receive_frame(kWorkerChannelFd);
  if (!first) return kExitUsage;
  const UnitScanSettings settings = decode_settings(*first);
  // No crash recovery in a worker: a crash caught inside libclang would leave it in an unknown
  // state for the next unit. Ending the process is cleaner; the scan reports the unit. The
  // variable keeps clang_createIndex from turning recovery on (turning it off afterwards locks a
  // mutex inside libLLVM, which ThreadSanitizer sees unlocked by scopelint's frame).
  ::setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
  IndexHandle index(clang_createIndex(0, 0));
  if (!send_all(kWorkerChannelFd, make_frame(ready_message()))) return 1;
  while (std::optional<nlohmann::json> message = receive_frame(kWorkerChannelFd)) {
    const UnitJob job = decode_job(*message);
    const UnitFacts facts = analyse_unit(index.get(), settings, job);
    if (!send_all(kWorkerChannelFd, make_frame(encode_facts(facts)))) return 1;
  }
  return 0;
}

}  // namespace

bool is_worker_invocation(const std::vector<std::string>& args) {
  return !args.empty() && args.front() == kWorkerFlag;
}

int run_unit_worker(const std::vector<std::string>& args) {
  if (args.size() != 2 || !channel_is_socket()) {
    std::cerr << "scopelint: error: " << kWorkerFlag << " is started by scopelint itself, not by hand\n";
    return kExitUsage;
  }
  if (!harden(args[1])) return kExitUsage;
  try {
    return serve_units();
  } catch (const std::exception& e) {
    // The scan reports the unit in flight from the exit status; the reason goes to its stderr.
    std::cerr << ("scopelint: worker: " + std::string(e.what()) + "\n");
    return 1;
  }
}

}  // namespace scopelint::extract

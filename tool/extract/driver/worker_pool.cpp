// Starting, feeding, timing and reaping the worker processes of a scan.
#include "extract/driver/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <thread>

#include "extract/driver/unit_worker.h"

extern char** environ;  // NOLINT: POSIX gives no header for it

namespace scopelint::extract {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Between a worker's end of its socket and its exit (the kernel closes the files first).
constexpr milliseconds kEndGrace{2000};
// For idle workers told to stop: they exit cleanly (under ASan, LeakSanitizer checks them first).
constexpr milliseconds kStopGrace{10000};
// For a new worker to load and read the settings, on top of its first unit's time limit: the unit's
// time counts from the worker's ready message (a loaded machine can be slow to start a process).
constexpr std::chrono::seconds kStartAllowance{60};

std::string errno_text(int error) { return std::strerror(error); }

// Never kill(-1, ...) or kill(0, ...): those signal every process we may signal, or our group.
void kill_process(pid_t pid) {
  if (pid > 0) ::kill(pid, SIGKILL);
}

// The child end of the socket must not be fd 3 or below: it is moved onto fd 3 in the child, and
// posix_spawn's dup2 of an fd onto itself would keep its close-on-exec flag.
int movable_child_end(int fd) {
  if (fd > kWorkerChannelFd) return fd;
  const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, kWorkerChannelFd + 1);
  ::close(fd);
  return moved;
}

// Starts `executable --internal-worker <our pid>` with `child_end` as its fd 3, stdin from
// /dev/null, stdout onto stderr (nothing libclang prints can reach a report) and no other files.
bool spawn_worker(const std::string& executable, int child_end, const std::vector<std::string>& environment,
                  pid_t& pid, std::string& error) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child_end, kWorkerChannelFd);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 34)
  posix_spawn_file_actions_addclosefrom_np(&actions, kWorkerChannelFd + 1);
#endif
  std::string name = "scopelint", flag = kWorkerFlag, parent = std::to_string(::getpid());
  char* argv[] = {name.data(), flag.data(), parent.data(), nullptr};
  std::vector<char*> envp;
  for (const auto& variable : environment) envp.push_back(const_cast<char*>(variable.c_str()));
  envp.push_back(nullptr);
  const int status = ::posix_spawn(&pid, executable.c_str(), &actions, nullptr, argv,
                                   environment.empty() ? environ : envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (status != 0) error = "cannot start " + executable + ": " + errno_text(status);
  return status == 0;
}

constexpr const char* kTempDirPrefix = "scopelint-workers-";  // then "<pid of the scan>-XXXXXX"

// A scan killed with SIGKILL cannot remove its workers' directory: removes those in `base` of
// scans that no longer run (ours only: owned by us, their pid gone).
void remove_directories_of_dead_scans(const std::string& base) {
  const std::string prefix = kTempDirPrefix;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    struct stat st {};
    if (pid <= 0 || ::lstat(it->path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) {
      continue;
    }
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;  // symlinks inside are removed, never followed
      std::filesystem::remove_all(it->path(), ignored);
    }
  }
}

// A private (0700) directory for the workers' temporary files, "" when none can be made (they
// then use the inherited TMPDIR).
std::string make_temp_dir() {
  const char* tmp = std::getenv("TMPDIR");
  const std::string base = tmp && *tmp ? tmp : "/tmp";
  remove_directories_of_dead_scans(base);
  std::string pattern = base + "/" + kTempDirPrefix + std::to_string(::getpid()) + "-XXXXXX";
  return ::mkdtemp(pattern.data()) ? pattern : "";
}

// Our environment with TMPDIR naming `temp_dir` (and without TMP and TEMP, which some libraries
// read instead).
std::vector<std::string> environment_with_temp_dir(const std::string& temp_dir) {
  std::vector<std::string> out;
  if (temp_dir.empty()) return out;
  for (char** variable = environ; *variable; ++variable) {
    const std::string text = *variable;
    const std::string name = text.substr(0, text.find('='));
    if (name != "TMPDIR" && name != "TMP" && name != "TEMP") out.push_back(text);
  }
  out.push_back("TMPDIR=" + temp_dir);
  return out;
}

UnitFacts failed_unit(const std::string& file, const std::string& why) {
  UnitFacts facts;
  facts.diagnostics.push_back(scan_error(file, why));
  facts.worker_failed = true;
  return facts;
}

}  // namespace

std::string worker_end_message(int wait_status) {
  if (wait_status != -1 && WIFSIGNALED(wait_status)) {
    return "libclang crashed while parsing this file (signal " + std::to_string(WTERMSIG(wait_status)) + ")";
  }
  if (wait_status != -1 && WIFEXITED(wait_status)) {
    return "the parser process exited while parsing this file (exit status " +
           std::to_string(WEXITSTATUS(wait_status)) + ")";
  }
  return "the parser process ended while parsing this file";
}

WorkerPool::WorkerPool(std::string executable, const UnitScanSettings& settings, unsigned size,
                       unsigned timeout_seconds)
    : executable_(std::move(executable)),
      settings_frame_(make_frame(encode_settings(settings))),
      workers_(std::max(1u, size)),
      timeout_(timeout_seconds),
      temp_dir_(make_temp_dir()),
      environment_(environment_with_temp_dir(temp_dir_)) {}

WorkerPool::~WorkerPool() {
  // Idle workers end when their socket closes; a busy one (only after an exception) is killed.
  for (auto& worker : workers_) {
    if (worker.busy) kill_process(worker.pid);
    if (worker.channel >= 0) ::close(worker.channel);
    worker.channel = -1;
  }
  for (auto& worker : workers_) reap(worker, kStopGrace);
  std::error_code ignored;  // symlinks inside are removed, never followed
  if (!temp_dir_.empty()) std::filesystem::remove_all(temp_dir_, ignored);
}

bool WorkerPool::start(Worker& worker, std::string& error) {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    error = "cannot start a worker process: " + errno_text(errno);
    return false;
  }
  const int child_end = movable_child_end(ends[1]);
  const bool started = child_end >= 0 && spawn_worker(executable_, child_end, environment_, worker.pid, error);
  if (child_end >= 0) ::close(child_end);
  if (!started) {
    if (error.empty()) error = "cannot start a worker process: " + errno_text(errno);
    ::close(ends[0]);
    worker.pid = -1;
    return false;
  }
  worker.channel = ends[0];
  worker.ready = false;
  worker.busy = false;
  worker.replies = FrameCollector();
  if (send_all(worker.channel, settings_frame_)) return true;
  error = "a worker process ended as it started (" + worker_end_message(reap(worker, kEndGrace)) + ")";
  return false;
}

bool WorkerPool::assign(Worker& worker, size_t unit, const std::vector<UnitJob>& units, std::string& error) {
  const std::string frame = make_frame(encode_job(units[unit]));
  // A worker that ended while idle (killed from outside) is replaced once.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (worker.channel < 0 && !start(worker, error)) return false;
    if (send_all(worker.channel, frame)) {
      worker.busy = true;
      worker.unit = unit;
      worker.deadline = Clock::now() + timeout_ + (worker.ready ? std::chrono::seconds(0) : kStartAllowance);
      return true;
    }
    error = "a worker process ended while idle (" + worker_end_message(reap(worker, kEndGrace)) + ")";
  }
  return false;
}

void WorkerPool::fail_unit(Worker& worker, const std::vector<UnitJob>& units, const UnitDone& done,
                           const std::string& why) {
  const size_t unit = worker.unit;
  worker.busy = false;
  done(unit, failed_unit(units[unit].file, why));
}

void WorkerPool::read_reply(Worker& worker, const std::vector<UnitJob>& units, const UnitDone& done) {
  char buffer[1 << 16];
  const ssize_t got = ::read(worker.channel, buffer, sizeof buffer);
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (got <= 0) {  // the worker ended (or reset the socket) with the unit: a crash
    fail_unit(worker, units, done, worker_end_message(reap(worker, kEndGrace)));
    return;
  }
  worker.replies.add(buffer, static_cast<size_t>(got));
  std::optional<UnitFacts> facts;
  try {
    facts = take_reply(worker);
  } catch (const std::exception&) {
    kill_process(worker.pid);
    reap(worker, milliseconds(0));
    fail_unit(worker, units, done, "the parser process sent an unreadable reply for this file");
    return;
  }
  if (!facts) return;
  worker.busy = false;
  done(worker.unit, std::move(*facts));
}

std::optional<UnitFacts> WorkerPool::take_reply(Worker& worker) {
  while (std::optional<nlohmann::json> message = worker.replies.next()) {
    if (!worker.ready) {
      if (!is_ready_message(*message)) throw std::runtime_error("expected the ready message");
      worker.ready = true;
      worker.deadline = Clock::now() + timeout_;
      continue;
    }
    if (!worker.replies.empty()) throw std::runtime_error("more than one reply");
    return decode_facts(*message);
  }
  return std::nullopt;
}

void WorkerPool::stop_for_deadline(Worker& worker, const std::vector<UnitJob>& units, const UnitDone& done) {
  const bool started = worker.ready;
  kill_process(worker.pid);
  reap(worker, milliseconds(0));
  const std::string limit = std::to_string(timeout_.count()) + " s (--unit-timeout)";
  fail_unit(worker, units, done,
            started ? "parsing took longer than " + limit : "the parser process did not start within " + limit);
}

int WorkerPool::reap(Worker& worker, milliseconds grace) {
  if (worker.channel >= 0) ::close(worker.channel);
  worker.channel = -1;
  worker.ready = false;
  worker.replies = FrameCollector();
  int status = -1;
  if (worker.pid <= 0) return status;
  const auto until = Clock::now() + grace;
  for (;;) {
    const pid_t ended = ::waitpid(worker.pid, &status, WNOHANG);
    if (ended == worker.pid) break;
    if (ended < 0 && errno != EINTR) {  // ECHILD: SIGCHLD ignored, the status is gone
      status = -1;
      break;
    }
    if (Clock::now() >= until) {
      kill_process(worker.pid);
      while (::waitpid(worker.pid, &status, 0) < 0) {
        if (errno != EINTR) {
          status = -1;
          break;
        }
      }
      break;
    }
    std::this_thread::sleep_for(milliseconds(1));
  }
  worker.pid = -1;
  return status;
}

int WorkerPool::poll_timeout_ms() const {
  if (timeout_.count() == 0) return -1;
  auto first = Clock::time_point::max();
  for (const auto& worker : workers_) {
    if (worker.busy) first = std::min(first, worker.deadline);
  }
  const auto left = std::chrono::ceil<milliseconds>(first - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60 * 60 * 1000));
}

std::vector<size_t> WorkerPool::run(const std::vector<UnitJob>& units, const UnitDone& done, std::string& start_error) {
  size_t next = 0;
  bool can_start = true;
  for (;;) {
    for (auto& worker : workers_) {
      if (next >= units.size()) break;
      // Once a process could not be started, the workers still running take the units.
      if (worker.busy || (worker.channel < 0 && !can_start)) continue;
      if (assign(worker, next, units, start_error)) ++next;
      else can_start = false;
    }
    std::vector<pollfd> polled;
    std::vector<Worker*> busy;
    for (auto& worker : workers_) {
      if (!worker.busy) continue;
      polled.push_back({worker.channel, POLLIN, 0});
      busy.push_back(&worker);
    }
    if (busy.empty()) break;
    if (::poll(polled.data(), polled.size(), poll_timeout_ms()) < 0 && errno != EINTR) {
      throw std::runtime_error("poll: " + errno_text(errno));
    }
    for (size_t i = 0; i < polled.size(); ++i) {
      if (polled[i].revents != 0) read_reply(*busy[i], units, done);
    }
    const auto now = Clock::now();
    for (Worker* worker : busy) {
      if (worker->busy && timeout_.count() > 0 && now >= worker->deadline) stop_for_deadline(*worker, units, done);
    }
  }
  std::vector<size_t> unstarted;
  for (; next < units.size(); ++next) unstarted.push_back(next);
  return unstarted;
}

}  // namespace scopelint::extract

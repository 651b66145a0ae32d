// Runs a helper program with posix_spawnp and collects stdout and stderr through pipes.
#include "util/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace scopelint {
namespace {

struct Pipe {
  int read_end = -1, write_end = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    read_end = fds[0];
    write_end = fds[1];
  }
  ~Pipe() { close_both(); }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_write() {
    if (write_end >= 0) ::close(write_end);
    write_end = -1;
  }
  void close_both() {
    close_write();
    if (read_end >= 0) ::close(read_end);
    read_end = -1;
  }
};

// Reads both pipes until both are closed: reading only one could block the child on the other.
void drain(Pipe& out_pipe, Pipe& err_pipe, ProgramResult& result, size_t max_output) {
  Pipe* pipes[] = {&out_pipe, &err_pipe};
  std::string* targets[] = {&result.out, &result.err};
  char buffer[65536];
  while (out_pipe.read_end >= 0 || err_pipe.read_end >= 0) {
    pollfd fds[2];
    for (int i = 0; i < 2; ++i) fds[i] = {pipes[i]->read_end, POLLIN, 0};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        pipes[i]->close_both();
        continue;
      }
      const size_t room = max_output - std::min(max_output, targets[i]->size());
      targets[i]->append(buffer, std::min(room, static_cast<size_t>(n)));
    }
  }
}

}  // namespace

ProgramResult run_program(const std::vector<std::string>& argv, size_t max_output) {
  if (argv.empty()) throw std::runtime_error("run_program: no program");
  Pipe out_pipe, err_pipe;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe.write_end, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe.write_end, STDERR_FILENO);
#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 34)
  posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
#endif
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int status = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (status != 0) {
    throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(status));
  }
  out_pipe.close_write();
  err_pipe.close_write();
  ProgramResult result;
  drain(out_pipe, err_pipe, result, max_output);
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  return result;
}

}  // namespace scopelint

// `scopelint lsp` as a process on pipes: a client that never reads the server's output must still
// be able to make it exit. Every wait is bounded; the server is killed if it outlives the test.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lsp/json_rpc.h"
#include "lsp/uri.h"
#include "test_support.h"

namespace scopelint::lsp {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// The server process: its stdin is ours to write, its stdout a pipe nobody reads.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& home) {
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe failed");
    const std::string program = test::scopelint_binary();
    // Everything the child needs is built before fork: it only calls async-signal-safe functions.
    std::vector<std::string> environment = {"HOME=" + home, "XDG_CACHE_HOME=" + home + "/cache"};
    for (char** entry = environ; *entry; ++entry) {
      const std::string text = *entry;
      if (text.rfind("HOME=", 0) != 0 && text.rfind("XDG_CACHE_HOME=", 0) != 0)
        environment.push_back(text);
    }
    std::vector<char*> envp;
    for (auto& text : environment) envp.push_back(text.data());
    envp.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], STDIN_FILENO);
      ::dup2(out[1], STDOUT_FILENO);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDERR_FILENO);
      for (int fd : {in[0], in[1], out[0], out[1], null}) ::close(fd);
      char* const argv[] = {const_cast<char*>(program.c_str()), const_cast<char*>("lsp"), nullptr};
      ::execve(program.c_str(), argv, envp.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_server_ = in[1];
    from_server_ = out[0];  // kept open and never read: the pipe fills up
    ::fcntl(to_server_, F_SETFL, ::fcntl(to_server_, F_GETFL) | O_NONBLOCK);
  }
  ~ServerProcess() {
    if (pid_ > 0 && exit_status_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(to_server_);
    ::close(from_server_);
  }
  // Writes `bytes` to the server's stdin; false if they are not all taken by `deadline` (a server
  // blocked on its own output stops reading).
  bool send(const std::string& bytes, Clock::time_point deadline) {
    size_t done = 0;
    while (done < bytes.size()) {
      if (Clock::now() >= deadline) return false;
      pollfd descriptor{to_server_, POLLOUT, 0};
      if (::poll(&descriptor, 1, 50) <= 0) continue;
      const ssize_t count = ::write(to_server_, bytes.data() + done, bytes.size() - done);
      if (count > 0) done += static_cast<size_t>(count);
    }
    return true;
  }
  // The exit status once the process has ended, or -1 if it is still running at `deadline`.
  int wait_until(Clock::time_point deadline) {
    while (Clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_status_;
      }
      ::usleep(20000);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int to_server_ = -1;
  int from_server_ = -1;
  int exit_status_ = -1;
};

std::string request(int id, const std::string& method, json params = json::object()) {
  return frame(
      json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}}
          .dump());
}

TEST(LspStdio, ExitsOnExitWhenTheClientNeverReads) {
  test::TempDir home;
  test::TempDir workspace;
  ServerProcess server(home.path());
  std::string bytes = request(1, "initialize",
                              {{"processId", nullptr},
                               {"rootUri", uri_from_path(workspace.path())},
                               {"capabilities", json::object()}});
  bytes += frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  // About 4 MB of answers ("method not found: <name>"), far more than a pipe holds (64 KB).
  const std::string long_name = "scopelint/" + std::string(1000, 'x');
  for (int id = 2; id < 4002; ++id) bytes += request(id, long_name);
  bytes += request(4002, "shutdown");
  bytes += frame(R"({"jsonrpc":"2.0","method":"exit"})");

  ASSERT_TRUE(server.send(bytes, Clock::now() + std::chrono::seconds(10)))
      << "the server stopped reading its input: blocked writing output nobody reads";
  const auto sent = Clock::now();
  const int status = server.wait_until(sent + std::chrono::seconds(5));
  ASSERT_NE(status, -1) << "the server did not exit within 5 s of 'exit'";
  EXPECT_EQ(status, 0);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - sent).count(), 5.0);
}

}  // namespace
}  // namespace scopelint::lsp

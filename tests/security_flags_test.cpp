// Compile flags from the scanned repository through the real binary (issue 10): flags that write
// files, load code or change directories, given through every way a repository can give flags,
// change nothing outside the project (a fake HOME, TMPDIR and a folder beside the project are
// compared before and after) and leave the findings as they are without them.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <thread>

#include "test_support.h"

namespace scopelint::test {
namespace {

namespace fs = std::filesystem;
using Words = std::vector<std::string>;

// A token request for one scope and a call that needs another: one missing-scope finding, whose
// URL comes from a macro the compile flags define (so a lost -D changes the findings).
constexpr const char* kClient =
    "#include <cpr/cpr.h>\n"
    "void f() { cpr::Post(cpr::Url{\"https://app.elationemr.com\" API_PATH}); }\n";
const Words kGoodFlags{"-std=c++17", "-DAPI_PATH=\"/api/2.0/allergies/\""};

std::string binary() {
  return scopelint_binary();
}

// A temp tree: home/ (HOME and XDG_CACHE_HOME), tmp/ (TMPDIR), outside/ (a folder next to the
// project), project/ (a git work tree with src/client.cpp).
struct World {
  TempDir root;
  std::string home = root.path() + "/home", tmp = root.path() + "/tmp",
              outside = root.path() + "/outside", project = root.path() + "/project";
  World() {
    root.write("home/.bashrc", "# the user's shell startup\n");
    root.write("outside/keep.txt", "outside the project\n");
    root.write("project/src/client.cpp", kClient);
    fs::create_directories(tmp);
    fs::create_directories(project + "/.git");
  }
  std::string env() const {
    return "HOME=" + shell_quote(home) + " XDG_CACHE_HOME=" + shell_quote(home + "/.cache") +
           " TMPDIR=" + shell_quote(tmp) + " ";
  }
  // scopelint ARGS in project/ (the token is granted one scope: the call's needs another), with at
  // most `seconds` to finish (exit 124 when it does not).
  CommandResult scan(const Words& args, int seconds = 120) const {
    std::string command = "cd " + shell_quote(project) + " && " + env() + "timeout " +
                          std::to_string(seconds) + " " + shell_quote(binary()) +
                          " --granted-scopes system/patients.read";
    for (const auto& arg : args) command += " " + shell_quote(arg);
    return run_shell(command);
  }
  // Every file, folder and link outside project/, with file contents.
  std::map<std::string, std::string> outside_project() const {
    std::map<std::string, std::string> entries;
    for (auto it = fs::recursive_directory_iterator(root.path());
         it != fs::recursive_directory_iterator(); ++it) {
      const std::string path = it->path().string();
      if (path == project) {
        it.disable_recursion_pending();
        continue;
      }
      entries[path] = it->is_symlink()        ? "link " + fs::read_symlink(it->path()).string()
                      : it->is_regular_file() ? "file " + read_text(path)
                                              : "other";
    }
    return entries;
  }
};

// GNU response-file quoting and the quoting of a compile_commands.json "command".
std::string quoted(const std::string& word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

enum class Channel { Arguments, Command, FlagsFile, ResponseFile };

// Writes the project's flags (kGoodFlags, then `bad`) the way `channel` says.
void write_flags(const World& world, Channel channel, const Words& bad) {
  Words flags = kGoodFlags;
  flags.insert(flags.end(), bad.begin(), bad.end());
  fs::remove(world.project + "/compile_commands.json");
  fs::remove(world.project + "/compile_flags.txt");
  auto entry = [&](const std::string& key, const std::string& value) {
    return "[{\"directory\": " + json_string(world.project) + ", \"file\": \"src/client.cpp\", " +
           json_string(key) + ": " + value + "}]";
  };
  std::string text;
  switch (channel) {
    case Channel::FlagsFile:
      for (const auto& flag : flags) text += flag + "\n";
      world.root.write("project/compile_flags.txt", text);
      return;
    case Channel::Command:
      text = "c++";
      for (const auto& flag : flags) text += " " + quoted(flag);
      world.root.write("project/compile_commands.json",
                       entry("command", json_string(text + " -c src/client.cpp")));
      return;
    case Channel::ResponseFile:
      for (const auto& flag : flags) text += quoted(flag) + "\n";
      world.root.write("project/flags.rsp", text);
      flags = {"@flags.rsp"};
      break;
    case Channel::Arguments:
      break;
  }
  text = "[\"c++\"";
  for (const auto& flag : flags) text += ", " + json_string(flag);
  world.root.write("project/compile_commands.json",
                   entry("arguments", text + ", \"-c\", \"src/client.cpp\"]"));
}

const char* name_of(Channel channel) {
  switch (channel) {
    case Channel::Arguments:
      return "arguments";
    case Channel::Command:
      return "command";
    case Channel::FlagsFile:
      return "compile_flags.txt";
    case Channel::ResponseFile:
      return "response file";
  }
  return "";
}

// A shared object in the project that, once loaded, writes `marker`; "" when it cannot be built.
std::string build_plugin(const World& world, const std::string& marker) {
  world.root.write("project/tools/plugin.c",
                   "#include <stdio.h>\n__attribute__((constructor)) static void loaded(void) {\n"
                   "  FILE* f = fopen(\"" +
                       marker + "\", \"w\");\n  if (f) fclose(f);\n}\n");
  const std::string so = world.project + "/tools/plugin.so";
  const CommandResult cc = run_shell("cc -shared -fPIC -o " + shell_quote(so) + " " +
                                     shell_quote(world.project + "/tools/plugin.c"));
  if (cc.exit_code != 0) return "";
  // The marker works: loading the object writes it.
  run_shell("LD_PRELOAD=" + shell_quote(so) + " /bin/true");
  if (!fs::remove(marker)) return "";
  return so;
}

using Attack = std::function<Words(const World&)>;

const std::map<std::string, Attack>& attacks() {
  static const std::map<std::string, Attack> list{
      {"MD_MF_MT",
       [](const World& w) {
         return Words{"-MD", "-MF", w.home + "/.bashrc", "-MT", "echo pwned; #"};
       }},
      {"Xclang_dependency_file",
       [](const World& w) {
         return Words{"-Xclang", "-dependency-file", "-Xclang", w.outside + "/dep.d", "-Xclang",
                      "-MT",     "-Xclang",          "x"};
       }},
      {"Xclang_header_include_file",
       [](const World& w) {
         return Words{"-H", "-Xclang", "-header-include-file", "-Xclang",
                      w.outside + "/headers.txt"};
       }},
      {"Xclang_dependency_dot",
       [](const World& w) {
         return Words{"-Xclang", "-dependency-dot", "-Xclang", w.outside + "/deps.dot"};
       }},
      {"MJ",
       [](const World& w) {
         return Words{"-MJ", w.outside + "/fragment.json"};
       }},
      {"Xclang_module_dependency_dir",
       [](const World& w) {
         return Words{"-Xclang", "-module-dependency-dir", "-Xclang", w.outside + "/moddeps"};
       }},
      {"fmodules_cache_path",
       [](const World& w) {
         return Words{"-fmodules", "-fmodules-cache-path=" + w.outside + "/mc"};
       }},
      {"Wp_MD", [](const World& w) { return Words{"-Wp,-MD," + w.outside + "/wp.d"}; }},
      {"serialize_diagnostics",
       [](const World& w) {
         return Words{"--serialize-diagnostics", w.outside + "/diag.dia"};
       }},
      {"save_temps_and_output",
       [](const World& w) {
         return Words{"-save-temps=obj", "-ftime-trace", "-o", w.outside + "/x.o"};
       }},
      {"plugins",
       [](const World& w) {
         const std::string so = build_plugin(w, w.outside + "/plugin-loaded");
         return Words{"-fplugin=" + so, "-Xclang", "-load", "-Xclang", so, "-fpass-plugin=" + so};
       }},
  };
  return list;
}

class RepositoryFlagAttack : public ::testing::TestWithParam<std::string> {};

TEST_P(RepositoryFlagAttack, ChangesNothingOutsideTheProjectAndNoFinding) {
  // The findings without the bad flags (the same through every channel).
  World reference;
  write_flags(reference, Channel::Arguments, {});
  const CommandResult clean = reference.scan({"--no-cache", "--no-source", "src"});
  ASSERT_EQ(clean.exit_code, 1) << clean.err;
  ASSERT_NE(clean.out.find("src/client.cpp:2:12: error: POST /api/2.0/allergies/"),
            std::string::npos)
      << clean.out;
  for (Channel channel :
       {Channel::Arguments, Channel::Command, Channel::FlagsFile, Channel::ResponseFile}) {
    SCOPED_TRACE(name_of(channel));
    World world;
    const Words bad = attacks().at(GetParam())(world);
    if (GetParam() == "plugins")
      ASSERT_NE(bad.front(), "-fplugin=") << "no plugin could be built to test with";
    write_flags(world, channel, bad);
    const auto before = world.outside_project();
    const CommandResult attacked = world.scan({"--no-cache", "--no-source", "src"});
    EXPECT_EQ(attacked.out, clean.out);
    EXPECT_EQ(attacked.exit_code, clean.exit_code) << attacked.err;
    EXPECT_EQ(world.outside_project(), before);
    EXPECT_EQ(read_text(world.home + "/.bashrc"), "# the user's shell startup\n");
  }
}

INSTANTIATE_TEST_SUITE_P(Flags, RepositoryFlagAttack,
                         ::testing::Values("MD_MF_MT", "Xclang_dependency_file",
                                           "Xclang_header_include_file", "Xclang_dependency_dot",
                                           "MJ", "Xclang_module_dependency_dir",
                                           "fmodules_cache_path", "Wp_MD", "serialize_diagnostics",
                                           "save_temps_and_output", "plugins"));

// libclang 14 applied -working-directory with chdir() on the whole process: the report went where
// the repository said and findings named the wrong files.
TEST(RepositoryFlags, WorkingDirectoryFlagMovesNeitherTheReportNorTheFindings) {
  for (const bool joined : {false, true}) {
    for (Channel channel : {Channel::Arguments, Channel::Command, Channel::ResponseFile}) {
      SCOPED_TRACE(std::string(name_of(channel)) +
                   (joined ? " -working-directory=" : " -working-directory"));
      World world;
      write_flags(world, channel, {});
      const CommandResult clean =
          world.scan({"--no-cache", "--format=sarif", "-o", "clean.sarif", "src"});
      ASSERT_EQ(clean.exit_code, 1) << clean.err;
      write_flags(world, channel,
                  joined ? Words{"-working-directory=" + world.outside}
                         : Words{"-working-directory", world.outside});
      const CommandResult moved =
          world.scan({"--no-cache", "--format=sarif", "-o", "report.sarif", "src"});
      EXPECT_EQ(moved.exit_code, 1) << moved.err;
      EXPECT_FALSE(fs::exists(world.outside + "/report.sarif"));
      ASSERT_TRUE(fs::exists(world.project + "/report.sarif"));
      const std::string report = read_text(world.project + "/report.sarif");
      EXPECT_EQ(report, read_text(world.project + "/clean.sarif"));
      EXPECT_NE(report.find("src/client.cpp"), std::string::npos);
    }
  }
}

TEST(RepositoryFlags, DroppedFlagsAreNamedOnceUnderVerbose) {
  World world;
  world.root.write("project/src/other.cpp", kClient);
  world.root.write("project/compile_commands.json",
                   "[{\"directory\": " + json_string(world.project) +
                       ", \"file\": \"src/client.cpp\", \"arguments\": "
                       "[\"c++\", \"-DAPI_PATH=\\\"/x/\\\"\", \"-MD\", \"-MF\", "
                       "\"/tmp/secret-name\", \"-c\", \"src/client.cpp\"]},"
                       "{\"directory\": " +
                       json_string(world.project) +
                       ", \"file\": \"src/other.cpp\", \"arguments\": "
                       "[\"c++\", \"-DAPI_PATH=\\\"/x/\\\"\", \"-MD\", \"-Xclang\", \"-load\", "
                       "\"-Xclang\", \"x.so\", \"src/other.cpp\"]}]");
  const CommandResult verbose = world.scan({"--no-cache", "-v", "src"});
  const std::string line =
      world.project +
      "/compile_commands.json: ignored 4 flags that write files, load code, "
      "change directories or name files outside the project: -MD, -MF <arg>, -Xclang -load, "
      "-Xclang <arg>; and 1 that scopelint does not need to parse code: -c\n";
  const size_t at = verbose.err.find("scopelint: " + line);
  EXPECT_NE(at, std::string::npos) << verbose.err;
  EXPECT_EQ(verbose.err.find("ignored", at + line.size()), std::string::npos)
      << "said more than once";
  EXPECT_EQ(verbose.err.find("secret-name"), std::string::npos);
  EXPECT_EQ(world.scan({"--no-cache", "src"}).err.find("ignored"), std::string::npos);
}

// A database that never ends (/dev/zero) or never opens (a FIFO with no writer).
TEST(RepositoryFlags, DatabaseThatIsADeviceOrAFifoEndsTheScanQuickly) {
  for (const char* name : {"compile_commands.json", "compile_flags.txt"}) {
    for (const bool fifo : {false, true}) {
      SCOPED_TRACE(std::string(name) + (fifo ? " fifo" : " /dev/zero"));
      World world;
      world.root.write("project/src/client.cpp",
                       "#include <cpr/cpr.h>\nvoid f() { cpr::Post(cpr::Url{"
                       "\"https://app.elationemr.com/api/2.0/allergies/\"}); }\n");
      const std::string path = world.project + "/" + name;
      if (fifo)
        ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
      else
        fs::create_symlink("/dev/zero", path);
      const auto started = std::chrono::steady_clock::now();
      const CommandResult result = world.scan({"--no-cache", "--no-source", "src"}, 60);
      EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                30);
      EXPECT_EQ(result.exit_code, 1) << result.err;
      EXPECT_NE(result.out.find(std::string(name) + ": cannot read file: not a regular file"),
                std::string::npos)
          << result.out;
      EXPECT_NE(result.out.find("[scan-error]"), std::string::npos) << result.out;
      EXPECT_NE(result.out.find("[missing-scope]"), std::string::npos)
          << "the scan goes on with defaults";
    }
  }
}

TEST(RepositoryFlags, NoTemporaryDirectoryIsCreatedEvenWhenKilled) {
  World world;
  write_flags(world, Channel::Arguments, {});
  const CommandResult result = world.scan({"--no-cache", "-v", "src"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_TRUE(fs::is_empty(world.tmp));
  EXPECT_EQ(result.err.find(world.tmp), std::string::npos) << "a parse names a temporary directory";
  // Killed while it parses: nothing of scopelint's is left behind.
  const std::string log = world.root.path() + "/log";
  run_shell("cd " + shell_quote(world.project) + " && " + world.env() + shell_quote(binary()) +
            " --no-cache -v src 2>" + shell_quote(log) +
            " & pid=$!; for i in $(seq 600); do grep -q parsing " + shell_quote(log) +
            " && break; sleep 0.05; done; kill -9 $pid; wait $pid");
  EXPECT_NE(read_text(log).find("parsing"), std::string::npos);
  // The killed scan's workers' directory (their TMPDIR, which libclang's preambles go to) cannot be
  // removed by the scan itself: the next scan removes it.
  EXPECT_EQ(world.scan({"--no-cache", "src"}).exit_code, 1);
  for (const auto& entry : fs::directory_iterator(world.tmp)) {
    EXPECT_EQ(entry.path().filename().string().rfind("scopelint-", 0), std::string::npos)
        << entry.path();
  }
}

}  // namespace
}  // namespace scopelint::test

// Test helpers: process runner and temporary directories.
#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace scopelint::test {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CommandResult run_shell(const std::string& command) {
  TempDir dir;
  std::string out = dir.path() + "/out", err = dir.path() + "/err";
  std::string full = "(" + command + ") >" + shell_quote(out) + " 2>" + shell_quote(err) + " </dev/null";
  int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

bool sanitized_build() {
  const char* binary = std::getenv("SCOPELINT_TEST_BINARY");
  return kBuiltWithSanitizers || (binary && *binary);
}

std::string local_precommit_config(const std::string& arguments, bool serial) {
  return "repos:\n"
         "  - repo: local\n"
         "    hooks:\n"
         "      - id: scopelint\n"
         "        name: scopelint\n"
         "        entry: " +
         scopelint_binary() + " --pre-commit" + arguments +
         "\n"
         "        language: system\n" +
         (serial ? "        require_serial: true\n" : "") + "        types_or: [c, c++]\n";
}

std::string precommit_shell_prefix(const std::string& home, const std::string& directory) {
  return "export HOME=" + shell_quote(home) + " PRE_COMMIT_HOME=" + shell_quote(home + "/cache") +
         " XDG_CACHE_HOME=" + shell_quote(home + "/cache") + " GIT_CONFIG_NOSYSTEM=1 && cd " +
         shell_quote(directory) + " && ";
}

double slowdown() { return sanitized_build() ? 3.0 : 1.0; }

std::string scopelint_binary() {
  // scripts/test-sanitizers points this at a ThreadSanitizer build of scopelint.
  const char* binary = std::getenv("SCOPELINT_TEST_BINARY");
  return binary && *binary ? binary : kBuiltScopelintBinary;
}

std::string scopelint_command(const std::vector<std::string>& args) {
  std::string command = shell_quote(scopelint_binary());
  for (const auto& arg : args) command += " " + shell_quote(arg);
  return command;
}

CommandResult run_scopelint(const std::vector<std::string>& args, const std::string& cwd,
                            const std::vector<std::string>& env) {
  std::string command;
  if (!cwd.empty()) command = "cd " + shell_quote(cwd) + " && ";
  if (!env.empty()) command += "env";
  for (const auto& assignment : env) command += " " + shell_quote(assignment);
  return run_shell(command + (env.empty() ? "" : " ") + scopelint_command(args));
}

namespace {

// The fact cache of every scopelint this test process runs (in-process or as a child) goes to a
// temporary XDG_CACHE_HOME rather than the user's home directory.
struct PrivateCacheHome {
  PrivateCacheHome() { ::setenv("XDG_CACHE_HOME", dir.path().c_str(), 1); }
  TempDir dir;
};
const PrivateCacheHome private_cache_home;

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "scopelint-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& contents) const {
  std::filesystem::path full = std::filesystem::path(path_) / name;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out << contents;
  return full.string();
}

CommandResult validate_sarif_file(const std::string& path) {
  std::string schema = SCOPELINT_SOURCE_DIR "/../shared/schemas/sarif-schema-2.1.0.json";
  if (!std::filesystem::exists(schema)) {
    schema = std::string(SCOPELINT_TEST_DATA) + "/sarif-schema-2.1.0.json";  // a copy for other checkouts
  }
  const std::string script =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "log = json.load(open(sys.argv[2], encoding='utf-8'))\n"
      "cls = jsonschema.validators.validator_for(schema)\n"
      "errors = list(cls(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log))\n"
      "for e in errors: print(list(e.absolute_path), e.message)\n"
      "sys.exit(3 if errors else 0)\n";
  return run_shell("/usr/bin/python3 -c " + shell_quote(script) + " " + shell_quote(schema) + " " + shell_quote(path));
}

}  // namespace scopelint::test

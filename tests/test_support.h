// Helpers shared by the tests: running the scopelint binary, temporary files.
#pragma once

#include <string>
#include <vector>

namespace scopelint::test {

// Whether the scopelint code under test is built with sanitizers: the code linked into this test
// binary (scopelint_tests_asan), or the binary $SCOPELINT_TEST_BINARY names (scripts/test-sanitizers
// sets it only to a sanitizer build). The test code itself is never instrumented, so this is known
// at run time only.
bool sanitized_build();

// Factor for time bounds in tests (sanity bounds only, never benchmarks): sanitizer builds are
// slower.
double slowdown();

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs build/scopelint (or $SCOPELINT_TEST_BINARY) with `args` (each shell-quoted) in `cwd`
// (default: the current directory), with `env` ("NAME=VALUE" each) added to its environment.
// Every test process starts with XDG_CACHE_HOME set to a private temporary directory, removed at
// exit, so that no test writes a fact cache into the real home directory.
CommandResult run_scopelint(const std::vector<std::string>& args, const std::string& cwd = "",
                            const std::vector<std::string>& env = {});

// The scopelint built beside this test binary (tests/built_binary.cpp): build/scopelint, or the
// instrumented build/scopelint-asan for the ASan test binary.
extern const char* const kBuiltScopelintBinary;
extern const bool kBuiltWithSanitizers;

// The binary run_scopelint runs: $SCOPELINT_TEST_BINARY, else kBuiltScopelintBinary.
std::string scopelint_binary();

// A .pre-commit-config.yaml with one local hook, `scopelint --pre-commit ARGUMENTS` (starting with
// a space when not empty), run once for all files when `serial` (require_serial).
std::string local_precommit_config(const std::string& arguments, bool serial = true);

// The shell prefix for git and pre-commit in `directory`: HOME under `home`, pre-commit's and
// scopelint's caches in `home`/cache (no network needed), no system git config.
std::string precommit_shell_prefix(const std::string& home, const std::string& directory);

// The shell command run_scopelint runs (binary and quoted `args`), to embed in a longer command.
std::string scopelint_command(const std::vector<std::string>& args);

// Runs a shell command; captures stdout and stderr.
CommandResult run_shell(const std::string& command);

std::string shell_quote(const std::string& text);

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `contents` to path()/name (creating folders) and returns the full path.
  std::string write(const std::string& name, const std::string& contents) const;

 private:
  std::string path_;
};

std::string read_text(const std::string& path);

// Validates the SARIF log in `path` against the SARIF 2.1.0 schema with python3-jsonschema (formats
// too, where rfc3987 is installed): exit code 0 when valid, 3 when the schema rejects it (the
// problems on stdout), other codes when python3 or jsonschema is missing. A missing validator is a
// failure, not a skip: the README lists python3-jsonschema as a test dependency.
CommandResult validate_sarif_file(const std::string& path);

}  // namespace scopelint::test

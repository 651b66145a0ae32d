// Minimal declarations of the supported HTTP libraries, used only when the real headers are not
// found: they are handed to libclang as unsaved files in a directory that exists only inside the
// parse (nothing is written to disk), added with -idirafter after every other include path, so
// that real headers always win.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace scopelint::extract {

struct StubHeader {
  std::string path;  // as included: "curl/curl.h", "QNetworkAccessManager"
  std::string text;
};

const std::vector<StubHeader>& stub_headers();

// Where the stubs appear to be. No file can ever exist below /dev/null, so nothing on disk can
// join or replace them, and the path is the same in every run (the fact cache keys on it).
inline constexpr const char* kStubDirectory = "/dev/null/scopelint-stubs";

// The stubs as (full path under kStubDirectory, text), for CXUnsavedFile.
const std::vector<std::pair<std::string, std::string>>& stub_files();

// Whether a command line includes the stub directory (then its parse needs stub_files()).
bool uses_stub_directory(const std::vector<std::string>& argv);

// The include directory of the stubs. It writes nothing: the stubs reach libclang as unsaved files
// (translation_unit.cpp adds them to every parse whose command names the directory).
class StubDirectory {
 public:
  StubDirectory() = default;
  StubDirectory(const StubDirectory&) = delete;
  StubDirectory& operator=(const StubDirectory&) = delete;

  // The compiler flags that make the stubs the last resort ("-idirafter", dir).
  std::vector<std::string> include_flags() const { return {"-idirafter", path_}; }
  const std::string& path() const { return path_; }

 private:
  std::string path_ = kStubDirectory;
};

}  // namespace scopelint::extract

// Minimal declarations of the supported HTTP libraries, used only when the real headers are not
// found: they are written to a temporary directory added with -idirafter, after every other
// include path, so that real headers always win.
#pragma once

#include <string>
#include <vector>

namespace scopelint::extract {

struct StubHeader {
  std::string path;  // as included: "curl/curl.h", "QNetworkAccessManager"
  const char* text;
};

const std::vector<StubHeader>& stub_headers();

// A temporary include directory holding the stubs; removed when destroyed.
class StubDirectory {
 public:
  StubDirectory();
  ~StubDirectory();
  StubDirectory(const StubDirectory&) = delete;
  StubDirectory& operator=(const StubDirectory&) = delete;

  // The compiler flags that make the stubs the last resort ("-idirafter", dir); empty if the
  // directory could not be written.
  std::vector<std::string> include_flags() const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace scopelint::extract

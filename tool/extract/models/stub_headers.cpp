// The stub headers of the library models (rules/http/*.json, "stub") and the directory they appear in.
#include "extract/models/stub_headers.h"

#include <algorithm>

#include "extract/models/library_models.h"

namespace scopelint::extract {

const std::vector<StubHeader>& stub_headers() {
  static const std::vector<StubHeader> headers = [] {
    std::vector<StubHeader> list;
    for (const auto& library : builtin_library_models().libraries) {
      if (!library.stub) continue;
      const StubModel& stub = *library.stub;
      list.push_back({stub.path, stub.text});
      for (const auto& alias : stub.aliases) list.push_back({alias, "#include <" + stub.path + ">\n"});
    }
    return list;
  }();
  return headers;
}

const std::vector<std::pair<std::string, std::string>>& stub_files() {
  static const std::vector<std::pair<std::string, std::string>> files = [] {
    std::vector<std::pair<std::string, std::string>> list;
    for (const auto& header : stub_headers()) {
      list.emplace_back(std::string(kStubDirectory) + "/" + header.path, header.text);
    }
    return list;
  }();
  return files;
}

bool uses_stub_directory(const std::vector<std::string>& argv) {
  return std::find(argv.begin(), argv.end(), kStubDirectory) != argv.end();
}

}  // namespace scopelint::extract

// The editor's open buffers, and the source lines the server converts positions with.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/lint.h"
#include "report/report_common.h"

namespace scopelint::lsp {

struct Document {
  std::string uri;   // as the client sent it
  std::string path;  // local path from the URI
  std::string text;
  int64_t version = 0;
};

class Documents {
 public:
  // didOpen and didChange (full sync): store the text. URIs that are not file:// are ignored.
  void set(const std::string& uri, std::string text, int64_t version);
  void close(const std::string& uri);
  const Document* find_by_path(const std::string& path) const;
  // The buffers as unsaved files for lint().
  UnsavedFiles unsaved() const;
  std::vector<std::string> paths() const;
  // The URI to publish for `path`: the open document's own URI, or a file:// URI.
  std::string uri_for(const std::string& path) const;

 private:
  std::map<std::string, Document> by_path_;  // key: normal_path()
};

// Lines of a file as the last lint saw them: the open buffer if there is one, else the disk.
class LineSource {
 public:
  explicit LineSource(const Documents& documents) : documents_(documents) {}
  // Line `line` (1-based) without its terminator; nullptr when there is no such line.
  const std::string* line(const std::string& file, unsigned line);

 private:
  const Documents& documents_;
  std::map<std::string, std::vector<std::string>> buffers_;
  SourceLines disk_;
};

}  // namespace scopelint::lsp

// Open buffers keyed by normalised path, and line lookup over buffers and files.
#include "lsp/documents.h"

#include "lsp/uri.h"

namespace scopelint::lsp {

void Documents::set(const std::string& uri, std::string text, int64_t version) {
  const std::string path = path_from_uri(uri);
  if (path.empty()) return;
  Document& document = by_path_[normal_path(path)];
  document.uri = uri;
  document.path = path;
  document.text = std::move(text);
  document.version = version;
}

void Documents::close(const std::string& uri) {
  const std::string path = path_from_uri(uri);
  if (!path.empty()) by_path_.erase(normal_path(path));
}

const Document* Documents::find_by_path(const std::string& path) const {
  auto it = by_path_.find(normal_path(path));
  return it == by_path_.end() ? nullptr : &it->second;
}

UnsavedFiles Documents::unsaved() const {
  UnsavedFiles files;
  for (const auto& [key, document] : by_path_) files.emplace_back(document.path, document.text);
  return files;
}

std::vector<std::string> Documents::paths() const {
  std::vector<std::string> paths;
  for (const auto& [key, document] : by_path_) paths.push_back(document.path);
  return paths;
}

std::string Documents::uri_for(const std::string& path) const {
  const Document* document = find_by_path(path);
  return document ? document->uri : uri_from_path(path);
}

const std::string* LineSource::line(const std::string& file, unsigned line) {
  if (line == 0) return nullptr;
  if (const Document* document = documents_.find_by_path(file)) {
    auto it = buffers_.find(document->path);
    if (it == buffers_.end())
      it = buffers_.emplace(document->path, split_lines(document->text)).first;
    return line <= it->second.size() ? &it->second[line - 1] : nullptr;
  }
  return disk_.line(file, line);
}

}  // namespace scopelint::lsp

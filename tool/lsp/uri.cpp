// file:// URI <-> path conversion.
#include "lsp/uri.h"

#include <cctype>
#include <filesystem>

#include "report/report_common.h"
#include "util/percent_encoding.h"

namespace scopelint::lsp {
std::string path_from_uri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size()) return "";
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(uri[i])) != kScheme[i]) return "";
  }
  std::string_view rest = uri.substr(kScheme.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return "";
  // The authority ("", "localhost") names this machine; other hosts are not supported.
  const std::string_view authority = rest.substr(0, slash);
  if (!authority.empty() && authority != "localhost") return "";
  std::string_view path = rest.substr(slash);
  const size_t end = path.find_first_of("?#");
  if (end != std::string_view::npos) path = path.substr(0, end);
  return percent_decode(path);
}

std::string uri_from_path(const std::string& path) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  if (ec) absolute = path;
  return "file://" + percent_encode_path(absolute);
}

std::string normal_path(const std::string& path) {
  std::error_code ec;
  std::filesystem::path result = std::filesystem::weakly_canonical(path, ec);
  if (ec) return std::filesystem::absolute(path, ec).lexically_normal().string();
  return result.lexically_normal().string();
}

}  // namespace scopelint::lsp

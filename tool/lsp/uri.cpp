// file:// URI <-> path conversion.
#include "lsp/uri.h"

#include <cctype>
#include <filesystem>

#include "report/report_common.h"

namespace scopelint::lsp {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

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

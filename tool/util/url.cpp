// URL template splitting.
#include "util/url.h"

#include <algorithm>
#include <cctype>

#include "model/facts.h"  // kWildcard

namespace scopelint {
namespace {

bool has_scheme(std::string_view url) { return url.find("://") != std::string_view::npos; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string strip_query_and_fragment(std::string_view path) {
  size_t end = path.find_first_of("?#");
  return std::string(path.substr(0, end));
}

}  // namespace

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  size_t scheme = url.find("://");
  size_t first_slash = url.find('/');
  if (scheme != std::string_view::npos && (first_slash == std::string_view::npos || scheme < first_slash)) {
    std::string_view rest = url.substr(scheme + 3);
    size_t path_start = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, path_start);
    if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
    if (size_t colon = authority.rfind(':'); colon != std::string_view::npos &&
                                             authority.find(']') == std::string_view::npos) {
      authority = authority.substr(0, colon);
    }
    std::string host = lowercase(authority);
    if (host.find(kWildcard) != std::string::npos || host.empty()) parts.host_is_runtime = true;
    parts.host = host;
    parts.path = path_start == std::string_view::npos ? "" : strip_query_and_fragment(rest.substr(path_start));
    return parts;
  }
  // No scheme: a bare path, a run-time prefix ("{}/patients/"), or host/path without scheme.
  size_t path_start = url.find('/');
  std::string_view prefix = url.substr(0, path_start == std::string_view::npos ? url.size() : path_start);
  if (!prefix.empty()) {
    if (prefix.find(kWildcard) != std::string_view::npos) {
      parts.host_is_runtime = true;
    } else if (prefix.find('.') != std::string_view::npos || prefix == "localhost" ||
               prefix.find(':') != std::string_view::npos) {
      std::string_view host = prefix.substr(0, prefix.rfind(':'));
      parts.host = lowercase(host);
    } else {
      // A relative path without a leading slash ("patients/"): the segment belongs to the path.
      parts.path = strip_query_and_fragment("/" + std::string(url));
      return parts;
    }
  }
  parts.path = path_start == std::string_view::npos ? "" : strip_query_and_fragment(url.substr(path_start));
  return parts;
}

std::string join_base_and_path(std::string_view base, std::string_view url) {
  if (has_scheme(url) || base.empty()) return std::string(url);
  std::string joined(base);
  if (!has_scheme(joined) && joined.find(kWildcard) != 0) joined = "https://" + joined;
  if (!joined.empty() && joined.back() == '/' && !url.empty() && url.front() == '/') joined.pop_back();
  if (!joined.empty() && joined.back() != '/' && !url.empty() && url.front() != '/') joined += '/';
  return joined + std::string(url);
}

std::vector<std::string> path_segments(std::string_view path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

}  // namespace scopelint

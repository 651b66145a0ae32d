// Splitting URL templates ("{}" marks run-time parts) into host and path segments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scopelint {

struct UrlParts {
  // The host without scheme, user info or port; nullopt when the URL has none (a bare path).
  std::optional<std::string> host;
  bool host_is_runtime = false;  // a host (or the text before the path) is only known at run time
  std::string path;  // the path, query and fragment removed; "" when none
};

// "https://app.elationemr.com:443/api/2.0/patients/?x=1" -> host "app.elationemr.com",
// path "/api/2.0/patients/". "{}/patients/" -> host_is_runtime, path "/patients/".
UrlParts split_url(std::string_view url);

// Joins a client base (host or URL, maybe with a path) and a request path or URL.
std::string join_base_and_path(std::string_view base, std::string_view url);

// Non-empty path segments: "/a//b/" -> {"a", "b"}.
std::vector<std::string> path_segments(std::string_view path);

}  // namespace scopelint

// HTTP method names and their read/write class.
#include "model/http_method.h"

#include <array>
#include <cctype>
#include <utility>

namespace scopelint {
namespace {

constexpr std::array<std::pair<HttpMethod, std::string_view>, 7> kNames = {{
    {HttpMethod::Get, "GET"},
    {HttpMethod::Head, "HEAD"},
    {HttpMethod::Options, "OPTIONS"},
    {HttpMethod::Post, "POST"},
    {HttpMethod::Put, "PUT"},
    {HttpMethod::Patch, "PATCH"},
    {HttpMethod::Delete, "DELETE"},
}};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != static_cast<unsigned char>(b[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<HttpMethod> parse_http_method(std::string_view name) {
  for (const auto& [method, text] : kNames) {
    if (equals_ignoring_case(name, text)) return method;
  }
  return std::nullopt;
}

std::string_view to_string(HttpMethod method) {
  for (const auto& [m, text] : kNames) {
    if (m == method) return text;
  }
  return "GET";
}

bool is_read_method(HttpMethod method) {
  return method == HttpMethod::Get || method == HttpMethod::Head || method == HttpMethod::Options;
}

}  // namespace scopelint

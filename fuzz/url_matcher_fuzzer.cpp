// Fuzzes split_url, join_base_and_path, path_segments, match_endpoint and requirement_for.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "classify/endpoint_matcher.h"
#include "util/url.h"

namespace {

void judge(const scopelint::Catalog& catalog, std::string_view url, uint8_t selector) {
  scopelint::UrlParts parts = scopelint::split_url(url);
  std::vector<std::string> segments = scopelint::path_segments(parts.path);
  scopelint::EndpointMatch match = scopelint::match_endpoint(catalog, segments);
  std::optional<scopelint::HttpMethod> method;
  using scopelint::HttpMethod;
  constexpr HttpMethod kMethods[] = {HttpMethod::Get,  HttpMethod::Head,  HttpMethod::Options,
                                     HttpMethod::Post, HttpMethod::Put,   HttpMethod::Patch,
                                     HttpMethod::Delete};
  if (selector % 8 != 7) method = kMethods[selector % 8];
  std::vector<std::string> body_fields;
  if (selector & 0x80) body_fields = {"signed_by", "{}"};
  (void)scopelint::requirement_for(catalog, match, method, body_fields);
  if (method) (void)scopelint::method_documented(match, *method);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const scopelint::Catalog& catalog = scopelint::default_catalog();
  uint8_t selector = data[0];
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  judge(catalog, text, selector);
  // The input split at the first newline: a client base and a request path.
  size_t newline = text.find('\n');
  if (newline != std::string_view::npos) {
    std::string joined =
        scopelint::join_base_and_path(text.substr(0, newline), text.substr(newline + 1));
    judge(catalog, joined, selector);
  }
  return 0;
}

// Fuzzes the catalog loader: any text is either a catalog or a CatalogError, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "catalog/catalog.h"
#include "classify/endpoint_matcher.h"
#include "util/url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    scopelint::Catalog catalog = scopelint::load_catalog(text, "fuzz.json");
    // A catalog that loads must be usable.
    (void)catalog.scope_names();
    (void)catalog.is_api_host("app.elationemr.com");
    for (const auto& rule : catalog.endpoints) {
      scopelint::EndpointMatch match = scopelint::match_endpoint(catalog, rule.segments);
      for (auto method : rule.methods) {
        (void)scopelint::requirement_for(catalog, match, method, {"signed_by"});
        (void)catalog.scope_for(rule.resource, method);
      }
    }
  } catch (const scopelint::CatalogError&) {
  }
  return 0;
}

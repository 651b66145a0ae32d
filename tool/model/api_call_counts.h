// How many Elation API calls a scan found and how many of them it resolved: data for the stderr
// summary and for --max-unresolved, counted once from the classified facts (classify.h).
#pragma once

#include <cstddef>

namespace scopelint {

struct ApiCallCounts {
  size_t calls = 0;  // API calls; token requests are not API calls
  // ... whose scope requirement is known: every call but those unresolved-call reports (a call to
  // an endpoint the catalog does not know counts: its method and path were worked out)
  size_t resolved = 0;

  size_t unresolved() const { return calls - resolved; }
};

}  // namespace scopelint

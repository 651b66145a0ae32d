// The matcher families: each finds the requests one kind of library API makes in a walked TU.
#pragma once

#include <vector>

#include "extract/match/request_parts.h"
#include "extract/models/library_models.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/tu_context.h"
#include "model/facts.h"

namespace scopelint::extract {

// Handle APIs (libcurl): options set on a handle variable, then a perform call, per function.
void match_handle_api(const LibraryModel& library, const TuContext& context,
                      const StringResolver& strings, std::vector<FoundRequest>& out);

// Calls that make requests (cpr::Get, cli.Post, manager.get(req), session.sendRequest(req), ...)
// and request objects that are built but not sent in the same function.
void match_request_calls(const LibraryModel& library, const TuContext& context,
                         const StringResolver& strings, std::vector<FoundRequest>& out);

}  // namespace scopelint::extract

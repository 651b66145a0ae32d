// Degraded mode for translation units with a missing project header: clang drops every expression
// that uses the header's unknown types (ecosystem.md 2.6), so the library calls in them are re-read
// from the main file's tokens.
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <vector>

#include "extract/match/request_parts.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/tu_context.h"
#include "model/facts.h"

namespace scopelint::extract {

// The headers the unit could not find ("'x.h' file not found"), except the library headers that
// scopelint ships stubs for.
std::vector<std::string> missing_project_headers(CXTranslationUnit tu);

// When a project header is missing: finds in the main file's tokens the library calls the AST
// lost (client method calls, request functions, handle APIs) and adds them to `calls`, at the
// location the matchers would use; calls the AST found keep their facts, except a body the AST
// lost (a form whose initializer was dropped, a buffer filled by a dropped snprintf), which is
// replaced by the one recovered from tokens. Does nothing when no project header is missing.
void recover_calls_from_tokens(const TuContext& context, const StringResolver& strings,
                               std::vector<FoundRequest>& calls);

}  // namespace scopelint::extract

// Degraded-mode pass over the main file's tokens for units with a missing project header (see
// token_fallback.h): client method calls, request functions and handle APIs the AST lost.
#include "extract/tokens/token_fallback.h"

#include <algorithm>

#include "extract/clang/missing_headers.h"
#include "extract/tokens/token_pass.h"

namespace scopelint::extract {
namespace {

using tokens::TokenPass;

// Whether the AST lost this body: a form without fields, or a body whose text is unknown.
bool body_lost(const RequestBody& body) {
  return (body.kind == RequestBody::Kind::Fields && body.fields.empty()) ||
         body.kind == RequestBody::Kind::Unknown || (body.kind == RequestBody::Kind::Raw && !body.raw);
}

bool body_known(const RequestBody& body) {
  return (body.kind == RequestBody::Kind::Fields && !body.fields.empty()) ||
         (body.kind == RequestBody::Kind::Raw && body.raw);
}

}  // namespace

std::vector<std::string> missing_project_headers(CXTranslationUnit tu) {
  std::vector<std::string> names;
  for (const MissingHeader& header : missing_headers(tu)) names.push_back(header.header);
  return names;
}

void recover_calls_from_tokens(const TuContext& context, const StringResolver& strings,
                               std::vector<FoundRequest>& calls) {
  if (missing_project_headers(context.tu()).empty()) return;
  TokenPass pass(context, strings);
  if (!pass.load()) return;
  const size_t from_ast = calls.size();
  for (auto& recovered : pass.run()) {
    bool seen = false;
    for (size_t i = 0; i < from_ast; ++i) {
      HttpCall& found = calls[i].call;
      if (!(found.location == recovered.call.location)) continue;
      seen = true;
      // The same request whose body the AST lost (a dropped initializer or snprintf).
      const HttpCall& lost = recovered.call;
      const bool same_method = !found.method || !lost.method || found.method == lost.method;
      if (same_method && body_lost(found.body) && body_known(lost.body)) found.body = lost.body;
    }
    const bool duplicate = std::any_of(
        calls.begin() + static_cast<long>(from_ast), calls.end(), [&](const FoundRequest& other) {
          const HttpCall& call = other.call;
          return call.location == recovered.call.location && call.method == recovered.call.method &&
                 call.url == recovered.call.url;
        });
    if (!seen && !duplicate) calls.push_back(std::move(recovered));
  }
}

}  // namespace scopelint::extract

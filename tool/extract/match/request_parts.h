// What the matchers learn about one request (URL, method, body, base) and the shared steps that
// work those parts out from arguments, request objects and client objects.
#pragma once

#include <clang-c/Index.h>

#include <optional>
#include <string>
#include <vector>

#include "extract/models/library_models.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/tu_context.h"
#include "model/facts.h"

namespace scopelint::extract {

struct RequestParts {
  std::optional<ResolvedString> url;
  std::optional<SourceLocation> url_location;  // where the URL was attached to the request
  std::vector<SourceLocation> url_macro_chain;  // url_location's macro chain (macro_locations.h)
  std::optional<HttpMethod> method;
  bool method_given = false;  // some method was set, even if not resolved
  std::optional<std::string> method_slot;  // unresolved method given by a parameter (parameter_slots.h)
  RequestBody body;
  std::optional<std::string> base;
  std::vector<std::string> headers;  // names of the headers set ("{}" for run-time parts)
  bool headers_unknown = false;  // a header collection or name could not be worked out

  // Parts set in `later` win; headers add up.
  void merge(const RequestParts& later);
};

class RequestPartsBuilder {
 public:
  RequestPartsBuilder(const TuContext& context, const StringResolver& strings)
      : context_(context), strings_(strings) {}

  // The base a client object was constructed with (httplib::Client("https://host")).
  std::optional<std::string> client_base(const LibraryModel& library, CXCursor object) const;
  // The state of a request object (variable or temporary) as of `position`; `variable` receives
  // the variable when it is one.
  std::optional<RequestParts> request_object(const LibraryModel& library, CXCursor object,
                                             int position, CXCursor* variable) const;
  const RequestObjectModel* request_object_model(const LibraryModel& library, CXType type) const;

 private:
  // Applies one argument in a role (call_argument.h); a URL is attached at `at`.
  void apply_role(const LibraryModel& library, Role role, CXCursor arg, CXCursor at, int position,
                  RequestParts& parts) const;
  void apply_constructor(const LibraryModel& library, const RequestObjectModel& model,
                         CXCursor construct, CXCursor at, int position, RequestParts& parts) const;
  // The roles a constructor or factory form gives its arguments.
  void apply_form(const LibraryModel& library, const ConstructorForm& form, const std::vector<CXCursor>& args,
                  CXCursor at, int position, RequestParts& parts) const;
  // The request a project function returns (`QNetworkRequest authorized(QUrl u)`), with the
  // call's arguments for its parameters; nullopt when `call` is no such call.
  std::optional<RequestParts> returned_request(const LibraryModel& library, CXCursor call, int position) const;
  static CXCursor returned_value(CXCursor init);
  // A method the helper's parameter gives (`http_request req(m)`) as the call's argument says.
  void bind_method(RequestParts& parts, CXCursor function, CXCursor call, int position) const;

  const TuContext& context_;
  const StringResolver& strings_;
  mutable std::vector<int> helpers_in_progress_;  // request helpers being read (recursion)
};

// A URL a helper built from its parameters, as `call` gives them: attached at the call when that
// changes it (the caller decides the URL), as it is otherwise.
void bind_url_to_call(const StringResolver& strings, RequestParts& parts, CXCursor function, CXCursor call,
                      int position);

// A request as a matcher finds it: the call, and what only wrapper inference reads
// (collect_unit_wrappers in wrapper_summaries.h).
struct FoundRequest {
  HttpCall call;
  std::optional<std::string> method_slot;  // the unresolved method is this parameter's value
  BranchConditions conditions;  // the request is made only when these tests of parameters pass
};

// The request for parts found at `call_location` (with its macro chain), with no conditions.
FoundRequest make_http_call(const std::string& library, const RequestParts& parts,
                            const SourceLocation& call_location,
                            const std::vector<SourceLocation>& call_macro_chain = {});

}  // namespace scopelint::extract

// One written argument of a library call, as a front end reads it: the AST (ast_argument.h) or the
// tokens of a unit whose header is missing (extract/tokens/). The library models give arguments
// their roles here, and only here, so what the matchers learn about a model works in both.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extract/match/request_parts.h"
#include "extract/models/library_models.h"
#include "extract/resolve/string_resolver.h"
#include "model/facts.h"

namespace scopelint::extract {

class CallArgument {
 public:
  virtual ~CallArgument() = default;
  // The role the argument's type plays in the library (its `arg_types`), when a listed type.
  virtual std::optional<Role> role_by_type() const = 0;
  // Whether the argument is a string: a body with no listed type is raw text then.
  virtual bool is_stringish() const = 0;
  virtual ResolvedString value() const = 0;
  virtual ResolvedFields fields() const = 0;
  // The items of a list variable built by list appenders (curl_slist_append).
  virtual ResolvedList list_items() const = 0;
  // The enumerator the argument names (`http::field::user_agent` -> "user_agent"), or "".
  virtual std::string enumerator() const = 0;
  // A library method constant or a string naming a method.
  virtual std::optional<HttpMethod> method() const = 0;
  // The parameter an unresolved method comes from (parameter_slots.h), when the front end knows.
  virtual std::optional<std::string> method_slot() const = 0;
  virtual bool is_null_pointer() const = 0;
  // false, or a value that is "0".
  virtual bool is_false() const = 0;
};

// Where a call attaches a URL to its request (its location and macro chain); worked out only when
// a URL is attached.
struct Attachment {
  SourceLocation location;
  std::vector<SourceLocation> macro_chain;
};
using AttachedAt = std::function<Attachment()>;

// The body an argument gives: fields, raw text or unknown, by its type.
RequestBody body_of(const CallArgument& arg);
// Adds the name of a "Name: value" header line (a line with a run-time name: headers unknown).
void add_header_line(const ResolvedString& line, RequestParts& parts);
// Applies one argument in a role.
void apply_role(Role role, const CallArgument& arg, const AttachedAt& at, RequestParts& parts);
// Applies a call as its model describes it: the method the model names for the callee
// (`method_name`, "" when the arguments give it), then the arguments in their roles (url_arg,
// method_arg, body_arg, body_after_url, args_by_type).
void apply_call_model(const CallModel& model, const std::string& method_name,
                      const std::vector<const CallArgument*>& args, const AttachedAt& at, RequestParts& parts);

// What the options set on a libcurl-style handle have made of its request so far.
struct HandleState {
  RequestParts parts;
  std::optional<HttpMethod> custom_method;
  bool custom_given = false;
};
// Applies one option set on a handle (`value` is the option's value argument).
void apply_handle_option(const HandleOption& option, const CallArgument& value, const AttachedAt& at,
                         HandleState& state);
// The request a perform call sends from a handle's state: CUSTOMREQUEST wins when given; otherwise
// the method the options set (GET by default).
RequestParts parts_at_perform(const HandleState& state);

}  // namespace scopelint::extract

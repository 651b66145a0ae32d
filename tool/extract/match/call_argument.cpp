// The library models applied to call arguments, for both front ends (call_argument.h).
#include "extract/match/call_argument.h"

#include "extract/resolve/resolved_facts.h"

namespace scopelint::extract {

RequestBody body_of(const CallArgument& arg) {
  RequestBody body;
  const auto role = arg.role_by_type();
  if (role == Role::Ignore) return body;
  if (role == Role::Fields) {
    ResolvedFields fields = arg.fields();
    body.kind = fields.known ? RequestBody::Kind::Fields : RequestBody::Kind::Unknown;
    body.fields = std::move(fields.fields);
    return body;
  }
  if ((!role || role == Role::Raw) && (role || arg.is_stringish())) return raw_body(arg.value());
  body.kind = RequestBody::Kind::Unknown;
  return body;
}

namespace {

// A header name; one with a run-time part could be any header.
void add_header(std::string name, RequestParts& parts) {
  if (name.find(kWildcard) != std::string::npos || has_slot(name)) {
    parts.headers_unknown = true;
  } else {
    parts.headers.push_back(std::move(name));
  }
}

}  // namespace

// The name of a "Name: value" header line.
void add_header_line(const ResolvedString& line, RequestParts& parts) {
  if (!line.known) {
    parts.headers_unknown = true;
    return;
  }
  std::string name = line.text.substr(0, line.text.find(':'));
  // A line without a colon is no header (curl removes the header then); a run-time part before it
  // could name any header.
  if (name.size() == line.text.size()) {
    parts.headers_unknown = parts.headers_unknown || name.find(kWildcard) != std::string::npos;
    return;
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
  add_header(std::move(name), parts);
}

namespace {

// The header names an argument gives: a name, the name of a "Name: value" line, or the keys of a
// collection of pairs.
void add_headers(Role role, const CallArgument& arg, RequestParts& parts) {
  if (role == Role::Headers) {
    ResolvedFields fields = arg.fields();
    for (auto& field : fields.fields) add_header(std::move(field.key), parts);
    if (!fields.known) parts.headers_unknown = true;
    return;
  }
  // beast's set(http::field::user_agent, ...): a standard header, named by the enumerator (whose
  // value is only its number).
  if (std::string name = role == Role::Header ? arg.enumerator() : ""; !name.empty()) {
    parts.headers.push_back(std::move(name));
    return;
  }
  ResolvedString text = arg.value();
  if (!text.known) {
    parts.headers_unknown = true;
    return;
  }
  if (role == Role::HeaderLine) {
    add_header_line(text, parts);
  } else {
    add_header(text.text, parts);
  }
}

}  // namespace

void apply_role(Role role, const CallArgument& arg, const AttachedAt& at, RequestParts& parts) {
  switch (role) {
    case Role::Url: {
      parts.url = arg.value();
      Attachment attached = at();
      parts.url_location = std::move(attached.location);
      parts.url_macro_chain = std::move(attached.macro_chain);
      break;
    }
    case Role::Method:
      parts.method = arg.method();
      parts.method_slot = parts.method ? std::nullopt : arg.method_slot();
      parts.method_given = true;
      break;
    case Role::Fields:
    case Role::Raw:
      parts.body = body_of(arg);
      break;
    case Role::UnknownBody:
      parts.body = RequestBody{};
      parts.body.kind = RequestBody::Kind::Unknown;
      break;
    case Role::Base: {
      ResolvedString base = arg.value();
      if (base.known) parts.base = base.text;
      break;
    }
    case Role::Header:
    case Role::HeaderLine:
    case Role::Headers:
      add_headers(role, arg, parts);
      break;
    case Role::ByType:
      if (auto by_type = arg.role_by_type(); by_type && *by_type != Role::ByType) {
        apply_role(*by_type, arg, at, parts);
      }
      break;
    case Role::Ignore:
      break;
  }
}

void apply_call_model(const CallModel& model, const std::string& method_name,
                      const std::vector<const CallArgument*>& args, const AttachedAt& at, RequestParts& parts) {
  if (!method_name.empty()) {
    parts.method = parse_http_method(method_name);
    parts.method_given = true;
  }
  if (model.method_arg && *model.method_arg < args.size()) {
    apply_role(Role::Method, *args[*model.method_arg], at, parts);
  }
  if (model.url_arg && *model.url_arg < args.size()) apply_role(Role::Url, *args[*model.url_arg], at, parts);
  if (model.body_arg && *model.body_arg < args.size()) parts.body = body_of(*args[*model.body_arg]);
  if (model.body_after_url) {
    // httplib-style overloads: after the path come headers, a body (+ content type) or params.
    for (size_t i = model.url_arg ? *model.url_arg + 1 : 0; i < args.size(); ++i) {
      const auto role = args[i]->role_by_type();
      if (role == Role::Ignore) continue;
      if (role == Role::Headers) {
        add_headers(*role, *args[i], parts);
        continue;
      }
      if (role || args[i]->is_stringish()) {
        parts.body = body_of(*args[i]);
        break;
      }
    }
  }
  if (model.args_by_type) {
    for (const CallArgument* arg : args) {
      if (auto role = arg->role_by_type()) apply_role(*role, *arg, at, parts);
    }
  }
}

void apply_handle_option(const HandleOption& option, const CallArgument& value, const AttachedAt& at,
                         HandleState& state) {
  if (option.url) apply_role(Role::Url, value, at, state.parts);
  if (option.header_list) {
    // Each CURLOPT_HTTPHEADER replaces the headers set before.
    state.parts.headers.clear();
    const ResolvedList lines = value.list_items();
    state.parts.headers_unknown = !lines.known && !value.is_null_pointer();
    // Lines appended under tests of parameters are added where those hold (handle_matcher.cpp).
    for (size_t i = 0; i < lines.items.size(); ++i) {
      if (i >= lines.conditions.size() || lines.conditions[i].empty()) add_header_line(lines.items[i], state.parts);
    }
    return;
  }
  if (option.custom_method) {
    // A null custom request restores the method the other options give.
    state.custom_given = !value.is_null_pointer();
    state.custom_method = state.custom_given ? value.method() : std::nullopt;
    state.parts.method_slot = state.custom_given && !state.custom_method ? value.method_slot() : std::nullopt;
    return;
  }
  if (option.method) {
    if (option.when_true && value.is_false()) {
      if (state.parts.method == option.method) state.parts.method = HttpMethod::Get;
      return;
    }
    state.parts.method = option.method;
    if (!state.custom_given) state.parts.method_slot.reset();
  }
  if (option.body == Role::Raw) {
    state.parts.body = raw_body(value.value());
  } else if (option.body == Role::UnknownBody && state.parts.body.kind == RequestBody::Kind::None) {
    state.parts.body.kind = RequestBody::Kind::Unknown;
  }
}

RequestParts parts_at_perform(const HandleState& state) {
  RequestParts parts = state.parts;
  if (state.custom_given) {
    parts.method = state.custom_method;
    parts.method_given = true;
  } else {
    if (!parts.method) parts.method = HttpMethod::Get;
    // GET and HEAD send no body.
    if (*parts.method == HttpMethod::Get || *parts.method == HttpMethod::Head) parts.body = RequestBody{};
  }
  return parts;
}

}  // namespace scopelint::extract

// Shared request-building steps for the matchers (see request_parts.h).
#include "extract/match/request_parts.h"

#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/objc_cursors.h"
#include "extract/clang/field_initializers.h"
#include "extract/clang/macro_locations.h"
#include "extract/match/ast_argument.h"

namespace scopelint::extract {

namespace {

// The first form of the setter `name` that applies to `args`, or null.
const SetterModel* setter_for(const RequestObjectModel& model, const std::string& name,
                              const std::vector<CXCursor>& args) {
  auto forms = model.setters.find(name);
  if (forms == model.setters.end()) return nullptr;
  for (const SetterModel& form : forms->second) {
    if (form.arg >= args.size()) continue;
    if (!form.when_arg0.empty() && StringResolver::constant_name(args[0]) != form.when_arg0) continue;
    return &form;
  }
  return nullptr;
}

}  // namespace

void RequestParts::merge(const RequestParts& later) {
  if (later.url) {
    url = later.url;
    url_location = later.url_location;
    url_macro_chain = later.url_macro_chain;
  }
  if (later.method) method = later.method;
  if (later.method || later.method_slot) method_slot = later.method_slot;
  method_given = method_given || later.method_given;
  if (later.body.kind != RequestBody::Kind::None) body = later.body;
  if (later.base) base = later.base;
  headers.insert(headers.end(), later.headers.begin(), later.headers.end());
  headers_unknown = headers_unknown || later.headers_unknown;
}

void RequestPartsBuilder::apply_role(const LibraryModel& library, Role role, CXCursor arg, CXCursor at,
                                     int position, RequestParts& parts) const {
  extract::apply_role(role, AstArgument(library, strings_, arg, position), attached_at(at), parts);
}

std::optional<std::string> RequestPartsBuilder::client_base(const LibraryModel& library,
                                                            CXCursor object) const {
  CXCursor construct = strip_wrappers(object);
  CXCursor var = referenced_variable(object);
  int position = -1;
  if (!is_null(var)) {
    // A client handed in by the caller (`void login(http_client& c)`): its base is the caller's
    // argument, which names the caller's client (its constructor's first argument).
    if (clang_getCursorKind(var) == CXCursor_ParmDecl) {
      for (const auto& client : library.clients) {
        if (client.base_args.size() == 1 && type_is_one_of(clang_getCursorType(var), client.types)) {
          return strings_.parameter_slot(object, -1);
        }
      }
      return std::nullopt;
    }
    CXCursor definition = clang_getCursorDefinition(var);
    if (!is_null(definition)) var = definition;
    construct = clang_getCursorKind(var) == CXCursor_VarDecl ? clang_Cursor_getVarDeclInitializer(var)
                                                            : clang_getNullCursor();
    if (clang_getCursorKind(var) == CXCursor_FieldDecl) {
      construct = field_initializer(var);
      if (is_null(construct)) {
        const std::vector<int> inits = context_.member_initializers(var);
        if (!inits.empty()) construct = context_.tree().nodes[static_cast<size_t>(inits.front())].cursor;
      }
    }
    if (is_null(construct)) return std::nullopt;
  }
  for (int guard = 0; guard < 8; ++guard) {
    construct = strip_wrappers(construct);
    const CXCursorKind kind = clang_getCursorKind(construct);
    if (kind == CXCursor_CXXNewExpr) {
      auto kids = children(construct);
      if (kids.empty()) return std::nullopt;
      construct = kids.back();
      continue;
    }
    break;
  }
  if (!is_call(clang_getCursorKind(construct))) return std::nullopt;
  const std::string name = spelling(construct);
  CXCursor callee = callee_of(construct);
  const bool factory = name == "make_unique" || name == "make_shared";
  if (!factory && clang_getCursorKind(callee) != CXCursor_Constructor) return std::nullopt;
  const CXType type = factory ? clang_getCursorType(construct) : clang_getCursorType(construct);
  for (const auto& client : library.clients) {
    bool matches = type_is_one_of(type, client.types);
    if (factory) {
      // unique_ptr<T>: the template argument names the client type.
      CXType pointee = clang_Type_getTemplateArgumentAsType(clang_getCanonicalType(type), 0);
      matches = matches || (pointee.kind != CXType_Invalid && type_is_one_of(pointee, client.types));
    }
    if (!matches) continue;
    const auto args = written_arguments(context_.tu(), construct);
    std::string base;
    bool known = false;
    for (unsigned index : client.base_args) {
      if (index >= args.size()) break;
      ResolvedString part = strings_.resolve(args[index], position);
      if (!base.empty()) base += client.base_join;
      base += part.text;
      known = known || part.known;
    }
    if (known) return base;
    return std::nullopt;
  }
  return std::nullopt;
}

const RequestObjectModel* RequestPartsBuilder::request_object_model(const LibraryModel& library,
                                                                   CXType type) const {
  for (const auto& model : library.request_objects) {
    if (type_is_one_of(type, model.types)) return &model;
  }
  return nullptr;
}

void RequestPartsBuilder::apply_constructor(const LibraryModel& library, const RequestObjectModel& model,
                                            CXCursor construct, CXCursor at, int position,
                                            RequestParts& parts) const {
  construct = strip_wrappers(construct);
  if (clang_getCursorKind(construct) == CXCursor_ObjCMessageExpr) {
    // `[NSMutableURLRequest requestWithURL:u]`, `[[NSMutableURLRequest alloc] initWithURL:u]`
    auto factory = model.factories.find(spelling(construct));
    if (factory != model.factories.end()) apply_form(library, factory->second, call_arguments(construct), at, position, parts);
    return;
  }
  if (!is_call(clang_getCursorKind(construct)) ||
      clang_getCursorKind(callee_of(construct)) != CXCursor_Constructor) {
    return;
  }
  const auto args = written_arguments(context_.tu(), construct);
  if (args.size() == 1 && model.constructors.size() > 0) {
    // A copy of another request object.
    if (request_object_model(library, clang_getCursorType(args[0])) == &model) {
      if (auto copied = request_object(library, args[0], position, nullptr)) parts.merge(*copied);
      return;
    }
  }
  for (const auto& form : model.constructors) {
    if (args.size() < form.min_args) continue;
    apply_form(library, form, args, at, position, parts);
    return;
  }
}

void RequestPartsBuilder::apply_form(const LibraryModel& library, const ConstructorForm& form,
                                     const std::vector<CXCursor>& args, CXCursor at, int position,
                                     RequestParts& parts) const {
  for (const auto& [role, index] : form.args) {
    if (index < args.size()) apply_role(library, role, args[index], at, position, parts);
  }
}

std::optional<RequestParts> RequestPartsBuilder::request_object(const LibraryModel& library,
                                                                CXCursor object, int position,
                                                                CXCursor* variable) const {
  object = strip_wrappers(object);
  if (is_call(clang_getCursorKind(object)) && callee_name(object) == "std::move" &&
      clang_Cursor_getNumArguments(object) == 1) {
    object = strip_wrappers(clang_Cursor_getArgument(object, 0));
  }
  const RequestObjectModel* model = request_object_model(library, clang_getCursorType(object));
  if (!model) return std::nullopt;
  RequestParts parts;
  CXCursor var = referenced_variable(object);
  if (is_null(var)) {
    // A copy (`request(req)` takes its request by value) stands for the variable it copies.
    if (variable && is_call(clang_getCursorKind(object)) &&
        clang_getCursorKind(callee_of(object)) == CXCursor_Constructor && call_arguments(object).size() == 1) {
      *variable = referenced_variable(call_arguments(object)[0]);
    }
    if (auto returned = returned_request(library, object, position)) return returned;
    apply_constructor(library, *model, object, object, position, parts);
    return parts;
  }
  if (variable) *variable = var;
  if (clang_getCursorKind(var) == CXCursor_VarDecl) {
    CXCursor init = clang_Cursor_getVarDeclInitializer(var);
    // `http_request req = authorized(methods::PUT, path);`: the helper's request, then the
    // changes made here.
    std::optional<RequestParts> returned;
    if (!is_null(init)) returned = returned_request(library, returned_value(init), context_.node_index(init));
    if (returned) {
      parts = std::move(*returned);
    } else if (!is_null(init)) {
      apply_constructor(library, *model, init, var, position, parts);
    }
  }
  const auto& nodes = context_.tree().nodes;
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    if (const auto assigned = property_assignment(context_.tu(), event)) {
      // `req.HTTPMethod = m`: the property, else its setter (`setHTTPMethod:`) taking `m`.
      auto property = model->properties.find(assigned->property);
      const SetterModel* setter = property != model->properties.end()
                                      ? &property->second
                                      : setter_for(*model, assigned->selector(), {assigned->value});
      if (setter && setter->arg == 0) apply_role(library, setter->role, assigned->value, event, index, parts);
      continue;
    }
    if (!is_call(nodes[static_cast<size_t>(index)].kind)) continue;
    const std::string name = spelling(event);
    const auto args = call_arguments(event);
    if (const SetterModel* setter = setter_for(*model, name, args); setter && !is_null(member_call_object(event))) {
      apply_role(library, setter->role, args[setter->arg], event, index, parts);
      continue;
    }
    if (name == "operator=" && args.size() == 2) {
      CXCursor target = strip_wrappers(args[0]);
      auto member = model->assigned_members.find(spelling(target));
      if (is_call(clang_getCursorKind(target)) && member != model->assigned_members.end()) {
        apply_role(library, member->second.role, args[1], event, index, parts);
      }
    }
  }
  for (int index : context_.argument_uses(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor use = nodes[static_cast<size_t>(index)].cursor;
    auto attached = model->attached_by.find(spelling(use));
    CXCursor source = member_call_object(use);
    if (attached == model->attached_by.end() || is_null(source)) continue;
    apply_role(library, attached->second, source, use, index, parts);
  }
  // A parameter's request takes its method from each caller's (send_for_callers).
  if (model->default_method && !parts.method_given && !parts.method_slot && clang_getCursorKind(var) != CXCursor_ParmDecl) {
    parts.method = model->default_method;
  }
  return parts;
}

// The call a variable's initializer holds, through the copy or move that may wrap it.
CXCursor RequestPartsBuilder::returned_value(CXCursor init) {
  CXCursor value = strip_wrappers(init);
  if (is_call(clang_getCursorKind(value)) && clang_getCursorKind(callee_of(value)) == CXCursor_Constructor) {
    const auto args = call_arguments(value);
    if (args.size() == 1) value = strip_wrappers(args.front());
  }
  return value;
}

std::optional<RequestParts> RequestPartsBuilder::returned_request(const LibraryModel& library, CXCursor call,
                                                                  int position) const {
  if (!is_call(clang_getCursorKind(call))) return std::nullopt;
  CXCursor callee = callee_of(call);
  if (is_null(callee) || clang_getCursorKind(callee) == CXCursor_Constructor) return std::nullopt;
  const int definition = context_.definition_node(callee);
  if (definition < 0 || std::find(helpers_in_progress_.begin(), helpers_in_progress_.end(), definition) !=
                            helpers_in_progress_.end()) {
    return std::nullopt;
  }
  const auto& nodes = context_.tree().nodes;
  const std::vector<int> returns = context_.return_statements(definition);
  if (returns.size() != 1) return std::nullopt;  // several requests: not one value yet
  auto kids = children(nodes[static_cast<size_t>(returns.front())].cursor);
  if (kids.empty()) return std::nullopt;
  helpers_in_progress_.push_back(definition);
  std::optional<RequestParts> parts = request_object(library, kids.front(), returns.front(), nullptr);
  helpers_in_progress_.pop_back();
  if (!parts) return parts;
  bind_method(*parts, nodes[static_cast<size_t>(definition)].cursor, call, position);
  bind_url_to_call(strings_, *parts, nodes[static_cast<size_t>(definition)].cursor, call, position);
  return parts;
}

void bind_url_to_call(const StringResolver& strings, RequestParts& parts, CXCursor function, CXCursor call,
                      int position) {
  if (!parts.url) return;
  ResolvedString bound = strings.bind_arguments(*parts.url, function, call, position);
  if (bound.text == parts.url->text) return;
  parts.url = std::move(bound);
  parts.url_location = to_source_location(cursor_location(call));
  parts.url_macro_chain = macro_chain(call);
}

void RequestPartsBuilder::bind_method(RequestParts& parts, CXCursor function, CXCursor call, int position) const {
  const auto slot = parts.method_slot ? whole_slot(*parts.method_slot) : std::nullopt;
  if (!slot || slot->function != function_key(function)) return;
  const auto args = call_arguments(call);
  if (slot->index < 0 || static_cast<size_t>(slot->index) >= args.size()) return;
  const CXCursor arg = args[static_cast<size_t>(slot->index)];
  parts.method = strings_.resolve_method(arg, position);
  parts.method_slot = parts.method ? std::nullopt : strings_.parameter_slot(arg, position);
}

FoundRequest make_http_call(const std::string& library, const RequestParts& parts,
                            const SourceLocation& call_location,
                            const std::vector<SourceLocation>& call_macro_chain) {
  FoundRequest found;
  HttpCall& call = found.call;
  call.library = library;
  call.location = parts.url_location.value_or(call_location);
  call.macro_chain = parts.url_location ? parts.url_macro_chain : call_macro_chain;
  call.method = parts.method;
  if (parts.url && parts.url->known) call.url = parts.url->text;
  call.base = parts.base;
  call.body = parts.body;
  call.headers = parts.headers;
  call.headers_unknown = parts.headers_unknown;
  if (!call.url) {
    call.unresolved.url =
        parts.url ? UnresolvedParts::Url::BuiltAtRunTime : UnresolvedParts::Url::NotSet;
  }
  if (!call.method) {
    call.unresolved.method = parts.method_given ? UnresolvedParts::Method::ChosenAtRunTime
                                                : UnresolvedParts::Method::NotKnown;
    found.method_slot = parts.method_slot;
  }
  return found;
}

}  // namespace scopelint::extract

// libclang matcher for request-making calls described by `calls` in rules/http/*.json: free
// functions (cpr::Get), client methods (cli.Post), and senders of request objects
// (manager.get(req), session.sendRequest(req)); plus request objects built but not sent here.
#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/macro_locations.h"
#include "extract/clang/objc_cursors.h"
#include "extract/match/ast_argument.h"
#include "extract/match/matchers.h"
#include "extract/match/request_parts.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/resolved_facts.h"

namespace scopelint::extract {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string class_of(CXCursor method) {
  CXCursor parent = clang_getCursorSemanticParent(method);
  // An Objective-C method's class: its interface's, or the class its category extends.
  if (is_objc_container(clang_getCursorKind(parent))) return objc_class_name(parent);
  CXCursor tmpl = clang_getSpecializedCursorTemplate(parent);
  return qualified_name(is_null(tmpl) ? parent : tmpl);
}

// The HTTP method named by the model for this call, or nullptr when the model does not match.
const std::string* matched_name(const CallModel& model, CXCursor call, const std::vector<CXCursor>& args) {
  CXCursor callee = callee_of(call);
  if (is_null(callee)) return nullptr;
  const std::string* method = nullptr;
  if (!model.functions.empty()) {
    const std::string name = callee_name(call);
    if (contains(model.functions, name)) method = &model.names.at(name);
  }
  if (!method && !model.classes.empty()) {
    const CXCursorKind kind = clang_getCursorKind(callee);
    if (kind != CXCursor_CXXMethod && kind != CXCursor_FunctionTemplate &&
        kind != CXCursor_ObjCInstanceMethodDecl && kind != CXCursor_ObjCClassMethodDecl) {
      return nullptr;
    }
    auto it = model.names.find(spelling(callee));
    if (it == model.names.end() || !contains(model.classes, class_of(callee))) return nullptr;
    method = &it->second;
  }
  if (!method) return nullptr;
  if (!model.when_arg0_type.empty() &&
      (args.empty() || !type_is_one_of(clang_getCursorType(args[0]), {model.when_arg0_type}))) {
    return nullptr;
  }
  return method;
}

// The index of `var` among `function`'s parameters, or -1.
int parameter_index(CXCursor function, CXCursor var) {
  if (is_null(var) || clang_getCursorKind(var) != CXCursor_ParmDecl) return -1;
  const std::string key = declaration_key(var);
  for (int i = 0; i < clang_Cursor_getNumArguments(function); ++i) {
    if (declaration_key(clang_Cursor_getArgument(function, static_cast<unsigned>(i))) == key) return i;
  }
  return -1;
}

// A cheap name test before the arguments are tokenized.
bool could_match(const CallModel& model, CXCursor call) {
  const std::string name = spelling(call);
  for (const auto& [callee, method] : model.names) {
    const size_t sep = callee.rfind("::");
    if ((sep == std::string::npos ? callee : callee.substr(sep + 2)) == name) return true;
  }
  return false;
}

class CallMatcher {
 public:
  CallMatcher(const LibraryModel& library, const TuContext& context, const StringResolver& strings)
      : library_(library), context_(context), strings_(strings), parts_(context, strings) {}

  void run(std::vector<FoundRequest>& out) {
    const auto& nodes = context_.tree().nodes;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (!is_call(nodes[i].kind)) continue;
      std::vector<CXCursor> args;
      bool args_ready = false;
      for (const auto& model : library_.calls) {
        if (!args_ready && !is_null(callee_of(nodes[i].cursor)) && could_match(model, nodes[i].cursor)) {
          args = written_arguments(context_.tu(), nodes[i].cursor);
          args_ready = true;
        }
        if (!args_ready) continue;
        const std::string* method = matched_name(model, nodes[i].cursor, args);
        if (!method) continue;
        if (auto call = build(model, *method, nodes[i].cursor, args, static_cast<int>(i), out)) {
          out.push_back(std::move(*call));
        }
        break;
      }
    }
    report_unsent(out);
  }

 private:
  std::optional<FoundRequest> build(const CallModel& model, const std::string& method_name,
                                    CXCursor call, const std::vector<CXCursor>& args,
                                    int position, std::vector<FoundRequest>& found) {
    RequestParts parts;
    const CXCursor receiver = member_call_object(call);
    CXCursor given_parameter = clang_getNullCursor();
    if (model.request_arg) {
      const CXCursor object = *model.request_arg < 0 ? receiver
                              : static_cast<size_t>(*model.request_arg) < args.size()
                                  ? args[static_cast<size_t>(*model.request_arg)]
                                  : clang_getNullCursor();
      CXCursor variable = clang_getNullCursor();
      if (!is_null(object)) {
        if (auto state = parts_.request_object(library_, object, position, &variable)) parts = *state;
      }
      if (!is_null(variable)) sent_.insert(declaration_key(variable));
      // A helper that sends a request object it was given: the request is reported where it
      // is built (report_unsent), not here; else at each call of the helper.
      const RequestObjectModel* object_model =
          is_null(object) ? nullptr : parts_.request_object_model(library_, clang_getCursorType(object));
      if (clang_getCursorKind(variable) == CXCursor_ParmDecl && object_model && !parts.url) {
        if (object_model->report_unsent) return std::nullopt;
        given_parameter = variable;
      }
    }
    // The model's parts from this call's arguments; those that are parameters of `function` (the
    // helper this call is in: `verb`, `body`) read from `given`, a call of the helper, at `site`.
    const auto model_parts = [&](CXCursor function, const std::vector<CXCursor>& given, int site) {
      std::vector<AstArgument> read;
      read.reserve(args.size());
      for (CXCursor arg : args) {
        const int k = is_null(function) ? -1 : parameter_index(function, referenced_variable(strip_wrappers(arg)));
        if (k >= 0 && static_cast<size_t>(k) < given.size()) {
          read.emplace_back(library_, strings_, given[static_cast<size_t>(k)], site);
        } else {
          read.emplace_back(library_, strings_, arg, position);
        }
      }
      std::vector<const CallArgument*> arguments;
      for (const auto& arg : read) arguments.push_back(&arg);
      RequestParts out;
      apply_call_model(model, method_name, arguments, attached_at(call), out);
      return out;
    };
    RequestParts own = model_parts(clang_getNullCursor(), {}, position);
    if (model.base_from_receiver && !is_null(receiver)) own.base = parts_.client_base(library_, receiver);
    if (model.body_stream) stream_body(position, own);
    const auto own_at = [&](CXCursor function, CXCursor site_call, int site) {
      RequestParts at_site = model_parts(function, call_arguments(site_call), site);
      at_site.base = own.base;
      if (model.body_stream) at_site.body = own.body;
      return at_site;
    };
    if (!is_null(given_parameter) && send_for_callers(given_parameter, parts, own_at, found)) return std::nullopt;
    parts.merge(own);
    FoundRequest out = make_http_call(library_.library, parts,
                                      to_source_location(cursor_location(call)), macro_chain(call));
    out.conditions = branch_conditions(context_, strings_, position);
    return out;
  }

  // A helper that sends the request object it is given (`send(http_request req)`): at each call of
  // it in this unit, the request the argument holds (a variable, a temporary, a helper's return),
  // then what the helper adds (`in_helper`: headers set on the parameter) and the send call's own
  // parts (`own_at`: its arguments that are the helper's parameters, as this call gives them).
  // False when the helper has no call here.
  bool send_for_callers(CXCursor parameter, const RequestParts& in_helper,
                        const std::function<RequestParts(CXCursor, CXCursor, int)>& own_at,
                        std::vector<FoundRequest>& found) {
    const CXCursor function = clang_getCursorSemanticParent(parameter);
    const int index = parameter_index(function, parameter);
    const auto& sites = context_.call_sites(function);
    if (index < 0 || sites.empty() || sites.size() > 16) return false;
    const auto& nodes = context_.tree().nodes;
    const size_t before = found.size();
    for (int site : sites) {
      const CXCursor call = nodes[static_cast<size_t>(site)].cursor;
      const auto args = call_arguments(call);
      if (static_cast<size_t>(index) >= args.size()) continue;
      // A call whose request is not worked out still sends one: its URL stays unknown.
      auto given = parts_.request_object(library_, args[static_cast<size_t>(index)], site, nullptr);
      RequestParts parts = given ? std::move(*given) : RequestParts{};
      parts.merge(in_helper);
      parts.merge(own_at(function, call, site));
      FoundRequest made = make_http_call(library_.library, parts, to_source_location(cursor_location(call)),
                                         macro_chain(call));
      made.conditions = branch_conditions(context_, strings_, site);
      found.push_back(std::move(made));
    }
    return found.size() > before;
  }

  // `session.sendRequest(req) << a << b`, or `std::ostream& os = session.sendRequest(req); os << a;`
  void stream_body(int position, RequestParts& parts) {
    const auto& nodes = context_.tree().nodes;
    auto up = [&](int index) {
      int parent = nodes[static_cast<size_t>(index)].parent;
      while (parent >= 0 && (nodes[static_cast<size_t>(parent)].kind == CXCursor_UnexposedExpr ||
                             nodes[static_cast<size_t>(parent)].kind == CXCursor_ParenExpr)) {
        parent = nodes[static_cast<size_t>(parent)].parent;
      }
      return parent;
    };
    ResolvedString text = ResolvedString::constant("");
    bool written = false;
    int parent = up(position);
    while (parent >= 0 && is_call(nodes[static_cast<size_t>(parent)].kind) &&
           spelling(nodes[static_cast<size_t>(parent)].cursor) == "operator<<") {
      const CXCursor shift = nodes[static_cast<size_t>(parent)].cursor;
      if (clang_Cursor_getNumArguments(shift) == 2) {
        text.append(strings_.resolve(clang_Cursor_getArgument(shift, 1), position));
        written = true;
      }
      parent = up(parent);
    }
    if (!written && parent >= 0 && nodes[static_cast<size_t>(parent)].kind == CXCursor_VarDecl) {
      text = strings_.resolve_stream(nodes[static_cast<size_t>(parent)].cursor, -1);
      written = text.known || text.text == kWildcard;
    }
    if (written) parts.body = raw_body(text);
  }

  // Request objects of `report_unsent` models declared in a function that does not send them.
  void report_unsent(std::vector<FoundRequest>& out) {
    const auto& nodes = context_.tree().nodes;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].kind != CXCursor_VarDecl || nodes[i].function < 0) continue;
      const CXCursor var = nodes[i].cursor;
      const RequestObjectModel* model = parts_.request_object_model(library_, clang_getCursorType(var));
      if (!model || !model->report_unsent) continue;
      const CXType type = clang_getCursorType(var);
      if (type.kind == CXType_LValueReference || type.kind == CXType_Pointer) continue;
      if (sent_.count(declaration_key(var))) continue;
      CXCursor ref = clang_getNullCursor();
      // The request as it is when handed on (`send(req)`): assignments in branches before that
      // are alternatives; with no such call, as it is anywhere.
      int handed = -1;
      for (int use : context_.argument_uses(var)) {
        if (use > static_cast<int>(i)) {
          handed = use;
          break;
        }
      }
      auto parts = parts_.request_object(library_, var, handed, &ref);  // a VarDecl stands for itself
      if (!parts || !parts->url) continue;
      if (!parts->base) parts->base = base_passed_alongside(var);
      // Sent elsewhere: a write sends a body this function does not show.
      if (parts->body.kind == RequestBody::Kind::None && parts->method &&
          (*parts->method == HttpMethod::Post || *parts->method == HttpMethod::Put ||
           *parts->method == HttpMethod::Patch)) {
        parts->body.kind = RequestBody::Kind::Unknown;
      }
      out.push_back(make_http_call(library_.library, *parts, to_source_location(cursor_location(var)),
                                   macro_chain(var)));
    }
  }

  // `exchange(session, request)`: the base of a client handed to the same call as the request.
  std::optional<std::string> base_passed_alongside(CXCursor var) {
    const auto& nodes = context_.tree().nodes;
    for (int index : context_.argument_uses(var)) {
      for (CXCursor arg : call_arguments(nodes[static_cast<size_t>(index)].cursor)) {
        if (auto base = parts_.client_base(library_, arg)) return base;
      }
    }
    // A method of a class that holds one client: the request goes through it.
    const int function = enclosing_function(var);
    if (function < 0) return std::nullopt;
    CXCursor owner = clang_getCursorSemanticParent(context_.tree().nodes[static_cast<size_t>(function)].cursor);
    std::optional<std::string> found;
    int clients = 0;
    for (CXCursor member : children(owner)) {
      if (clang_getCursorKind(member) != CXCursor_FieldDecl) continue;
      if (auto base = parts_.client_base(library_, member)) {
        found = base;
        ++clients;
      }
    }
    return clients == 1 ? found : std::nullopt;
  }

  int enclosing_function(CXCursor var) const {
    const auto& nodes = context_.tree().nodes;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].kind == CXCursor_VarDecl && same_expression(nodes[i].cursor, var)) return nodes[i].function;
    }
    return -1;
  }

  const LibraryModel& library_;
  const TuContext& context_;
  const StringResolver& strings_;
  RequestPartsBuilder parts_;
  std::set<std::string> sent_;
};

}  // namespace

void match_request_calls(const LibraryModel& library, const TuContext& context,
                         const StringResolver& strings, std::vector<FoundRequest>& out) {
  if (library.calls.empty() && library.request_objects.empty()) return;
  CallMatcher(library, context, strings).run(out);
}

}  // namespace scopelint::extract

// Per-unit half of wrapper inference (see wrapper_summaries.h).
#include "extract/wrappers/wrapper_summaries.h"

#include <algorithm>
#include <unordered_map>

#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"
#include "extract/clang/field_initializers.h"
#include "extract/clang/macro_locations.h"
#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/method_branches.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/wrappers/value_expansion.h"

namespace scopelint::extract {
namespace {

// The first slot anywhere in a request, with the method slot given separately.
std::optional<ParameterSlot> first_slot(const HttpCall& call, const std::optional<std::string>& method_slot) {
  auto in = [](const std::optional<std::string>& text) -> std::optional<ParameterSlot> {
    if (!text) return std::nullopt;
    const auto slots = slots_in(*text);
    return slots.empty() ? std::nullopt : std::optional<ParameterSlot>(slots.front().slot);
  };
  for (const auto* text : {&call.url, &call.base, &call.body.raw, &method_slot}) {
    if (auto slot = in(*text)) return slot;
  }
  for (const auto& field : call.body.fields) {
    if (auto slot = in(field.value)) return slot;
  }
  return std::nullopt;
}

bool is_named_function(CXCursorKind kind) {
  return kind == CXCursor_FunctionDecl || kind == CXCursor_CXXMethod || kind == CXCursor_FunctionTemplate ||
         kind == CXCursor_Constructor || kind == CXCursor_ObjCInstanceMethodDecl ||
         kind == CXCursor_ObjCClassMethodDecl;
}

std::string usr_of(CXCursor cursor) { return function_key(cursor); }

// Qualified names of the functions defined in the walked code, by USR.
std::unordered_map<std::string, std::string> function_names(const AstTree& tree) {
  std::unordered_map<std::string, std::string> names;
  for (const auto& node : tree.nodes) {
    if (is_named_function(node.kind)) names.emplace(usr_of(node.cursor), qualified_name(node.cursor));
  }
  return names;
}

// The call operator of the lambda in `expr` (searched a few levels down: a std::function's
// constructor or operator= wraps it), or null; a lambda without parameters has none to bind.
CXCursor lambda_operator_in(CXCursor expr) {
  std::vector<CXCursor> pending = {expr};
  for (int guard = 0; !pending.empty() && guard < 16; ++guard) {
    CXCursor current = pending.back();
    pending.pop_back();
    if (is_null(current)) continue;
    if (clang_getCursorKind(current) == CXCursor_LambdaExpr) {
      for (CXCursor child : children(current)) {
        if (clang_getCursorKind(child) == CXCursor_ParmDecl) return clang_getCursorSemanticParent(child);
      }
      return clang_getNullCursor();
    }
    for (CXCursor child : children(current)) pending.push_back(child);
  }
  return clang_getNullCursor();
}

// The call operator of the lambda a variable or member holds (`auto get = [](...) {...}`, a
// std::function initialised or assigned with one), or null: a lambda's parameters are its
// operator()'s. A member is followed when exactly one lambda is ever given to it (its default,
// the constructors' initializer lists, assignments).
CXCursor lambda_operator_of(const TuContext& context, CXCursor object) {
  CXCursor var = referenced_variable(strip_wrappers(object));
  if (is_null(var)) return clang_getNullCursor();
  if (clang_getCursorKind(var) == CXCursor_VarDecl) return lambda_operator_in(clang_Cursor_getVarDeclInitializer(var));
  if (clang_getCursorKind(var) != CXCursor_FieldDecl) return clang_getNullCursor();
  std::vector<CXCursor> given;
  if (CXCursor initializer = field_initializer(var); !is_null(initializer)) given.push_back(initializer);
  const auto& nodes = context.tree().nodes;
  for (int index : context.member_initializers(var)) given.push_back(nodes[static_cast<size_t>(index)].cursor);
  for (int index : context.subject_events(var)) {
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    const auto args = call_arguments(event);
    if (spelling(event) == "operator=" && args.size() == 2) given.push_back(args[1]);
  }
  CXCursor found = clang_getNullCursor();
  for (CXCursor expr : given) {
    CXCursor lambda = lambda_operator_in(expr);
    if (is_null(lambda)) return clang_getNullCursor();  // something else is given too
    if (!is_null(found) && !clang_equalCursors(found, lambda)) return clang_getNullCursor();
    found = lambda;
  }
  return found;
}

// The function a call at node `i` is made in: the innermost lambda's operator() (a lambda passing
// its parameter on is a wrapper too), else the enclosing function.
CXCursor enclosing_caller(const std::vector<AstNode>& nodes, size_t i) {
  const int function = nodes[i].function;
  for (int up = nodes[i].parent; up > function; up = nodes[static_cast<size_t>(up)].parent) {
    if (nodes[static_cast<size_t>(up)].kind == CXCursor_LambdaExpr) {
      return lambda_operator_in(nodes[static_cast<size_t>(up)].cursor);
    }
  }
  return nodes[static_cast<size_t>(function)].cursor;
}

// The function a call of an operator() runs and the arguments it is given: a call of a lambda (or
// of a std::function holding one) runs the lambda's operator(), and the call expression's first
// argument is then the lambda object itself.
CXCursor called_function(const TuContext& context, CXCursor call, std::vector<CXCursor>& args) {
  CXCursor callee = callee_of(call);
  const int params = clang_Cursor_getNumArguments(callee);
  if (!args.empty() && params >= 0 && args.size() == static_cast<size_t>(params) + 1) {
    CXCursor lambda = lambda_operator_of(context, args.front());
    args.erase(args.begin());
    if (!is_null(lambda)) return lambda;
  }
  return callee;
}

// An argument known to be empty: "", {}, std::string(), std::nullopt.
bool known_empty(const StringResolver& strings, CXCursor arg, const ResolvedString& text) {
  if (is_null_pointer_argument(arg)) return true;
  const CXCursor inner = strings.strip_passthrough(arg);
  if (clang_getCursorKind(inner) == CXCursor_DeclRefExpr &&
      qualified_name(clang_getCursorReferenced(inner)) == "std::nullopt") {
    return true;
  }
  if (!text.text.empty()) return false;
  if (text.literal_count > 0) return true;
  switch (clang_getCursorKind(inner)) {
    case CXCursor_InitListExpr:
      return children(inner).empty();
    case CXCursor_CallExpr:
    case CXCursor_ObjCMessageExpr:
      return clang_getCursorKind(callee_of(inner)) == CXCursor_Constructor && call_arguments(inner).empty();
    default:
      return false;
  }
}

WrapperArgument resolve_argument(const StringResolver& strings, CXCursor arg, int position) {
  WrapperArgument out;
  ResolvedString text = strings.resolve(arg, position);
  out.text = known_empty(strings, arg, text) ? "" : text.known ? text.text : kWildcard;
  out.literal = text.spelling_literal();
  if (out.text == text.text) out.pieces = text.pieces;
  out.method = strings.resolve_method(arg, position);
  if (!is_stringish_type(clang_getCursorType(arg))) {
    ResolvedFields fields = strings.resolve_fields(arg, position);
    if (fields.known && !fields.fields.empty()) out.fields = std::move(fields.fields);
  }
  return out;
}

// The default arguments of the parameters after the first `written`, up to the first without one
// (looked up on every declaration libclang gives: defaults are written on the first one).
std::vector<CXCursor> default_arguments(CXCursor callee, CXCursor referenced, size_t written) {
  std::vector<CXCursor> out;
  for (CXCursor function : {referenced, clang_getCanonicalCursor(callee), callee}) {
    if (is_null(function)) continue;
    const int count = clang_Cursor_getNumArguments(function);
    for (int index = static_cast<int>(written); index < count; ++index) {
      CXCursor value = clang_getNullCursor();
      for (CXCursor child : children(clang_Cursor_getArgument(function, static_cast<unsigned>(index)))) {
        if (clang_isExpression(clang_getCursorKind(child))) value = child;
      }
      if (is_null(value)) break;
      out.push_back(value);
    }
    if (!out.empty()) break;
  }
  return out;
}

bool declared_name(const std::vector<WrapperDeclaration>& declared, const std::string& name) {
  return std::any_of(declared.begin(), declared.end(),
                     [&](const WrapperDeclaration& wrapper) { return wrapper.function == name; });
}

void collect_call_sites(const TuContext& context, const StringResolver& strings,
                        const std::function<bool(CXFile)>& in_scan,
                        const std::vector<WrapperDeclaration>& declared, UnitWrappers& out) {
  const auto& nodes = context.tree().nodes;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!is_call(nodes[i].kind)) continue;
    const CXCursor call = nodes[i].cursor;
    // The written arguments are read only for the calls that may be wrapper calls: tokenizing
    // every call's arguments is quadratic in a deep expression (a 50000-term sum).
    std::vector<CXCursor> args;
    bool args_read = false;
    CXCursor callee = callee_of(call);
    if (!is_null(callee) && spelling(callee) == "operator()") {
      args = written_arguments(context.tu(), call);
      args_read = true;
      callee = called_function(context, call, args);
    }
    if (is_null(callee) || !is_named_function(clang_getCursorKind(callee))) continue;
    CXCursor templated = clang_getSpecializedCursorTemplate(callee);
    if (!is_null(templated)) callee = templated;
    const std::string name = qualified_name(callee);
    if (!declared_name(declared, name)) {
      CXFile file = nullptr;
      clang_getExpansionLocation(clang_getCursorLocation(callee), &file, nullptr, nullptr, nullptr);
      if (!file || !in_scan(file)) continue;
    }
    if (!args_read) args = written_arguments(context.tu(), call);
    const auto defaults = default_arguments(callee, clang_getCursorReferenced(call), args.size());
    if (args.empty() && defaults.empty()) continue;
    WrapperCallSite site;
    site.callee = usr_of(callee);
    site.callee_name = name;
    if (nodes[i].function >= 0) {
      const CXCursor caller = enclosing_caller(nodes, i);
      if (!is_null(caller) && is_named_function(clang_getCursorKind(caller))) {
        site.caller = usr_of(caller);
        site.caller_name = qualified_name(caller);
      }
    }
    site.location = to_source_location(cursor_location(call));
    site.macro_chain = macro_chain(call);
    // Tests of a range-for's variable around the call are decided per value (expand_call_site).
    for (auto& condition : branch_conditions(context, strings, static_cast<int>(i))) {
      if (is_loop_slot({condition.function, condition.parameter})) site.conditions.push_back(std::move(condition));
    }
    for (CXCursor arg : args) site.arguments.push_back(resolve_argument(strings, arg, static_cast<int>(i)));
    for (CXCursor arg : defaults) {
      site.arguments.push_back(resolve_argument(strings, arg, -1));
      site.arguments.back().literal.reset();  // spelled at the declaration, not at this call
    }
    for (auto& one : expand_call_site(strings, std::move(site))) out.call_sites.push_back(std::move(one));
  }
}

// Slots in `text` for which `matters(before, after)` holds, given the characters around each.
bool slot_where(const std::string& text, bool (*matters)(const std::string& before, char after)) {
  for (const SlotAt& at : slots_in(text)) {
    const size_t end = at.pos + at.length;
    if (matters(text.substr(0, at.pos), end < text.size() ? text[end] : '\0')) return true;
  }
  return false;
}

// An id in a path segment (`/medications/` + id + `/`) or a query value does not change which
// endpoint is called; a path tail (`"/api/2.0" + path`) or a resource's name (`"/api/2.0/" + rel
// + "?limit=100"`) does.
bool url_part_matters(const std::string& before, char after) {
  const char prev = before.empty() ? '\0' : before.back();
  // The first segment of a path, or the one after the API root, names the resource, not an id.
  const bool resource = before == "/" || (before.size() >= 9 && before.compare(before.size() - 9, 9, "/api/2.0/") == 0);
  const bool id_segment = prev == '/' && !resource && (after == '/' || after == '?' || after == '#');
  const bool query_value = prev == '=' && (after == '\0' || after == '&' || after == '#');
  return !id_segment && !query_value;
}

bool scope_value(const std::string& before, char) {
  return before.size() >= 6 && before.compare(before.size() - 6, 6, "scope=") == 0;
}

// Whether the caller's arguments still decide the endpoint, the method or a requested scope: then
// the caller is a wrapper too, and the request is reported where the caller is called.
}  // namespace

bool slots_decide_request(const HttpCall& call, const std::optional<std::string>& method_slot) {
  if (method_slot) return true;
  if (call.url && slot_where(*call.url, url_part_matters)) return true;
  // A base decides the endpoint only under a relative path ("letters/" on ".../api/2.0/"); a host
  // under an absolute path does not, and the request stays where it is made.
  const bool absolute_path = call.url && (call.url->rfind('/', 0) == 0 || call.url->find("://") != std::string::npos);
  if (call.base && has_slot(*call.base) && !absolute_path) return true;
  if (call.body.raw && slot_where(*call.body.raw, scope_value)) return true;
  for (const auto& field : call.body.fields) {
    if (field.key == "scope" && field.value && has_slot(*field.value)) return true;
  }
  return false;
}

// Every slot is "{}"; `unresolved` says what stays unknown.
HttpCall finish_request(HttpCall call, const std::optional<std::string>& method_slot) {
  auto wild = [](std::optional<std::string>& text) {
    if (text) text = wildcard_slots(*text);
  };
  auto wild_pieced = [](std::optional<std::string>& text, std::vector<LiteralPiece>& pieces) {
    if (!text) return;
    PiecedText out = substitute_pieced({*text, pieces}, [](const ParameterSlot&) {
      return PiecedText{kWildcard, {}};
    });
    text = std::move(out.text);
    pieces = std::move(out.pieces);
    if (*text == kWildcard) {  // a parameter: value unknown
      text.reset();
      pieces.clear();
    }
  };
  wild(call.url);
  wild(call.base);
  wild_pieced(call.body.raw, call.body.raw_pieces);
  for (auto& field : call.body.fields) wild_pieced(field.value, field.value_pieces);
  if (call.url && *call.url == kWildcard) call.url.reset();
  UnresolvedParts unresolved;
  if (!call.url) unresolved.url = UnresolvedParts::Url::BuiltAtRunTime;
  if (!call.method) {
    unresolved.method =
        method_slot || call.unresolved.method == UnresolvedParts::Method::ChosenAtRunTime
            ? UnresolvedParts::Method::ChosenAtRunTime
            : UnresolvedParts::Method::NotKnown;
  }
  call.unresolved = unresolved;
  return call;
}

UnitWrappers collect_unit_wrappers(const TuContext& context, const StringResolver& strings,
                                   const std::function<bool(CXFile)>& in_scan,
                                   const std::vector<WrapperDeclaration>& declared,
                                   std::vector<FoundRequest> found, std::vector<HttpCall>& calls) {
  UnitWrappers out;
  std::unordered_map<std::string, std::string> names;
  std::vector<FoundRequest> expanded;
  for (auto& request : found) {
    for (auto& one : expand_values(strings, std::move(request))) expanded.push_back(std::move(one));
  }
  for (auto& [call, method_slot, conditions] : expanded) {
    auto slot = first_slot(call, method_slot);
    // A request made in a branch its caller chooses (`case Method::Delete:`) is the caller's too.
    const auto chosen = std::find_if(conditions.begin(), conditions.end(), [](const BranchCondition& c) {
      return c.test != BranchCondition::Test::Opaque;
    });
    // The callers that decide a test come first: a slot of another function (a constructor's
    // host in the client's base) is filled in further up.
    if (chosen != conditions.end() && (!slot || slot->function != chosen->function)) {
      slot = ParameterSlot{chosen->function, chosen->parameter};
    }
    if (!slot) {
      calls.push_back(std::move(call));
      continue;
    }
    if (!slots_decide_request(call, method_slot) && chosen == conditions.end()) {  // only ids and values
      calls.push_back(finish_request(std::move(call), method_slot));
      continue;
    }
    if (names.empty()) names = function_names(context.tree());
    WrapperSummary summary;
    summary.function = slot->function;
    for (auto& condition : conditions) {
      if (condition.function == summary.function) summary.conditions.push_back(std::move(condition));
    }
    auto name = names.find(slot->function);
    summary.name = name == names.end() ? "a wrapper" : name->second;
    summary.method_slot = std::move(method_slot);
    summary.request = std::move(call);
    summary.request.chain.insert(summary.request.chain.begin(),
                                 Note{summary.request.location, "request sent here by " + summary.name});
    out.summaries.push_back(std::move(summary));
  }
  collect_call_sites(context, strings, in_scan, declared, out);
  return out;
}

}  // namespace scopelint::extract

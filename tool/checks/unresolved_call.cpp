// unresolved-call: what scopelint could not work out statically is said, never guessed.
#include "checks/checks.h"

namespace scopelint {
namespace {

std::string possible_scopes(const Requirement& req) {
  if (req.candidates.empty()) return "";
  std::string out = " (it needs ";
  for (size_t i = 0; i < req.candidates.size(); ++i) {
    if (i) out += i + 1 == req.candidates.size() ? " or " : ", ";
    out += "'" + req.candidates[i] + "'";
  }
  return out + ")";
}

std::string url_words(UnresolvedParts::Url url) {
  switch (url) {
    case UnresolvedParts::Url::Known:
      return "";
    case UnresolvedParts::Url::BuiltAtRunTime:
      return "the URL is built at run time";
    case UnresolvedParts::Url::NotSet:
      return "no URL is set on this request";
  }
  return "";
}

std::string chooser_words(const UnresolvedParts& parts) {
  return parts.chooser + " chooses the HTTP method by its parameter '" + parts.parameter +
         "', which is not known here";
}

// What of the request could not be worked out. A wrapper that chooses the method by a parameter
// is named alone: that is what the user can act on.
std::string unresolved_words(const UnresolvedParts& parts) {
  if (parts.method == UnresolvedParts::Method::ChosenByParameter) return chooser_words(parts);
  std::string out = url_words(parts.url);
  const auto add = [&out](const char* words) {
    out += (out.empty() ? "" : "; ") + std::string(words);
  };
  if (parts.method == UnresolvedParts::Method::NotKnown) add("the HTTP method is not known");
  if (parts.method == UnresolvedParts::Method::ChosenAtRunTime) {
    add("the HTTP method is chosen at run time");
  }
  return out.empty() ? "the URL could not be worked out" : out;
}

// Why the scope of `call` could not be worked out: what of the request is unknown, or, for a known
// path, why the catalog cannot tell (and which wrapper chooses the method, when one does).
std::string reason_of(const ApiCall& call) {
  const UnresolvedParts& unresolved = call.call->unresolved;
  if (!call.url_known) return unresolved_words(unresolved);
  std::string reason = call.requirement.reason;
  if (!call.method && unresolved.method == UnresolvedParts::Method::ChosenByParameter) {
    reason += ": " + chooser_words(unresolved);
  }
  return reason;
}

void check_calls(const Component& component, std::vector<Finding>& out) {
  for (const auto* call : component.calls) {
    const Requirement& req = call->requirement;
    if (req.kind != Requirement::Kind::Unresolved) continue;
    std::string target = call->url_known ? " of " + describe_call(*call) : "";
    std::string message =
        "could not work out the scope" + target + ": " + reason_of(*call) + possible_scopes(req);
    Finding f = make_finding(unresolved_call_rule().id, *call->call, std::move(message));
    f.path = call->display_path;
    for (const auto& step : call->call->chain) f.notes.push_back(step);
    out.push_back(std::move(f));
  }
}

void check_tokens(const Component& component, std::vector<Finding>& out) {
  for (const auto* token : component.tokens) {
    std::string what;
    if (!token->body_known) {
      what = "the body of this token request";
    } else if (token->sends_scope && !token->scope_known) {
      what = "the scope of this token request";
    } else if (token->parsed.has_runtime_part) {
      what = "part of the scope of this token request";
    } else {
      continue;
    }
    out.push_back(make_finding(unresolved_call_rule().id, *token,
                               "could not work out " + what + "; missing scopes are not judged"));
  }
}

// The documented scopes of `token` that no resolved call needs and no unresolved call is known to
// maybe need: unused-scope would report them, were no call unresolved that might need any scope.
std::vector<std::string> unjudged_scopes(const CheckContext& context, const Component& component,
                                         const TokenRequest& token) {
  std::vector<std::string> scopes;
  if (!token.scope_known || token_is_global(context.catalog, token)) return scopes;
  for (const auto& scope : token.parsed.scopes) {
    if (scope_status(context.catalog, scope) != ScopeStatus::Known) continue;
    if (component.may_need(context.catalog, scope)) continue;
    scopes.push_back(scope);
  }
  return scopes;
}

// unused-scope is not judged in a component with an unresolved call that might need any scope
// (unused_scope.cpp): one note per token request it would have judged says so, and points at
// those calls.
void check_unjudged_tokens(const CheckContext& context, const Component& component,
                           std::vector<Finding>& out) {
  if (!component.may_need_any) return;
  std::vector<const ApiCall*> blocking;
  for (const auto* call : component.calls) {
    const Requirement& req = call->requirement;
    if (req.kind == Requirement::Kind::Unresolved && req.could_need_any) blocking.push_back(call);
  }
  const std::string count = std::to_string(blocking.size()) + " API call" +
                            (blocking.size() == 1 ? " is" : "s are");
  for (const auto* token : component.tokens) {
    const std::vector<std::string> scopes = unjudged_scopes(context, component, *token);
    if (scopes.empty()) continue;
    Finding f = make_finding(
        unresolved_call_rule().id, *token,
        "unused scopes of this token request cannot be judged while " + count +
            " unresolved (no resolved call needs '" + join_scopes(scopes, " ") + "')");
    for (const auto* call : blocking) {
      f.notes.push_back(
          {call->call->location, "the scope of this API call could not be worked out"});
    }
    out.push_back(std::move(f));
  }
}

}  // namespace

void check_unresolved_call(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    check_calls(component, out);
    check_tokens(component, out);
    check_unjudged_tokens(context, component, out);
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& unresolved_call_rule() {
  static constexpr RuleInfo kRule{
      "unresolved-call", Level::Note,
      "an api call whose url or method could not be worked out statically",
      "An HTTP call that may reach the Elation API but whose URL or method depends on\n"
      "values scopelint cannot compute: a path built at run time, read from configuration,\n"
      "or passed through a wrapper it cannot follow. The message says what was unknown and\n"
      "why. A token request gets a note too when its body or scope cannot be worked out, or\n"
      "when unresolved calls that might need any scope keep unused-scope from judging the\n"
      "scopes it asks for.",
      "scopelint checks scopes against the calls it can see. An unresolved call is a blind\n"
      "spot: missing-scope cannot check it, and unused-scope is not judged for the scopes it\n"
      "might need. The note makes the gap visible instead of passing silently.",
      "// resource is known only at run time\n"
      "std::string path = \"/api/2.0/\" + resource + \"/\";\n"
      "auto res = cli.Get(path.c_str(), headers);",
      "Build URLs from string literals and constants scopelint can follow, or pass the path\n"
      "to the HTTP library directly:\n"
      "\n"
      "    auto res = cli.Get(\"/api/2.0/appointments/\", headers);\n"
      "\n"
      "Where the value is truly dynamic, check the scopes it needs by hand and suppress the\n"
      "note with a comment that says so.",
      "2.0",
      check_unresolved_call};
  return kRule;
}

}  // namespace scopelint

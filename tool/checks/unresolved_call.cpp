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

}  // namespace

void check_unresolved_call(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    for (const auto* call : component.calls) {
      const Requirement& req = call->requirement;
      if (req.kind != Requirement::Kind::Unresolved) continue;
      std::string target = call->url_known ? " of " + describe_call(*call) : "";
      std::string message = "could not work out the scope" + target + ": " + req.reason +
                            possible_scopes(req);
      Finding f = make_finding("unresolved-call", *call->call, std::move(message));
      f.path = call->display_path;
      for (const auto& step : call->call->chain) f.notes.push_back(step);
      out.push_back(std::move(f));
    }
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
      out.push_back(make_finding("unresolved-call", *token,
                                 "could not work out " + what + "; missing scopes are not judged"));
    }
  }
}

}  // namespace scopelint

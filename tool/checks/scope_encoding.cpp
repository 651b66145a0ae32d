// scope-encoding: a scope list that reaches the server other than the code meant.
#include "checks/checks.h"

namespace scopelint {
namespace {

std::string describe(const ScopeEncodingProblem& problem) {
  using Kind = ScopeEncodingProblem::Kind;
  switch (problem.kind) {
    case Kind::RawSpace:
      return "the scope list has a raw space inside a form body; encode it as '%20' or '+'";
    case Kind::Comma:
      return "scopes are separated by a comma; the server expects a space-separated list and reads "
             "one unknown scope";
    case Kind::DoubleEncoded:
      return "'" + problem.detail + "' in a scope value that the library encodes again: the server "
             "receives it literally; separate the scopes with plain spaces";
    case Kind::BadPercent:
      return "malformed percent escape '" + problem.detail + "' in the scope list";
  }
  return "";
}

}  // namespace

void check_scope_encoding(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& component : context.components) {
    for (const auto* token : component.tokens) {
      if (token->from_config) continue;
      for (const auto& problem : token->parsed.problems) {
        Finding f = make_scope_finding("scope-encoding", *token, describe(problem));
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace scopelint

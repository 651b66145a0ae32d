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
        Finding f = make_scope_finding(scope_encoding_rule().id, *token, describe(problem));
        out.push_back(std::move(f));
      }
    }
  }
}

// The rule: its id, default level, `scopelint --explain` text and check (rule_registry.h).
const RuleInfo& scope_encoding_rule() {
  static constexpr RuleInfo kRule{
      "scope-encoding", Level::Warning, "a scope list would reach the server wrongly encoded",
      "A scope list that the server would not read as the scopes written: raw spaces or\n"
      "commas in a hand-written application/x-www-form-urlencoded body, or %20 inside a\n"
      "form field value that the HTTP library encodes again (httplib::Params,\n"
      "cpr::Payload), which sends %2520.",
      "The scope parameter is a space-separated list inside a form-urlencoded body. A raw\n"
      "space is not valid in that encoding and servers and proxies differ in what they make\n"
      "of it; a comma is not a separator, so \"a,b\" is one unknown scope; and a\n"
      "double-encoded %2520 arrives as the literal text \"%20\", again one unknown scope.\n"
      "Either way the token lacks scopes the code relies on.",
      "// libcurl: hand-written body with a raw space\n"
      "curl_easy_setopt(h, CURLOPT_POSTFIELDS,\n"
      "                 \"grant_type=client_credentials\"\n"
      "                 \"&scope=system/patients.read system/allergies.read\");\n"
      "// cpp-httplib encodes Params values itself: %20 is sent as %2520\n"
      "httplib::Params params{\n"
      "    {\"grant_type\", \"client_credentials\"},\n"
      "    {\"scope\", \"system/patients.read%20system/allergies.read\"}};",
      "In a body you encode yourself, separate scopes with %20 (or +); in a field the\n"
      "library encodes, write a plain space:\n"
      "\n"
      "    \"&scope=system/patients.read%20system/allergies.read\"\n"
      "    {\"scope\", \"system/patients.read system/allergies.read\"}",
      "4.0",
      check_scope_encoding};
  return kRule;
}

}  // namespace scopelint

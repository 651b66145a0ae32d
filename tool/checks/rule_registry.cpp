// The rule registry: each rule's id, default level and its `scopelint --explain` text.
#include "checks/rule_registry.h"

#include <string>

#include "util/did_you_mean.h"

namespace scopelint {
namespace {

// Texts are stored unindented and wrapped at 84 columns; explain_rule indents them.
// In "Fix", code lines are indented by four spaces after a blank line so that the same text is
// also an indented code block in SARIF help.markdown.
std::vector<RuleInfo> make_rules() {
  return {
      {"missing-scope", Level::Error, "an api call needs a scope that no token request asks for",
       "A call to an Elation endpoint whose method and path need a scope that none of the\n"
       "token requests in the same component asks for. GET needs system/<resource>.read;\n"
       "POST, PUT, PATCH and DELETE need system/<resource>.write. Nested paths use their\n"
       "parent resource's scope. Write does not grant read: a token with only\n"
       "system/patients.write cannot GET /api/2.0/patients/.",
       "A token with specific scopes reaches only what its scopes name, so the server\n"
       "refuses the call (403) at run time, typically in production and far from the code\n"
       "that chose the scopes. Catching it here keeps the token narrow without breaking the\n"
       "calls.",
       "httplib::Client cli(\"https://app.elationemr.com\");\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\",\n"
       "                      httplib::Params{{\"grant_type\", \"client_credentials\"},\n"
       "                                      {\"scope\", \"system/patients.read\"}});\n"
       "// ...\n"
       "// needs system/allergies.write, which the token does not have:\n"
       "cli.Post(\"/api/2.0/allergies/\", body, \"application/json\");",
       "Add the scope named in the message to the token request's space-separated scope\n"
       "list. If the code also reads the resource, ask for .read as well: write does not\n"
       "imply read.\n"
       "\n"
       "    {\"scope\", \"system/patients.read system/allergies.write\"}",
       "7.0"},

      {"unused-scope", Level::Warning, "a token request asks for a scope that no api call needs",
       "A scope in a token request that no API call in the same component needs, such as\n"
       "system/patients.write when the code only reads patients. This is over-privilege: the\n"
       "token can do more than the program ever does.",
       "An access token is a bearer credential: whoever holds it can do everything its\n"
       "scopes allow. Each extra scope widens what a leaked token, a logged header or a\n"
       "compromised dependency can reach in patient data. Least privilege is the reason\n"
       "token scopes exist. If some call could not be resolved statically (see\n"
       "unresolved-call), check whether it needs the scope before removing it.",
       "curl_easy_setopt(h, CURLOPT_URL,\n"
       "                 \"https://app.elationemr.com/api/2.0/oauth2/token/\");\n"
       "curl_easy_setopt(h, CURLOPT_POSTFIELDS,\n"
       "                 \"grant_type=client_credentials&client_id=ID&client_secret=SECRET\"\n"
       "                 \"&scope=system/patients.read%20system/patients.write\");\n"
       "// ... the only API call is a GET:\n"
       "curl_easy_setopt(h, CURLOPT_URL, \"https://app.elationemr.com/api/2.0/patients/42/\");",
       "Remove the scope from the token request. If another program shares the token and\n"
       "needs the scope, say so in a NOLINT(unused-scope) comment on the request.\n"
       "\n"
       "    \"&scope=system/patients.read\"",
       "5.0"},

      {"global-scope", Level::Warning,
       "a token request asks for the global apiv2 scope, explicitly or by sending no scope",
       "A token request whose scope is apiv2, or that sends no scope parameter at all:\n"
       "without a scope the server issues an apiv2 token. The message suggests the\n"
       "least-privilege scope string that covers the API calls scopelint found.",
       "apiv2 grants access to every API resource: all patients, documents, orders, messages\n"
       "and billing. A service that only reads appointments but holds an apiv2 token can\n"
       "also change or delete clinical records if the token leaks. Many Elation clients send\n"
       "no scope and get apiv2 without noticing.",
       "httplib::Client cli(\"https://app.elationemr.com\");\n"
       "// no \"scope\" field: the server issues an apiv2 token\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\",\n"
       "                      httplib::Params{{\"grant_type\", \"client_credentials\"},\n"
       "                                      {\"client_id\", id},\n"
       "                                      {\"client_secret\", secret}});\n"
       "auto appointments = cli.Get(\"/api/2.0/appointments/\", headers);",
       "Send the suggested scopes instead of apiv2:\n"
       "\n"
       "    {\"scope\", \"system/appointments.read\"}\n"
       "\n"
       "Some endpoints are covered by no specific scope and need apiv2. If the code calls\n"
       "one, keep apiv2 and suppress the finding with a comment that names that endpoint.",
       "6.5"},

      {"global-scope-combined", Level::Error, "a token request combines apiv2 with specific scopes",
       "A token request whose scope list contains apiv2 together with one or more system/...\n"
       "scopes, such as \"apiv2 system/patients.read\".",
       "Scopes cannot be combined with the apiv2 global scope: a token request must use\n"
       "either specific scopes or apiv2, not both. The server rejects the request, so no\n"
       "token is issued and every API call that follows fails.",
       "curl_easy_setopt(h, CURLOPT_POSTFIELDS,\n"
       "                 \"grant_type=client_credentials&client_id=ID&client_secret=SECRET\"\n"
       "                 \"&scope=apiv2%20system/patients.read\");",
       "Drop apiv2 and keep the specific scopes, adding any others the calls need (see\n"
       "missing-scope):\n"
       "\n"
       "    \"&scope=system/patients.read\"\n"
       "\n"
       "Use apiv2 alone only when the code needs an endpoint that no specific scope covers.",
       "5.5"},

      {"unknown-scope", Level::Error, "a token request asks for a scope that is not in the catalog",
       "A scope that is neither apiv2 nor one of the documented\n"
       "system/<resource>.<read|write> scopes: a typo (system/patient.read), a wrong\n"
       "separator (system/patients:read), a missing prefix (patients.read) or a permission\n"
       "that does not exist (system/patients.delete). The message suggests the closest\n"
       "documented scope.",
       "The server grants only the scopes it knows, so the calls that relied on the misspelt\n"
       "one fail at run time, or the whole token request is refused. Resource names mix\n"
       "underscores and hyphens (lab_orders, patient-provider-team-members), which makes\n"
       "typos easy to miss in review.",
       "httplib::Params params{\n"
       "    {\"grant_type\", \"client_credentials\"},\n"
       "    {\"scope\", \"system/patient.read system/allergies.read\"}};\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);",
       "Use the documented name the message suggests:\n"
       "\n"
       "    {\"scope\", \"system/patients.read system/allergies.read\"}",
       "4.5"},

      {"read-only-scope", Level::Error,
       "a token request asks for write access to read-only reference data",
       "A .write scope for a reference-data resource that only has a read scope:\n"
       "system/languages.write, system/packaged_medication_labelers.write,\n"
       "system/packaged_medications.write, system/pharmacies.write or\n"
       "system/reference_medications.write.",
       "Reference data are constant values provided for reference and cannot be updated, so\n"
       "no write scope exists for them: the request names a scope the server does not grant.\n"
       "It often also means the code expects to modify data that no token can modify.",
       "httplib::Params params{\n"
       "    {\"grant_type\", \"client_credentials\"},\n"
       "    {\"scope\", \"system/pharmacies.read system/pharmacies.write\"}};\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);",
       "Remove the .write scope. Keep .read if the code looks the data up:\n"
       "\n"
       "    {\"scope\", \"system/pharmacies.read\"}",
       "4.0"},

      {"unknown-endpoint", Level::Warning, "an elation url matches no documented endpoint",
       "A request to an Elation host, or through a client whose base URL is Elation, whose\n"
       "method and path under /api/2.0 match no documented endpoint. Typical causes are a\n"
       "singular resource name (/api/2.0/patient/), a missing trailing slash, a wrong API\n"
       "version or a method the endpoint does not accept.",
       "scopelint cannot tell which scope an unknown endpoint needs, so missing-scope and\n"
       "unused-scope are blind to the call. An undocumented path is also usually a mistake\n"
       "that fails at run time.",
       "httplib::Client cli(\"https://app.elationemr.com\");\n"
       "auto patient = cli.Get(\"/api/2.0/patient/42\", headers);",
       "Use the documented path:\n"
       "\n"
       "    cli.Get(\"/api/2.0/patients/42/\", headers);\n"
       "\n"
       "If the endpoint exists but is missing from the catalog, add it to rules/elation.json\n"
       "together with the resource whose scope governs it.",
       "3.0"},

      {"scope-encoding", Level::Warning, "a scope list would reach the server wrongly encoded",
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
       "4.0"},

      {"unresolved-call", Level::Note,
       "an api call whose url or method could not be worked out statically",
       "An HTTP call that may reach the Elation API but whose URL or method depends on\n"
       "values scopelint cannot compute: a path built at run time, read from configuration,\n"
       "or passed through a wrapper it cannot follow. The message says what was unknown and\n"
       "why.",
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
       "2.0"},

      {"no-token-request", Level::Note,
       "api calls were found but no token request or granted scopes to judge them against",
       "Elation API calls in a part of the project (a component) where scopelint found no\n"
       "token request and no scopes declared in configuration. It is said once, with the\n"
       "least-privilege scope string for the calls found.",
       "Without knowing what the token asks for, missing-scope cannot be judged: a call\n"
       "that needs a scope the token lacks would fail with 403 unnoticed.",
       "// the token comes from a secret store; only API calls are in the code\n"
       "auto res = cli.Get(\"/api/2.0/patients/\", headers);",
       "Scan the code that requests the token too, or declare the scopes the token gets:\n"
       "\n"
       "    scopelint --granted-scopes \"system/patients.read\" src/\n"
       "\n"
       "or \"granted_scopes\" in .scopelint.json.",
       "2.0"},

      {"scan-error", Level::Warning,
       "a file could not be read or parsed, so its calls are not checked",
       "A source file that scopelint could not read, that is not text, or that libclang\n"
       "failed to parse, crashed on, or took longer than --unit-timeout to parse (each file\n"
       "is parsed in a worker process of its own). The scan goes on with the other files.\n"
       "A header an #include cannot find is a note at that line instead: the file is analysed,\n"
       "but the calls that go through the header are not (give the compile database with -p).",
       "Calls in that file are invisible to every other check.",
       "// src/sync.cpp, saved half-way through an edit: libclang cannot parse it\n"
       "auto res = cli.Get(\"/api/2.0/patients/\";",
       "Fix the file or the compile flags (-p build, --extra-arg), raise --unit-timeout for\n"
       "a file that is only slow, or exclude the file in .scopelint.json (\"exclude\").",
       "2.0"},

      {"nolint", Level::Error,
       "a NOLINTBEGIN without its NOLINTEND, or the reverse",
       "A NOLINTBEGIN comment with no later NOLINTEND with the same rule list, or a\n"
       "NOLINTEND with no NOLINTBEGIN before it, as clang-tidy reports them.",
       "An unmatched NOLINTBEGIN suppresses nothing, so findings the author meant to silence\n"
       "still fail the build, or the author meant to silence far less than it looks.",
       "// NOLINTBEGIN(unused-scope)\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);\n"
       "// (no NOLINTEND)",
       "Close the range with a NOLINTEND that repeats the NOLINTBEGIN's rule list:\n"
       "\n"
       "    // NOLINTEND(unused-scope)",
       "3.0"},

      {"unknown-nolint", Level::Warning, "a nolint comment names a rule that does not exist",
       "A NOLINT, NOLINTNEXTLINE, NOLINTBEGIN or NOLINTEND comment whose list names\n"
       "something close to a scopelint rule but not one: missing-scop, unused-scopes,\n"
       "Missing-Scope (names are case-sensitive). Names far from every scopelint rule, such\n"
       "as clang-tidy's bugprone-* or clang-diagnostic-* checks, belong to other tools and\n"
       "are left alone, as are globs (*-scope). Only comments that begin with the directive\n"
       "are judged. The message suggests the closest rule.",
       "A misspelt name matches no rule, so the comment suppresses nothing: the finding it\n"
       "was written for is still reported, while the comment and its reason read as if it\n"
       "were handled. clang-tidy says nothing about such names.",
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);  // NOLINT(unused-scop)",
       "Spell the rule as the message suggests; --fix and the editor's quick fix do it:\n"
       "\n"
       "    auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);  // NOLINT(unused-scope)",
       "2.0"},

      {"unused-nolint", Level::Warning, "a nolint comment suppresses no finding",
       "A NOLINT, NOLINTNEXTLINE or NOLINTBEGIN/NOLINTEND comment that names a scopelint\n"
       "rule with no finding where the comment applies, such as NOLINT(unused-scope) left\n"
       "behind after the scope was removed. Only names spelt exactly as a scopelint rule are\n"
       "judged (a bare NOLINT or a glob may be meant for clang-tidy), and only in comments\n"
       "that begin with the directive. It is reported only where the scan saw every finding\n"
       "the comment could suppress: in source files scanned whole and fully parsed; not in\n"
       "headers (a file the scan did not cover may include them), not with --pre-commit and\n"
       "not with --facts.",
       "A stale suppression hides the next real finding on its line: the problem it excused\n"
       "is gone, but a new call or scope there inherits the exemption and its reason.\n"
       "Removing it keeps every NOLINT a current, reviewed decision.",
       "// the token no longer asks for system/patients.write, but the comment stayed:\n"
       "auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);  // NOLINT(unused-scope)",
       "Remove the comment, or from its list only the names that suppress nothing; --fix\n"
       "and the editor's quick fix do it:\n"
       "\n"
       "    auto token = cli.Post(\"/api/2.0/oauth2/token/\", params);",
       "3.0"},
  };
}

// Indents every non-empty line by two spaces, as the headings' bodies are printed.
std::string indent(std::string_view text) {
  std::string out;
  bool at_line_start = true;
  for (char c : text) {
    if (at_line_start && c != '\n') out += "  ";
    out += c;
    at_line_start = c == '\n';
  }
  return out;
}

}  // namespace

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = make_rules();
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& rule : all_rules()) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

std::string heading_anchor(std::string_view heading) {
  std::string out;
  for (char c : heading) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      out += c;
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

std::string rule_help_uri(std::string_view rule_id) {
  return "https://github.com/scopelint/scopelint/blob/main/docs/rules.md#" +
         heading_anchor(rule_id);
}

std::optional<std::string> closest_rule_id(std::string_view word) {
  std::vector<std::string> ids;
  for (const RuleInfo& rule : all_rules()) ids.emplace_back(rule.id);
  return closest_match(std::string(word), ids);
}

std::string explain_rule(const RuleInfo& rule) {
  std::string out;
  out +=
      std::string(rule.id) + " (default: " + std::string(to_string(rule.default_level)) + ")\n\n";
  out += std::string(rule.summary) + "\n\n";
  out += "What it finds\n" + indent(rule.what) + "\n\n";
  out += "Why it matters\n" + indent(rule.why) + "\n\n";
  out += "Example\n" + indent(rule.example) + "\n\n";
  out += "Fix\n" + indent(rule.fix) + "\n";
  return out;
}

}  // namespace scopelint

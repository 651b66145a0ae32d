// What every check needs: the classified facts grouped by component, with each grant worked out.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/finding.h"
#include "catalog/catalog.h"
#include "classify/classify.h"

namespace scopelint {

enum class ScopeStatus {
  Known,          // in the catalog
  Global,         // the global scope (apiv2)
  ReadOnlyWrite,  // write on read-only reference data
  Unknown,        // not in the catalog
};

ScopeStatus scope_status(const Catalog& catalog, const std::string& scope);

// A part of the project with its own token requests (one, unless the config splits it).
struct Component {
  std::string name;
  std::vector<const ApiCall*> calls;
  std::vector<const TokenRequest*> tokens;

  bool global = false;  // a token request gets the global scope (explicitly or by sending none)
  bool grant_unknown = false;  // some token request's scopes cannot be worked out statically
  std::set<std::string> granted;  // known specific scopes the token requests ask for
  std::set<std::string> needed;  // scopes the resolved calls need
  std::set<std::string> maybe_needed;  // scopes unresolved calls might need
  bool may_need_any = false;  // an unresolved call might need any scope
  bool needs_global = false;  // a call reaches an endpoint only the global scope covers
  bool headers_unknown = false;  // some call sets headers that could not be worked out

  // Whether a call may need a header's scope (act_as_user): one sets the header, or one sets
  // headers not worked out while the token asks for it.
  bool may_need_header_scope(const std::string& scope) const;
  // Whether a call found needs or may need `scope`: otherwise a token's request for it is unused.
  bool may_need(const Catalog& catalog, const std::string& scope) const;
  bool judged() const { return !tokens.empty(); }
  // The least-privilege scope string for the calls found: sorted, space-separated.
  std::vector<std::string> least_privilege(const Catalog& catalog) const;
};

// Whether a token request gets the global scope: no scope sent, an empty scope, or the global scope
// alone (or beside header scopes such as act_as_user, which grant no resource).
bool token_is_global(const Catalog& catalog, const TokenRequest& token);

struct CheckContext {
  const Catalog& catalog;
  std::vector<Component> components;
};

CheckContext build_check_context(const ClassifiedFacts& facts, const Catalog& catalog);

// A finding of `rule` at its default level.
Finding make_finding(std::string_view rule, const SourceLocation& location, std::string message);
// ... at a call or token request, with its macro chain (NOLINT along it suppresses the finding).
Finding make_finding(std::string_view rule, const HttpCall& call, std::string message);
Finding make_finding(std::string_view rule, const TokenRequest& token, std::string message);
// A finding about `token`'s scope value: at its scope literal when that is written elsewhere
// (scope_written_elsewhere), with a note at the token request; a NOLINT at either place suppresses it.
Finding make_scope_finding(std::string_view rule, const TokenRequest& token, std::string message);

// The scopes a call is known to need: its endpoint's (the global scope for an endpoint no specific
// scope covers) and its headers' (act_as_user).
std::vector<std::string> scopes_needed_by(const ApiCall& call, const Catalog& catalog);

// "GET /api/2.0/patients/{}/"
std::string describe_call(const ApiCall& call);

// Notes pointing at each token request of a component ("token requested here with scope '...'").
std::vector<Note> token_notes(const Component& component);
// Where the component's token requests write their scope strings (Finding::depends_on).
std::vector<SourceLocation> scope_literal_places(const Component& component);

}  // namespace scopelint

// Hand-built facts for the check tests: API calls and token requests as extraction reports them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "checks/checks.h"
#include "model/facts.h"

namespace scopelint::check_facts {

inline const char* kHost = "https://app.elationemr.com";

inline HttpCall api(const char* method, const std::string& path, unsigned line) {
  HttpCall call;
  call.location = {"client.cpp", line, 5};
  call.method = parse_http_method(method);
  call.url = std::string(kHost) + "/api/2.0" + path;
  return call;
}

inline HttpCall token_raw(const std::string& body, unsigned line) {
  HttpCall call = api("POST", "/oauth2/token/", line);
  call.body.kind = RequestBody::Kind::Raw;
  call.body.raw = body;
  return call;
}

inline HttpCall token_fields(const std::optional<std::string>& scope, unsigned line) {
  HttpCall call = api("POST", "/oauth2/token/", line);
  call.body.kind = RequestBody::Kind::Fields;
  call.body.fields.push_back({"grant_type", std::string("client_credentials"), std::nullopt});
  if (scope) call.body.fields.push_back({"scope", *scope, std::nullopt});
  return call;
}

inline std::string raw_scope(const std::string& scope) {
  return "grant_type=client_credentials&client_id=x&client_secret=y&scope=" + scope;
}

inline std::vector<Finding> check(std::vector<HttpCall> calls) {
  Facts facts;
  facts.calls = std::move(calls);
  return run_checks(facts, default_catalog());
}

inline std::vector<Finding> of_rule(const std::vector<Finding>& findings, const std::string& rule) {
  std::vector<Finding> out;
  for (const auto& f : findings) {
    if (f.rule == rule) out.push_back(f);
  }
  return out;
}

// The scopes `unused-scope` reports for these facts, in report order.
inline std::vector<std::string> unused_scopes(const Facts& facts) {
  std::vector<std::string> out;
  for (const auto& finding : of_rule(run_checks(facts, default_catalog()), "unused-scope")) out.push_back(finding.scope);
  return out;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace scopelint::check_facts

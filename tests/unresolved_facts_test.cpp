// What is unresolved about a call travels as typed facts (UnresolvedParts): the checks word them,
// and no decision reads a message.
#include <gtest/gtest.h>

#include "checks/checks.h"
#include "catalog/catalog.h"
#include "codec/facts_codec.h"

namespace scopelint {
namespace {

const char* kHost = "https://app.elationemr.com";

// A call to a known path whose method is not known.
HttpCall known_path_without_method(unsigned line) {
  HttpCall call;
  call.location = {"client.cpp", line, 5};
  call.url = std::string(kHost) + "/api/2.0/medications/";
  call.unresolved.method = UnresolvedParts::Method::NotKnown;
  return call;
}

// A call to the Elation API whose URL is not known at all.
HttpCall unknown_url(unsigned line) {
  HttpCall call;
  call.location = {"client.cpp", line, 5};
  call.base_is_elation = true;
  call.method = HttpMethod::Get;
  return call;
}

std::vector<Finding> unresolved_findings(std::vector<HttpCall> calls) {
  Facts facts;
  facts.calls = std::move(calls);
  std::vector<Finding> out;
  for (auto& finding : run_checks(facts, default_catalog())) {
    if (finding.rule == "unresolved-call") out.push_back(std::move(finding));
  }
  return out;
}

TEST(UnresolvedFacts, AWrapperChoosingTheMethodIsNamedFromTheFactAlone) {
  HttpCall chosen = known_path_without_method(7);
  chosen.unresolved.method = UnresolvedParts::Method::ChosenByParameter;
  chosen.unresolved.chooser = "ElationApi::call";
  chosen.unresolved.parameter = "m";
  const auto findings = unresolved_findings({chosen});
  ASSERT_EQ(findings.size(), 1u);
  const std::string& message = findings[0].message;
  const std::string chooser =
      ": ElationApi::call chooses the HTTP method by its parameter 'm', which is not known here";
  EXPECT_EQ(message.rfind("could not work out the scope of ", 0), 0u) << message;
  EXPECT_NE(message.find("the HTTP method could not be worked out" + chooser), std::string::npos)
      << message;
  // The scopes it might need are the same as for any call whose method is unknown.
  const auto plain = unresolved_findings({known_path_without_method(7)});
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].message.find("chooses the HTTP method"), std::string::npos)
      << plain[0].message;
  const std::string plain_head = plain[0].message.substr(0, plain[0].message.find(" (it needs "));
  const std::string chosen_head = message.substr(0, message.find(" (it needs "));
  EXPECT_EQ(chosen_head, plain_head + chooser);
  EXPECT_EQ(message.substr(chosen_head.size()), plain[0].message.substr(plain_head.size()));
}

TEST(UnresolvedFacts, AChooserIsNotReadFromAnyText) {
  // A chooser name that itself reads like the old marker phrase changes nothing: only the typed
  // state says whether a wrapper chooses the method.
  HttpCall call = known_path_without_method(9);
  call.unresolved.chooser = "x chooses the HTTP method by y";
  call.unresolved.parameter = "m";
  const auto findings = unresolved_findings({call});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message.find("chooses the HTTP method"), std::string::npos)
      << findings[0].message;
}

TEST(UnresolvedFacts, UnknownUrlIsWordedFromItsParts) {
  HttpCall built = unknown_url(3);
  built.unresolved.url = UnresolvedParts::Url::BuiltAtRunTime;
  HttpCall unset = unknown_url(4);
  unset.method.reset();
  unset.unresolved.url = UnresolvedParts::Url::NotSet;
  unset.unresolved.method = UnresolvedParts::Method::ChosenAtRunTime;
  HttpCall nothing = unknown_url(5);  // no facts at all: the generic words
  HttpCall chosen = unknown_url(6);
  chosen.method.reset();
  chosen.unresolved.url = UnresolvedParts::Url::BuiltAtRunTime;
  chosen.unresolved.method = UnresolvedParts::Method::ChosenByParameter;
  chosen.unresolved.chooser = "Api::send";
  chosen.unresolved.parameter = "verb";
  const auto findings = unresolved_findings({built, unset, nothing, chosen});
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].message, "could not work out the scope: the URL is built at run time");
  EXPECT_EQ(findings[1].message,
            "could not work out the scope: no URL is set on this request; the HTTP method is "
            "chosen at run time");
  EXPECT_EQ(findings[2].message, "could not work out the scope: the URL could not be worked out");
  EXPECT_EQ(findings[3].message,
            "could not work out the scope: Api::send chooses the HTTP method by its parameter "
            "'verb', which is not known here");
}

TEST(UnresolvedFacts, FactsJsonReadsTheTypedParts) {
  const Facts facts = parse_facts_json(R"({"calls": [
      {"file": "a.cpp", "line": 3, "unresolved": {"url": "built-at-run-time", "method": "chosen-by-parameter",
                                                  "chooser": "Api::send", "parameter": "verb"}},
      {"file": "a.cpp", "line": 4}]})",
                                       "facts.json")
                          .facts;
  ASSERT_EQ(facts.calls.size(), 2u);
  EXPECT_EQ(facts.calls[0].unresolved.url, UnresolvedParts::Url::BuiltAtRunTime);
  EXPECT_EQ(facts.calls[0].unresolved.method, UnresolvedParts::Method::ChosenByParameter);
  EXPECT_EQ(facts.calls[0].unresolved.chooser, "Api::send");
  EXPECT_EQ(facts.calls[0].unresolved.parameter, "verb");
  EXPECT_FALSE(facts.calls[1].unresolved.any());
  EXPECT_THROW(
      parse_facts_json(R"({"calls": [{"unresolved": {"method": "maybe"}}]})", "facts.json"),
      std::runtime_error);
  EXPECT_THROW(parse_facts_json(R"({"calls": [{"unresolved": "the URL is built at run time"}]})",
                                "facts.json"),
               std::runtime_error);
  // The old text key is refused, not ignored: ignored, the call would be judged as resolved.
  try {
    parse_facts_json(R"({"calls": [{"file": "a.cpp", "unresolved_reason": "the URL is not known"}]})", "facts.json");
    ADD_FAILURE() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("facts.json:1: /calls/0/unresolved_reason: no longer read"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace scopelint

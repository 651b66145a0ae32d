// Scope lists built at run time from constants: joins, std::accumulate and loops over a container
// of string constants (extract/resolve/string_joins.cpp, string_containers.cpp, loop_joins.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/driver/extractor.h"
#include "test_support.h"

namespace scopelint {
namespace {

// "<line> <body>" of each request found in `source` ("<none>" when the body is not known).
std::vector<std::string> bodies_of(const std::string& source, std::vector<std::string> flags = {}) {
  test::TempDir dir;
  ExtractOptions options;
  options.paths = {dir.write("client.cpp", source)};
  options.jobs = 1;
  options.has_fixed_args = true;
  flags.insert(flags.begin(), "-std=c++17");
  options.fixed_args = flags;
  std::vector<std::string> bodies;
  for (const auto& call : extract_facts(options).facts.calls) {
    bodies.push_back(std::to_string(call.location.line) + " " + call.body.raw.value_or("<none>"));
  }
  return bodies;
}

const char* const kPrelude = R"(#include <httplib.h>
#include <boost/algorithm/string/join.hpp>
#include <array>
#include <cstdlib>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>
namespace absl {
template <typename Range> std::string StrJoin(const Range& range, const char* separator);
}
const char* kForm = "application/x-www-form-urlencoded";
const std::vector<std::string> kScopes = {"system/patients.read", "system/vitals.read"};
static const char* const kArray[] = {"system/allergies.read", "system/problems.read"};
const std::array<std::string, 2> kStd = {"system/labs.read", "system/orders.read"};
)";

// The line of a request in a source after the prelude (15 lines).
std::string at(int line, const std::string& body) { return std::to_string(15 + line) + " " + body; }

TEST(ScopeJoins, JoinFunctionsOverConstantContainers) {
  const std::vector<std::string> expected = {
      at(4, "scope=a.read b.read c.read"),
      at(5, "scope=system/patients.read system/vitals.read"),
      at(6, "scope=system/allergies.read,system/problems.read"),
      at(7, "scope=x.read y.read"),
      at(8, "scope=system/labs.read system/orders.read"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(void run(httplib::Client& cli) {
  std::vector<std::string> scopes{"a.read", "b.read"};
  scopes.push_back("c.read");
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(scopes, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + absl::StrJoin(kScopes, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + absl::StrJoin(kArray, ","), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(std::vector<std::string>{"x.read", "y.read"}, " "), kForm);
  cli.Post("/oauth2/token/", std::string("scope=") + absl::StrJoin(kStd, " "), kForm);
}
)"),
            expected);
}

TEST(ScopeJoins, AccumulateWithTheCommonLambdas) {
  const std::vector<std::string> expected = {
      at(6, "scope=system/patients.read system/vitals.read"),
      at(7, "scope=system/patients.read system/vitals.read"),
      at(8, "scope=a.read b.read"),
      at(9, "scope=system/labs.readsystem/orders.read"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(void run(httplib::Client& cli) {
  const std::string first = std::accumulate(std::next(kScopes.begin()), kScopes.end(), kScopes[0],
      [](std::string a, const std::string& b) { return a + " " + b; });
  const auto join = [](const std::string& a, const std::string& b) { return a.empty() ? b : a + " " + b; };
  std::vector<std::string> local{"a.read", "b.read"};
  cli.Post("/oauth2/token/", "scope=" + first, kForm);
  cli.Post("/oauth2/token/", "scope=" + std::accumulate(kScopes.begin(), kScopes.end(), std::string(), join), kForm);
  cli.Post("/oauth2/token/", "scope=" + std::accumulate(local.begin(), local.end(), std::string{}, join), kForm);
  cli.Post("/oauth2/token/", "scope=" + std::accumulate(kStd.begin(), kStd.end(), std::string()), kForm);
}
)"),
            expected);
}

TEST(ScopeJoins, CopyIntoAnOstreamIterator) {
  // Each element then the delimiter; a copy of part of the container is not followed.
  const std::vector<std::string> expected = {
      at(10, "scope=system/patients.read system/vitals.read "),
      at(11, "scope={}"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(#include <algorithm>
#include <iterator>
void run(httplib::Client& cli) {
  std::ostringstream all;
  std::copy(kScopes.begin(), kScopes.end(), std::ostream_iterator<std::string>(all, " "));
  std::ostringstream part;
  std::copy(std::next(kScopes.begin()), kScopes.end(), std::ostream_iterator<std::string>(part, " "));
  std::string a = all.str();
  std::string b = part.str();
  cli.Post("/oauth2/token/", "scope=" + a, kForm);
  cli.Post("/oauth2/token/", "scope=" + b, kForm);
}
)"),
            expected);
}

TEST(ScopeJoins, CopyIntoAnOstreamJoinerPutsTheDelimiterBetween) {
  const std::vector<std::string> expected = {at(7, "scope=system/patients.read system/vitals.read")};
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(#include <algorithm>
#include <experimental/iterator>
void run(httplib::Client& cli) {
  std::ostringstream all;
  std::copy(kScopes.begin(), kScopes.end(), std::experimental::ostream_joiner<const char*>(all, " "));
  std::string a = all.str();
  cli.Post("/oauth2/token/", "scope=" + a, kForm);
}
)"),
            expected);
}

TEST(ScopeJoins, RangeForLoopsAreUnrolled) {
  const std::vector<std::string> expected = {
      at(11, "scope=system/patients.read system/vitals.read"),
      at(12, "scope=system/allergies.read system/problems.read "),
      at(13, "scope=a.read b.read "),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(void run(httplib::Client& cli) {
  std::string spaced;
  for (const auto& s : kScopes) {
    if (!spaced.empty()) spaced += ' ';
    spaced += s;
  }
  std::string trailing;
  for (const std::string s : kArray) trailing += s + " ";
  std::ostringstream os;
  for (const char* s : {"a.read", "b.read"}) os << s << ' ';
  cli.Post("/oauth2/token/", "scope=" + spaced, kForm);
  cli.Post("/oauth2/token/", "scope=" + trailing, kForm);
  cli.Post("/oauth2/token/", "scope=" + os.str(), kForm);
}
)"),
            expected);
}

TEST(ScopeJoins, RunTimeElementsStayRunTime) {
  // An element from the environment is "{}" where it is; a loop that tests the emptiness of a value
  // that may be empty is not followed.
  const std::vector<std::string> expected = {
      at(8, "scope=a.read {}"),
      at(9, "scope=a.read {}"),
      at(10, "scope={}"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(void run(httplib::Client& cli) {
  std::vector<std::string> extra{"a.read", std::getenv("EXTRA_SCOPE")};
  std::vector<std::string> first{std::getenv("EXTRA_SCOPE"), "a.read"};
  std::string known_first;
  for (const auto& s : extra) { if (!known_first.empty()) known_first += ' '; known_first += s; }
  std::string unknown_first;
  for (const auto& s : first) { if (!unknown_first.empty()) unknown_first += ' '; unknown_first += s; }
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(extra, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + known_first, kForm);
  cli.Post("/oauth2/token/", "scope=" + unknown_first, kForm);
}
)"),
            expected);
}

TEST(ScopeJoins, ContainersNotKnownExactlyGiveUp) {
  std::string many = "std::vector<std::string> many{";
  for (int i = 0; i < 65; ++i)
    many += std::string(i ? ", " : "") + "\"s" + std::to_string(i) + ".read\"";
  many += "};\n";
  // The counting loop over a constant array is run (index_loops.cpp, IndexLoops.*), and an append
  // under an `if` is taken (AppendsUnderAnUndecidedIfAreTaken): those two are known.
  const std::vector<std::string> expected = {
      at(13, "scope={}"), at(14, "scope={}"), at(15, "scope=a.read b.read"), at(16, "scope={}"),
      at(17, "scope={}"), at(18, "scope=system/patients.read system/vitals.read "), at(19, "scope={}"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(std::vector<std::string> g_mutable{"a.read"};
void run(httplib::Client& cli, const std::vector<std::string>& given, bool admin) {
  )" + many + R"(  std::vector<std::string> branched{"a.read"};
  if (admin) branched.push_back("b.read");
  std::vector<std::string> sorted{"b.read", "a.read"};
  std::sort(sorted.begin(), sorted.end());
  std::string looped;
  for (const auto& s : given) looped += s + " ";
  std::string counted;
  for (size_t i = 0; i < kScopes.size(); ++i) counted += kScopes[i] + " ";
  const auto odd = [](std::string a, const std::string& b) { a += " "; return a + b; };
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(many, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(g_mutable, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(branched, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(sorted, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + looped, kForm);
  cli.Post("/oauth2/token/", "scope=" + counted, kForm);
  cli.Post("/oauth2/token/", "scope=" + std::accumulate(kScopes.begin(), kScopes.end(), std::string(), odd), kForm);
}
)"),
            expected);
}

TEST(ScopeJoins, SixtyFourElementsAreTheBound) {
  std::string list = "{";
  std::string joined;
  for (int i = 0; i < 64; ++i) {
    list += std::string(i ? ", " : "") + "\"s" + std::to_string(i) + ".read\"";
    joined += std::string(i ? " " : "") + "s" + std::to_string(i) + ".read";
  }
  list += "}";
  const std::vector<std::string> expected = {at(4, "scope=" + joined),
                                             at(5, "scope=" + joined + " ")};
  EXPECT_EQ(
      bodies_of(
          std::string(kPrelude) +
          "void run(httplib::Client& cli) {\n  std::string looped;\n"
          "  for (const char* s : " +
          list +
          ") looped += std::string(s) + \" \";\n"
          "  cli.Post(\"/oauth2/token/\", \"scope=\" + absl::StrJoin(std::vector<std::string>" +
          list +
          ", \" \"), kForm);\n  cli.Post(\"/oauth2/token/\", \"scope=\" + looped, kForm);\n}\n"),
      expected);
}

TEST(ScopeJoins, QtStringListJoin) {
  const std::vector<std::string> expected = {
      "9 scope=apiv2 system/patients.read system/vitals.read",
      "10 scope=system/patients.read,system/vitals.read"};
  EXPECT_EQ(bodies_of(R"(#include <QtCore/QStringList>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
static const QStringList kScopes{QStringLiteral("system/patients.read"), "system/vitals.read"};
void run(QNetworkAccessManager& nam, const QNetworkRequest& request) {
  QStringList scopes;
  scopes << "apiv2";
  scopes.append(kScopes.join(' '));
  nam.post(request, QString("scope=" + scopes.join(' ')).toUtf8());
  nam.post(request, QString("scope=" + kScopes.join(",")).toUtf8());
}
)",
                      {"-fPIC", "-I/usr/include/x86_64-linux-gnu/qt5"}),
            expected);
}

}  // namespace
}  // namespace scopelint

namespace scopelint {
namespace {

TEST(ScopeJoins, ContainersFilledInALoopOverKnownValues) {
  // Range-for over a braced list and over a constant vector, a counting loop, a test of the loop
  // variable decided per value, a loop under an `if` (taken); a loop over run-time values gives up.
  const std::vector<std::string> expected = {
      at(17, "scope=system/patients.read system/allergies.read"),
      at(18, "scope=system/patients.read system/vitals.read"),
      at(19, "scope=system/allergies.read system/problems.read"),
      at(20, "scope=x.read system/patients.read system/vitals.read"),
      at(21, "scope={}"),
      at(22, "scope=system/patients.read system/vitals.read"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(void run(httplib::Client& cli, const std::vector<std::string>& given, bool admin) {
  std::vector<std::string> parts;
  for (auto r : {"patients", "allergies"}) parts.push_back(std::string("system/") + r + ".read");
  std::vector<std::string> copied;
  for (const auto& s : kScopes) copied.emplace_back(s);
  std::vector<std::string> counted;
  for (size_t i = 0; i < 2; ++i) {
    const std::string name = kArray[i];
    counted.push_back(name);
  }
  std::vector<std::string> tested{"x.read"};
  for (const auto& s : kScopes) { if (!s.empty()) tested.push_back(s); }
  std::vector<std::string> runtime;
  for (const auto& s : given) runtime.push_back(s);
  std::vector<std::string> branched;
  if (admin) for (const auto& s : kScopes) branched.push_back(s);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(parts, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(copied, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(counted, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(tested, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(runtime, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(branched, " "), kForm);
}
)"),
            expected);
}

}  // namespace
}  // namespace scopelint

namespace scopelint {
namespace {

TEST(ScopeJoins, LengthTestsOnTheRunningValueAreDecided) {
  // The separator under `tellp() > 0`, `size() != 0`, `str().empty()` while the loop runs.
  const std::vector<std::string> expected = {
      at(8, "scope=system/patients.read%20system/vitals.read"),
      at(9, "scope=system/patients.read system/vitals.read"),
      at(10, "scope=system/patients.read,system/vitals.read"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(void run(httplib::Client& cli) {
  std::ostringstream streamed;
  for (const auto& s : kScopes) { if (streamed.tellp() > 0) streamed << "%20"; streamed << s; }
  std::string sized;
  for (const auto& s : kScopes) { if (sized.size() != 0) sized += " "; sized += s; }
  std::ostringstream commas;
  for (const auto& s : kScopes) commas << (commas.str().empty() ? "" : ",") << s;
  cli.Post("/oauth2/token/", "scope=" + streamed.str(), kForm);
  cli.Post("/oauth2/token/", "scope=" + sized, kForm);
  cli.Post("/oauth2/token/", "scope=" + commas.str(), kForm);
}
)"),
            expected);
}

}  // namespace
}  // namespace scopelint

namespace scopelint {
namespace {

TEST(ScopeJoins, AppendsUnderAnUndecidedIfAreTaken) {
  // The list asks for them in the runs that take the branch; a clear or an assignment under an
  // `if` leaves the list unknown.
  const std::vector<std::string> expected = {
      at(8, "scope=a.read b.read c.read"),
      at(9, "scope={}"),
      at(10, "scope={}"),
  };
  EXPECT_EQ(bodies_of(std::string(kPrelude) + R"(void run(httplib::Client& cli, bool admin) {
  std::vector<std::string> maybe{"a.read"};
  if (admin) maybe.push_back("b.read"); else maybe.push_back("c.read");
  std::vector<std::string> cleared{"a.read"};
  if (admin) cleared.clear();
  std::vector<std::string> assigned{"a.read"};
  if (admin) assigned = {"b.read"};
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(maybe, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(cleared, " "), kForm);
  cli.Post("/oauth2/token/", "scope=" + boost::algorithm::join(assigned, " "), kForm);
}
)"),
            expected);
}

}  // namespace
}  // namespace scopelint

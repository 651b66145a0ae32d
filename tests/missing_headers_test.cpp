// Code scanned without its build (project headers missing, as pulsar-client-cpp's AuthOauth2.cc
// without its include paths): analysed, with one scan-error note per missing #include, never a warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace scopelint {
namespace {

// A realistic client file: its own header, a logging header, a parameter map and an auth-data
// header are missing; an unknown macro swallows the namespace that follows it; the methods are
// defined out of line on a class the missing header declares. SCOPES is the token's scope list.
const char* const kAuthFlow = R"cpp(// Elation OAuth2 client-credentials flow of a messaging client, scanned without its build.
#include "ElationAuthFlow.h"

#include <cpr/cpr.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

#include "InitialAuthData.h"
#include "lib/LogUtils.h"
#include "lib/ParamMap.h"
DECLARE_LOG_OBJECT()

namespace clinicbus {

namespace {
const std::string kElationApi = "https://app.elationemr.com/api/2.0";

enum class TokenEndpointAuthMethod : std::uint8_t { ClientSecretPost, Unknown };

TokenEndpointAuthMethod parseAuthMethod(const std::string& name) {
  return name == "client_secret_post" ? TokenEndpointAuthMethod::ClientSecretPost
                                      : TokenEndpointAuthMethod::Unknown;
}

template <typename T>
T paramOr(const ParamMap& params, const std::string& key, T fallback) {
  const auto it = params.find(key);
  if (it == params.cend() || it->second.empty()) return fallback;
  std::istringstream in(it->second);
  T value{};
  return (in >> value) ? value : fallback;
}
}  // namespace

const std::string ElationAuthFlow::DEFAULT_CLIENT_ID = "clinicbus-client";

ElationAuthFlow::ElationAuthFlow(ParamMap& params)
    : clientId_(params["client_id"]), clientSecret_(params["client_secret"]),
      timeoutSeconds_(paramOr<int>(params, "request_timeout_seconds", 30)),
      authMethod_(parseAuthMethod(params["auth_method"])) {}

ElationAuthFlow::~ElationAuthFlow() {}

TokenResultPtr ElationAuthFlow::authenticate() {
  TokenResultPtr result = TokenResultPtr(new TokenResult());
  if (authMethod_ == TokenEndpointAuthMethod::Unknown) {
    LOG_ERROR("Unsupported token endpoint auth method for " << clientId_);
    return result;
  }
  cpr::Response r = cpr::Post(cpr::Url{kElationApi + "/oauth2/token/"},
                              cpr::Payload{{"grant_type", "client_credentials"},
                                           {"client_id", clientId_},
                                           {"client_secret", clientSecret_},
                                           {"scope", SCOPES}},
                              cpr::Timeout{std::chrono::seconds(timeoutSeconds_)});
  if (r.status_code != 200) {
    LOG_WARN("Token request failed with status " << r.status_code << ": " << r.text);
    return result;
  }
  const auto start = r.text.find("\"access_token\": \"") + 17;
  result->setAccessToken(r.text.substr(start, r.text.find('"', start) - start));
  LOG_DEBUG("Received an access token for " << clientId_);
  return result;
}

Result ElationAuthFlow::listPatients(const std::string& token, std::map<long, std::string>& patients) {
  cpr::Response r = cpr::Get(cpr::Url{kElationApi + "/patients/"}, cpr::Bearer{token});
  if (r.status_code != 200) return ResultAuthenticationError;
  patients[0] = r.text;
  return ResultOk;
}

Result ElationAuthFlow::bookAppointment(const std::string& token, long patientId, const std::string& when) {
  cpr::Response r = cpr::Post(cpr::Url{kElationApi + "/appointments/"}, cpr::Bearer{token},
                              cpr::Header{{"Content-Type", "application/json"}},
                              cpr::Body{"{\"patient\": " + std::to_string(patientId) + ", \"scheduled_date\": \"" + when + "\"}"});
  return r.status_code == 201 ? ResultOk : ResultAuthenticationError;
}

AuthenticationPtr ElationAuthFlow::create(ParamMap& params) {
  return AuthenticationPtr(new ElationAuthFlow(params));
}

}  // namespace clinicbus
)cpp";

struct Reported {
  std::string file;
  unsigned line = 0;
  std::string level, rule, message;
};

std::string with_scopes(const std::string& scopes) {
  std::string source = kAuthFlow;
  const std::string placeholder = "SCOPES";
  source.replace(source.find(placeholder), placeholder.size(), "\"" + scopes + "\"");
  return source;
}

unsigned line_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1);
}

std::vector<Reported> scan_json(const std::vector<std::string>& args, int* exit_code = nullptr) {
  std::vector<std::string> full{"--format=json", "--no-cache"};
  full.insert(full.end(), args.begin(), args.end());
  const test::CommandResult result = test::run_scopelint(full);
  if (exit_code) *exit_code = result.exit_code;
  std::vector<Reported> out;
  const auto json = nlohmann::json::parse(result.out, nullptr, false);
  if (json.is_discarded()) {
    ADD_FAILURE() << "not JSON: " << result.out << result.err;
    return out;
  }
  for (const auto& f : json["findings"]) out.push_back({f["file"], f["line"], f["level"], f["rule"], f["message"]});
  return out;
}

std::vector<std::string> describe(const std::vector<Reported>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(std::to_string(f.line) + " " + f.level + " [" + f.rule + "] " + f.message);
  return out;
}

std::vector<std::string> expected_notes(const std::string& source, const std::string& hint) {
  std::vector<std::string> notes;
  for (const char* header : {"ElationAuthFlow.h", "InitialAuthData.h", "lib/LogUtils.h", "lib/ParamMap.h"}) {
    notes.push_back(std::to_string(line_of(source, std::string("#include \"") + header)) + " note [scan-error] '" +
                    header + "' file not found; calls through it are not checked (" + hint + ")");
  }
  return notes;
}

// Every scope the file's calls need is granted: only the notes remain. Were the calls lost, the
// granted scopes would be reported unused (warnings).
TEST(MissingHeadersTest, ClientWithoutItsBuildGivesOnlyNotes) {
  test::TempDir dir;
  const std::string source = with_scopes("system/patients.read system/appointments.write");
  const std::string file = dir.write("src/auth/ElationAuthFlow.cc", source);
  int exit_code = -1;
  EXPECT_EQ(describe(scan_json({file}, &exit_code)), expected_notes(source, "give the compile database with -p DIR"));
  EXPECT_EQ(exit_code, 0);
  const test::CommandResult text = test::run_scopelint({"--no-cache", file});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.err.find("4 notes generated;"), std::string::npos) << text.err;  // the summary goes to stderr
  EXPECT_EQ(text.out.find("not parsable"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("warning:"), std::string::npos) << text.out;
}

// The Elation calls are still checked: a scope taken from the grant is a missing-scope error at the
// call that needs it, in a method the AST lost.
TEST(MissingHeadersTest, MissingScopeIsStillAnError) {
  test::TempDir dir;
  const std::string source = with_scopes("system/patients.read");
  const std::string file = dir.write("src/auth/ElationAuthFlow.cc", source);
  std::vector<std::string> expected = expected_notes(source, "give the compile database with -p DIR");
  const std::vector<Reported> reported = scan_json({file});
  std::vector<std::string> errors;
  for (const auto& f : reported) {
    if (f.level != "note") errors.push_back(std::to_string(f.line) + " " + f.level + " [" + f.rule + "]");
  }
  const unsigned call = line_of(source, "cpr::Post(cpr::Url{kElationApi + \"/appointments/\"}");
  EXPECT_EQ(errors, std::vector<std::string>{std::to_string(call) + " error [missing-scope]"});
  EXPECT_EQ(reported.size(), expected.size() + 1);
}

// With a compile database that does not find the headers, the hint is about the database.
TEST(MissingHeadersTest, DatabaseThatDoesNotFindTheHeadersIsNamed) {
  test::TempDir dir;
  const std::string source = with_scopes("system/patients.read system/appointments.write");
  dir.write("src/auth/ElationAuthFlow.cc", source);
  const nlohmann::json database = nlohmann::json::array(
      {{{"directory", dir.path()},
        {"file", "src/auth/ElationAuthFlow.cc"},
        {"arguments", {"clang++", "-std=c++17", "-Iinclude", "-c", "src/auth/ElationAuthFlow.cc"}}}});
  dir.write("build/compile_commands.json", database.dump());
  EXPECT_EQ(describe(scan_json({"-p", dir.path() + "/build", dir.path() + "/src"})),
            expected_notes(source, "the compile database does not find it"));
}

// A project header whose own #include is missing gives one note at that line, however many units
// include it; a file that is not C at all is still not parsable.
TEST(MissingHeadersTest, OneNotePerMissingIncludeAcrossUnits) {
  test::TempDir dir;
  dir.write("src/common.h", "#pragma once\n#include \"generated/config.h\"\nint shared();\n");
  dir.write("src/a.cpp", "#include \"common.h\"\nint a() { return shared(); }\n");
  dir.write("src/b.cpp", "#include \"common.h\"\nint b() { return shared() + 1; }\n");
  const std::vector<Reported> reported = scan_json({dir.path() + "/src"});
  ASSERT_EQ(reported.size(), 1u) << ::testing::PrintToString(describe(reported));
  EXPECT_EQ(reported[0].file.substr(reported[0].file.size() - 8), "common.h");
  EXPECT_EQ(describe(reported)[0],
            "2 note [scan-error] 'generated/config.h' file not found; calls through it are not checked "
            "(give the compile database with -p DIR)");
}

TEST(MissingHeadersTest, TextThatIsNotCodeIsStillNotParsable) {
  test::TempDir dir;
  const std::string file = dir.write("notes.cpp", "Meeting notes: call the lab, @@ renew the cert ## on Friday!!\n");
  const std::vector<Reported> reported = scan_json({file});
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].level, "warning");
  EXPECT_NE(reported[0].message.find("not parsable"), std::string::npos);
}

}  // namespace
}  // namespace scopelint

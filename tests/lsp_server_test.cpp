// Drives the language server in-process over pipes: lifecycle, errors, coalescing, real
// diagnostics, unsaved buffers and the fact cache.
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "cache/cache_location.h"
#include "lsp/server.h"
#include "lsp/uri.h"
#include "test_support.h"

namespace scopelint::lsp {
namespace {

using nlohmann::json;

// A client: writes framed messages to the server's stdin pipe, reads its stdout pipe.
class Client {
 public:
  explicit Client(LintFunction lint = default_lint_function()) {
    if (::pipe(to_server_) != 0 || ::pipe(from_server_) != 0)
      throw std::runtime_error("pipe failed");
    server_reader_ = std::make_unique<MessageReader>(to_server_[0]);
    server_writer_ = std::make_unique<MessageWriter>(from_server_[1]);
    reader_ = std::make_unique<MessageReader>(from_server_[0]);
    server_ = std::make_unique<Server>(*server_reader_, *server_writer_, log_, std::move(lint));
  }
  ~Client() {
    close_input();
    if (thread_.joinable()) thread_.join();
    // The writer's thread writes to its own copy of from_server_[1]: with the read end closed its
    // last writes fail at once, and it ends before the pipes are gone.
    ::close(from_server_[0]);
    server_.reset();
    server_writer_.reset();
    for (int fd : {to_server_[0], from_server_[1]}) ::close(fd);
  }
  void start() {
    thread_ = std::thread([this] { exit_code_ = server_->run(); });
  }
  void send_raw(const std::string& bytes) {
    ASSERT_EQ(::write(to_server_[1], bytes.data(), bytes.size()),
              static_cast<ssize_t>(bytes.size()));
  }
  void send(const json& message) { send_raw(frame(message.dump())); }
  void request(int id, const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notify(const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  // The next message from the server that satisfies `match`; null after `seconds`.
  template <typename Match>
  json wait_for(Match match, double seconds = 15) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd descriptor{from_server_[0], POLLIN, 0};
      if (!reader_->input_pending() && ::poll(&descriptor, 1, 50) <= 0) continue;
      std::optional<std::string> body = reader_->read();
      if (!body) return nullptr;
      json message = json::parse(*body);
      received.push_back(message);
      if (match(message)) return message;
    }
    return nullptr;
  }
  json response(int id) {
    return wait_for(
        [id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }
  json publish_for(const std::string& uri, double seconds = 15) {
    return wait_for(
        [&](const json& m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" &&
                 m["params"]["uri"] == uri;
        },
        seconds);
  }
  void close_input() {
    if (to_server_[1] >= 0) ::close(to_server_[1]);
    to_server_[1] = -1;
  }
  int finish() {
    close_input();
    thread_.join();
    return exit_code_;
  }
  Server& server() { return *server_; }
  std::vector<json> received;

 private:
  int to_server_[2] = {-1, -1};
  int from_server_[2] = {-1, -1};
  std::stringstream log_;
  std::unique_ptr<MessageReader> server_reader_, reader_;
  std::unique_ptr<MessageWriter> server_writer_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int exit_code_ = -1;
};

json initialize_params(const std::string& root, json encodings = json::array()) {
  return {{"processId", nullptr},
          {"rootUri", uri_from_path(root)},
          {"capabilities",
           {{"general", {{"positionEncodings", std::move(encodings)}}},
            {"textDocument", {{"publishDiagnostics", {{"relatedInformation", true}}}}}}}};
}

// A lint that returns what the test sets, and counts its runs.
struct FakeLint {
  std::shared_ptr<std::vector<Finding>> findings = std::make_shared<std::vector<Finding>>();
  std::shared_ptr<int> runs = std::make_shared<int>(0);
  LintFunction function() const {
    return [findings = findings, runs = runs](const Options&, const UnsavedFiles&) {
      ++*runs;
      LintResult result;
      result.findings = *findings;
      return result;
    };
  }
};

Finding make_finding(const std::string& file, unsigned line, unsigned column) {
  Finding finding;
  finding.rule = "unused-scope";
  finding.level = Level::Warning;
  finding.message = "scope 'system/vitals.read' is requested but no call needs it";
  finding.location = {file, line, column};
  return finding;
}

TEST(LspServer, LifecycleAndErrors) {
  FakeLint lint;
  Client client(lint.function());
  client.start();
  client.request(1, "textDocument/codeAction");
  EXPECT_EQ(client.response(1)["error"]["code"], kServerNotInitialized);
  client.send_raw(frame("{not json"));
  json parse_error = client.wait_for([](const json& m) { return m.contains("error"); });
  EXPECT_EQ(parse_error["error"]["code"], kParseError);
  EXPECT_TRUE(parse_error["id"].is_null());

  client.request(2, "initialize", initialize_params("/nonexistent-ws", {"utf-16", "utf-8"}));
  json init = client.response(2)["result"];
  EXPECT_EQ(init["capabilities"]["positionEncoding"], "utf-8");
  EXPECT_EQ(init["capabilities"]["textDocumentSync"],
            (json{{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}));
  EXPECT_TRUE(init["capabilities"].contains("codeActionProvider"));
  EXPECT_EQ(init["serverInfo"], (json{{"name", "scopelint"}, {"version", SCOPELINT_VERSION}}));
  client.notify("initialized");
  client.notify("$/setTrace", {{"value", "off"}});  // ignored
  client.request(3, "textDocument/hover");
  EXPECT_EQ(client.response(3)["error"]["code"], kMethodNotFound);
  client.request(4, "initialize", initialize_params("/x"));
  EXPECT_EQ(client.response(4)["error"]["code"], kInvalidRequest);
  client.request(5, "shutdown");
  json shutdown = client.response(5);
  ASSERT_TRUE(shutdown.contains("result"));
  EXPECT_TRUE(shutdown["result"].is_null());
  client.request(6, "textDocument/codeAction");
  EXPECT_EQ(client.response(6)["error"]["code"], kInvalidRequest);
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
  EXPECT_EQ(*lint.runs, 0);
}

TEST(LspServer, IdsThatAreNeitherIntegersNorStringsAreNotEchoed) {
  Client client(FakeLint().function());
  client.start();
  const std::vector<json> bad_ids = {json{{"secret", "TOPSECRET"}}, json::array({"TOPSECRET"}), 1.5,
                                     true, nullptr};
  for (const json& id : bad_ids) {
    client.send(
        {{"jsonrpc", "2.0"}, {"id", id}, {"method", "initialize"}, {"params", json::object()}});
    json answer = client.wait_for([](const json& m) { return m.contains("error"); }, 5);
    ASSERT_FALSE(answer.is_null()) << id.dump();
    EXPECT_EQ(answer["error"]["code"], kInvalidRequest) << id.dump();
    EXPECT_TRUE(answer["id"].is_null()) << answer.dump();
    EXPECT_EQ(answer.dump().find("TOPSECRET"), std::string::npos) << answer.dump();
  }
  // Nested 60,000 deep: a parse error at once, nothing built.
  client.send_raw(frame(std::string(60000, '[') + std::string(60000, ']')));
  EXPECT_EQ(client.wait_for([](const json& m) { return m.contains("error"); }, 5)["error"]["code"],
            kParseError);
  // None of them initialized the server; integer and string ids are answered with themselves.
  client.send({{"jsonrpc", "2.0"},
               {"id", "s-1"},
               {"method", "initialize"},
               {"params", initialize_params("/ws")}});
  json init =
      client.wait_for([](const json& m) { return m.contains("id") && m["id"] == "s-1"; }, 5);
  EXPECT_TRUE(init.contains("result")) << init.dump();
  client.request(-7, "shutdown");
  EXPECT_TRUE(client.response(-7).contains("result"));
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
}

TEST(LspServer, ExitWithoutShutdownIsAnError) {
  Client client(FakeLint().function());
  client.start();
  client.request(1, "initialize", initialize_params("/ws"));
  EXPECT_EQ(client.response(1)["result"]["capabilities"]["positionEncoding"], "utf-16");
  client.notify("exit");
  EXPECT_EQ(client.finish(), 1);
}

TEST(LspServer, CoalescesEditsWaitingOnInput) {
  FakeLint lint;
  lint.findings->push_back(make_finding("/ws/a.cpp", 1, 1));
  Client client(lint.function());
  // Everything is queued before the server starts: one lint after the last change.
  client.request(1, "initialize", initialize_params("/ws"));
  client.notify("initialized");
  client.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", "file:///ws/a.cpp"}, {"languageId", "cpp"}, {"version", 1}, {"text", "x"}}}});
  for (int version = 2; version <= 6; ++version) {
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", "file:///ws/a.cpp"}, {"version", version}}},
                   {"contentChanges", {{{"text", std::string(version, 'x')}}}}});
  }
  client.start();
  json publish = client.publish_for("file:///ws/a.cpp");
  ASSERT_FALSE(publish.is_null());
  EXPECT_EQ(publish["params"]["version"], 6);
  client.request(2, "shutdown");
  client.response(2);
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
  EXPECT_EQ(*lint.runs, 1);
}

TEST(LspServer, ClearsFilesWhoseFindingsWentAndOffersFixes) {
  FakeLint lint;
  Finding fixable = make_finding("/ws/a.cpp", 1, 5);
  fixable.fix = Fix{"request only the scopes the code needs",
                    {{{{"/ws/a.cpp", 1, 5}, {"/ws/a.cpp", 1, 8}, 4, 3}, "new"}}};
  *lint.findings = {fixable, make_finding("/ws/b.cpp", 2, 1)};
  Client client(lint.function());
  client.start();
  client.request(1, "initialize", initialize_params("/ws"));
  client.response(1);
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", "file:///ws/a.cpp"},
                                           {"languageId", "cpp"},
                                           {"version", 1},
                                           {"text", "int old;\n"}}}});
  EXPECT_EQ(client.publish_for("file:///ws/b.cpp")["params"]["diagnostics"].size(), 1u);

  client.request(
      2, "textDocument/codeAction",
      {{"textDocument", {{"uri", "file:///ws/a.cpp"}}},
       {"range",
        {{"start", {{"line", 0}, {"character", 6}}}, {"end", {{"line", 0}, {"character", 6}}}}},
       {"context", {{"diagnostics", json::array()}}}});
  json actions = client.response(2)["result"];
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["title"], "request only the scopes the code needs");
  EXPECT_EQ(actions[0]["edit"]["changes"]["file:///ws/a.cpp"][0],
            (json{{"range",
                   {{"start", {{"line", 0}, {"character", 4}}},
                    {"end", {{"line", 0}, {"character", 7}}}}},
                  {"newText", "new"}}));
  client.request(
      3, "textDocument/codeAction",
      {{"textDocument", {{"uri", "file:///ws/a.cpp"}}},
       {"range",
        {{"start", {{"line", 3}, {"character", 0}}}, {"end", {{"line", 3}, {"character", 0}}}}}});
  EXPECT_TRUE(client.response(3)["result"].empty());

  lint.findings->erase(lint.findings->begin() + 1);  // b.cpp is clean now
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", "file:///ws/a.cpp"}}}});
  EXPECT_EQ(client.publish_for("file:///ws/b.cpp")["params"]["diagnostics"], json::array());
  client.notify("exit");
  EXPECT_EQ(client.finish(), 1);
}

TEST(LspServer, BrokenConfigIsShownAndTheServerKeepsRunning) {
  test::TempDir workspace;
  workspace.write(".scopelint.json", "{ not json");
  const std::string file = workspace.write("client.cpp", "int main() { return 0; }\n");
  Client client;
  client.start();
  client.request(1, "initialize", initialize_params(workspace.path()));
  client.response(1);
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", uri_from_path(file)},
                                           {"languageId", "cpp"},
                                           {"version", 1},
                                           {"text", "int main() { return 0; }\n"}}}});
  json shown =
      client.wait_for([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  ASSERT_FALSE(shown.is_null());
  EXPECT_EQ(shown["params"]["type"], 1);
  EXPECT_NE(shown["params"]["message"].get<std::string>().find("scopelint"), std::string::npos);
  client.request(2, "shutdown");
  EXPECT_TRUE(client.response(2).contains("result"));
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
}

// A cpp-httplib client whose token asks for patients only; line 20 also reads allergies. The
// comment before the call puts a 2-byte and a 4-byte character before the flagged column.
std::string client_source(const std::string& scope) {
  return "// A cpp-httplib client that reads patients and allergies.\n"
         "#define CPPHTTPLIB_OPENSSL_SUPPORT\n"
         "#include <httplib.h>\n"
         "\n"
         "#include <string>\n"
         "\n"
         "std::string get_token(httplib::Client& cli) {\n"
         "  httplib::Params params;\n"
         "  params.emplace(\"grant_type\", \"client_credentials\");\n"
         "  params.emplace(\"scope\", \"" +
         scope +
         "\");\n"
         "  auto res = cli.Post(\"/api/2.0/oauth2/token/\", params);\n"
         "  return res ? res->body : \"\";\n"
         "}\n"
         "\n"
         "int main() {\n"
         "  httplib::Client cli(\"https://app.elationemr.com\");\n"
         "  const std::string token = get_token(cli);\n"
         "  httplib::Headers headers = {{\"Authorization\", \"Bearer \" + token}};\n"
         "  auto patients = cli.Get(\"/api/2.0/patients/\", headers);\n"
         "  /* \xC3\xA9\xF0\x9F\x98\x80 */ auto allergies = cli.Get(\"/api/2.0/allergies/\", "
         "headers);\n"
         "  return patients && allergies ? 0 : 1;\n"
         "}\n";
}

json position(int line, int character) { return {{"line", line}, {"character", character}}; }

TEST(LspServer, PublishesMissingScopeAndClearsItAfterTheFix) {
  test::TempDir workspace;
  const std::string missing = client_source("system/patients.read");
  const std::string file = workspace.write("client.cpp", missing);
  const std::string uri = uri_from_path(file);
  Client client;
  client.start();
  client.request(1, "initialize", initialize_params(workspace.path(), {"utf-16"}));
  ASSERT_EQ(client.response(1)["result"]["capabilities"]["positionEncoding"], "utf-16");
  client.notify("initialized");
  client.notify(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", missing}}}});
  json publish = client.publish_for(uri);
  ASSERT_FALSE(publish.is_null()) << "no diagnostics within the timeout";
  ASSERT_EQ(publish["params"]["diagnostics"].size(), 1u) << publish.dump(2);
  const json& diagnostic = publish["params"]["diagnostics"][0];
  EXPECT_EQ(diagnostic["code"], "missing-scope");
  EXPECT_EQ(diagnostic["source"], "scopelint");
  EXPECT_EQ(diagnostic["severity"], 1);
  EXPECT_EQ(publish["params"]["version"], 1);
  // "cli" is byte column 33 on line 20; in UTF-16 "é" is 1 unit and "😀" 2: character 29.
  EXPECT_EQ(diagnostic["range"]["start"], position(19, 29));
  EXPECT_EQ(diagnostic["range"]["end"], position(19, 32));
  ASSERT_TRUE(diagnostic.contains("relatedInformation"));
  EXPECT_EQ(diagnostic["relatedInformation"][0]["location"]["range"]["start"], position(10, 13));

  // The fix-it rewrites the scope string on line 10 (0-based 9).
  client.request(2, "textDocument/codeAction",
                 {{"textDocument", {{"uri", uri}}},
                  {"range", {{"start", position(19, 30)}, {"end", position(19, 30)}}},
                  {"context", {{"diagnostics", json::array({diagnostic})}}}});
  json actions = client.response(2)["result"];
  ASSERT_EQ(actions.size(), 1u) << actions.dump(2);
  const json& edit = actions[0]["edit"]["changes"][uri][0];
  EXPECT_EQ(edit["range"]["start"]["line"], 9);
  EXPECT_EQ(edit["newText"], "system/allergies.read system/patients.read");

  // Fixed: the buffer changes, is saved (on disk too, for a front end that reads files), clears.
  const std::string fixed = client_source("system/patients.read system/allergies.read");
  workspace.write("client.cpp", fixed);
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", {{{"text", fixed}}}}});
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  json cleared = client.publish_for(uri);
  ASSERT_FALSE(cleared.is_null());
  EXPECT_EQ(cleared["params"]["diagnostics"], json::array());
  EXPECT_EQ(cleared["params"]["version"], 2);
  client.request(3, "shutdown");
  client.response(3);
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
}

// The real lint, recording how each run obtained its translation units.
struct RecordingLint {
  std::shared_ptr<std::mutex> mutex = std::make_shared<std::mutex>();
  std::shared_ptr<std::vector<UnitCounts>> runs = std::make_shared<std::vector<UnitCounts>>();
  LintFunction function() const {
    return [mutex = mutex, runs = runs, lint = default_lint_function()](
               const Options& options, const UnsavedFiles& unsaved) {
      LintResult result = lint(options, unsaved);
      std::lock_guard<std::mutex> lock(*mutex);
      runs->push_back(result.units);
      return result;
    };
  }
  // Run `n` (1-based) once it has finished; nullopt after `seconds`.
  std::optional<UnitCounts> run(size_t n, double seconds = 60) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard<std::mutex> lock(*mutex);
        if (runs->size() >= n) return (*runs)[n - 1];
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
  }
  UnitCounts last() const {
    std::lock_guard<std::mutex> lock(*mutex);
    return runs->empty() ? UnitCounts{} : runs->back();
  }
};

// Three libcurl units (C: quick to parse) that include api.h: a token request and two reads.
struct CurlProject {
  explicit CurlProject(const std::string& scope) {
    dir.write("api.h", kApi);
    token = dir.write("token.c", token_source(scope));
    allergies = dir.write("allergies.c", read_source("allergies"));
    dir.write("vitals.c", read_source("vitals"));
  }
  static std::string token_source(const std::string& scope) {
    return "#include <curl/curl.h>\n#include \"api.h\"\nvoid token(CURL* h) {\n"
           "  curl_easy_setopt(h, CURLOPT_URL, API \"/oauth2/token/\");\n"
           "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, \"grant_type=client_credentials&scope=" +
           scope + "\");\n  curl_easy_perform(h);\n}\n";
  }
  static std::string read_source(const std::string& resource) {
    return "#include <curl/curl.h>\n#include \"api.h\"\nvoid read_" + resource +
           "(CURL* h) {\n  curl_easy_setopt(h, CURLOPT_URL, API \"/" + resource +
           "/\");\n  curl_easy_perform(h);\n}\n";
  }
  static constexpr const char* kApi = "#define API \"https://app.elationemr.com/api/2.0\"\n";
  test::TempDir dir;
  std::string token, allergies;
};

json open_params(const std::string& path, const std::string& text) {
  return {{"textDocument",
           {{"uri", uri_from_path(path)}, {"languageId", "c"}, {"version", 1}, {"text", text}}}};
}

json change_params(const std::string& path, int version, const std::string& text) {
  return {{"textDocument", {{"uri", uri_from_path(path)}, {"version", version}}},
          {"contentChanges", {{{"text", text}}}}};
}

// A diagnostic's message, or "" when `publish` does not hold exactly one.
std::string only_message(const json& publish) {
  if (publish.is_null() || publish["params"]["diagnostics"].size() != 1) return "";
  return publish["params"]["diagnostics"][0]["message"].get<std::string>();
}

TEST(LspServer, UnsavedBufferChangesDiagnosticsWithoutSaving) {
  const std::string both = "system/allergies.read system/vitals.read";
  CurlProject project(both);
  const std::string on_disk = test::read_text(project.token);
  RecordingLint lint;
  Client client(lint.function());
  client.start();
  client.request(1, "initialize", initialize_params(project.dir.path()));
  client.response(1);
  client.notify("textDocument/didOpen", open_params(project.token, on_disk));
  std::optional<UnitCounts> first = lint.run(1);
  ASSERT_TRUE(first);  // clean: nothing is published
  EXPECT_EQ(first->parsed + first->from_cache, 3u);

  // Only the buffer drops the allergies scope: allergies.c, which did not change, loses it.
  client.notify("textDocument/didChange",
                change_params(project.token, 2, CurlProject::token_source("system/vitals.read")));
  json missing = client.publish_for(uri_from_path(project.allergies), 60);
  ASSERT_FALSE(missing.is_null());
  ASSERT_EQ(missing["params"]["diagnostics"].size(), 1u) << missing.dump(2);
  EXPECT_EQ(missing["params"]["diagnostics"][0]["code"], "missing-scope");
  EXPECT_NE(only_message(missing).find("system/allergies.read"), std::string::npos)
      << missing.dump(2);
  std::optional<UnitCounts> changed = lint.run(2);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->parsed, 1u);  // token.c, with its buffer; the other two from the cache
  EXPECT_EQ(changed->from_cache, 2u);
  EXPECT_EQ(test::read_text(project.token), on_disk);

  // The buffer is restored (still never saved): the finding goes.
  client.notify("textDocument/didChange", change_params(project.token, 3, on_disk));
  json cleared = client.publish_for(uri_from_path(project.allergies), 60);
  ASSERT_FALSE(cleared.is_null());
  EXPECT_EQ(cleared["params"]["diagnostics"], json::array());
  std::optional<UnitCounts> restored = lint.run(3);
  ASSERT_TRUE(restored);
  EXPECT_EQ(restored->parsed, 0u);  // the buffer is the file again: everything from the cache
  EXPECT_EQ(restored->from_cache, 3u);
  client.request(2, "shutdown");
  client.response(2);
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
}

TEST(LspServer, OnlyUnitsReadingAChangedBufferAreParsedAgain) {
  CurlProject project("system/patients.read");
  RecordingLint lint;
  Client client(lint.function());
  client.start();
  client.request(1, "initialize", initialize_params(project.dir.path()));
  client.response(1);
  const std::string allergies_uri = uri_from_path(project.allergies);
  const std::string original = test::read_text(project.allergies);
  client.notify("textDocument/didOpen", open_params(project.allergies, original));
  EXPECT_NE(only_message(client.publish_for(allergies_uri, 60)).find("system/allergies.read"),
            std::string::npos);
  std::optional<UnitCounts> cold = lint.run(1);
  ASSERT_TRUE(cold);
  EXPECT_EQ(cold->parsed, 3u);
  EXPECT_EQ(cold->from_cache, 0u);
  // The default cache: the user's cache directory (test_support.h sets XDG_CACHE_HOME), never the
  // workspace.
  const std::optional<std::string> base = user_cache_base();
  ASSERT_TRUE(base);
  EXPECT_TRUE(std::filesystem::is_directory(default_cache_directory(*base, project.dir.path())));
  EXPECT_FALSE(std::filesystem::exists(project.dir.path() + "/.cache"));

  // One unit's buffer changes: only it is parsed again.
  client.notify("textDocument/didChange",
                change_params(project.allergies, 2, CurlProject::read_source("letters")));
  json letters = client.wait_for(
      [&](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" &&
               m["params"]["uri"] == allergies_uri &&
               only_message(m).find("system/letters.read") != std::string::npos;
      },
      60);
  ASSERT_FALSE(letters.is_null());
  std::optional<UnitCounts> edited = lint.run(2);
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->parsed, 1u);
  EXPECT_EQ(edited->from_cache, 2u);

  // A header every unit includes has a buffer: the units' cache entries list it, so all are parsed.
  client.notify("textDocument/didOpen",
                open_params(project.dir.path() + "/api.h",
                            std::string(CurlProject::kApi) + "#define UNUSED 1\n"));
  std::optional<UnitCounts> header = lint.run(3);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->parsed, 3u);
  EXPECT_EQ(header->from_cache, 0u);

  // The buffers are closed unsaved: the files on disk hold, and none of the units parsed with a
  // buffer was stored, so the cache serves the disk's findings again.
  client.notify("textDocument/didClose",
                {{"textDocument", {{"uri", uri_from_path(project.dir.path() + "/api.h")}}}});
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", allergies_uri}}}});
  json back = client.wait_for(
      [&](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" &&
               m["params"]["uri"] == allergies_uri &&
               only_message(m).find("system/allergies.read") != std::string::npos;
      },
      60);
  ASSERT_FALSE(back.is_null());
  const UnitCounts closed = lint.last();  // the closes may have been judged together or one by one
  EXPECT_EQ(closed.parsed, 0u);
  EXPECT_EQ(closed.from_cache, 3u);
  client.request(2, "shutdown");
  client.response(2);
  client.notify("exit");
  EXPECT_EQ(client.finish(), 0);
}

}  // namespace
}  // namespace scopelint::lsp

// Drives the language server with the real lint: diagnostics that follow edits, unsaved buffers
// and the fact cache.
#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "cache/cache_location.h"
#include "lsp_client.h"
#include "test_support.h"

namespace scopelint::lsp {
namespace {

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

// The next diagnostics published for `uri` whose one message mentions `text` (null after 60 s).
json publish_mentioning(Client& client, const std::string& uri, const std::string& text) {
  return client.wait_for(
      [&](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
               only_message(m).find(text) != std::string::npos;
      },
      60);
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
  json letters = publish_mentioning(client, allergies_uri, "system/letters.read");
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
  json back = publish_mentioning(client, allergies_uri, "system/allergies.read");
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

// The fact cache against a hostile repository: planted or forged entries, entries that are devices
// or FIFOs, a committed `.cache` symlink, permissions under -j 8, and where the cache lives.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "cache/cache_location.h"
#include "test_support.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::read_text;
using test::run_scopelint;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

// token.c asks for patients.read and vitals.read; api.c reads patients and posts an allergy: a
// missing-scope error (allergies) and an unused-scope warning with a fix (vitals).
const char* kToken = R"(#include <curl/curl.h>
void token(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/oauth2/token/");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "grant_type=client_credentials&scope=system/patients.read%20system/vitals.read");
  curl_easy_perform(h);
}
)";
const char* kApi = R"(#include <curl/curl.h>
void api(CURL* h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/patients/");
  curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_URL, "https://app.elationemr.com/api/2.0/allergies/");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "{}");
  curl_easy_perform(h);
}
)";

// A scan of `root` in which the attacker prepared the repository and the victim runs scopelint;
// each has a home directory (and so a cache key) of their own.
class HostileCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("project/token.c", kToken);
    dir_.write("project/api.c", kApi);
    fs::create_directories(dir_.path() + "/victim");
    fs::create_directories(dir_.path() + "/attacker");
  }
  std::string root() const { return dir_.path() + "/project"; }
  std::vector<std::string> env_of(const std::string& who) const {
    return {"HOME=" + dir_.path() + "/" + who,
            "XDG_CACHE_HOME=" + dir_.path() + "/" + who + "/.cache"};
  }
  test::CommandResult as(const std::string& who, std::vector<std::string> args) const {
    args.push_back(".");
    return run_scopelint(args, root(), env_of(who));
  }
  TempDir dir_;
};

// Every file under `directory` (recursively), sorted.
std::vector<std::string> files_under(const std::string& directory) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(directory, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory()) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Rewrites every cache entry under `cache_dir` with `edit` applied, in the format of the scopelint
// that wrote it: plain JSON, or a MAC line then JSON (then signed with a key that is not the
// victim's: a well-formed entry that only a MAC check can tell from a real one).
void forge_entries(const std::string& cache_dir, const std::function<void(json&)>& edit) {
  const std::vector<std::string> entries = files_under(cache_dir);
  ASSERT_FALSE(entries.empty()) << cache_dir;
  for (const auto& path : entries) {
    if (fs::path(path).extension() != ".json") continue;
    const std::string bytes = read_text(path);
    const bool signed_entry = bytes[0] != '{';
    json entry = json::parse(signed_entry ? bytes.substr(bytes.find('\n') + 1) : bytes);
    entry["deps"] = json::array();  // the attacker's file stamps would not match the victim's
    edit(entry);
    const std::string text = entry.dump();
    std::ofstream out(path, std::ios::trunc);
    if (signed_entry)
      out << to_hex(hmac_sha256(std::string(32, 'A'), "scopelint-fact-cache-9\n" + text)) << "\n";
    out << text;
  }
}

// The forgery: api.c's allergy call disappears and a finding of the attacker's choosing appears.
void hide_and_inject(json& entry) {
  json kept = json::array();
  for (const auto& call : entry["calls"]) {
    if (call["url"].is_null() ||
        call["url"].get<std::string>().find("allergies") == std::string::npos) {
      kept.push_back(call);
    }
  }
  entry["calls"] = kept;
  entry["diagnostics"].push_back({{"rule", "missing-scope"},
                                  {"level", "error"},
                                  {"message", "injected by a planted cache entry"},
                                  {"file", "api.c"},
                                  {"line", 1},
                                  {"column", 1}});
}

void expect_real_findings(const test::CommandResult& result) {
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("POST /api/2.0/allergies/ needs scope 'system/allergies.write'"),
            std::string::npos)
      << result.out << result.err;
  EXPECT_EQ(result.out.find("injected"), std::string::npos) << result.out;
}

TEST_F(HostileCache, EntriesPlantedAtTheOldDefaultLocationAreIgnored) {
  // The attacker runs scopelint on the same checkout path (CI paths are fixed) and commits the
  // entries, edited, where scopelint used to look by default.
  ASSERT_EQ(as("attacker", {"--cache-dir", ".cache/scopelint"}).exit_code, 1);
  forge_entries(root() + "/.cache/scopelint", hide_and_inject);
  expect_real_findings(as("victim", {"--no-source"}));
}

TEST_F(HostileCache, ForgedEntriesInACacheDirInsideTheTreeAreMisses) {
  ASSERT_EQ(as("victim", {"--cache-dir", ".scopelint-cache"}).exit_code, 1);
  // Each entry, at the very name the victim's scopelint reads, replaced by a well-formed forgery.
  forge_entries(root() + "/.scopelint-cache", hide_and_inject);
  auto result = as("victim", {"-v", "--no-source", "--cache-dir", ".scopelint-cache"});
  expect_real_findings(result);
  EXPECT_NE(result.err.find("(2 parsed, 0 from the cache)"), std::string::npos) << result.err;
}

// The token's literal is moved, in the facts, into a copy of token.c outside the project.
void point_fixes_outside(json& entry, const std::string& real, const std::string& elsewhere) {
  std::function<void(json&)> move = [&](json& value) {
    if (value.is_string() && value.get<std::string>() == real) value = elsewhere;
    if (value.is_structured()) {
      for (auto& item : value) move(item);
    }
  };
  move(entry["calls"]);
}

TEST_F(HostileCache, PlantedFixRangeCannotMakeFixWriteOutsideTheTree) {
  const std::string outside = dir_.write("outside/token.c", kToken);
  const std::string real = fs::canonical(root() + "/token.c").string();
  const auto forge = [&](json& entry) {
    point_fixes_outside(entry, real, fs::canonical(outside).string());
  };
  ASSERT_EQ(as("attacker", {"--cache-dir", ".cache/scopelint"}).exit_code, 1);
  forge_entries(root() + "/.cache/scopelint", forge);
  auto planted = as("victim", {"--fix", "--no-source"});
  EXPECT_EQ(read_text(outside), kToken) << planted.err;

  // The same through the victim's own --cache-dir inside the tree, at the names it reads.
  dir_.write("project/token.c", kToken);  // undo the real fix the first run made
  ASSERT_EQ(as("victim", {"--cache-dir", ".scopelint-cache"}).exit_code, 1);
  forge_entries(root() + "/.scopelint-cache", forge);
  auto fixed = as("victim", {"--fix", "--no-source", "--cache-dir", ".scopelint-cache"});
  EXPECT_EQ(read_text(outside), kToken) << fixed.err;
  EXPECT_NE(read_text(root() + "/token.c"), kToken) << fixed.err;  // the real fix, in the project
}

TEST_F(HostileCache, EntriesThatAreDevicesOrFifosDoNotHang) {
  ASSERT_EQ(as("victim", {"--cache-dir", ".scopelint-cache"}).exit_code, 1);
  ASSERT_EQ(as("attacker", {"--cache-dir", ".cache/scopelint"}).exit_code, 1);
  std::vector<std::string> entries = files_under(root() + "/.scopelint-cache");
  for (const auto& planted : files_under(root() + "/.cache/scopelint")) entries.push_back(planted);
  bool fifo = false;
  for (const auto& path : entries) {
    if (fs::path(path).extension() != ".json") continue;
    fs::remove(path);
    if ((fifo = !fifo))
      ASSERT_EQ(::mkfifo(path.c_str(), 0644), 0);
    else
      fs::create_symlink("/dev/zero", path);
  }
  for (const std::string cache : {"", "--cache-dir=.scopelint-cache"}) {
    std::string command = "cd " + shell_quote(root()) + " && timeout 120 env";
    for (const auto& assignment : env_of("victim")) command += " " + shell_quote(assignment);
    command += " " + shell_quote(test::scopelint_binary()) + " --no-source " + cache + " .";
    auto result = run_shell(command);
    EXPECT_NE(result.exit_code, 124) << "hung with " << cache;
    expect_real_findings(result);
  }
}

TEST_F(HostileCache, CommittedCacheSymlinkReceivesNoWrites) {
  const std::string elsewhere = dir_.path() + "/elsewhere";
  fs::create_directories(elsewhere);
  fs::create_directory_symlink(elsewhere, root() + "/.cache");
  expect_real_findings(as("victim", {"--no-source"}));
  auto named = as("victim", {"-v", "--no-source", "--cache-dir", ".cache/scopelint"});
  expect_real_findings(named);
  EXPECT_NE(named.err.find("scopelint: no fact cache: " + root() + "/.cache is a symlink"),
            std::string::npos)
      << named.err;
  EXPECT_EQ(files_under(elsewhere), std::vector<std::string>{});
}

// Whether every directory under `base` is 0700 and every file 0600; counts the entries.
void expect_private_tree(const std::string& base, size_t& entries) {
  for (auto it = fs::recursive_directory_iterator(base); it != fs::recursive_directory_iterator();
       ++it) {
    struct stat st {};
    ASSERT_EQ(::lstat(it->path().c_str(), &st), 0);
    const unsigned want = S_ISDIR(st.st_mode) ? 0700 : 0600;
    EXPECT_EQ(st.st_mode & 07777, want) << it->path();
    entries += it->path().extension() == ".json";
  }
}

TEST(CachePermissions, EveryDirectoryAndEntryIsPrivateUnderManyWorkers) {
  TempDir dir;
  for (int i = 0; i < 8; ++i)
    dir.write("project/u" + std::to_string(i) + ".c", "int f" + std::to_string(i) + ";\n");
  for (int run = 0; run < 30; ++run) {
    const std::string home = dir.path() + "/home" + std::to_string(run);
    auto result = run_scopelint({"-j", "8", "--quiet", "project"}, dir.path(),
                                {"HOME=" + home, "XDG_CACHE_HOME=" + home + "/cache"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    size_t entries = 0;
    expect_private_tree(home + "/cache/scopelint", entries);
    EXPECT_EQ(entries, 8u) << "run " << run;
  }
  EXPECT_EQ(files_under(dir.path() + "/project").size(), 8u);
}

// The project's files, the victim's home, and what a scan with `args` leaves in each.
class CacheLocation : public HostileCache {
 protected:
  std::string victim_base() const { return dir_.path() + "/victim/.cache/scopelint"; }
  std::string default_directory() const { return default_cache_directory(victim_base(), root()); }
  // git in the project, as the victim and without the system's git config.
  test::CommandResult git(const std::string& command) const {
    return run_shell("cd " + shell_quote(root()) + " && GIT_CONFIG_NOSYSTEM=1 HOME=" +
                     shell_quote(dir_.path() + "/victim") + " git " + command);
  }
};

TEST_F(CacheLocation, LivesUnderXdgCacheHomeAndNothingIsCreatedInTheTree) {
  dir_.write("project/build/compile_commands.json", "[]");
  const std::vector<std::string> before = files_under(root());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--no-source"},
        std::vector<std::string>{"--no-source", "-p", "build"}}) {
    expect_real_findings(as("victim", args));
    EXPECT_EQ(files_under(root()), before);
    EXPECT_EQ(files_under(default_directory()).size(), 2u);  // one entry per unit
  }
  auto warm = as("victim", {"-v", "--no-source"});
  EXPECT_NE(warm.err.find("(0 parsed, 2 from the cache)"), std::string::npos) << warm.err;
}

TEST_F(CacheLocation, FallsBackToHomeThenToNoCache) {
  const std::string home = dir_.path() + "/victim";
  const std::string binary = shell_quote(test::scopelint_binary());
  auto run = [&](const std::string& env) {
    return run_shell("cd " + shell_quote(root()) + " && env -u XDG_CACHE_HOME -u HOME " + env +
                     " " + binary + " -v --no-source .");
  };
  auto with_home = run("HOME=" + shell_quote(home));
  expect_real_findings(with_home);
  EXPECT_FALSE(files_under(default_cache_directory(home + "/.cache/scopelint", root())).empty());
  auto with_nothing = run("");
  expect_real_findings(with_nothing);
  EXPECT_NE(
      with_nothing.err.find("scopelint: no fact cache: neither XDG_CACHE_HOME nor HOME is set"),
      std::string::npos)
      << with_nothing.err;
}

TEST_F(CacheLocation, DirectoriesOrKeysOthersCouldChangeTurnTheCacheOff) {
  fs::create_directories(victim_base());
  ::chmod(victim_base().c_str(), 0777);
  auto shared = as("victim", {"-v", "--no-source"});
  expect_real_findings(shared);
  EXPECT_NE(shared.err.find("no fact cache: " + victim_base() + " is writable by other users"),
            std::string::npos)
      << shared.err;
  EXPECT_EQ(files_under(victim_base()), std::vector<std::string>{});

  ::chmod(victim_base().c_str(), 0700);
  expect_real_findings(as("victim", {"--no-source"}));  // creates the key
  ::chmod((victim_base() + "/key").c_str(), 0644);
  auto readable_key = as("victim", {"-v", "--no-source"});
  expect_real_findings(readable_key);
  EXPECT_NE(readable_key.err.find("no fact cache: " + victim_base() + "/key"), std::string::npos)
      << readable_key.err;
}

TEST_F(CacheLocation, PreCommitAndACacheDirInAGitWorkTreeLeaveGitStatusClean) {
  ASSERT_EQ(git("init -q . && git add -A && git -c user.email=t@e.invalid -c user.name=t commit -qm x")
                .exit_code,
            0);
  auto staged = run_scopelint({"--pre-commit", "--no-source", "api.c"}, root(), env_of("victim"));
  EXPECT_EQ(staged.exit_code, 1) << staged.err;
  EXPECT_FALSE(fs::exists(root() + "/.git/scopelint-cache"));
  EXPECT_FALSE(files_under(default_directory()).empty());
  expect_real_findings(as("victim", {"--no-source", "--cache-dir", "build/.scopelint-cache"}));
  EXPECT_FALSE(files_under(root() + "/build/.scopelint-cache").empty());
  EXPECT_EQ(git("status --porcelain --untracked-files=all").out, "");
}

// CI jobs point XDG_CACHE_HOME into the checkout (actions/cache can only save paths under it): the
// cache base made there ignores itself, so git status stays clean.
TEST_F(CacheLocation, ACacheHomeInsideTheWorkTreeIgnoresItself) {
  ASSERT_EQ(git("init -q . && git add -A && git -c user.email=t@e.invalid -c user.name=t commit -qm x")
                .exit_code,
            0);
  const std::vector<std::string> env = {"HOME=" + dir_.path() + "/victim",
                                        "XDG_CACHE_HOME=" + root() + "/.cache"};
  expect_real_findings(run_scopelint({"--no-source", "."}, root(), env));
  EXPECT_FALSE(files_under(default_cache_directory(root() + "/.cache/scopelint", root())).empty());
  EXPECT_EQ(read_text(root() + "/.cache/scopelint/.gitignore"), "*\n");
  EXPECT_EQ(git("status --porcelain --untracked-files=all").out, "");
}

}  // namespace
}  // namespace scopelint

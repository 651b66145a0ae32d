// Fact cache entries are believed only when this user's scopelint wrote them: signed with the key,
// vouching for their own unit, regular private files; and they are written private.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cache/fact_cache.h"
#include "test_support.h"
#include "util/file_io.h"
#include "util/sha256.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::read_text;
using test::TempDir;

const std::string kKey(32, 'k');

class CacheEntries : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = dir_.write("a.cpp", "int x;\n");
    header_ = dir_.write("a.h", "int y;\n");
    cache_dir_ = dir_.path() + "/cache";
    fs::create_directory(cache_dir_);
    fs::permissions(cache_dir_, fs::perms::owner_all);
  }
  // Stores a unit with `key` and returns the path of the entry written.
  std::string store(const std::string& key, const std::vector<std::string>& args = {}) {
    const std::vector<std::string> before = entries();
    FactCache(cache_dir_, "salt", key).store(file_, args, unit(), {file_, header_});
    for (const auto& path : entries()) {
      if (std::find(before.begin(), before.end(), path) == before.end()) return path;
    }
    ADD_FAILURE() << "no entry written";
    return "";
  }
  bool hit(const std::string& key = kKey) const {
    return FactCache(cache_dir_, "salt", key).lookup(file_, {}).has_value();
  }
  CachedUnit unit() const {
    CachedUnit unit;
    unit.included = {header_};
    return unit;
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(cache_dir_)) {
      if (entry.is_regular_file() || entry.is_symlink()) out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  TempDir dir_;
  std::string file_, header_, cache_dir_;
};

json body_of(const std::string& path) {
  const std::string bytes = read_text(path);
  return json::parse(bytes.substr(bytes.find('\n') + 1));
}

void write_signed(const std::string& path, const json& body, const std::string& key = kKey) {
  const std::string text = body.dump();
  std::ofstream(path, std::ios::trunc)
      << to_hex(hmac_sha256(key, "scopelint-fact-cache-9\n" + text)) << "\n"
      << text;
}

TEST_F(CacheEntries, AnEntrySignedWithAnotherKeyIsAMiss) {
  const std::string mine = store(kKey);
  ASSERT_TRUE(hit());
  const std::string theirs = store(std::string(32, 'x'));  // another user's scopelint, same unit
  EXPECT_NE(mine, theirs);                                 // entry names depend on the key too
  fs::copy_file(theirs, mine, fs::copy_options::overwrite_existing);
  EXPECT_FALSE(hit());
  write_signed(mine, body_of(theirs));  // the same content, signed with this user's key
  EXPECT_TRUE(hit());
  // A well-formed change under the old MAC.
  const std::string signature = read_text(mine).substr(0, read_text(mine).find('\n'));
  json changed = body_of(mine);
  changed["included"] = json::array({"/elsewhere.h"});
  std::ofstream(mine, std::ios::trunc) << signature << "\n" << changed.dump();
  EXPECT_FALSE(hit());
  write_signed(mine, changed);
  EXPECT_TRUE(hit());  // the change alone would be accepted: the MAC is what refused it
}

TEST_F(CacheEntries, AnEntryMustVouchForItsOwnUnit) {
  const std::string path = store(kKey);
  json body = body_of(path);
  const json deps = body["deps"];
  body["deps"] = json::array();
  write_signed(path, body);
  EXPECT_FALSE(hit());  // no dependencies: nothing was checked
  body["deps"] = json::array({deps[1]});
  write_signed(path, body);
  EXPECT_FALSE(hit());  // the header only, not the main file
  body["deps"] = deps;
  write_signed(path, body);
  EXPECT_TRUE(hit());
  // A dependency whose stamps changed is hashed again, and a changed content is a miss.
  dir_.write("a.h", "int z;\n");
  EXPECT_FALSE(hit());
}

TEST_F(CacheEntries, EntriesThatAreSymlinksOrWritableByOthersAreMisses) {
  const std::string path = store(kKey);
  ASSERT_TRUE(hit());
  ::chmod(path.c_str(), 0666);
  EXPECT_FALSE(hit());
  ::chmod(path.c_str(), 0600);
  const std::string elsewhere = dir_.path() + "/elsewhere.json";
  fs::rename(path, elsewhere);
  fs::create_symlink(elsewhere, path);
  EXPECT_FALSE(hit());  // a valid entry, but reached through a symlink
  fs::remove(path);
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  EXPECT_FALSE(hit());  // a FIFO is refused without blocking
}

TEST_F(CacheEntries, EntriesAndShardsAreWrittenPrivateAndNotIntoForeignDirectories) {
  ::umask(0);  // even with no umask at all
  const std::string path = store(kKey);
  ::umask(022);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  const std::string shard = fs::path(path).parent_path().string();
  ASSERT_EQ(::stat(shard.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0700u);
  // A shard directory others could write to is not written into.
  fs::remove(path);
  ::chmod(shard.c_str(), 0777);
  FactCache(cache_dir_, "salt", kKey).store(file_, {}, unit(), {file_, header_});
  EXPECT_FALSE(fs::exists(path));
  // A shard that is a symlink to elsewhere is not written through.
  fs::remove(shard);
  fs::create_directory(dir_.path() + "/elsewhere");
  fs::create_directory_symlink(dir_.path() + "/elsewhere", shard);
  FactCache(cache_dir_, "salt", kKey).store(file_, {}, unit(), {file_, header_});
  EXPECT_TRUE(fs::is_empty(dir_.path() + "/elsewhere"));
}

TEST(AtomicWrite, KeepsTheModeOfAReplacedFileAndLeavesNoTemporaryFile) {
  TempDir dir;
  const std::string path = dir.write("report.txt", "old");
  ::chmod(path.c_str(), 0640);
  write_file_atomically(path, "new");
  EXPECT_EQ(read_text(path), "new");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  const mode_t previous = ::umask(027);
  write_file_atomically(dir.path() + "/fresh.txt", "x");
  ::umask(previous);
  ASSERT_EQ(::stat((dir.path() + "/fresh.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);  // 0666 less the umask, applied by the kernel
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) files += entry.is_regular_file();
  EXPECT_EQ(files, 2u);
}

}  // namespace
}  // namespace scopelint

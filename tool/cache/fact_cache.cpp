// Cache entries: one file per (unit, flags), "<HMAC>\n<JSON>", checked whole before it is believed.
#include "cache/fact_cache.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "catalog/embedded_rules.h"
#include "codec/facts_codec.h"
#include "util/bounded_input.h"
#include "util/file_io.h"
#include "util/private_files.h"
#include "util/project_root.h"

namespace scopelint {
namespace {

using nlohmann::json;

// Bumped whenever the encoding changes (2: wrapper data, macro chains; 3: HMAC, SHA-256, every
// dependency including the main file; 6: what is unresolved about a call as facts, not a reason
// text; 7: the named members of codec/facts_codec.h): older entries are misses.
constexpr const char* kFormat = "scopelint-fact-cache-9";

// Size and modification time: when both are unchanged the content hash is not recomputed.
struct Stamp {
  long long size = -1;
  long long mtime_ns = -1;
  bool operator==(const Stamp& other) const {
    return size == other.size && mtime_ns == other.mtime_ns;
  }
};

Stamp stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {static_cast<long long>(st.st_size),
          static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

// The content hash of `path`, whose stamp is `stamp`. Units of one project include mostly the same
// headers: each is hashed once per process while its stamp stays the same.
std::optional<std::string> hash_file(const std::string& path, const Stamp& stamp) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<Stamp, std::string>> known;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = known.find(path);
    if (it != known.end() && it->second.first == stamp) return it->second.second;
  }
  try {
    std::string hash = content_hash(read_input_file(path, kMaxSourceBytes));
    std::lock_guard<std::mutex> lock(mutex);
    known[path] = {stamp, hash};
    return hash;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Whether the files the entry was computed from are still what they were. The main file must be
// among them: an entry that vouches for nothing, or not for its own unit, is not valid.
bool dependencies_unchanged(const json& deps, const std::string& main_file) {
  if (!deps.is_array() || deps.empty()) return false;
  const std::string canonical_main = canonical_path(main_file);
  bool has_main = false;
  for (const auto& dep : deps) {
    const std::string path = dep.at(0).get<std::string>();
    has_main = has_main || path == canonical_main;
    const Stamp now = stamp_of(path);
    if (now.size < 0) return false;
    // The shortcut is safe: the entry is authentic, so the stamps are the ones this user's
    // scopelint saw when it hashed the file.
    if (now.size == dep.at(1).get<long long>() && now.mtime_ns == dep.at(2).get<long long>())
      continue;
    const std::optional<std::string> hash = hash_file(path, now);
    if (!hash || *hash != dep.at(3).get<std::string>()) return false;
  }
  return has_main;
}

}  // namespace

std::string default_cache_salt(const std::string& extra) {
  Sha256 material;
  material.update(std::string("scopelint ") + SCOPELINT_VERSION + "\n");
  for (const auto& file : embedded_rule_files()) {
    material.update(std::string(file.path) + "\n");
    material.update(file.text);
  }
  material.update(extra);
  return to_hex(material.finish());
}

FactCache::FactCache(std::string directory, std::string salt, std::string key)
    : directory_(std::move(directory)), salt_(std::move(salt)), key_(std::move(key)) {}

std::string FactCache::mac(std::string_view text) const {
  Sha256Digest digest = hmac_sha256(key_, std::string(kFormat) + "\n" + std::string(text));
  return to_hex(digest);
}

// Keyed too, so entry names cannot be predicted without the key.
std::string FactCache::entry_path(const std::string& file,
                                  const std::vector<std::string>& args) const {
  std::string key = "entry name\n" + salt_ + "\n" + file;
  for (const auto& arg : args) key += "\n" + arg;
  const std::string hash = to_hex(hmac_sha256(key_, key));
  return directory_ + "/" + hash.substr(0, 2) + "/" + hash.substr(0, 40) + ".json";
}

std::optional<CachedUnit> FactCache::lookup(const std::string& file,
                                            const std::vector<std::string>& args) const {
  try {
    const std::string path = entry_path(file, args);
    const std::string bytes = read_private_file(path, kMaxReportBytes);
    const size_t newline = bytes.find('\n');
    if (newline == std::string::npos) return std::nullopt;
    const std::string_view text = std::string_view(bytes).substr(newline + 1);
    if (!equal_in_constant_time(std::string_view(bytes).substr(0, newline), mac(text)))
      return std::nullopt;
    const json entry = parse_json_input(text, path);
    if (entry.at("format") != kFormat || entry.at("salt") != salt_ || entry.at("file") != file ||
        entry.at("args") != json(args) || !dependencies_unchanged(entry.at("deps"), file)) {
      return std::nullopt;
    }
    CachedUnit unit;
    const JsonWhere where(path);
    unit.calls = decode_calls(entry.at("calls"), where / "calls");
    unit.diagnostics = decode_diagnostics(entry.at("diagnostics"), where / "diagnostics");
    unit.included = entry.at("included").get<std::vector<std::string>>();
    unit.wrappers = decode_wrappers(entry.at("wrappers"), where / "wrappers");
    return unit;
  } catch (const std::exception&) {
    return std::nullopt;  // missing, unreadable, corrupt, forged or foreign: rebuild
  }
}

void FactCache::store(const std::string& file, const std::vector<std::string>& args,
                      const CachedUnit& unit, const std::vector<std::string>& dependencies) const {
  try {
    if (dependencies.empty()) return;  // such an entry would never be valid
    json deps = json::array();
    for (const auto& path : dependencies) {
      Stamp stamp = stamp_of(path);
      std::optional<std::string> hash = hash_file(path, stamp);
      if (!hash || stamp.size < 0) return;  // cannot vouch for this unit later
      deps.push_back({path, stamp.size, stamp.mtime_ns, *hash});
    }
    json entry = {{"format", kFormat},
                  {"salt", salt_},
                  {"file", file},
                  {"args", args},
                  {"deps", deps},
                  {"calls", encode_calls(unit.calls)},
                  {"diagnostics", encode_diagnostics(unit.diagnostics)},
                  {"included", unit.included},
                  {"wrappers", encode_wrappers(unit.wrappers)}};
    const std::string path = entry_path(file, args);
    const std::string shard = path.substr(0, path.rfind('/'));
    if (::mkdir(shard.c_str(), 0700) != 0 && (errno != EEXIST || private_directory_problem(shard)))
      return;
    const std::string text = entry.dump(-1, ' ', false, json::error_handler_t::replace);
    write_private_file_atomically(path, mac(text) + "\n" + text);
  } catch (const std::exception&) {
    // A cache that cannot be written only costs time.
  }
}

}  // namespace scopelint

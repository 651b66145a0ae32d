// Cache entries: one JSON file per (unit, flags), validated field by field on lookup.
#include "cache/fact_cache.h"

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cache/facts_codec.h"
#include "rules/embedded_rules.h"
#include "util/file_io.h"

namespace scopelint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Bumped whenever the encoding changes (2: wrapper data, macro chains): older entries are misses.
constexpr const char* kFormat = "scopelint-fact-cache-2";

std::string hex64(uint64_t value) {
  static const char* kDigits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = kDigits[value & 0xf];
  return out;
}

// Size and modification time: when both are unchanged the content hash is not recomputed.
struct Stamp {
  long long size = -1;
  long long mtime_ns = -1;
};

Stamp stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {static_cast<long long>(st.st_size),
          static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

std::optional<std::string> hash_file(const std::string& path) {
  try {
    return content_hash(read_file_or_throw(path));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string content_hash(const std::string& bytes) {
  uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL ^ bytes.size();
  for (unsigned char c : bytes) {
    a = (a ^ c) * 0x100000001b3ULL;
    b = (b ^ (c + 0x9e)) * 0x100000001b3ULL;
    b ^= b >> 29;
  }
  return hex64(a) + hex64(b);
}

std::string default_cache_salt(const std::string& extra) {
  std::string material = std::string("scopelint ") + SCOPELINT_VERSION + "\n";
  for (const auto& file : embedded_rule_files()) material += std::string(file.path) + "\n" + file.text;
  return content_hash(material + extra);
}

FactCache::FactCache(std::string directory, std::string salt)
    : directory_(std::move(directory)), salt_(std::move(salt)) {}

std::string FactCache::entry_path(const std::string& file, const std::vector<std::string>& args) const {
  std::string key = salt_ + "\n" + file;
  for (const auto& arg : args) key += "\n" + arg;
  std::string hash = content_hash(key);
  return (fs::path(directory_) / hash.substr(0, 2) / (hash + ".json")).string();
}

std::optional<CachedUnit> FactCache::lookup(const std::string& file, const std::vector<std::string>& args) const {
  try {
    json entry = json::parse(read_file_or_throw(entry_path(file, args)));
    if (entry.at("format") != kFormat || entry.at("salt") != salt_ || entry.at("file") != file ||
        entry.at("args") != json(args)) {
      return std::nullopt;
    }
    for (const auto& dep : entry.at("deps")) {
      const std::string path = dep.at(0).get<std::string>();
      Stamp now = stamp_of(path);
      if (now.size < 0) return std::nullopt;
      if (now.size == dep.at(1).get<long long>() && now.mtime_ns == dep.at(2).get<long long>()) continue;
      std::optional<std::string> hash = hash_file(path);
      if (!hash || *hash != dep.at(3).get<std::string>()) return std::nullopt;
    }
    CachedUnit unit;
    unit.calls = decode_calls(entry.at("calls"));
    unit.diagnostics = decode_findings(entry.at("diagnostics"));
    unit.included = entry.at("included").get<std::vector<std::string>>();
    unit.wrappers = decode_wrappers(entry.at("wrappers"));
    return unit;
  } catch (const std::exception&) {
    return std::nullopt;  // missing, unreadable, corrupt or foreign: rebuild
  }
}

void FactCache::store(const std::string& file, const std::vector<std::string>& args, const CachedUnit& unit,
                      const std::vector<std::string>& dependencies) const {
  try {
    json deps = json::array();
    for (const auto& path : dependencies) {
      Stamp stamp = stamp_of(path);
      std::optional<std::string> hash = hash_file(path);
      if (!hash || stamp.size < 0) return;  // cannot vouch for this unit later
      deps.push_back({path, stamp.size, stamp.mtime_ns, *hash});
    }
    json entry = {{"format", kFormat},  {"salt", salt_},
                  {"file", file},       {"args", args},
                  {"deps", deps},       {"calls", encode_calls(unit.calls)},
                  {"diagnostics", encode_findings(unit.diagnostics)},
                  {"included", unit.included},
                  {"wrappers", encode_wrappers(unit.wrappers)}};
    std::string path = entry_path(file, args);
    fs::create_directories(fs::path(path).parent_path());
    write_file_atomically(path, entry.dump(-1, ' ', false, json::error_handler_t::replace));
  } catch (const std::exception&) {
    // A cache that cannot be written only costs time.
  }
}

}  // namespace scopelint

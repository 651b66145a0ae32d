// Content hashes of the files fix-its were computed from, so --fix can refuse a file edited since.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scopelint {

// FNV-1a, 64 bits: a change detector, not a security measure.
uint64_t content_hash(std::string_view text);

// Records the hash of `path` as read when a fix-it in it was computed (thread-safe; the last
// recording wins, so a re-scan refreshes it).
void record_fix_snapshot(const std::string& path, uint64_t hash);

// The recorded hash of `path`, if a fix-it was computed from it.
std::optional<uint64_t> fix_snapshot(const std::string& path);

}  // namespace scopelint

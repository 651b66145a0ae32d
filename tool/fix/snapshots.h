// Content hashes of the files fix-its were computed from, so --fix can refuse a file edited since.
#pragma once

#include <optional>
#include <string>

#include "util/sha256.h"

namespace scopelint {

// Records the content_hash (util/sha256.h) of `path` as read when a fix-it in it was computed
// (thread-safe; the last recording wins, so a re-scan refreshes it).
void record_fix_snapshot(const std::string& path, const std::string& hash);

// The recorded hash of `path`, if a fix-it was computed from it.
std::optional<std::string> fix_snapshot(const std::string& path);

}  // namespace scopelint

// SHA-256 and HMAC-SHA256 (FIPS 180-4, RFC 2104): the one content hash of the fact cache and of
// --fix, and the MAC that tells the user's own cache entries from planted ones (docs/security.md).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace scopelint {

using Sha256Digest = std::array<uint8_t, 32>;

// Incremental SHA-256: update() any number of times, then finish() once.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  Sha256Digest finish();

 private:
  void compress(const uint8_t* block);
  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

Sha256Digest sha256(std::string_view bytes);
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

// Lowercase hex of `bytes` (a digest or any other byte string).
std::string to_hex(std::string_view bytes);
std::string to_hex(const Sha256Digest& digest);

// The SHA-256 of `bytes` as 64 hex digits: what the cache keys entries by and what --fix compares
// a file against to see that it did not change since it was scanned.
std::string content_hash(std::string_view bytes);

// Compares without an early exit, so a forged MAC cannot be found byte by byte from timings.
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace scopelint

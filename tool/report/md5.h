// MD5 (RFC 1321), for report fingerprints only: stable identifiers, not security.
#pragma once

#include <string>
#include <string_view>

namespace scopelint {

// 32 lowercase hex digits.
std::string md5_hex(std::string_view data);

}  // namespace scopelint

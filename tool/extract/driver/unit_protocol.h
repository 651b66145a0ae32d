// The messages between a scan and its worker processes (worker_pool.h, unit_worker.h): the scan's
// settings once, then one unit job at a time, each answered by the unit's facts.
//
// A message is a frame: its length (8 bytes, little-endian), then the message as CBOR, the binary
// form of JSON's data model: paths and string literals that are not UTF-8 pass unchanged (JSON
// text could not carry them). Calls, diagnostics and wrappers use the facts codec
// (codec/facts_codec.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "extract/driver/unit_analysis.h"

namespace scopelint::extract {

// Throw std::runtime_error (or nlohmann's exceptions) on anything malformed.
nlohmann::json encode_settings(const UnitScanSettings& settings);
UnitScanSettings decode_settings(const nlohmann::json& json);
nlohmann::json encode_job(const UnitJob& job);
UnitJob decode_job(const nlohmann::json& json);
nlohmann::json encode_facts(const UnitFacts& facts);  // worker_failed is the receiver's to set
UnitFacts decode_facts(const nlohmann::json& json);

inline constexpr size_t kFrameHeaderBytes = 8;
inline constexpr uint64_t kMaxFrameBytes = uint64_t{1} << 30;

// The frame of `message`: header and body, ready to write.
std::string make_frame(const nlohmann::json& message);
// The body's length from a frame header; nullopt when over kMaxFrameBytes.
std::optional<uint64_t> frame_length(const char (&header)[kFrameHeaderBytes]);
// A frame body back to its message; throws std::runtime_error on malformed or too deeply nested
// CBOR (nesting is checked before the message is built: deep input cannot exhaust the stack).
nlohmann::json parse_frame_body(const std::string& body);

// Writes all of `bytes` to the socket `fd` (no SIGPIPE when the peer is gone); false on error.
bool send_all(int fd, const std::string& bytes);
// Reads one whole frame from `fd`, blocking; nullopt at the end of input, on a read error or on a
// malformed frame.
std::optional<nlohmann::json> receive_frame(int fd);

// The message a worker sends once it has read the settings and is ready for units: a unit's time
// limit counts from then, not from the start of the process.
nlohmann::json ready_message();
bool is_ready_message(const nlohmann::json& message);

// Collects frames from bytes as they arrive (the scan reads its workers as they answer).
class FrameCollector {
 public:
  void add(const char* data, size_t size) { buffer_.append(data, size); }
  // The next complete frame's message, if one has arrived; throws std::runtime_error for a length
  // over kMaxFrameBytes or a malformed body (as parse_frame_body).
  std::optional<nlohmann::json> next();
  bool empty() const { return buffer_.empty(); }

 private:
  std::string buffer_;
};

}  // namespace scopelint::extract

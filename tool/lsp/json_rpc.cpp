// Content-Length framing, reading and writing of JSON-RPC messages.
#include "lsp/json_rpc.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace scopelint::lsp {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// At most 15 digits: no overflow, and a length over kMaxBodyBytes is still known, to be skipped.
std::optional<size_t> parse_length(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 15) return std::nullopt;
  size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  return value;
}

// The end of the first blank line ("\n\n" or "\n\r\n") in `text`, or npos.
size_t end_of_blank_line(std::string_view text) {
  for (size_t newline = text.find('\n'); newline != std::string_view::npos;
       newline = text.find('\n', newline + 1)) {
    if (newline + 1 < text.size() && text[newline + 1] == '\n') return newline + 2;
    if (newline + 2 < text.size() && text[newline + 1] == '\r' && text[newline + 2] == '\n') {
      return newline + 3;
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool FrameParser::read_header(std::string* error) {
  // Lines up to an empty one. Nothing is consumed until the block is complete.
  size_t position = 0;
  std::optional<size_t> length;
  bool bad_length = false;
  while (true) {
    const size_t newline = buffer_.find('\n', position);
    if (newline == std::string::npos || newline >= kMaxHeaderBytes) {
      if (buffer_.size() < kMaxHeaderBytes) return false;  // more bytes to come
      skipping_header_ = true;
      if (error) *error = "header block longer than " + std::to_string(kMaxHeaderBytes) + " bytes";
      return false;
    }
    std::string_view line(buffer_.data() + position, newline - position);
    position = newline + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header; tolerated
    if (iequals(trim(line.substr(0, colon)), "Content-Length")) {
      length = parse_length(line.substr(colon + 1));
      bad_length = !length;
    }
  }
  buffer_.erase(0, position);
  if (!length || bad_length) {
    if (error) {
      *error =
          bad_length ? "invalid Content-Length header" : "message without a Content-Length header";
    }
    return false;
  }
  if (*length > kMaxBodyBytes) {
    body_to_skip_ = *length;
    if (error) {
      *error = "message of " + std::to_string(*length) + " bytes is over the limit of " +
               std::to_string(kMaxBodyBytes >> 20) + " MB; skipped";
    }
    return false;
  }
  body_length_ = length;
  return true;
}

bool FrameParser::skip_long_header() {
  const size_t end = end_of_blank_line(buffer_);
  if (end == std::string::npos) {
    // Keep the last two bytes: the blank line may be split across reads.
    buffer_.erase(0, buffer_.size() > 2 ? buffer_.size() - 2 : 0);
    return false;
  }
  buffer_.erase(0, end);
  skipping_header_ = false;
  return true;
}

void FrameParser::skip_body() {
  const size_t count = std::min(body_to_skip_, buffer_.size());
  buffer_.erase(0, count);
  body_to_skip_ -= count;
}

std::optional<std::string> FrameParser::next(std::string* error) {
  if (body_to_skip_ > 0) skip_body();
  if (body_to_skip_ > 0) return std::nullopt;
  if (skipping_header_ && !skip_long_header()) return std::nullopt;
  if (!body_length_ && !read_header(error)) return std::nullopt;
  if (buffer_.size() < *body_length_) return std::nullopt;
  std::string body = buffer_.substr(0, *body_length_);
  buffer_.erase(0, *body_length_);
  body_length_.reset();
  return body;
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body.data(), body.size());
  return out;
}

bool MessageReader::fill(bool block) {
  if (eof_) return false;
  if (!block) {
    pollfd descriptor{fd_, POLLIN, 0};
    if (::poll(&descriptor, 1, 0) <= 0) return false;
  }
  char chunk[65536];
  while (true) {
    const ssize_t count = ::read(fd_, chunk, sizeof chunk);
    if (count > 0) {
      parser_.feed(std::string_view(chunk, static_cast<size_t>(count)));
      return true;
    }
    if (count < 0 && errno == EINTR) continue;
    eof_ = true;  // end of input, or an error that ends it
    return false;
  }
}

std::optional<std::string> MessageReader::read(std::string* error) {
  while (true) {
    std::string framing_error;
    std::optional<std::string> body = parser_.next(&framing_error);
    if (body) return body;
    if (!framing_error.empty()) {
      if (error) *error = framing_error;
      continue;  // a dropped header block: look for the next message
    }
    if (!fill(true)) return std::nullopt;
  }
}

bool MessageReader::input_pending() {
  if (parser_.has_buffered_bytes()) return true;
  return fill(false) && parser_.has_buffered_bytes();
}

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json make_response(const nlohmann::json& id, nlohmann::json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json make_error(const nlohmann::json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

nlohmann::json make_notification(const std::string& method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace scopelint::lsp

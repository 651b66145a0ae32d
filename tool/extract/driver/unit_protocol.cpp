// Unit jobs and facts <-> CBOR frames, strictly typed on the way back.
#include "extract/driver/unit_protocol.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "codec/facts_codec.h"

namespace scopelint::extract {
namespace {

using nlohmann::json;

// Far deeper than any message (calls nest about six levels), far shallower than the stack allows.
constexpr unsigned kMaxMessageDepth = 64;

json encode_wrapper_declaration(const WrapperDeclaration& w) {
  return {{"function", w.function},
          {"path_arg", w.path_arg},
          {"method", w.method ? json(std::string(to_string(*w.method))) : json(nullptr)},
          {"method_arg", w.method_arg},
          {"body_arg", w.body_arg}};
}

WrapperDeclaration decode_wrapper_declaration(const json& j) {
  WrapperDeclaration w;
  w.function = j.at("function").get<std::string>();
  w.path_arg = j.at("path_arg").get<int>();
  if (!j.at("method").is_null()) {
    w.method = parse_http_method(j.at("method").get<std::string>());
    if (!w.method) throw std::runtime_error("bad wrapper method");
  }
  w.method_arg = j.at("method_arg").get<int>();
  w.body_arg = j.at("body_arg").get<int>();
  return w;
}

const json& array_at(const json& object, const char* key) {
  const json& value = object.at(key);
  if (!value.is_array()) throw std::runtime_error(std::string(key) + ": not an array");
  return value;
}

std::vector<std::string> strings_at(const json& object, const char* key) {
  std::vector<std::string> out;
  for (const auto& item : array_at(object, key)) out.push_back(item.get<std::string>());
  return out;
}

// Counts nesting while the CBOR is read and stops the reader past kMaxMessageDepth.
class DepthCheck : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth_ <= kMaxMessageDepth; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return depth_-- > 0; }
  bool start_array(std::size_t) override { return ++depth_ <= kMaxMessageDepth; }
  bool end_array() override { return depth_-- > 0; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  unsigned depth_ = 0;
};

}  // namespace

json encode_settings(const UnitScanSettings& settings) {
  json wrappers = json::array(), unsaved = json::array();
  for (const auto& w : settings.wrappers) wrappers.push_back(encode_wrapper_declaration(w));
  for (const auto& [path, text] : settings.unsaved_files) unsaved.push_back({path, text});
  return {{"scope_files", settings.scope_files}, {"scope_roots", settings.scope_roots},
          {"stub_dir", settings.stub_dir},       {"wrappers", std::move(wrappers)},
          {"unsaved", std::move(unsaved)},       {"verbose", settings.verbose}};
}

UnitScanSettings decode_settings(const json& j) {
  UnitScanSettings settings;
  settings.scope_files = strings_at(j, "scope_files");
  settings.scope_roots = strings_at(j, "scope_roots");
  settings.stub_dir = j.at("stub_dir").get<std::string>();
  for (const auto& w : array_at(j, "wrappers")) settings.wrappers.push_back(decode_wrapper_declaration(w));
  for (const auto& buffer : array_at(j, "unsaved")) {
    settings.unsaved_files.emplace_back(buffer.at(0).get<std::string>(), buffer.at(1).get<std::string>());
  }
  settings.verbose = j.at("verbose").get<bool>();
  return settings;
}

json encode_job(const UnitJob& job) {
  return {{"file", job.file},
          {"argv", job.command.argv},
          {"source", job.command.source},
          {"origin", job.command.origin},
          {"listed_in_database", job.command.listed_in_database}};
}

UnitJob decode_job(const json& j) {
  UnitJob job;
  job.file = j.at("file").get<std::string>();
  job.command.argv = strings_at(j, "argv");
  job.command.source = j.at("source").get<std::string>();
  job.command.origin = j.at("origin").get<std::string>();
  job.command.listed_in_database = j.at("listed_in_database").get<bool>();
  return job;
}

json encode_facts(const UnitFacts& facts) {
  return {{"calls", encode_calls(facts.calls)},
          {"diagnostics", encode_diagnostics(facts.diagnostics)},
          {"included", facts.included},
          {"wrappers", encode_wrappers(facts.wrappers)}};
}

UnitFacts decode_facts(const json& j) {
  UnitFacts facts;
  const JsonWhere where("worker message");
  facts.calls = decode_calls(j.at("calls"), where / "calls");
  facts.diagnostics = decode_diagnostics(j.at("diagnostics"), where / "diagnostics");
  facts.included = strings_at(j, "included");
  facts.wrappers = decode_wrappers(j.at("wrappers"), where / "wrappers");
  return facts;
}

std::string make_frame(const json& message) {
  const std::vector<uint8_t> body = json::to_cbor(message);
  std::string frame(kFrameHeaderBytes, '\0');
  uint64_t length = body.size();
  for (size_t i = 0; i < kFrameHeaderBytes; ++i, length >>= 8) frame[i] = static_cast<char>(length & 0xff);
  frame.append(body.begin(), body.end());
  return frame;
}

std::optional<uint64_t> frame_length(const char (&header)[kFrameHeaderBytes]) {
  uint64_t length = 0;
  for (size_t i = kFrameHeaderBytes; i-- > 0;) length = (length << 8) | static_cast<unsigned char>(header[i]);
  if (length > kMaxFrameBytes) return std::nullopt;
  return length;
}

json parse_frame_body(const std::string& body) {
  DepthCheck check;
  if (!json::sax_parse(body.begin(), body.end(), &check, json::input_format_t::cbor)) {
    throw std::runtime_error("malformed message");
  }
  return json::from_cbor(body.begin(), body.end());
}

bool send_all(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

namespace {

bool read_exactly(int fd, char* data, size_t size) {
  size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd, data + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::optional<json> receive_frame(int fd) {
  char header[kFrameHeaderBytes];
  if (!read_exactly(fd, header, sizeof header)) return std::nullopt;
  const std::optional<uint64_t> length = frame_length(header);
  if (!length) return std::nullopt;
  std::string body(static_cast<size_t>(*length), '\0');
  if (!read_exactly(fd, body.data(), body.size())) return std::nullopt;
  try {
    return parse_frame_body(body);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

json ready_message() { return {{"ready", true}}; }

bool is_ready_message(const json& message) {
  if (!message.is_object() || message.size() != 1) return false;
  const auto ready = message.find("ready");
  return ready != message.end() && ready->is_boolean() && ready->get<bool>();
}

std::optional<json> FrameCollector::next() {
  if (buffer_.size() < kFrameHeaderBytes) return std::nullopt;
  char header[kFrameHeaderBytes];
  buffer_.copy(header, kFrameHeaderBytes);
  const std::optional<uint64_t> length = frame_length(header);
  if (!length) throw std::runtime_error("message too large");
  if (buffer_.size() - kFrameHeaderBytes < *length) return std::nullopt;
  const std::string body = buffer_.substr(kFrameHeaderBytes, static_cast<size_t>(*length));
  buffer_.erase(0, kFrameHeaderBytes + static_cast<size_t>(*length));
  return parse_frame_body(body);
}

}  // namespace scopelint::extract

// scopelint stub of <cpr/cpr.h>: declarations only, used when the real header is missing.
#ifndef SCOPELINT_STUB_CPR_H
#define SCOPELINT_STUB_CPR_H
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace cpr {

template <typename T>
class StringHolder {
 public:
  StringHolder() = default;
  StringHolder(std::string s) : str_(std::move(s)) {}
  StringHolder(const char* s) : str_(s) {}
  StringHolder(const char* s, size_t len) : str_(s, len) {}
  std::string& str() { return str_; }
  const std::string& str() const { return str_; }
  const char* c_str() const { return str_.c_str(); }
  const char* data() const { return str_.data(); }
 protected:
  std::string str_;
};

class Url : public StringHolder<Url> {
 public:
  Url() = default;
  Url(std::string url) : StringHolder<Url>(std::move(url)) {}
  Url(const char* url) : StringHolder<Url>(url) {}
};

class Body : public StringHolder<Body> {
 public:
  Body() = default;
  Body(std::string body) : StringHolder<Body>(std::move(body)) {}
  Body(const char* body) : StringHolder<Body>(body) {}
};

class Bearer {
 public:
  Bearer(std::string token);
  const char* GetToken() const noexcept;
};

enum class AuthMode { BASIC, DIGEST, NTLM };
class Authentication {
 public:
  Authentication(std::string username, std::string password, AuthMode auth_mode);
};

struct CaseInsensitiveCompare {
  bool operator()(const std::string& a, const std::string& b) const noexcept;
};
using Header = std::map<std::string, std::string, CaseInsensitiveCompare>;
using Cookies = std::map<std::string, std::string>;

struct Pair {
  Pair(std::string p_key, std::string p_value) : key(std::move(p_key)), value(std::move(p_value)) {}
  std::string key;
  std::string value;
};

class Payload {
 public:
  Payload() = default;
  Payload(const std::initializer_list<Pair>& pairs);
  template <class It>
  Payload(const It begin, const It end);
  void Add(const Pair& pair);
  std::string GetContent() const;
};

struct Parameter {
  Parameter(std::string p_key, std::string p_value) : key(std::move(p_key)), value(std::move(p_value)) {}
  std::string key;
  std::string value;
};
class Parameters {
 public:
  Parameters() = default;
  Parameters(const std::initializer_list<Parameter>& parameters);
  void Add(const Parameter& parameter);
};

struct File {
  explicit File(std::string p_filepath, std::string p_overriden_filename = {});
};
struct Part {
  Part(const std::string& p_name, const std::string& p_value, const std::string& p_content_type = {});
  Part(const std::string& p_name, const std::int32_t& p_value, const std::string& p_content_type = {});
  Part(const std::string& p_name, const File& p_file, const std::string& p_content_type = {});
};
class Multipart {
 public:
  Multipart(const std::initializer_list<Part>& parts);
};

class Timeout {
 public:
  Timeout(const std::chrono::milliseconds& duration);
  Timeout(const std::int32_t& milliseconds);
};
class ConnectTimeout : public Timeout {
 public:
  using Timeout::Timeout;
};
class VerifySsl {
 public:
  VerifySsl() = default;
  VerifySsl(bool verify);
};
class UserAgent : public StringHolder<UserAgent> {
 public:
  UserAgent() = default;
  UserAgent(std::string ua) : StringHolder<UserAgent>(std::move(ua)) {}
  UserAgent(const char* ua) : StringHolder<UserAgent>(ua) {}
};

enum class ErrorCode { OK = 0, CONNECTION_FAILURE, OPERATION_TIMEDOUT, UNKNOWN_ERROR };
class Error {
 public:
  ErrorCode code = ErrorCode::OK;
  std::string message;
  explicit operator bool() const { return code != ErrorCode::OK; }
};

class Response {
 public:
  long status_code{};
  std::string text;
  Header header;
  Url url;
  double elapsed{};
  Cookies cookies;
  Error error;
  std::string raw_header;
  std::string status_line;
  std::string reason;
};
using AsyncResponse = std::future<Response>;

class Session {
 public:
  Session();
  void SetUrl(const Url& url);
  void SetParameters(const Parameters& parameters);
  void SetParameters(Parameters&& parameters);
  void SetHeader(const Header& header);
  void UpdateHeader(const Header& header);
  void SetTimeout(const Timeout& timeout);
  void SetConnectTimeout(const ConnectTimeout& timeout);
  void SetAuth(const Authentication& auth);
  void SetBearer(const Bearer& token);
  void SetUserAgent(const UserAgent& ua);
  void SetPayload(Payload&& payload);
  void SetPayload(const Payload& payload);
  void SetMultipart(Multipart&& multipart);
  void SetMultipart(const Multipart& multipart);
  void SetBody(Body&& body);
  void SetBody(const Body& body);
  void SetVerifySsl(const VerifySsl& verify);
  template <typename T>
  void SetOption(const T& t);
  Response Delete();
  Response Download(std::ofstream& file);
  Response Get();
  Response Head();
  Response Options();
  Response Patch();
  Response Post();
  Response Put();
  AsyncResponse GetAsync();
  AsyncResponse PostAsync();
  AsyncResponse PutAsync();
  AsyncResponse PatchAsync();
  AsyncResponse DeleteAsync();
};

template <typename... Ts> Response Get(Ts&&... ts);
template <typename... Ts> Response Post(Ts&&... ts);
template <typename... Ts> Response Put(Ts&&... ts);
template <typename... Ts> Response Patch(Ts&&... ts);
template <typename... Ts> Response Delete(Ts&&... ts);
template <typename... Ts> Response Head(Ts&&... ts);
template <typename... Ts> Response Options(Ts&&... ts);
template <typename... Ts> AsyncResponse GetAsync(Ts... ts);
template <typename... Ts> AsyncResponse PostAsync(Ts... ts);
template <typename... Ts> AsyncResponse PutAsync(Ts... ts);
template <typename... Ts> AsyncResponse PatchAsync(Ts... ts);
template <typename... Ts> AsyncResponse DeleteAsync(Ts... ts);
template <typename... Ts> AsyncResponse HeadAsync(Ts... ts);
template <typename Then, typename... Ts> auto GetCallback(Then then, Ts... ts);
template <typename Then, typename... Ts> auto PostCallback(Then then, Ts... ts);

namespace util {
std::string urlEncode(const std::string& s);
std::string urlDecode(const std::string& s);
}  // namespace util

}  // namespace cpr
#endif

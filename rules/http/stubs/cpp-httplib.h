// scopelint stub of <httplib.h>: declarations only, used when the real header is missing.
#ifndef SCOPELINT_STUB_HTTPLIB_H
#define SCOPELINT_STUB_HTTPLIB_H
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace httplib {
namespace detail {
struct ci {
  bool operator()(const std::string &s1, const std::string &s2) const;
};
}  // namespace detail

using Headers = std::multimap<std::string, std::string, detail::ci>;
using Params = std::multimap<std::string, std::string>;
using Progress = std::function<bool(uint64_t current, uint64_t total)>;
struct Response;
using ResponseHandler = std::function<bool(const Response &response)>;
using ContentReceiver = std::function<bool(const char *data, size_t data_length)>;
class DataSink;
using ContentProvider = std::function<bool(size_t offset, size_t length, DataSink &sink)>;
using ContentProviderWithoutLength = std::function<bool(size_t offset, DataSink &sink)>;
struct MultipartFormData {
  std::string name;
  std::string content;
  std::string filename;
  std::string content_type;
};
using MultipartFormDataItems = std::vector<MultipartFormData>;
struct MultipartFormDataProvider {
  std::string name;
  ContentProviderWithoutLength provider;
  std::string filename;
  std::string content_type;
};
using MultipartFormDataProviderItems = std::vector<MultipartFormDataProvider>;

enum class Error { Success = 0, Unknown, Connection, BindIPAddress, Read, Write, ExceedRedirectCount,
                   Canceled, SSLConnection, SSLLoadingCerts, SSLServerVerification,
                   UnsupportedMultipartBoundaryChars, Compression, ConnectionTimeout };
std::string to_string(const Error error);

struct Response {
  std::string version;
  int status = -1;
  std::string reason;
  Headers headers;
  std::string body;
  std::string location;
  bool has_header(const char *key) const;
  std::string get_header_value(const char *key, size_t id = 0) const;
};

class Result {
 public:
  Result() = default;
  bool operator==(std::nullptr_t) const;
  bool operator!=(std::nullptr_t) const;
  const Response &value() const;
  Response &value();
  const Response &operator*() const;
  Response &operator*();
  const Response *operator->() const;
  Response *operator->();
  explicit operator bool() const;
  Error error() const;
};

#define SCOPELINT_HTTPLIB_CLIENT_METHODS \
  Result Get(const std::string &path); \
  Result Get(const std::string &path, const Headers &headers); \
  Result Get(const std::string &path, Progress progress); \
  Result Get(const std::string &path, const Headers &headers, Progress progress); \
  Result Get(const std::string &path, ContentReceiver content_receiver); \
  Result Get(const std::string &path, const Headers &headers, ContentReceiver content_receiver); \
  Result Get(const std::string &path, ContentReceiver content_receiver, Progress progress); \
  Result Get(const std::string &path, const Headers &headers, ContentReceiver content_receiver, Progress progress); \
  Result Get(const std::string &path, ResponseHandler response_handler, ContentReceiver content_receiver); \
  Result Get(const std::string &path, const Headers &headers, ResponseHandler response_handler, ContentReceiver content_receiver); \
  Result Get(const std::string &path, const Headers &headers, ResponseHandler response_handler, ContentReceiver content_receiver, Progress progress); \
  Result Get(const std::string &path, ResponseHandler response_handler, ContentReceiver content_receiver, Progress progress); \
  Result Get(const std::string &path, const Params &params, const Headers &headers, Progress progress = nullptr); \
  Result Get(const std::string &path, const Params &params, const Headers &headers, ContentReceiver content_receiver, Progress progress = nullptr); \
  Result Get(const std::string &path, const Params &params, const Headers &headers, ResponseHandler response_handler, ContentReceiver content_receiver, Progress progress = nullptr); \
  Result Head(const std::string &path); \
  Result Head(const std::string &path, const Headers &headers); \
  Result Post(const std::string &path); \
  Result Post(const std::string &path, const Headers &headers); \
  Result Post(const std::string &path, const char *body, size_t content_length, const std::string &content_type); \
  Result Post(const std::string &path, const Headers &headers, const char *body, size_t content_length, const std::string &content_type); \
  Result Post(const std::string &path, const std::string &body, const std::string &content_type); \
  Result Post(const std::string &path, const Headers &headers, const std::string &body, const std::string &content_type); \
  Result Post(const std::string &path, size_t content_length, ContentProvider content_provider, const std::string &content_type); \
  Result Post(const std::string &path, ContentProviderWithoutLength content_provider, const std::string &content_type); \
  Result Post(const std::string &path, const Headers &headers, size_t content_length, ContentProvider content_provider, const std::string &content_type); \
  Result Post(const std::string &path, const Headers &headers, ContentProviderWithoutLength content_provider, const std::string &content_type); \
  Result Post(const std::string &path, const Params &params); \
  Result Post(const std::string &path, const Headers &headers, const Params &params); \
  Result Post(const std::string &path, const MultipartFormDataItems &items); \
  Result Post(const std::string &path, const Headers &headers, const MultipartFormDataItems &items); \
  Result Post(const std::string &path, const Headers &headers, const MultipartFormDataItems &items, const std::string &boundary); \
  Result Post(const std::string &path, const Headers &headers, const MultipartFormDataItems &items, const MultipartFormDataProviderItems &provider_items); \
  Result Put(const std::string &path); \
  Result Put(const std::string &path, const char *body, size_t content_length, const std::string &content_type); \
  Result Put(const std::string &path, const Headers &headers, const char *body, size_t content_length, const std::string &content_type); \
  Result Put(const std::string &path, const std::string &body, const std::string &content_type); \
  Result Put(const std::string &path, const Headers &headers, const std::string &body, const std::string &content_type); \
  Result Put(const std::string &path, size_t content_length, ContentProvider content_provider, const std::string &content_type); \
  Result Put(const std::string &path, ContentProviderWithoutLength content_provider, const std::string &content_type); \
  Result Put(const std::string &path, const Headers &headers, size_t content_length, ContentProvider content_provider, const std::string &content_type); \
  Result Put(const std::string &path, const Headers &headers, ContentProviderWithoutLength content_provider, const std::string &content_type); \
  Result Put(const std::string &path, const Params &params); \
  Result Put(const std::string &path, const Headers &headers, const Params &params); \
  Result Put(const std::string &path, const MultipartFormDataItems &items); \
  Result Put(const std::string &path, const Headers &headers, const MultipartFormDataItems &items); \
  Result Put(const std::string &path, const Headers &headers, const MultipartFormDataItems &items, const std::string &boundary); \
  Result Put(const std::string &path, const Headers &headers, const MultipartFormDataItems &items, const MultipartFormDataProviderItems &provider_items); \
  Result Patch(const std::string &path); \
  Result Patch(const std::string &path, const char *body, size_t content_length, const std::string &content_type); \
  Result Patch(const std::string &path, const Headers &headers, const char *body, size_t content_length, const std::string &content_type); \
  Result Patch(const std::string &path, const std::string &body, const std::string &content_type); \
  Result Patch(const std::string &path, const Headers &headers, const std::string &body, const std::string &content_type); \
  Result Patch(const std::string &path, size_t content_length, ContentProvider content_provider, const std::string &content_type); \
  Result Patch(const std::string &path, ContentProviderWithoutLength content_provider, const std::string &content_type); \
  Result Patch(const std::string &path, const Headers &headers, size_t content_length, ContentProvider content_provider, const std::string &content_type); \
  Result Patch(const std::string &path, const Headers &headers, ContentProviderWithoutLength content_provider, const std::string &content_type); \
  Result Delete(const std::string &path); \
  Result Delete(const std::string &path, const Headers &headers); \
  Result Delete(const std::string &path, const char *body, size_t content_length, const std::string &content_type); \
  Result Delete(const std::string &path, const Headers &headers, const char *body, size_t content_length, const std::string &content_type); \
  Result Delete(const std::string &path, const std::string &body, const std::string &content_type); \
  Result Delete(const std::string &path, const Headers &headers, const std::string &body, const std::string &content_type); \
  Result Options(const std::string &path); \
  Result Options(const std::string &path, const Headers &headers); \
  bool is_valid() const; \
  void stop(); \
  void set_hostname_addr_map(std::map<std::string, std::string> addr_map); \
  void set_default_headers(Headers headers); \
  void set_address_family(int family); \
  void set_tcp_nodelay(bool on); \
  void set_connection_timeout(time_t sec, time_t usec = 0); \
  void set_read_timeout(time_t sec, time_t usec = 0); \
  void set_write_timeout(time_t sec, time_t usec = 0); \
  void set_basic_auth(const std::string &username, const std::string &password); \
  void set_bearer_token_auth(const std::string &token); \
  void set_digest_auth(const std::string &username, const std::string &password); \
  void set_keep_alive(bool on); \
  void set_follow_location(bool on); \
  void set_url_encode(bool on); \
  void set_compress(bool on); \
  void set_decompress(bool on); \
  void set_interface(const std::string &intf); \
  void set_proxy(const std::string &host, int port); \
  void set_proxy_basic_auth(const std::string &username, const std::string &password); \
  void set_proxy_bearer_token_auth(const std::string &token); \
  void set_proxy_digest_auth(const std::string &username, const std::string &password); \
  void enable_server_certificate_verification(bool enabled); \
  void set_ca_cert_path(const std::string &ca_cert_file_path, const std::string &ca_cert_dir_path = std::string());

class ClientImpl {
 public:
  explicit ClientImpl(const std::string &host);
  explicit ClientImpl(const std::string &host, int port);
  virtual ~ClientImpl();
  SCOPELINT_HTTPLIB_CLIENT_METHODS
};

class Client {
 public:
  explicit Client(const std::string &scheme_host_port);
  explicit Client(const std::string &scheme_host_port, const std::string &client_cert_path,
                  const std::string &client_key_path);
  explicit Client(const std::string &host, int port);
  explicit Client(const std::string &host, int port, const std::string &client_cert_path,
                  const std::string &client_key_path);
  Client(Client &&) = default;
  ~Client();
  SCOPELINT_HTTPLIB_CLIENT_METHODS
};

class SSLClient : public ClientImpl {
 public:
  explicit SSLClient(const std::string &host);
  explicit SSLClient(const std::string &host, int port);
  explicit SSLClient(const std::string &host, int port, const std::string &client_cert_path,
                     const std::string &client_key_path);
  ~SSLClient() override;
};

}  // namespace httplib
#endif

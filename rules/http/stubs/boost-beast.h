// scopelint stub of Boost.Beast HTTP and the Boost.Asio parts its clients use: declarations only,
// used when Boost is missing.
#ifndef SCOPELINT_STUB_BEAST_H
#define SCOPELINT_STUB_BEAST_H
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#define BOOST_BEAST_VERSION_STRING "Boost.Beast/scopelint-stub"
#define BOOST_BEAST_VERSION 330

typedef struct ssl_st SSL;
long SSL_ctrl(SSL* ssl, int cmd, long larg, void* parg);
int SSL_set_tlsext_host_name(SSL* s, const char* name);

namespace boost {
namespace system {
class error_category {
 public:
  const char* name() const noexcept;
};
class error_code {
 public:
  error_code();
  int value() const;
  std::string message() const;
  explicit operator bool() const;
  const error_category& category() const;
};
class system_error : public std::runtime_error {
 public:
  explicit system_error(const error_code& ec);
  system_error(const error_code& ec, const std::string& what);
  system_error(int ev, const error_category& ecat);
  const error_code& code() const;
};
}  // namespace system

namespace asio {
class io_context {
 public:
  io_context();
  std::size_t run();
  void stop();
};
typedef io_context io_service;
namespace error {
const boost::system::error_category& get_ssl_category();
enum misc_errors { eof = 2 };
enum basic_errors { not_connected = 107 };
}  // namespace error
namespace ip {
class address {
 public:
  std::string to_string() const;
};
class tcp {
 public:
  class endpoint {
   public:
    address address() const;
  };
  class socket {
   public:
    explicit socket(io_context& ioc);
    void close();
    void shutdown(int what, boost::system::error_code& ec);
    enum shutdown_type { shutdown_receive, shutdown_send, shutdown_both };
  };
  class resolver {
   public:
    class results_type {
     public:
      const endpoint* begin() const;
      const endpoint* end() const;
    };
    explicit resolver(io_context& ioc);
    results_type resolve(std::string_view host, std::string_view service);
    results_type resolve(std::string_view host, std::string_view service, boost::system::error_code& ec);
  };
};
}  // namespace ip
template <typename Socket, typename Endpoints>
typename Endpoints::endpoint_type connect(Socket& s, const Endpoints& endpoints);
template <typename Socket>
ip::tcp::endpoint connect(Socket& s, const ip::tcp::resolver::results_type& endpoints);
namespace ssl {
class context {
 public:
  enum method { sslv23, sslv23_client, tls, tls_client, tlsv12_client, tlsv13_client };
  explicit context(method m);
  void set_default_verify_paths();
  void set_verify_mode(int v);
  void load_verify_file(const std::string& filename);
  void add_certificate_authority(const void* ca);
};
typedef int verify_mode;
const int verify_none = 0;
const int verify_peer = 1;
class stream_base {
 public:
  enum handshake_type { client, server };
};
template <typename Stream>
class stream : public stream_base {
 public:
  template <typename Arg>
  stream(Arg&& arg, context& ctx);
  SSL* native_handle();
  Stream& next_layer();
  void handshake(handshake_type type);
  void handshake(handshake_type type, boost::system::error_code& ec);
  void shutdown();
  void shutdown(boost::system::error_code& ec);
};
}  // namespace ssl
}  // namespace asio

namespace beast {
using error_code = boost::system::error_code;
using string_view = std::string_view;
class flat_buffer {
 public:
  flat_buffer();
  std::size_t size() const;
  void consume(std::size_t n);
};
std::string buffers_to_string(const flat_buffer& buffer);
class tcp_stream {
 public:
  explicit tcp_stream(asio::io_context& ioc);
  template <typename Endpoints>
  void connect(const Endpoints& endpoints);
  void connect(const asio::ip::tcp::resolver::results_type& endpoints);
  void expires_after(std::chrono::steady_clock::duration expiry_time);
  void expires_never();
  asio::ip::tcp::socket& socket();
  void close();
};
template <typename NextLayer>
class ssl_stream : public asio::ssl::stream_base {
 public:
  template <typename Arg>
  ssl_stream(Arg&& arg, asio::ssl::context& ctx);
  SSL* native_handle();
  NextLayer& next_layer();
  void handshake(handshake_type type);
  void handshake(handshake_type type, error_code& ec);
  void shutdown();
  void shutdown(error_code& ec);
};
template <typename T>
tcp_stream& get_lowest_layer(T& t);

namespace http {
enum class verb { unknown = 0, delete_, get, head, post, put, connect, options, trace, copy, lock, mkcol, move,
                  propfind, proppatch, search, unlock, bind, rebind, unbind, acl, report, mkactivity, checkout,
                  merge, msearch, notify, subscribe, unsubscribe, patch, purge, mkcalendar, link, unlink };
enum class field : unsigned short { unknown = 0, accept, accept_encoding, accept_language, authorization,
                                    cache_control, connection, content_length, content_type, cookie, date, host,
                                    location, origin, referer, server, set_cookie, user_agent, www_authenticate };
enum class status : unsigned { ok = 200, created = 201, accepted = 202, no_content = 204, bad_request = 400,
                               unauthorized = 401, forbidden = 403, not_found = 404, internal_server_error = 500 };
string_view to_string(verb v);
class fields {
 public:
  string_view operator[](field name) const;
  string_view operator[](string_view name) const;
};
struct string_body {
  using value_type = std::string;
};
struct empty_body {
  struct value_type {};
};
struct dynamic_body {
  using value_type = flat_buffer;
};
template <bool isRequest, class Fields = fields>
class header : public Fields {
 public:
  verb method() const;
  void method(verb v);
  string_view method_string() const;
  void method_string(string_view s);
  string_view target() const;
  void target(string_view s);
  unsigned version() const noexcept;
  void version(unsigned value) noexcept;
  status result() const;
  void result(status v);
  unsigned result_int() const;
  string_view reason() const;
  void set(field name, string_view value);
  void set(string_view name, string_view value);
  void insert(field name, string_view value);
  void insert(string_view name, string_view value);
  void erase(field name);
};
template <bool isRequest, class Body, class Fields = fields>
class message : public header<isRequest, Fields> {
 public:
  message();
  message(verb method, string_view target, unsigned version);
  template <class BodyArg>
  message(verb method, string_view target, unsigned version, BodyArg&& body_arg);
  message(status result, unsigned version);
  typename Body::value_type& body();
  const typename Body::value_type& body() const;
  void prepare_payload();
  void keep_alive(bool value);
  bool keep_alive() const;
  bool need_eof() const;
  void content_length(std::uint64_t value);
  header<isRequest, Fields>& base();
};
template <class Body, class Fields = fields>
using request = message<true, Body, Fields>;
template <class Body, class Fields = fields>
using response = message<false, Body, Fields>;
template <class SyncWriteStream, bool isRequest, class Body, class Fields>
std::size_t write(SyncWriteStream& stream, const message<isRequest, Body, Fields>& msg);
template <class SyncWriteStream, bool isRequest, class Body, class Fields>
std::size_t write(SyncWriteStream& stream, const message<isRequest, Body, Fields>& msg, error_code& ec);
template <class SyncReadStream, class DynamicBuffer, bool isRequest, class Body, class Fields>
std::size_t read(SyncReadStream& stream, DynamicBuffer& buffer, message<isRequest, Body, Fields>& msg);
template <class SyncReadStream, class DynamicBuffer, bool isRequest, class Body, class Fields>
std::size_t read(SyncReadStream& stream, DynamicBuffer& buffer, message<isRequest, Body, Fields>& msg,
                 error_code& ec);
template <class AsyncWriteStream, bool isRequest, class Body, class Fields, class Handler>
void async_write(AsyncWriteStream& stream, const message<isRequest, Body, Fields>& msg, Handler&& handler);
template <class AsyncReadStream, class DynamicBuffer, bool isRequest, class Body, class Fields, class Handler>
void async_read(AsyncReadStream& stream, DynamicBuffer& buffer, message<isRequest, Body, Fields>& msg,
                Handler&& handler);
}  // namespace http
}  // namespace beast
}  // namespace boost
#endif

// scopelint stub of the cpprestsdk HTTP client API: declarations only, used when cpprestsdk is missing.
#ifndef SCOPELINT_STUB_CPPREST_H
#define SCOPELINT_STUB_CPPREST_H
#include <chrono>
#include <cstdint>
#include <sstream>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#define _XPLATSTR(x) x
#define U(x) _XPLATSTR(x)

namespace utility {
typedef char char_t;
typedef std::string string_t;
typedef std::ostringstream ostringstream_t;
namespace conversions {
std::string to_utf8string(const std::string& value);
string_t to_string_t(const std::string& s);
string_t to_string_t(std::string&& s);
namespace details {
template <typename Source>
string_t to_string_t(const Source& s);
}  // namespace details
}  // namespace conversions
}  // namespace utility

namespace pplx {
class cancellation_token {
 public:
  static cancellation_token none();
};
template <typename T>
class task {
 public:
  task();
  T get() const;
  void wait() const;
  template <typename F>
  auto then(F f) const -> task<decltype(f(std::declval<T>()))>;
};
template <>
class task<void> {
 public:
  void get() const;
  void wait() const;
};
}  // namespace pplx

namespace web {
class uri {
 public:
  uri();
  uri(const utility::char_t* uri_string);
  uri(const utility::string_t& uri_string);
  utility::string_t to_string() const;
  const utility::string_t& host() const;
  const utility::string_t& path() const;
  const utility::string_t& query() const;
  static utility::string_t encode_uri(const utility::string_t& raw, int component = 0);
  static utility::string_t encode_data_string(const utility::string_t& data);
  static utility::string_t decode(const utility::string_t& encoded);
};

class uri_builder {
 public:
  uri_builder();
  uri_builder(const utility::char_t* uri_string);
  uri_builder(const utility::string_t& uri_string);
  uri_builder(const uri& uri_str);
  uri_builder& set_scheme(const utility::string_t& scheme);
  uri_builder& set_host(const utility::string_t& host, bool do_encoding = false);
  uri_builder& set_path(const utility::string_t& path, bool do_encoding = false);
  uri_builder& set_query(const utility::string_t& query, bool do_encoding = false);
  uri_builder& append_path(const utility::string_t& path, bool do_encoding = false);
  uri_builder& append_query(const utility::string_t& query, bool do_encoding = false);
  template <typename T>
  uri_builder& append_query(const utility::string_t& name, const T& value, bool do_encoding = true);
  uri_builder& append(const uri& relative_uri);
  utility::string_t to_string() const;
  uri to_uri() const;
};

namespace json {
class array;
class object;
class number {
 public:
  int32_t to_int32() const;
  int64_t to_int64() const;
  double to_double() const;
};
class value {
 public:
  value();
  value(int32_t v);
  value(int64_t v);
  value(double v);
  value(bool v);
  explicit value(utility::string_t v);
  explicit value(const utility::char_t* v);
  static value object(bool keep_order = false);
  static value array();
  static value array(size_t size);
  static value string(utility::string_t v);
  static value number(double v);
  static value number(int32_t v);
  static value number(int64_t v);
  static value boolean(bool v);
  static value null();
  static value parse(const utility::string_t& v);
  utility::string_t serialize() const;
  bool is_null() const;
  bool is_string() const;
  bool has_field(const utility::string_t& key) const;
  const utility::string_t& as_string() const;
  int as_integer() const;
  double as_double() const;
  bool as_bool() const;
  const json::number& as_number() const;
  json::array& as_array();
  const json::array& as_array() const;
  json::object& as_object();
  value& at(const utility::string_t& key);
  const value& at(const utility::string_t& key) const;
  value& at(size_t index);
  value& operator[](const utility::string_t& key);
  value& operator[](size_t index);
};
class array {
 public:
  typedef std::vector<value>::iterator iterator;
  typedef std::vector<value>::const_iterator const_iterator;
  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
  size_t size() const;
  value& at(size_t index);
};
class object {
 public:
  size_t size() const;
};
}  // namespace json

namespace http {
typedef utility::string_t method;
typedef unsigned short status_code;
class methods {
 public:
  static const method GET;
  static const method POST;
  static const method PUT;
  static const method DEL;
  static const method HEAD;
  static const method OPTIONS;
  static const method TRCE;
  static const method CONNECT;
  static const method MERGE;
  static const method PATCH;
};
class status_codes {
 public:
  static const status_code OK = 200;
  static const status_code Created = 201;
  static const status_code Accepted = 202;
  static const status_code NoContent = 204;
  static const status_code BadRequest = 400;
  static const status_code Unauthorized = 401;
  static const status_code Forbidden = 403;
  static const status_code NotFound = 404;
};
class header_names {
 public:
  static const utility::string_t authorization;
  static const utility::string_t content_type;
  static const utility::string_t accept;
};
class http_headers {
 public:
  void add(const utility::string_t& name, const utility::string_t& value);
  bool has(const utility::string_t& name) const;
  utility::string_t& operator[](const utility::string_t& name);
  utility::string_t content_type() const;
  void set_content_type(utility::string_t type);
};
class http_response {
 public:
  http::status_code status_code() const;
  const utility::string_t& reason_phrase() const;
  http_headers& headers();
  const http_headers& headers() const;
  pplx::task<utility::string_t> extract_string(bool ignore_content_type = false) const;
  pplx::task<json::value> extract_json(bool ignore_content_type = false) const;
};
class http_request {
 public:
  http_request();
  http_request(http::method mtd);
  const http::method& method() const;
  void set_method(const http::method& method);
  const web::uri& request_uri() const;
  void set_request_uri(const web::uri& uri);
  http_headers& headers();
  const http_headers& headers() const;
  void set_body(const utility::string_t& body_text, const utility::string_t& content_type = "text/plain; charset=utf-8");
  void set_body(const json::value& body_data);
  pplx::task<json::value> extract_json(bool ignore_content_type = false) const;
};
namespace client {
class http_client_config {
 public:
  void set_timeout(const std::chrono::microseconds& timeout);
  void set_validate_certificates(bool validate);
};
class http_client {
 public:
  http_client(const uri& base_uri);
  http_client(const uri& base_uri, const http_client_config& client_config);
  const uri& base_uri() const;
  pplx::task<http_response> request(http_request request,
                                    const pplx::cancellation_token& token = pplx::cancellation_token::none());
  pplx::task<http_response> request(const method& mtd,
                                    const pplx::cancellation_token& token = pplx::cancellation_token::none());
  pplx::task<http_response> request(const method& mtd, const utility::string_t& path_query_fragment,
                                    const pplx::cancellation_token& token = pplx::cancellation_token::none());
  pplx::task<http_response> request(const method& mtd, const utility::string_t& path_query_fragment,
                                    const json::value& body_data,
                                    const pplx::cancellation_token& token = pplx::cancellation_token::none());
  pplx::task<http_response> request(const method& mtd, const utility::string_t& path_query_fragment,
                                    const utility::string_t& body_data,
                                    const utility::string_t& content_type = "text/plain",
                                    const pplx::cancellation_token& token = pplx::cancellation_token::none());
};
}  // namespace client
}  // namespace http
}  // namespace web
#endif

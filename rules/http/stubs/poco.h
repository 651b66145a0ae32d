// scopelint stub of Poco Net/Foundation HTTP client classes: declarations only, used when Poco is missing.
#ifndef SCOPELINT_STUB_POCO_H
#define SCOPELINT_STUB_POCO_H
#include <cstdint>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace Poco {
class Exception : public std::exception {
 public:
  Exception(const std::string& msg, int code = 0);
  virtual std::string displayText() const;
  const std::string& message() const;
  const char* what() const noexcept override;
};
class Timespan {
 public:
  Timespan();
  Timespan(long seconds, long microseconds);
};
class StreamCopier {
 public:
  static std::streamsize copyStream(std::istream& istr, std::ostream& ostr, std::size_t bufferSize = 8192);
  static std::streamsize copyToString(std::istream& istr, std::string& str, std::size_t bufferSize = 8192);
};
class URI {
 public:
  URI();
  explicit URI(const std::string& uri);
  explicit URI(const char* uri);
  URI(const URI& base, const std::string& relativeURI);
  std::string toString() const;
  const std::string& getScheme() const;
  const std::string& getHost() const;
  unsigned short getPort() const;
  const std::string& getPath() const;
  std::string getPathAndQuery() const;
  std::string getQuery() const;
  void setPath(const std::string& path);
  void setQuery(const std::string& query);
  void setRawQuery(const std::string& query);
  void addQueryParameter(const std::string& param, const std::string& val = "");
  static void encode(const std::string& str, const std::string& reserved, std::string& encodedStr);
};
// Poco/String.h: cat joins a range (the model's "joiners"); the rest as commonly used.
template <class S>
S trim(const S& str);
template <class S>
S& trimInPlace(S& str);
template <class S>
S toUpper(const S& str);
template <class S>
S toLower(const S& str);
template <class S>
int icompare(const S& str1, const S& str2);
template <class S>
S cat(const S& s1, const S& s2);
template <class S>
S cat(const S& s1, const S& s2, const S& s3);
template <class S, class It>
S cat(const S& delim, const It& begin, const It& end);
template <class C>
class AutoPtr {
 public:
  AutoPtr();
  AutoPtr(C* ptr);
  C* operator->();
  const C* operator->() const;
  C& operator*();
  C* get();
};

namespace Net {
class NetException : public Poco::Exception {
 public:
  using Poco::Exception::Exception;
};
class Context {
 public:
  using Ptr = Poco::AutoPtr<Context>;
  enum Usage { CLIENT_USE, SERVER_USE, TLSV1_CLIENT_USE, TLSV1_2_CLIENT_USE };
  enum VerificationMode { VERIFY_NONE, VERIFY_RELAXED, VERIFY_STRICT, VERIFY_ONCE };
  Context(Usage usage, const std::string& privateKeyFile, const std::string& certificateFile,
          const std::string& caLocation, VerificationMode verificationMode = VERIFY_RELAXED, int verificationDepth = 9,
          bool loadDefaultCAs = false, const std::string& cipherList = "ALL");
  Context(Usage usage, const std::string& caLocation, VerificationMode verificationMode = VERIFY_RELAXED);
};

class NameValueCollection {
 public:
  void set(const std::string& name, const std::string& value);
  void add(const std::string& name, const std::string& value);
  const std::string& get(const std::string& name) const;
  bool has(const std::string& name) const;
};

class MessageHeader : public NameValueCollection {};

class HTTPMessage : public MessageHeader {
 public:
  void setVersion(const std::string& version);
  const std::string& getVersion() const;
  void setContentLength(std::streamsize length);
  std::streamsize getContentLength() const;
  void setContentLength64(std::int64_t length);
  void setTransferEncoding(const std::string& transferEncoding);
  void setChunkedTransferEncoding(bool flag);
  void setContentType(const std::string& mediaType);
  const std::string& getContentType() const;
  void setKeepAlive(bool keepAlive);
  static const std::string HTTP_1_0;
  static const std::string HTTP_1_1;
  static const std::string IDENTITY_TRANSFER_ENCODING;
  static const std::string CHUNKED_TRANSFER_ENCODING;
  static const int UNKNOWN_CONTENT_LENGTH;
  static const std::string UNKNOWN_CONTENT_TYPE;
};

class HTTPRequest : public HTTPMessage {
 public:
  HTTPRequest();
  HTTPRequest(const std::string& version);
  HTTPRequest(const std::string& method, const std::string& uri);
  HTTPRequest(const std::string& method, const std::string& uri, const std::string& version);
  void setMethod(const std::string& method);
  const std::string& getMethod() const;
  void setURI(const std::string& uri);
  void setURI(const Poco::URI& uri);
  const std::string& getURI() const;
  void setHost(const std::string& host);
  void setHost(const std::string& host, unsigned short port);
  const std::string& getHost() const;
  void setCredentials(const std::string& scheme, const std::string& authInfo);
  bool hasCredentials() const;
  static const std::string HTTP_GET;
  static const std::string HTTP_HEAD;
  static const std::string HTTP_PUT;
  static const std::string HTTP_POST;
  static const std::string HTTP_OPTIONS;
  static const std::string HTTP_DELETE;
  static const std::string HTTP_TRACE;
  static const std::string HTTP_CONNECT;
  static const std::string HTTP_PATCH;
  static const std::string HOST;
  static const std::string AUTHORIZATION;
};

class HTTPResponse : public HTTPMessage {
 public:
  enum HTTPStatus {
    HTTP_CONTINUE = 100, HTTP_OK = 200, HTTP_CREATED = 201, HTTP_ACCEPTED = 202, HTTP_NO_CONTENT = 204,
    HTTP_MOVED_PERMANENTLY = 301, HTTP_FOUND = 302, HTTP_NOT_MODIFIED = 304, HTTP_BAD_REQUEST = 400,
    HTTP_UNAUTHORIZED = 401, HTTP_FORBIDDEN = 403, HTTP_NOT_FOUND = 404, HTTP_CONFLICT = 409,
    HTTP_INTERNAL_SERVER_ERROR = 500, HTTP_SERVICE_UNAVAILABLE = 503
  };
  HTTPResponse();
  HTTPResponse(HTTPStatus status);
  HTTPStatus getStatus() const;
  void setStatus(HTTPStatus status);
  const std::string& getReason() const;
};

class HTTPClientSession {
 public:
  HTTPClientSession();
  explicit HTTPClientSession(const std::string& host, std::uint16_t port = 80);
  virtual ~HTTPClientSession();
  void setHost(const std::string& host);
  const std::string& getHost() const;
  void setPort(std::uint16_t port);
  std::uint16_t getPort() const;
  void setTimeout(const Poco::Timespan& timeout);
  void setKeepAlive(bool keepAlive);
  void setProxy(const std::string& host, std::uint16_t port = 8080);
  virtual std::ostream& sendRequest(HTTPRequest& request);
  virtual std::istream& receiveResponse(HTTPResponse& response);
  void reset();
};

class HTTPSClientSession : public HTTPClientSession {
 public:
  HTTPSClientSession();
  explicit HTTPSClientSession(const std::string& host, std::uint16_t port = 443);
  HTTPSClientSession(Context::Ptr pContext);
  HTTPSClientSession(const std::string& host, std::uint16_t port, Context::Ptr pContext);
};

class HTTPBasicCredentials {
 public:
  HTTPBasicCredentials();
  HTTPBasicCredentials(const std::string& username, const std::string& password);
  void authenticate(HTTPRequest& request) const;
};

class HTMLForm : public NameValueCollection {
 public:
  HTMLForm();
  explicit HTMLForm(const std::string& encoding);
  explicit HTMLForm(const HTTPRequest& request);
  void setEncoding(const std::string& encoding);
  void prepareSubmit(HTTPRequest& request, int options = 0);
  void write(std::ostream& ostr);
  void write(std::ostream& ostr, const std::string& boundary);
  static const std::string ENCODING_URL;
  static const std::string ENCODING_MULTIPART;
};
}  // namespace Net

namespace Util {
// Settings read with a default (the model's "defaults"): the rest of the configuration API is not modelled.
class AbstractConfiguration {
 public:
  virtual ~AbstractConfiguration();
  bool hasProperty(const std::string& key) const;
  std::string getString(const std::string& key) const;
  std::string getString(const std::string& key, const std::string& defaultValue) const;
  std::string getRawString(const std::string& key) const;
  std::string getRawString(const std::string& key, const std::string& defaultValue) const;
  int getInt(const std::string& key) const;
  int getInt(const std::string& key, int defaultValue) const;
  bool getBool(const std::string& key) const;
  bool getBool(const std::string& key, bool defaultValue) const;
  void setString(const std::string& key, const std::string& value);
};
class PropertyFileConfiguration : public AbstractConfiguration {
 public:
  PropertyFileConfiguration();
  explicit PropertyFileConfiguration(const std::string& path);
};
class IniFileConfiguration : public AbstractConfiguration {
 public:
  IniFileConfiguration();
  explicit IniFileConfiguration(const std::string& path);
};
class JSONConfiguration : public AbstractConfiguration {
 public:
  JSONConfiguration();
  explicit JSONConfiguration(const std::string& path);
};
}  // namespace Util
}  // namespace Poco
#endif

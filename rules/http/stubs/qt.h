// scopelint stub of the Qt 5 Core/Network API: declarations only, used when Qt is missing.
#ifndef SCOPELINT_STUB_QT_H
#define SCOPELINT_STUB_QT_H
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>

typedef std::int64_t qint64;
typedef std::uint64_t quint64;
typedef std::int32_t qint32;
typedef std::uint16_t quint16;
typedef unsigned int uint;
typedef double qreal;

class QString;
class QByteArray;
class QUrl;
class QVariant;
template <typename T> class QList;
typedef QList<QString> QStringList;

class QChar {
 public:
  QChar();
  QChar(char c);
};

class QLatin1String {
 public:
  explicit QLatin1String(const char* s);
  explicit QLatin1String(const QByteArray& s);
};

class QByteArray {
 public:
  QByteArray();
  QByteArray(const char* data, int size = -1);
  QByteArray(const QByteArray& other);
  QByteArray& operator=(const QByteArray& other);
  QByteArray& operator=(const char* str);
  QByteArray& append(const QByteArray& a);
  QByteArray& append(const char* s);
  QByteArray& append(char c);
  QByteArray& operator+=(const QByteArray& a);
  QByteArray& operator+=(const char* s);
  QByteArray& operator+=(char c);
  const char* constData() const;
  const char* data() const;
  char* data();
  int size() const;
  int length() const;
  bool isEmpty() const;
  int indexOf(const char* c, int from = 0) const;
  int indexOf(char c, int from = 0) const;
  QByteArray mid(int index, int len = -1) const;
  QByteArray left(int len) const;
  QByteArray right(int len) const;
  QByteArray trimmed() const;
  bool startsWith(const char* c) const;
  bool contains(const char* c) const;
  std::string toStdString() const;
  QByteArray toBase64() const;
  QByteArray toPercentEncoding(const QByteArray& exclude = QByteArray(), const QByteArray& include = QByteArray(),
                               char percent = '%') const;
  static QByteArray number(int n, int base = 10);
  static QByteArray number(qint64 n, int base = 10);
  static QByteArray fromStdString(const std::string& s);
  static QByteArray fromBase64(const QByteArray& base64);
  static QByteArray fromPercentEncoding(const QByteArray& pctEncoded, char percent = '%');
  operator const char*() const;
};
const QByteArray operator+(const QByteArray& a1, const QByteArray& a2);
const QByteArray operator+(const QByteArray& a1, const char* a2);
const QByteArray operator+(const char* a1, const QByteArray& a2);
const QByteArray operator+(const QByteArray& a1, char a2);
bool operator==(const QByteArray& a1, const char* a2);
bool operator!=(const QByteArray& a1, const char* a2);

class QString {
 public:
  QString();
  QString(const char* str);
  QString(const QByteArray& a);
  QString(QChar c);
  QString(const QString& other);
  QString(QLatin1String latin1);
  QString& operator=(const QString& other);
  QString& operator=(const char* str);
  QString& append(const QString& str);
  QString& append(const char* str);
  QString& prepend(const QString& str);
  QString& operator+=(const QString& s);
  QString& operator+=(const char* s);
  QString& operator+=(QChar c);
  QString arg(const QString& a, int fieldWidth = 0, QChar fillChar = QChar(' ')) const;
  QString arg(qint64 a, int fieldwidth = 0, int base = 10, QChar fillChar = QChar(' ')) const;
  QString arg(int a, int fieldWidth = 0, int base = 10, QChar fillChar = QChar(' ')) const;
  QString arg(long a, int fieldwidth = 0, int base = 10, QChar fillChar = QChar(' ')) const;
  QString arg(uint a, int fieldWidth = 0, int base = 10, QChar fillChar = QChar(' ')) const;
  QString arg(double a, int fieldWidth = 0, char fmt = 'g', int prec = -1, QChar fillChar = QChar(' ')) const;
  QString arg(const QString& a1, const QString& a2) const;
  QString arg(const QString& a1, const QString& a2, const QString& a3) const;
  QByteArray toUtf8() const;
  QByteArray toLatin1() const;
  QByteArray toLocal8Bit() const;
  std::string toStdString() const;
  int toInt(bool* ok = nullptr, int base = 10) const;
  qint64 toLongLong(bool* ok = nullptr, int base = 10) const;
  bool isEmpty() const;
  int size() const;
  int length() const;
  QString trimmed() const;
  QString toLower() const;
  QString toUpper() const;
  QString mid(int position, int n = -1) const;
  QString left(int n) const;
  QString right(int n) const;
  bool startsWith(const QString& s) const;
  bool endsWith(const QString& s) const;
  bool contains(const QString& s) const;
  int indexOf(const QString& s, int from = 0) const;
  QStringList split(const QString& sep) const;
  QString section(QChar sep, int start, int end = -1) const;
  QString section(const QString& sep, int start, int end = -1) const;
  bool contains(QChar c) const;
  static QString number(int n, int base = 10);
  static QString number(uint n, int base = 10);
  static QString number(long n, int base = 10);
  static QString number(qint64 n, int base = 10);
  static QString number(quint64 n, int base = 10);
  static QString number(double n, char format = 'g', int precision = 6);
  static QString fromUtf8(const char* str, int size = -1);
  static QString fromUtf8(const QByteArray& str);
  static QString fromLatin1(const char* str, int size = -1);
  static QString fromLatin1(const QByteArray& str);
  static QString fromLocal8Bit(const char* str, int size = -1);
  static QString fromLocal8Bit(const QByteArray& str);
  static QString fromStdString(const std::string& s);
};
const QString operator+(const QString& s1, const QString& s2);
const QString operator+(const QString& s1, const char* s2);
const QString operator+(const char* s1, const QString& s2);
const QString operator+(const QString& s1, QChar s2);
const QString operator+(QChar s1, const QString& s2);
bool operator==(const QString& s1, const QString& s2);
bool operator!=(const QString& s1, const QString& s2);
bool operator==(const QString& s1, const char* s2);

#define QStringLiteral(str) QString(str)
#define QByteArrayLiteral(str) QByteArray(str)
#define QT_STRINGIFY(x) #x
#define Q_OBJECT
#define Q_SIGNALS public
#define Q_SLOTS
#define signals public
#define slots
#define emit
#define SIGNAL(a) "2" #a
#define SLOT(a) "1" #a
#define qPrintable(string) (string).toLocal8Bit().constData()
#define qUtf8Printable(string) (string).toUtf8().constData()
#define Q_UNUSED(x) (void)x;

// As in Qt 5, QStringList's own methods (join) come from a base of QList<QString>.
template <typename T>
struct QListSpecialMethods {};
template <>
struct QListSpecialMethods<QString> {
  QString join(const QString& sep) const;
  QString join(QChar sep) const;
};

template <typename T>
class QList : public QListSpecialMethods<T> {
 public:
  QList();
  QList(std::initializer_list<T> args);
  void append(const T& t);
  void push_back(const T& t);
  int size() const;
  bool isEmpty() const;
  const T& at(int i) const;
  const T& first() const;
  const T& operator[](int i) const;
  T& operator[](int i);
  const T* begin() const;
  const T* end() const;
  QList& operator<<(const T& t);
  QList& operator+=(const T& t);
  void clear();
};


class QVariant {
 public:
  QVariant();
  QVariant(int i);
  QVariant(qint64 i);
  QVariant(bool b);
  QVariant(const char* s);
  QVariant(const QString& s);
  QVariant(const QByteArray& a);
  QString toString() const;
  QByteArray toByteArray() const;
  int toInt(bool* ok = nullptr) const;
  qint64 toLongLong(bool* ok = nullptr) const;
  bool toBool() const;
  bool isValid() const;
};

class QUrlQuery;
class QUrl {
 public:
  enum ParsingMode { TolerantMode, StrictMode, DecodedMode };
  enum ComponentFormattingOption { PrettyDecoded = 0, EncodeSpaces = 0x100000, EncodeUnicode = 0x200000,
                                   EncodeDelimiters = 0xc00000, EncodeReserved = 0x1000000,
                                   DecodeReserved = 0x2000000, FullyEncoded = 0x3f00000, FullyDecoded = 0x7f00000 };
  typedef int ComponentFormattingOptions;
  typedef int FormattingOptions;
  QUrl();
  QUrl(const QString& url, ParsingMode mode = TolerantMode);
  QUrl(const char* url);
  QUrl(const QUrl& copy);
  QUrl& operator=(const QUrl& url);
  QUrl& operator=(const QString& url);
  void setUrl(const QString& url, ParsingMode mode = TolerantMode);
  void setScheme(const QString& scheme);
  void setHost(const QString& host, ParsingMode mode = DecodedMode);
  void setPort(int port);
  void setPath(const QString& path, ParsingMode mode = DecodedMode);
  void setQuery(const QString& query, ParsingMode mode = TolerantMode);
  void setQuery(const QUrlQuery& query);
  QString path(ComponentFormattingOptions options = FullyDecoded) const;
  QString host(ComponentFormattingOptions = FullyDecoded) const;
  QString query(ComponentFormattingOptions = PrettyDecoded) const;
  QString toString(FormattingOptions options = FormattingOptions(PrettyDecoded)) const;
  QString url(FormattingOptions options = FormattingOptions(PrettyDecoded)) const;
  QByteArray toEncoded(FormattingOptions options = FullyEncoded) const;
  bool isValid() const;
  QUrl resolved(const QUrl& relative) const;
  static QUrl fromUserInput(const QString& userInput);
  static QByteArray toPercentEncoding(const QString&, const QByteArray& exclude = QByteArray(),
                                      const QByteArray& include = QByteArray());
  static QString fromPercentEncoding(const QByteArray&);
};

class QUrlQuery {
 public:
  QUrlQuery();
  explicit QUrlQuery(const QUrl& url);
  explicit QUrlQuery(const QString& queryString);
  QUrlQuery(std::initializer_list<std::pair<QString, QString>> list);
  void setQuery(const QString& queryString);
  QString query(QUrl::ComponentFormattingOptions encoding = QUrl::PrettyDecoded) const;
  QString toString(QUrl::ComponentFormattingOptions encoding = QUrl::PrettyDecoded) const;
  void addQueryItem(const QString& key, const QString& value);
  void removeQueryItem(const QString& key);
  bool hasQueryItem(const QString& key) const;
  QString queryItemValue(const QString& key, QUrl::ComponentFormattingOptions encoding = QUrl::PrettyDecoded) const;
  bool isEmpty() const;
};

class QObject;
namespace Qt {
enum ConnectionType { AutoConnection, DirectConnection, QueuedConnection };
}
class QMetaObject {
 public:
  class Connection {
   public:
    Connection();
  };
};
class QObject {
 public:
  explicit QObject(QObject* parent = nullptr);
  virtual ~QObject();
  void deleteLater();
  QObject* parent() const;
  void setParent(QObject* parent);
  template <typename Sender, typename Signal, typename Functor>
  static QMetaObject::Connection connect(const Sender* sender, Signal signal, Functor functor);
  template <typename Sender, typename Signal, typename Receiver, typename Functor>
  static QMetaObject::Connection connect(const Sender* sender, Signal signal, const Receiver* context,
                                         Functor functor, Qt::ConnectionType type = Qt::AutoConnection);
  static QMetaObject::Connection connect(const QObject* sender, const char* signal, const QObject* receiver,
                                         const char* member, Qt::ConnectionType = Qt::AutoConnection);
  static bool disconnect(const QObject* sender, const char* signal, const QObject* receiver, const char* member);
};

class QCoreApplication : public QObject {
 public:
  QCoreApplication(int& argc, char** argv);
  static int exec();
  static void quit();
  static void exit(int retcode = 0);
  static QCoreApplication* instance();
  static QStringList arguments();
};

class QEventLoop : public QObject {
 public:
  explicit QEventLoop(QObject* parent = nullptr);
  int exec();
  void quit();
  void exit(int returnCode = 0);
};

class QTimer : public QObject {
 public:
  explicit QTimer(QObject* parent = nullptr);
  void start(int msec);
  void stop();
  void setSingleShot(bool singleShot);
  void setInterval(int msec);
  void timeout();
  template <typename Functor>
  static void singleShot(int msec, Functor functor);
  template <typename Context, typename Functor>
  static void singleShot(int msec, const Context* context, Functor functor);
};

class QSettings : public QObject {
 public:
  enum Format { NativeFormat, IniFormat };
  QSettings(const QString& organization, const QString& application = QString(), QObject* parent = nullptr);
  QSettings(const QString& fileName, Format format, QObject* parent = nullptr);
  explicit QSettings(QObject* parent = nullptr);
  QVariant value(const QString& key, const QVariant& defaultValue = QVariant()) const;
  void setValue(const QString& key, const QVariant& value);
  bool contains(const QString& key) const;
};

QString qEnvironmentVariable(const char* varName);
QString qEnvironmentVariable(const char* varName, const QString& defaultValue);

class QIODevice : public QObject {
 public:
  QByteArray readAll();
  QByteArray read(qint64 maxlen);
  qint64 write(const QByteArray& data);
  bool open(int mode);
  void close();
  void readyRead();
  void aboutToClose();
};

class QFile : public QIODevice {
 public:
  explicit QFile(const QString& name);
  bool exists() const;
};

class QDebug {
 public:
  QDebug& operator<<(const QString& t);
  QDebug& operator<<(const QByteArray& t);
  QDebug& operator<<(const char* t);
  QDebug& operator<<(int t);
  QDebug& operator<<(qint64 t);
  QDebug& operator<<(double t);
  QDebug& noquote();
};
QDebug qDebug();
QDebug qWarning();
QDebug qCritical();
QDebug qInfo();

class QJsonValue;
class QJsonObject;
class QJsonArray;
class QJsonDocument {
 public:
  enum JsonFormat { Indented, Compact };
  QJsonDocument();
  explicit QJsonDocument(const QJsonObject& object);
  explicit QJsonDocument(const QJsonArray& array);
  static QJsonDocument fromJson(const QByteArray& json, void* error = nullptr);
  QByteArray toJson(JsonFormat format = Indented) const;
  QJsonObject object() const;
  QJsonArray array() const;
  bool isObject() const;
  bool isArray() const;
  bool isNull() const;
};
class QJsonValue {
 public:
  QJsonValue();
  QJsonValue(int v);
  QJsonValue(qint64 v);
  QJsonValue(double v);
  QJsonValue(bool b);
  QJsonValue(const QString& s);
  QJsonValue(const char* s);
  QJsonValue(const QJsonObject& o);
  QJsonValue(const QJsonArray& a);
  QString toString() const;
  int toInt(int defaultValue = 0) const;
  double toDouble(double defaultValue = 0) const;
  bool toBool(bool defaultValue = false) const;
  QJsonObject toObject() const;
  QJsonArray toArray() const;
  QVariant toVariant() const;
  bool isUndefined() const;
  bool isNull() const;
};
class QJsonObject {
 public:
  QJsonObject();
  QJsonObject(std::initializer_list<std::pair<QString, QJsonValue>> args);
  QJsonValue value(const QString& key) const;
  QJsonValue operator[](const QString& key) const;
  QJsonValue& operator[](const QString& key);
  void insert(const QString& key, const QJsonValue& value);
  bool contains(const QString& key) const;
};
class QJsonArray {
 public:
  QJsonArray();
  QJsonArray(std::initializer_list<QJsonValue> args);
  void append(const QJsonValue& value);
  int size() const;
  QJsonValue at(int i) const;
  const QJsonValue* begin() const;
  const QJsonValue* end() const;
};

class QSslConfiguration {
 public:
  static QSslConfiguration defaultConfiguration();
};

class QNetworkRequest {
 public:
  enum KnownHeaders { ContentTypeHeader, ContentLengthHeader, LocationHeader, LastModifiedHeader,
                      CookieHeader, SetCookieHeader, ContentDispositionHeader, UserAgentHeader, ServerHeader };
  enum Attribute { HttpStatusCodeAttribute, HttpReasonPhraseAttribute, RedirectionTargetAttribute,
                   FollowRedirectsAttribute = 20 };
  QNetworkRequest();
  explicit QNetworkRequest(const QUrl& url);
  QNetworkRequest(const QNetworkRequest& other);
  QNetworkRequest& operator=(const QNetworkRequest& other);
  QUrl url() const;
  void setUrl(const QUrl& url);
  QVariant header(KnownHeaders header) const;
  void setHeader(KnownHeaders header, const QVariant& value);
  bool hasRawHeader(const QByteArray& headerName) const;
  QByteArray rawHeader(const QByteArray& headerName) const;
  void setRawHeader(const QByteArray& headerName, const QByteArray& value);
  QVariant attribute(Attribute code, const QVariant& defaultValue = QVariant()) const;
  void setAttribute(Attribute code, const QVariant& value);
  void setSslConfiguration(const QSslConfiguration& configuration);
  void setTransferTimeout(int timeout);
};

class QNetworkReply : public QIODevice {
 public:
  enum NetworkError { NoError = 0, ConnectionRefusedError = 1, HostNotFoundError, TimeoutError,
                      OperationCanceledError, ContentNotFoundError = 203, AuthenticationRequiredError = 204,
                      UnknownContentError = 299 };
  NetworkError error() const;
  QString errorString() const;
  QUrl url() const;
  QVariant attribute(QNetworkRequest::Attribute code) const;
  QVariant header(QNetworkRequest::KnownHeaders header) const;
  QByteArray rawHeader(const QByteArray& headerName) const;
  bool isFinished() const;
  void abort();
  void finished();
  void errorOccurred(QNetworkReply::NetworkError);
  void downloadProgress(qint64 bytesReceived, qint64 bytesTotal);
};

class QHttpPart {
 public:
  QHttpPart();
  void setHeader(QNetworkRequest::KnownHeaders header, const QVariant& value);
  void setRawHeader(const QByteArray& headerName, const QByteArray& headerValue);
  void setBody(const QByteArray& body);
  void setBodyDevice(QIODevice* device);
};
class QHttpMultiPart : public QObject {
 public:
  enum ContentType { MixedType, RelatedType, FormDataType, AlternativeType };
  explicit QHttpMultiPart(QObject* parent = nullptr);
  explicit QHttpMultiPart(ContentType contentType, QObject* parent = nullptr);
  void append(const QHttpPart& httpPart);
};

class QNetworkAccessManager : public QObject {
 public:
  explicit QNetworkAccessManager(QObject* parent = nullptr);
  QNetworkReply* head(const QNetworkRequest& request);
  QNetworkReply* get(const QNetworkRequest& request);
  QNetworkReply* post(const QNetworkRequest& request, QIODevice* data);
  QNetworkReply* post(const QNetworkRequest& request, const QByteArray& data);
  QNetworkReply* post(const QNetworkRequest& request, QHttpMultiPart* multiPart);
  QNetworkReply* put(const QNetworkRequest& request, QIODevice* data);
  QNetworkReply* put(const QNetworkRequest& request, const QByteArray& data);
  QNetworkReply* put(const QNetworkRequest& request, QHttpMultiPart* multiPart);
  QNetworkReply* deleteResource(const QNetworkRequest& request);
  QNetworkReply* sendCustomRequest(const QNetworkRequest& request, const QByteArray& verb, QIODevice* data = nullptr);
  QNetworkReply* sendCustomRequest(const QNetworkRequest& request, const QByteArray& verb, const QByteArray& data);
  QNetworkReply* sendCustomRequest(const QNetworkRequest& request, const QByteArray& verb, QHttpMultiPart* multiPart);
  void finished(QNetworkReply* reply);
};

#endif

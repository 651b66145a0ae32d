// The embedded stub headers (tool/extract/stubs/*.inc) and the directory they appear in.
#include "extract/stub_headers.h"

#include <algorithm>

namespace scopelint::extract {
namespace {

const char* const kCurl =
#include "extract/stubs/curl_curl.h.inc"
    ;
const char* const kCpr =
#include "extract/stubs/cpr_cpr.h.inc"
    ;
const char* const kHttplib =
#include "extract/stubs/httplib.h.inc"
    ;
const char* const kQt =
#include "extract/stubs/qt.h.inc"
    ;
const char* const kPoco =
#include "extract/stubs/poco.h.inc"
    ;
const char* const kCpprest =
#include "extract/stubs/cpprest.h.inc"
    ;
const char* const kBeast =
#include "extract/stubs/beast.h.inc"
    ;

}  // namespace

const std::vector<StubHeader>& stub_headers() {
  static const std::vector<StubHeader> headers = [] {
    std::vector<StubHeader> list = {
        {"curl/curl.h", kCurl},
        {"cpr/cpr.h", kCpr},
        {"httplib.h", kHttplib},
    };
    for (const char* alias : {"cpr/api.h", "cpr/session.h", "cpr/response.h", "cpr/payload.h",
                              "cpr/body.h", "cpr/cprtypes.h", "cpr/parameters.h", "cpr/multipart.h"}) {
      list.push_back({alias, "#include <cpr/cpr.h>\n"});
    }
    for (const char* alias : {"curl/easy.h", "curl/multi.h"}) {
      list.push_back({alias, "#include <curl/curl.h>\n"});
    }
    list.push_back({"scopelint_qt_stub.h", kQt});
    for (const char* module : {"QtCore", "QtNetwork"}) {
      for (const char* name :
           {"QByteArray", "QCoreApplication", "QDebug", "QEventLoop", "QFile", "QIODevice", "QJsonArray",
            "QJsonDocument", "QJsonObject", "QJsonValue", "QList", "QObject", "QSettings", "QString",
            "QStringList", "QTimer", "QUrl", "QUrlQuery", "QVariant", "QHttpMultiPart", "QHttpPart",
            "QNetworkAccessManager", "QNetworkReply", "QNetworkRequest", "QSslConfiguration", module}) {
        list.push_back({std::string(module) + "/" + name, "#include <scopelint_qt_stub.h>\n"});
        if (std::string(name) != module) list.push_back({name, "#include <scopelint_qt_stub.h>\n"});
      }
    }
    list.push_back({"Poco/scopelint_poco_stub.h", kPoco});
    for (const char* name :
         {"Poco/Net/HTTPRequest.h", "Poco/Net/HTTPResponse.h", "Poco/Net/HTTPMessage.h", "Poco/Net/HTTPClientSession.h",
          "Poco/Net/HTTPSClientSession.h", "Poco/Net/HTMLForm.h", "Poco/Net/HTTPBasicCredentials.h",
          "Poco/Net/NetException.h", "Poco/Net/Context.h", "Poco/Net/SSLManager.h", "Poco/Net/NameValueCollection.h",
          "Poco/StreamCopier.h", "Poco/URI.h", "Poco/Exception.h", "Poco/Timespan.h", "Poco/AutoPtr.h"}) {
      list.push_back({name, "#include <Poco/scopelint_poco_stub.h>\n"});
    }
    list.push_back({"cpprest/scopelint_cpprest_stub.h", kCpprest});
    for (const char* name : {"cpprest/http_client.h", "cpprest/http_msg.h", "cpprest/uri.h", "cpprest/uri_builder.h",
                             "cpprest/json.h", "cpprest/asyncrt_utils.h", "cpprest/details/basic_types.h",
                             "cpprest/base_uri.h", "cpprest/filestream.h", "cpprest/containerstream.h",
                             "pplx/pplxtasks.h"}) {
      list.push_back({name, "#include <cpprest/scopelint_cpprest_stub.h>\n"});
    }
    list.push_back({"boost/scopelint_beast_stub.hpp", kBeast});
    for (const char* name :
         {"boost/beast.hpp", "boost/beast/http.hpp", "boost/beast/core.hpp", "boost/beast/ssl.hpp",
          "boost/beast/version.hpp", "boost/beast/http/message.hpp", "boost/beast/http/string_body.hpp",
          "boost/beast/http/empty_body.hpp", "boost/beast/http/dynamic_body.hpp", "boost/beast/http/read.hpp",
          "boost/beast/http/write.hpp", "boost/beast/http/verb.hpp", "boost/beast/http/field.hpp",
          "boost/asio.hpp", "boost/asio/connect.hpp", "boost/asio/ip/tcp.hpp", "boost/asio/ssl.hpp",
          "boost/asio/ssl/error.hpp", "boost/asio/ssl/stream.hpp", "boost/asio/io_context.hpp",
          "boost/system/error_code.hpp", "boost/system/system_error.hpp"}) {
      list.push_back({name, "#include <boost/scopelint_beast_stub.hpp>\n"});
    }
    return list;
  }();
  return headers;
}

const std::vector<std::pair<std::string, std::string>>& stub_files() {
  static const std::vector<std::pair<std::string, std::string>> files = [] {
    std::vector<std::pair<std::string, std::string>> list;
    for (const auto& header : stub_headers()) {
      list.emplace_back(std::string(kStubDirectory) + "/" + header.path, header.text);
    }
    return list;
  }();
  return files;
}

bool uses_stub_directory(const std::vector<std::string>& argv) {
  return std::find(argv.begin(), argv.end(), kStubDirectory) != argv.end();
}

}  // namespace scopelint::extract

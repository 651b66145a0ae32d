// The HTTP library models (rules/http/*.json) as the matchers use them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/http_method.h"

namespace scopelint::extract {

// What an argument or a setter gives a request.
// Header: a string naming one header; HeaderLine: a "Name: value" line; Headers: a collection of
// name/value pairs (their keys are the names).
enum class Role { Url, Method, Fields, Raw, UnknownBody, Base, Header, HeaderLine, Headers, Ignore, ByType };

// libcurl-style API: options set on a handle, then a perform call (rules/http/libcurl.json).
struct HandleOption {
  bool url = false;
  bool custom_method = false;  // the value is the method name; overrides the others
  std::optional<HttpMethod> method;  // set by the option (when `when_true`, only for a true value)
  bool when_true = false;
  std::optional<Role> body;  // Raw: the value is the body; UnknownBody: a body is sent
  bool header_list = false;  // the value is a list of "Name: value" lines (StringApis::list_appenders)
};
struct HandleApi {
  std::string setopt;  // function name
  unsigned handle_arg = 0, option_arg = 1, value_arg = 2;
  std::vector<std::string> perform, reset;
  std::map<std::string, HandleOption> options;  // by option constant name
};

// A client object whose constructor fixes the base (httplib::Client, http_client, sessions).
struct ClientModel {
  std::vector<std::string> types;
  std::vector<unsigned> base_args;  // constructor arguments joined with `base_join`
  std::string base_join = ":";
};

// A constructor form of a request object: applies when it has at least `min_args` arguments.
struct ConstructorForm {
  unsigned min_args = 0;
  std::map<Role, unsigned> args;
};
struct SetterModel {
  Role role = Role::Url;
  unsigned arg = 0;
  std::string when_arg0;  // only when argument 0 names this constant (e.g. field::host)
};
// An object that holds a request (QNetworkRequest, Poco HTTPRequest, beast request, cpr::Session).
struct RequestObjectModel {
  std::vector<std::string> types;
  std::vector<ConstructorForm> constructors;  // most arguments first
  // By method name; the first of a name whose `when_arg0` holds applies (beast's set(field::host, h)
  // gives the base, any other set(name, value) a header).
  std::map<std::string, std::vector<SetterModel>> setters;
  std::map<std::string, SetterModel> assigned_members;  // `obj.body() = x`, by method name
  // Objective-C: messages that make the object (`[NSMutableURLRequest requestWithURL:u]`,
  // `[[NSMutableURLRequest alloc] initWithURL:u]`), by selector; properties assigned
  // (`req.HTTPMethod = @"POST"`), by name.
  std::map<std::string, ConstructorForm> factories;
  std::map<std::string, SetterModel> properties;
  // The method of an object on which none is set (NSURLRequest's HTTPMethod is "GET").
  std::optional<HttpMethod> default_method;
  bool report_unsent = false;  // a request object never sent in its function is still a request
  // `form.prepareSubmit(req)`: a call of this name taking the object makes its receiver the body.
  std::map<std::string, Role> attached_by;
};

// A call that makes a request: a free function (cpr::Get) or a method of one of `classes`.
struct CallModel {
  std::vector<std::string> functions;  // qualified names of free functions
  std::vector<std::string> classes;  // or: methods of these classes, named in `names`
  std::map<std::string, std::string> names;  // callee name -> method ("" = from arguments)
  std::optional<unsigned> url_arg, method_arg, body_arg;
  std::optional<int> request_arg;  // a request object argument; -1: the receiver
  std::string when_arg0_type;  // form applies only if argument 0 has this type
  bool body_after_url = false;  // classify the arguments after the URL (first string = raw body)
  bool args_by_type = false;  // classify every argument by its type (arg_types)
  bool base_from_receiver = false;
  bool body_stream = false;  // the call returns a stream; what is written into it is the body
};

struct EncoderModel {
  std::string function;
  unsigned arg = 0;
};

// A function joining a container of strings with a separator (`QStringList::join(sep)`): the
// container is the receiver of a method, else argument `list`.
struct JoinerModel {
  std::string function;
  std::optional<unsigned> list;
  unsigned separator = 0;
  // The list as two iterator arguments, `begin` and the next one (`Poco::cat(sep, v.begin(), v.end())`).
  std::optional<unsigned> begin;
};

// A method giving some fields of its receiver split by a separator (`QString::section(sep, start,
// end)`): fields `start` to `end` (inclusive; an end of -1 is the last field) joined by `sep`.
struct SectionModel {
  std::string function;
  unsigned separator = 0;
  unsigned start = 1;
  std::optional<unsigned> end;  // the argument, when the method takes one
};

// A function percent-encoding argument `from` and appending the result to the string argument
// `into` (`Poco::URI::encode(str, reserved, out)`).
struct OutEncoderModel {
  std::string function;
  unsigned from = 0;
  unsigned into = 0;
};

// A function resolving a URL reference against a base URL (`[NSURL URLWithString:ref
// relativeToURL:base]`, `base.resolved(ref)`): the reference an argument, the base another or the receiver.
struct RelativeUrlModel {
  std::string function;
  unsigned reference = 0;
  std::optional<unsigned> base;  // none: the receiver (`base.resolved(QUrl("oauth2/token/"))`)
};

// `encoded`: the reader gives the values percent-encoded (NSURLComponents::percentEncodedQuery).
struct QueryItemsModel {
  std::string reader;  // "NSURLComponents::percentEncodedQuery"
  std::string setter;  // the items' setter selector, "setQueryItems:"
  std::string item;  // the selector making one item from a name and a value, "queryItemWithName:value:"
  bool encoded = true;
};

// The declarations scopelint parses with when the library's real headers are missing
// (stub_headers.h): a header text and the include names that reach it.
struct StubModel {
  std::string path;  // as included: "curl/curl.h"
  std::string text;  // the stub header (rules/http/stubs/<library>.h)
  std::vector<std::string> aliases;  // other include names that include `path`
};

// A command-line option read whose default is given where the option is made: `parser.value(opt)`
// with `QCommandLineOption opt(name, help, valueName, "https://...")` or `opt.setDefaultValue(v)`.
struct OptionDefaultModel {
  std::string function;  // QCommandLineParser::value
  unsigned option = 0;  // its argument naming the option variable
  unsigned constructor_default = 0;  // the option's constructor argument holding the default
  std::string setter;  // QCommandLineOption::setDefaultValue: sets the default (its argument 0)
};

struct LibraryModel {
  std::string library;  // "libcurl"
  std::string file;  // "rules/http/libcurl.json"
  std::optional<StubModel> stub;
  std::vector<std::string> string_types;  // the library's own string-like types ("QString")
  std::optional<HandleApi> handle_api;
  std::vector<ClientModel> clients;
  std::vector<RequestObjectModel> request_objects;
  std::vector<CallModel> calls;
  std::map<std::string, Role> arg_types;  // type name -> role
  std::map<std::string, std::string> method_constants;  // qualified name -> method
};

// String-building APIs of all libraries together (used by the string resolver).
struct StringApis {
  std::vector<std::string> passthrough;  // value of the receiver (methods) or argument 0 (functions)
  std::vector<EncoderModel> encoders;  // percent-encode one argument
  std::vector<std::string> format_methods;  // QString::arg: %1.. replaced by the arguments
  // printf formats (`[NSString stringWithFormat:@"%@/x", a]`): the format is argument `arg`, the
  // values follow it (%@ and %s take a value).
  std::vector<EncoderModel> printf_formats;
  // Methods whose value is their receiver followed by their own value (argument 0, or their
  // printf format): `[base stringByAppendingString:p]`, `stringByAppendingFormat:`.
  std::vector<std::string> appenders;
  std::vector<RelativeUrlModel> relative_urls;  // URLWithString:relativeToURL:
  // Methods that append to their receiver (`[path appendString:p]`, `appendFormat:`).
  std::vector<std::string> mutating_appenders;
  // A query made of items set on the object (`form.queryItems = @[[NSURLQueryItem
  // queryItemWithName:k value:v], ...]`, read as `form.percentEncodedQuery`), by the reader's name.
  std::vector<QueryItemsModel> query_items;
  std::vector<std::string> literal_macros;  // QStringLiteral("x"): the literal inside
  std::vector<std::string> path_appenders;  // uri_builder::append_path
  std::vector<std::string> query_appenders;  // uri_builder::append_query(k, v)
  std::vector<std::string> wildcards;  // functions whose value is run-time (QString::number)
  std::vector<std::string> field_adders;  // methods adding a key/value pair to a form object
  std::vector<std::string> path_of_url;  // Poco::URI::getPathAndQuery: the path part of a URL
  std::vector<std::string> path_only_of_url;  // QUrl::path: the path without the query, "" when none
  std::vector<std::string> host_of_url;  // Poco::URI::getHost: the host part of a URL
  std::vector<std::string> query_of_url;  // web::uri_builder::query: the query, without the "?"
  std::vector<std::string> query_setters;  // QUrl::setQuery(q) on a URL variable
  std::vector<std::string> path_setters;  // QUrl::setPath(p) on a URL variable
  // `list = curl_slist_append(list, item)`: functions that return a list with one more item, and
  // the item's argument (the list is argument 0).
  std::vector<EncoderModel> list_appenders;
  std::vector<JoinerModel> joiners;  // QStringList::join(sep): the elements with sep between them
  std::vector<SectionModel> sections;  // QString::section(sep, start, end)
  std::vector<OutEncoderModel> out_encoders;  // Poco::URI::encode(str, reserved, out)
  // Reads of configuration with a default (`QSettings::value(key, default)`): the value is taken
  // to be the default argument, the deployment's usual one (`arg` is its index).
  std::vector<EncoderModel> defaults;
  std::vector<OptionDefaultModel> option_defaults;  // the default of a command-line option read
  const OutEncoderModel* out_encoder(const std::string& function) const;
  const EncoderModel* printf_format(const std::string& function) const;
};

struct LibraryModels {
  std::vector<LibraryModel> libraries;
  StringApis strings;
};

// Parses one model file; throws std::runtime_error("<file>: <json path>: <problem>").
void load_library_model(const std::string& file, const std::string& text, LibraryModels& into);

// Every embedded rules/http/*.json, sorted by path.
const LibraryModels& builtin_library_models();

}  // namespace scopelint::extract

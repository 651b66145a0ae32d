// Settings read the ways client programs read them: a C struct filled from a key=value file over
// its braced defaults, a Qt command-line option's default, a record copied member by member
// (extract/resolve/configured_values.cpp, extract/clang/field_initializers.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

using test::urls_of;

TEST(SettingsSources, AnArrayMemberFilledFromASettingsFileKeepsItsBracedDefault) {
  // `char base_url[256]`: the bound is not an initializer. snprintf from the file is a run-time
  // alternative beside the default main writes.
  const std::string source = R"(#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
typedef struct { char base_url[256]; char client_id[128]; } conf_t;
static void load(const char *line, conf_t *cf) {
  if (!strncmp(line, "base_url=", 9)) snprintf(cf->base_url, sizeof cf->base_url, "%s", line + 9);
}
static void get(CURL *h, const conf_t *cf) {
  char url[300];
  snprintf(url, sizeof url, "%s/appointments/", cf->base_url);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
}
int main(int argc, char **argv) {
  conf_t cf = {"https://sandbox.elationemr.com/api/2.0", ""};
  CURL *h = curl_easy_init();
  if (argc > 1) load(argv[1], &cf);
  get(h, &cf);
  return 0;
}
)";
  const std::vector<std::string> expected = {"11 https://sandbox.elationemr.com/api/2.0/appointments/",
                                             "11 {}/appointments/"};
  EXPECT_EQ(urls_of(source, "reminder.c"), expected);
}

TEST(SettingsSources, AMemberWithOnlyAnArrayBoundHasNoValue) {
  const std::string source = R"(#include <curl/curl.h>
#include <stdio.h>
struct conf { char base[256]; };
void get(CURL *h, struct conf *cf) {
  char url[300];
  snprintf(url, sizeof url, "%s/patients/", cf->base);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
}
)";
  const std::vector<std::string> expected = {"7 {}/patients/"};
  EXPECT_EQ(urls_of(source, "get.c"), expected);
}

TEST(SettingsSources, AQtCommandLineOptionIsItsDefault) {
  // The default as the option's constructor argument, or set later with setDefaultValue.
  const std::string source = R"(#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>
int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCommandLineParser parser;
  QCommandLineOption api("api", "API root", "url", "https://sandbox.elationemr.com/api/2.0");
  QCommandLineOption other("other", "Other root", "url");
  other.setDefaultValue("https://app.elationemr.com/api/2.0");
  parser.addOption(api);
  parser.addOption(other);
  parser.process(app);
  QNetworkAccessManager nam;
  nam.get(QNetworkRequest(QUrl(parser.value(api) + "/visit_notes/")));
  nam.get(QNetworkRequest(QUrl(parser.value(other) + "/patients/")));
  return 0;
}
)";
  const Facts facts = test::facts_of_source(source, "signer.cpp", {"-fPIC", "-I/usr/include/x86_64-linux-gnu/qt5"});
  std::vector<std::string> urls;
  for (const auto& call : facts.calls) urls.push_back(call.url.value_or("<none>"));
  EXPECT_EQ(urls, (std::vector<std::string>{"https://sandbox.elationemr.com/api/2.0/visit_notes/",
                                            "https://app.elationemr.com/api/2.0/patients/"}));
}

TEST(SettingsSources, AMemberCopiedIntoAnotherStringLeavesItsObjectUnchanged) {
  // `std::string host = ep.host` constructs a string from the member; it does not change `ep`.
  const std::string source = R"(#include <httplib.h>
#include <string>
struct Endpoint { std::string host; std::string prefix; };
int main() {
  Endpoint ep{"https://app.elationemr.com", "/api/2.0"};
  std::string host = ep.host;
  httplib::Client cli(host);
  cli.Get(ep.prefix + "/patients/");
}
)";
  const std::vector<std::string> expected = {"8 /api/2.0/patients/"};
  EXPECT_EQ(urls_of(source), expected);
}

}  // namespace
}  // namespace scopelint

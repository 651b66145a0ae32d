// Objective-C clients (rules/http/foundation.json, extract/clang/objc_cursors.cpp): message sends
// are calls, NSMutableURLRequest is a request object, NSString and NSURL building is followed, and
// the project's own classes are read like C++ ones (helper methods, properties, instance variables).
// Foundation is not installed: these are read with the stub header, as on a Linux CI machine.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

// "<line> <method> <url> [headers...]" of each call, scanned as an Objective-C file.
std::vector<std::string> requests_of(const std::string& source, const std::string& name = "Client.m") {
  std::vector<std::string> out;
  for (const auto& call : test::facts_of_source(source, name).calls) {
    std::string line = std::to_string(call.location.line) + " " +
                       (call.method ? std::string(to_string(*call.method)) : "?") + " " + call.url.value_or("<none>");
    for (const auto& header : call.headers) line += " " + header;
    out.push_back(line);
  }
  return out;
}

std::string body_of(const std::string& source, const std::string& name = "Client.m") {
  const auto calls = test::facts_of_source(source, name).calls;
  return calls.empty() || !calls.front().body.raw ? "<none>" : *calls.front().body.raw;
}

TEST(ObjcRequests, AMutableRequestSentByASessionWithItsMethodHeadersAndBody) {
  const std::string source = R"(#import <Foundation/Foundation.h>
static NSString *const kBase = @"https://app.elationemr.com/api/2.0";
void send(NSString *token, NSData *json) {
  NSURL *url = [NSURL URLWithString:[kBase stringByAppendingString:@"/problems/"]];
  NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url];
  request.HTTPMethod = @"POST";
  [request setValue:[NSString stringWithFormat:@"Bearer %@", token] forHTTPHeaderField:@"Authorization"];
  [request setValue:@"9" forHTTPHeaderField:@"X-On-Behalf-Of"];
  request.HTTPBody = json;
  [[[NSURLSession sharedSession] dataTaskWithRequest:request
                                   completionHandler:^(NSData *d, NSURLResponse *r, NSError *e) {}] resume];
}
)";
  EXPECT_EQ(requests_of(source),
            (std::vector<std::string>{"5 POST https://app.elationemr.com/api/2.0/problems/ Authorization X-On-Behalf-Of"}));
}

TEST(ObjcRequests, AnUnsetMethodIsGetAndAUrlTaskIsGet) {
  EXPECT_EQ(requests_of(R"(#import <Foundation/Foundation.h>
void load(NSString *patient) {
  NSString *path = [NSString stringWithFormat:@"https://app.elationemr.com/api/2.0/patients/%@/", patient];
  [[NSURLSession sharedSession] dataTaskWithURL:[NSURL URLWithString:path]];
  NSURLRequest *plain = [[NSURLRequest alloc] initWithURL:[NSURL URLWithString:@"https://app.elationemr.com/api/2.0/allergies/"]];
  [NSURLConnection sendSynchronousRequest:plain returningResponse:NULL error:NULL];
}
)"),
            (std::vector<std::string>{"4 GET https://app.elationemr.com/api/2.0/patients/{}/",
                                      "5 GET https://app.elationemr.com/api/2.0/allergies/"}));
}

TEST(ObjcRequests, AScopeListJoinedFromAnArrayLiteralIsTheTokenBody) {
  EXPECT_EQ(body_of(R"(#import <Foundation/Foundation.h>
void token(void) {
  NSArray<NSString *> *scopes = @[ @"system/patients.read", @"system/allergies.read" ];
  NSMutableString *form = [NSMutableString stringWithString:@"grant_type=client_credentials"];
  [form appendFormat:@"&scope=%@", [scopes componentsJoinedByString:@"%20"]];
  NSMutableURLRequest *r = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:@"https://app.elationemr.com/api/2.0/oauth2/token/"]];
  [r setHTTPMethod:@"POST"];
  [r setHTTPBody:[form dataUsingEncoding:NSUTF8StringEncoding]];
  [[NSURLSession sharedSession] dataTaskWithRequest:r];
}
)"),
            "grant_type=client_credentials&scope=system/patients.read%20system/allergies.read");
}

TEST(ObjcRequests, AForInLoopOverAnArrayLiteralIsARequestPerPath) {
  EXPECT_EQ(requests_of(R"(#import <Foundation/Foundation.h>
void sync(void) {
  for (NSString *path in @[ @"/patients/", @"/problems/" ]) {
    NSURL *url = [NSURL URLWithString:[@"https://app.elationemr.com/api/2.0" stringByAppendingString:path]];
    [[NSURLSession sharedSession] dataTaskWithURL:url];
  }
}
)"),
            (std::vector<std::string>{"5 GET https://app.elationemr.com/api/2.0/patients/",
                                      "5 GET https://app.elationemr.com/api/2.0/problems/"}));
}

TEST(ObjcRequests, AHelperMethodsRequestAndAPathFromASwitchMethod) {
  // The URL is reported where the helper is called, with the argument it is given there.
  EXPECT_EQ(requests_of(R"(#import <Foundation/Foundation.h>
typedef NS_ENUM(NSInteger, Feed) { FeedProblems, FeedAllergies };
@interface Client : NSObject
@end
@implementation Client
- (NSMutableURLRequest *)requestFor:(NSString *)path {
  NSURL *url = [NSURL URLWithString:[@"https://app.elationemr.com/api/2.0" stringByAppendingString:path]];
  return [NSMutableURLRequest requestWithURL:url];
}
- (NSString *)pathFor:(Feed)feed {
  switch (feed) {
    case FeedProblems: return @"/problems/";
    case FeedAllergies: return @"/allergies/";
  }
  return nil;
}
- (void)run {
  NSMutableURLRequest *request = [self requestFor:[self pathFor:FeedAllergies]];
  [request setHTTPMethod:@"DELETE"];
  [[NSURLSession sharedSession] dataTaskWithRequest:request];
}
@end
)"),
            (std::vector<std::string>{"18 DELETE https://app.elationemr.com/api/2.0/allergies/"}));
}

TEST(ObjcRequests, ABaseKeptInAPropertyOrAnInstanceVariableSetInInit) {
  // `_root = root` in initWithRoot: is each caller's argument; `self.base` the value it is set to.
  EXPECT_EQ(requests_of(R"(#import <Foundation/Foundation.h>
@interface Client : NSObject {
  NSURL *_root;
}
@property (nonatomic, copy) NSString *base;
- (instancetype)initWithRoot:(NSURL *)root;
@end
@implementation Client
- (instancetype)initWithRoot:(NSURL *)root {
  self = [super init];
  if (self) _root = root;
  return self;
}
- (void)run {
  self.base = @"https://app.elationemr.com/api/2.0";
  [[NSURLSession sharedSession] dataTaskWithURL:[NSURL URLWithString:@"problems/" relativeToURL:_root]];
  [[NSURLSession sharedSession] dataTaskWithURL:[NSURL URLWithString:[self.base stringByAppendingString:@"/vitals/"]]];
}
@end
int main(void) {
  Client *c = [[Client alloc] initWithRoot:[NSURL URLWithString:@"https://app.elationemr.com/api/2.0/"]];
  [c run];
  return 0;
}
)"),
            (std::vector<std::string>{"16 GET https://app.elationemr.com/api/2.0/problems/",
                                      "17 GET https://app.elationemr.com/api/2.0/vitals/"}));
}

TEST(ObjcRequests, NSURLComponentsWithAPathAndAnUploadTaskBody) {
  EXPECT_EQ(requests_of(R"(#import <Foundation/Foundation.h>
void upload(NSData *pdf) {
  NSURLComponents *components = [NSURLComponents componentsWithString:@"https://app.elationemr.com"];
  components.path = @"/api/2.0/incoming_files/";
  NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:components.URL];
  request.HTTPMethod = @"POST";
  [[NSURLSession sharedSession] uploadTaskWithRequest:request fromData:pdf];
}
)"),
            (std::vector<std::string>{"5 POST https://app.elationemr.com/api/2.0/incoming_files/"}));
}

TEST(ObjcRequests, AFormOfQueryItemsAndATokenUnderABaseKnownAtRunTime) {
  // NSURLComponents encodes a query item's space as %20 and keeps its '/'; a base URL known only
  // at run time is a directory the relative reference goes under.
  const std::string source = R"(#import <Foundation/Foundation.h>
void token(NSURL *base, NSString *secret) {
  NSArray<NSString *> *scopes = @[ @"system/patients.read", @"system/vitals.write" ];
  NSURLComponents *form = [[NSURLComponents alloc] init];
  form.queryItems = @[
    [NSURLQueryItem queryItemWithName:@"grant_type" value:@"client_credentials"],
    [NSURLQueryItem queryItemWithName:@"client_secret" value:secret],
    [NSURLQueryItem queryItemWithName:@"scope" value:[scopes componentsJoinedByString:@" "]],
  ];
  NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:@"oauth2/token/" relativeToURL:base]];
  request.HTTPMethod = @"POST";
  request.HTTPBody = [form.percentEncodedQuery dataUsingEncoding:NSUTF8StringEncoding];
  [[NSURLSession sharedSession] dataTaskWithRequest:request];
}
)";
  EXPECT_EQ(body_of(source), "grant_type=client_credentials&client_secret={}&scope=system/patients.read%20system/vitals.write");
  EXPECT_EQ(requests_of(source), (std::vector<std::string>{"10 POST {}/oauth2/token/"}));
}

TEST(ObjcRequests, ObjectiveCPlusPlusReadsStdStringsIntoNSStrings) {
  EXPECT_EQ(requests_of(R"(#import <Foundation/Foundation.h>
#include <string>
static NSString *ns(const std::string &s) { return [NSString stringWithUTF8String:s.c_str()]; }
void f(void) {
  const std::string root = "https://app.elationemr.com/api/2.0";
  [[NSURLSession sharedSession] dataTaskWithURL:[NSURL URLWithString:ns(root + "/letters/")]];
}
)", "Client.mm"),
            (std::vector<std::string>{"6 GET https://app.elationemr.com/api/2.0/letters/"}));
}

TEST(ObjcRequests, OtherClassesAndSelectorsAreNotRequests) {
  // A class of the project's with a selector like a session's is not a session.
  EXPECT_EQ(requests_of(R"(#import <Foundation/Foundation.h>
@interface Cache : NSObject
- (id)dataTaskWithRequest:(NSURLRequest *)request;
@end
@implementation Cache
- (id)dataTaskWithRequest:(NSURLRequest *)request { return nil; }
@end
void f(Cache *cache) {
  [cache dataTaskWithRequest:[NSURLRequest requestWithURL:[NSURL URLWithString:@"https://app.elationemr.com/api/2.0/patients/"]]];
}
)"),
            (std::vector<std::string>{}));
}

}  // namespace
}  // namespace scopelint

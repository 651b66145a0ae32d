// scopelint stub of Apple's Foundation URL loading API (NSURLSession, NSURLConnection,
// NSURLRequest, NSURL, NSString): declarations only, used when Foundation is missing.
#ifndef SCOPELINT_STUB_FOUNDATION_H
#define SCOPELINT_STUB_FOUNDATION_H
#include <stddef.h>
#include <stdint.h>

typedef signed char BOOL;
#define YES ((BOOL)1)
#define NO ((BOOL)0)
#ifndef nil
#define nil ((id)0)
#endif
typedef long NSInteger;
typedef unsigned long NSUInteger;
typedef double NSTimeInterval;
typedef NSUInteger NSStringEncoding;
enum { NSASCIIStringEncoding = 1, NSUTF8StringEncoding = 4 };
typedef NSUInteger NSURLRequestCachePolicy;
enum { NSURLRequestUseProtocolCachePolicy = 0, NSURLRequestReloadIgnoringLocalCacheData = 1 };
typedef NSUInteger NSJSONReadingOptions;
typedef NSUInteger NSJSONWritingOptions;
enum { NSJSONReadingMutableContainers = 1, NSJSONWritingPrettyPrinted = 1 };
#define NS_ASSUME_NONNULL_BEGIN
#define NS_ASSUME_NONNULL_END
#define NS_ENUM(type, name) enum name : type name; enum name : type
#define NS_OPTIONS(type, name) enum name : type name; enum name : type

@class NSString, NSData, NSURL, NSError, NSArray, NSDictionary, NSURLResponse, NSOperationQueue;
@class NSCharacterSet, NSNumber;

@protocol NSObject
@end
@protocol NSCopying
@end
@protocol NSMutableCopying
@end
@protocol NSFastEnumeration
@end

__attribute__((objc_root_class))
@interface NSObject <NSObject>
+ (instancetype)alloc;
+ (instancetype)new;
- (instancetype)init;
- (id)copy;
- (id)mutableCopy;
- (NSString *)description;
- (BOOL)isEqual:(id)object;
- (BOOL)isKindOfClass:(Class)aClass;
- (BOOL)respondsToSelector:(SEL)aSelector;
+ (Class)class;
@end

@interface NSString : NSObject <NSCopying, NSMutableCopying>
+ (instancetype)string;
+ (instancetype)stringWithString:(NSString *)string;
+ (instancetype)stringWithFormat:(NSString *)format, ...;
+ (instancetype)stringWithUTF8String:(const char *)bytes;
+ (instancetype)stringWithCString:(const char *)bytes encoding:(NSStringEncoding)encoding;
- (instancetype)initWithFormat:(NSString *)format, ...;
- (instancetype)initWithString:(NSString *)string;
- (instancetype)initWithUTF8String:(const char *)bytes;
- (instancetype)initWithData:(NSData *)data encoding:(NSStringEncoding)encoding;
- (NSString *)stringByAppendingString:(NSString *)string;
- (NSString *)stringByAppendingFormat:(NSString *)format, ...;
- (NSString *)stringByAppendingPathComponent:(NSString *)component;
- (NSString *)stringByAddingPercentEncodingWithAllowedCharacters:(NSCharacterSet *)allowed;
- (NSString *)stringByTrimmingCharactersInSet:(NSCharacterSet *)set;
- (NSString *)stringByReplacingOccurrencesOfString:(NSString *)target withString:(NSString *)replacement;
- (NSArray *)componentsSeparatedByString:(NSString *)separator;
- (NSData *)dataUsingEncoding:(NSStringEncoding)encoding;
- (BOOL)hasPrefix:(NSString *)prefix;
- (BOOL)hasSuffix:(NSString *)suffix;
- (BOOL)isEqualToString:(NSString *)other;
- (NSInteger)integerValue;
- (int)intValue;
- (BOOL)boolValue;
- (NSString *)lowercaseString;
- (NSString *)substringFromIndex:(NSUInteger)from;
@property (readonly) NSUInteger length;
@property (readonly) const char *UTF8String;
@end

// The class of @"..." literals on runtimes other than Apple's.
@interface NSConstantString : NSString
@end

@interface NSMutableString : NSString
+ (instancetype)stringWithCapacity:(NSUInteger)capacity;
- (void)appendString:(NSString *)string;
- (void)appendFormat:(NSString *)format, ...;
- (void)setString:(NSString *)string;
@end

@interface NSCharacterSet : NSObject
@property (class, readonly, copy) NSCharacterSet *URLQueryAllowedCharacterSet;
@property (class, readonly, copy) NSCharacterSet *URLPathAllowedCharacterSet;
@property (class, readonly, copy) NSCharacterSet *whitespaceAndNewlineCharacterSet;
@end

@interface NSData : NSObject <NSCopying>
+ (instancetype)data;
+ (instancetype)dataWithBytes:(const void *)bytes length:(NSUInteger)length;
+ (instancetype)dataWithContentsOfFile:(NSString *)path;
- (NSString *)base64EncodedStringWithOptions:(NSUInteger)options;
@property (readonly) NSUInteger length;
@property (readonly) const void *bytes;
@end

@interface NSMutableData : NSData
- (void)appendData:(NSData *)other;
@end

@interface NSNumber : NSObject
+ (NSNumber *)numberWithInt:(int)value;
+ (NSNumber *)numberWithInteger:(NSInteger)value;
+ (NSNumber *)numberWithLong:(long)value;
+ (NSNumber *)numberWithLongLong:(long long)value;
+ (NSNumber *)numberWithUnsignedLong:(unsigned long)value;
+ (NSNumber *)numberWithDouble:(double)value;
+ (NSNumber *)numberWithBool:(BOOL)value;
@property (readonly) NSInteger integerValue;
@property (readonly) BOOL boolValue;
@property (readonly, copy) NSString *stringValue;
@end

@interface NSArray<ObjectType> : NSObject <NSCopying, NSFastEnumeration>
+ (instancetype)array;
+ (instancetype)arrayWithObjects:(const ObjectType [])objects count:(NSUInteger)count;
+ (instancetype)arrayWithObjects:(ObjectType)first, ...;
+ (instancetype)arrayWithArray:(NSArray<ObjectType> *)array;
- (ObjectType)objectAtIndex:(NSUInteger)index;
- (ObjectType)objectAtIndexedSubscript:(NSUInteger)index;
- (NSString *)componentsJoinedByString:(NSString *)separator;
- (NSArray<ObjectType> *)arrayByAddingObject:(ObjectType)object;
- (BOOL)containsObject:(ObjectType)object;
@property (readonly) NSUInteger count;
@property (readonly) ObjectType firstObject;
@property (readonly) ObjectType lastObject;
@end

@interface NSMutableArray<ObjectType> : NSArray<ObjectType>
- (void)addObject:(ObjectType)object;
- (void)addObjectsFromArray:(NSArray<ObjectType> *)array;
- (void)removeAllObjects;
@end

@interface NSDictionary<KeyType, ObjectType> : NSObject <NSCopying, NSFastEnumeration>
+ (instancetype)dictionary;
+ (instancetype)dictionaryWithObjects:(const ObjectType [])objects forKeys:(const KeyType [])keys count:(NSUInteger)count;
+ (instancetype)dictionaryWithObjectsAndKeys:(id)first, ...;
- (ObjectType)objectForKey:(KeyType)key;
- (ObjectType)objectForKeyedSubscript:(KeyType)key;
@property (readonly, copy) NSArray<KeyType> *allKeys;
@property (readonly) NSUInteger count;
@end

@interface NSMutableDictionary<KeyType, ObjectType> : NSDictionary<KeyType, ObjectType>
- (void)setObject:(ObjectType)object forKey:(KeyType)key;
- (void)setObject:(ObjectType)object forKeyedSubscript:(KeyType)key;
- (void)removeObjectForKey:(KeyType)key;
@end

@interface NSError : NSObject
+ (instancetype)errorWithDomain:(NSString *)domain code:(NSInteger)code userInfo:(NSDictionary *)info;
@property (readonly) NSInteger code;
@property (readonly, copy) NSString *domain;
@property (readonly, copy) NSString *localizedDescription;
@end

@interface NSProcessInfo : NSObject
+ (NSProcessInfo *)processInfo;
@property (readonly, copy) NSDictionary<NSString *, NSString *> *environment;
@property (readonly, copy) NSArray<NSString *> *arguments;
@end

@interface NSUserDefaults : NSObject
+ (NSUserDefaults *)standardUserDefaults;
- (NSString *)stringForKey:(NSString *)key;
- (id)objectForKey:(NSString *)key;
- (BOOL)boolForKey:(NSString *)key;
- (void)setObject:(id)value forKey:(NSString *)key;
@end

@interface NSBundle : NSObject
+ (NSBundle *)mainBundle;
- (id)objectForInfoDictionaryKey:(NSString *)key;
@end

@interface NSJSONSerialization : NSObject
+ (id)JSONObjectWithData:(NSData *)data options:(NSJSONReadingOptions)options error:(NSError **)error;
+ (NSData *)dataWithJSONObject:(id)object options:(NSJSONWritingOptions)options error:(NSError **)error;
@end

@interface NSDate : NSObject
+ (instancetype)date;
@property (readonly) NSTimeInterval timeIntervalSince1970;
@end

@interface NSOperationQueue : NSObject
+ (NSOperationQueue *)mainQueue;
@end

@interface NSURL : NSObject <NSCopying>
+ (instancetype)URLWithString:(NSString *)string;
+ (instancetype)URLWithString:(NSString *)string relativeToURL:(NSURL *)base;
+ (instancetype)fileURLWithPath:(NSString *)path;
- (instancetype)initWithString:(NSString *)string;
- (instancetype)initWithString:(NSString *)string relativeToURL:(NSURL *)base;
- (NSURL *)URLByAppendingPathComponent:(NSString *)component;
@property (readonly, copy) NSString *absoluteString;
@property (readonly, copy) NSURL *absoluteURL;
@property (readonly, copy) NSString *host;
@property (readonly, copy) NSString *path;
@property (readonly, copy) NSString *query;
@property (readonly, copy) NSString *scheme;
@end

@interface NSURLQueryItem : NSObject <NSCopying>
+ (instancetype)queryItemWithName:(NSString *)name value:(NSString *)value;
- (instancetype)initWithName:(NSString *)name value:(NSString *)value;
@property (readonly, copy) NSString *name;
@property (readonly, copy) NSString *value;
@end

@interface NSURLComponents : NSObject <NSCopying>
+ (instancetype)componentsWithString:(NSString *)string;
+ (instancetype)componentsWithURL:(NSURL *)url resolvingAgainstBaseURL:(BOOL)resolve;
- (instancetype)initWithString:(NSString *)string;
@property (copy) NSString *scheme;
@property (copy) NSString *host;
@property (copy) NSString *path;
@property (copy) NSString *query;
@property (copy) NSString *percentEncodedQuery;
@property (copy) NSArray<NSURLQueryItem *> *queryItems;
@property (readonly, copy) NSURL *URL;
@property (readonly, copy) NSString *string;
@end

@interface NSURLRequest : NSObject <NSCopying, NSMutableCopying>
+ (instancetype)requestWithURL:(NSURL *)URL;
+ (instancetype)requestWithURL:(NSURL *)URL cachePolicy:(NSURLRequestCachePolicy)policy timeoutInterval:(NSTimeInterval)timeout;
- (instancetype)initWithURL:(NSURL *)URL;
- (instancetype)initWithURL:(NSURL *)URL cachePolicy:(NSURLRequestCachePolicy)policy timeoutInterval:(NSTimeInterval)timeout;
- (NSString *)valueForHTTPHeaderField:(NSString *)field;
@property (readonly, copy) NSURL *URL;
@property (readonly, copy) NSString *HTTPMethod;
@property (readonly, copy) NSDictionary<NSString *, NSString *> *allHTTPHeaderFields;
@property (readonly, copy) NSData *HTTPBody;
@property (readonly) NSTimeInterval timeoutInterval;
@end

@interface NSMutableURLRequest : NSURLRequest
@property (copy) NSURL *URL;
@property (copy) NSString *HTTPMethod;
@property (copy) NSDictionary<NSString *, NSString *> *allHTTPHeaderFields;
@property (copy) NSData *HTTPBody;
@property NSTimeInterval timeoutInterval;
@property NSURLRequestCachePolicy cachePolicy;
- (void)setValue:(NSString *)value forHTTPHeaderField:(NSString *)field;
- (void)addValue:(NSString *)value forHTTPHeaderField:(NSString *)field;
@end

@interface NSURLResponse : NSObject <NSCopying>
@property (readonly, copy) NSURL *URL;
@property (readonly, copy) NSString *MIMEType;
@end

@interface NSHTTPURLResponse : NSURLResponse
@property (readonly) NSInteger statusCode;
@property (readonly, copy) NSDictionary *allHeaderFields;
- (NSString *)valueForHTTPHeaderField:(NSString *)field;
@end

@interface NSURLSessionTask : NSObject <NSCopying>
- (void)resume;
- (void)cancel;
@property (readonly, copy) NSURLRequest *originalRequest;
@property (readonly, copy) NSURLRequest *currentRequest;
@end
@interface NSURLSessionDataTask : NSURLSessionTask
@end
@interface NSURLSessionUploadTask : NSURLSessionDataTask
@end
@interface NSURLSessionDownloadTask : NSURLSessionTask
@end

@interface NSURLSessionConfiguration : NSObject <NSCopying>
@property (class, readonly, strong) NSURLSessionConfiguration *defaultSessionConfiguration;
@property (class, readonly, strong) NSURLSessionConfiguration *ephemeralSessionConfiguration;
@property (copy) NSDictionary *HTTPAdditionalHeaders;
@property NSTimeInterval timeoutIntervalForRequest;
@end

@protocol NSURLSessionDelegate <NSObject>
@end

@interface NSURLSession : NSObject
@property (class, readonly, strong) NSURLSession *sharedSession;
+ (NSURLSession *)sessionWithConfiguration:(NSURLSessionConfiguration *)configuration;
+ (NSURLSession *)sessionWithConfiguration:(NSURLSessionConfiguration *)configuration
                                  delegate:(id<NSURLSessionDelegate>)delegate
                             delegateQueue:(NSOperationQueue *)queue;
- (NSURLSessionDataTask *)dataTaskWithRequest:(NSURLRequest *)request;
- (NSURLSessionDataTask *)dataTaskWithURL:(NSURL *)url;
- (NSURLSessionUploadTask *)uploadTaskWithRequest:(NSURLRequest *)request fromData:(NSData *)body;
- (NSURLSessionDownloadTask *)downloadTaskWithRequest:(NSURLRequest *)request;
- (NSURLSessionDownloadTask *)downloadTaskWithURL:(NSURL *)url;
- (void)finishTasksAndInvalidate;
- (void)invalidateAndCancel;
@end

@interface NSURLSession (NSURLSessionAsynchronousConvenience)
- (NSURLSessionDataTask *)dataTaskWithRequest:(NSURLRequest *)request
                            completionHandler:(void (^)(NSData *data, NSURLResponse *response, NSError *error))handler;
- (NSURLSessionDataTask *)dataTaskWithURL:(NSURL *)url
                        completionHandler:(void (^)(NSData *data, NSURLResponse *response, NSError *error))handler;
- (NSURLSessionUploadTask *)uploadTaskWithRequest:(NSURLRequest *)request
                                         fromData:(NSData *)body
                                completionHandler:(void (^)(NSData *data, NSURLResponse *response, NSError *error))handler;
- (NSURLSessionDownloadTask *)downloadTaskWithRequest:(NSURLRequest *)request
                                    completionHandler:(void (^)(NSURL *location, NSURLResponse *response, NSError *error))handler;
@end

@interface NSURLConnection : NSObject
+ (NSData *)sendSynchronousRequest:(NSURLRequest *)request
                 returningResponse:(NSURLResponse **)response
                             error:(NSError **)error;
+ (void)sendAsynchronousRequest:(NSURLRequest *)request
                          queue:(NSOperationQueue *)queue
              completionHandler:(void (^)(NSURLResponse *response, NSData *data, NSError *error))handler;
+ (NSURLConnection *)connectionWithRequest:(NSURLRequest *)request delegate:(id)delegate;
- (instancetype)initWithRequest:(NSURLRequest *)request delegate:(id)delegate;
@end

#ifdef __cplusplus
extern "C" {
#endif
void NSLog(NSString *format, ...);
typedef struct dispatch_semaphore_s *dispatch_semaphore_t;
typedef uint64_t dispatch_time_t;
#define DISPATCH_TIME_FOREVER (~0ull)
dispatch_semaphore_t dispatch_semaphore_create(long value);
long dispatch_semaphore_wait(dispatch_semaphore_t sema, dispatch_time_t timeout);
long dispatch_semaphore_signal(dispatch_semaphore_t sema);
#ifdef __cplusplus
}
#endif

#endif

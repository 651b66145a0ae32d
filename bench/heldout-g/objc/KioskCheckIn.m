//
//  KioskCheckIn.m
//  Lobby check-in helper: the kiosk app hands us the appointment, the
//  patient and the photo it just took; we confirm the patient, refresh the
//  chart photo, flip the appointment to "Checked In" and print a visitor
//  badge on the lobby printer.
//
//  usage: kiosk-checkin <appointment-id> <patient-id> <photo.jpg>
//  env:   ELATION_BASE_URL (must end with /), ELATION_CLIENT_ID, ELATION_CLIENT_SECRET
//

#import <Foundation/Foundation.h>

static NSString *const ELDefaultBaseURL = @"https://sandbox.elationemr.com/api/2.0/";
static NSString *const ELBadgePrinterURL = @"http://badge-printer.lobby.local:9100/print";

// The kiosk flow is strictly sequential, so every request is waited for.
@interface ELWaiter : NSObject
- (void)signal;
- (void)wait;
@end

@implementation ELWaiter {
    NSCondition *_condition;
    BOOL _done;
}

- (instancetype)init
{
    if ((self = [super init]))
        _condition = [[NSCondition alloc] init];
    return self;
}

- (void)signal
{
    [_condition lock];
    _done = YES;
    [_condition signal];
    [_condition unlock];
}

- (void)wait
{
    [_condition lock];
    while (!_done)
        [_condition wait];
    [_condition unlock];
}

@end

@interface ELKioskClient : NSObject
- (instancetype)initWithBaseURL:(NSURL *)baseURL clientID:(NSString *)clientID clientSecret:(NSString *)clientSecret;
- (BOOL)authenticate:(NSError **)error;
- (NSDictionary *)patientWithID:(NSNumber *)patientID error:(NSError **)error;
- (BOOL)uploadPhoto:(NSData *)jpeg forPatient:(NSNumber *)patientID error:(NSError **)error;
- (BOOL)checkInAppointment:(NSNumber *)appointmentID error:(NSError **)error;
@end

@implementation ELKioskClient {
    NSURL *_baseURL;
    NSString *_clientID;
    NSString *_clientSecret;
    NSString *_accessToken;
    NSURLSession *_session;
}

- (instancetype)initWithBaseURL:(NSURL *)baseURL clientID:(NSString *)clientID clientSecret:(NSString *)clientSecret
{
    if ((self = [super init])) {
        _baseURL = baseURL;
        _clientID = [clientID copy];
        _clientSecret = [clientSecret copy];
        NSURLSessionConfiguration *config = [NSURLSessionConfiguration ephemeralSessionConfiguration];
        config.timeoutIntervalForRequest = 15;
        _session = [NSURLSession sessionWithConfiguration:config];
    }
    return self;
}

- (BOOL)authenticate:(NSError **)error
{
    NSArray<NSString *> *scopes = @[ @"system/patients.read", @"system/patients.write", @"system/appointments.read" ];
    NSURLComponents *form = [[NSURLComponents alloc] init];
    form.queryItems = @[
        [NSURLQueryItem queryItemWithName:@"grant_type" value:@"client_credentials"],
        [NSURLQueryItem queryItemWithName:@"client_id" value:_clientID],
        [NSURLQueryItem queryItemWithName:@"client_secret" value:_clientSecret],
        [NSURLQueryItem queryItemWithName:@"scope" value:[scopes componentsJoinedByString:@" "]],
    ];
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:@"oauth2/token/" relativeToURL:_baseURL]];
    [request setHTTPMethod:@"POST"];
    [request setValue:@"application/x-www-form-urlencoded" forHTTPHeaderField:@"Content-Type"];
    [request setHTTPBody:[form.percentEncodedQuery dataUsingEncoding:NSUTF8StringEncoding]];

    __block NSDictionary *json = nil;
    ELWaiter *waiter = [[ELWaiter alloc] init];
    [[_session dataTaskWithRequest:request completionHandler:^(NSData *data, NSURLResponse *response, NSError *err) { // expect-error [missing-scope] {{system/appointments.write}} // expect-warning [unused-scope] {{system/appointments.read}}
        if (!err && [(NSHTTPURLResponse *)response statusCode] == 200)
            json = [NSJSONSerialization JSONObjectWithData:data options:0 error:NULL];
        [waiter signal];
    }] resume];
    [waiter wait];

    _accessToken = [json[@"access_token"] copy];
    if (!_accessToken && error)
        *error = [NSError errorWithDomain:@"ELKiosk" code:401 userInfo:@{NSLocalizedDescriptionKey : @"token request failed"}];
    return _accessToken != nil;
}

- (NSMutableURLRequest *)requestWithMethod:(NSString *)method path:(NSString *)path
{
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:path relativeToURL:_baseURL]];
    [request setHTTPMethod:method];
    [request setValue:[NSString stringWithFormat:@"Bearer %@", _accessToken] forHTTPHeaderField:@"Authorization"];
    [request setValue:@"application/json" forHTTPHeaderField:@"Accept"];
    return request;
}

- (NSData *)performRequest:(NSURLRequest *)request status:(NSInteger *)status error:(NSError **)error
{
    __block NSData *result = nil;
    __block NSInteger code = 0;
    __block NSError *failure = nil;
    ELWaiter *waiter = [[ELWaiter alloc] init];
    [[_session dataTaskWithRequest:request completionHandler:^(NSData *data, NSURLResponse *response, NSError *err) { // api: GET /api/2.0/patients/{id}/ // api: POST /api/2.0/patients/{id}/profile_image/ // api: PATCH /api/2.0/appointments/{id}/
        result = data;
        code = [(NSHTTPURLResponse *)response statusCode];
        failure = err;
        [waiter signal];
    }] resume];
    [waiter wait];
    if (status)
        *status = code;
    if (error && failure)
        *error = failure;
    return result;
}

- (NSDictionary *)patientWithID:(NSNumber *)patientID error:(NSError **)error
{
    NSMutableURLRequest *request = [self requestWithMethod:@"GET" path:[NSString stringWithFormat:@"patients/%@/", patientID]];
    NSInteger status = 0;
    NSData *data = [self performRequest:request status:&status error:error];
    if (status != 200)
        return nil;
    return [NSJSONSerialization JSONObjectWithData:data options:0 error:error];
}

- (BOOL)uploadPhoto:(NSData *)jpeg forPatient:(NSNumber *)patientID error:(NSError **)error
{
    NSString *boundary = [[NSUUID UUID] UUIDString];
    NSMutableData *body = [NSMutableData data];
    [body appendData:[[NSString stringWithFormat:@"--%@\r\nContent-Disposition: form-data; name=\"image\"; filename=\"kiosk.jpg\"\r\n"
                                                 @"Content-Type: image/jpeg\r\n\r\n", boundary]
                         dataUsingEncoding:NSUTF8StringEncoding]];
    [body appendData:jpeg];
    [body appendData:[[NSString stringWithFormat:@"\r\n--%@--\r\n", boundary] dataUsingEncoding:NSUTF8StringEncoding]];

    NSMutableURLRequest *request = [self requestWithMethod:@"POST"
                                                      path:[NSString stringWithFormat:@"patients/%@/profile_image/", patientID]];
    [request setValue:[NSString stringWithFormat:@"multipart/form-data; boundary=%@", boundary] forHTTPHeaderField:@"Content-Type"];
    [request setHTTPBody:body];
    NSInteger status = 0;
    [self performRequest:request status:&status error:error];
    return status / 100 == 2;
}

- (BOOL)checkInAppointment:(NSNumber *)appointmentID error:(NSError **)error
{
    NSDictionary *patch = @{ @"status" : @{ @"status" : @"Checked In", @"room" : @"Lobby" } };
    NSMutableURLRequest *request = [self requestWithMethod:@"PATCH"
                                                      path:[NSString stringWithFormat:@"appointments/%@/", appointmentID]];
    [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
    [request setHTTPBody:[NSJSONSerialization dataWithJSONObject:patch options:0 error:NULL]];
    NSInteger status = 0;
    [self performRequest:request status:&status error:error];
    return status == 200;
}

@end

static void ELPrintBadge(NSDictionary *patient)
{
    NSDictionary *badge = @{
        @"line1" : [NSString stringWithFormat:@"%@ %@", patient[@"first_name"], patient[@"last_name"]],
        @"line2" : [NSDateFormatter localizedStringFromDate:[NSDate date] dateStyle:NSDateFormatterNoStyle timeStyle:NSDateFormatterShortStyle],
    };
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:ELBadgePrinterURL]];
    [request setHTTPMethod:@"POST"];
    [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
    [request setHTTPBody:[NSJSONSerialization dataWithJSONObject:badge options:0 error:NULL]];
    ELWaiter *waiter = [[ELWaiter alloc] init];
    [[[NSURLSession sharedSession] dataTaskWithRequest:request completionHandler:^(NSData *data, NSURLResponse *response, NSError *err) {
        if (err)
            NSLog(@"badge printer: %@", err.localizedDescription);
        [waiter signal];
    }] resume];
    [waiter wait];
}

int main(int argc, const char *argv[])
{
    @autoreleasepool {
        if (argc != 4) {
            fprintf(stderr, "usage: kiosk-checkin <appointment-id> <patient-id> <photo.jpg>\n");
            return 2;
        }
        NSDictionary *env = [[NSProcessInfo processInfo] environment];
        NSString *base = env[@"ELATION_BASE_URL"] ?: ELDefaultBaseURL;
        ELKioskClient *client = [[ELKioskClient alloc] initWithBaseURL:[NSURL URLWithString:base]
                                                             clientID:env[@"ELATION_CLIENT_ID"]
                                                         clientSecret:env[@"ELATION_CLIENT_SECRET"]];
        NSNumber *appointmentID = @(atoll(argv[1]));
        NSNumber *patientID = @(atoll(argv[2]));
        NSData *photo = [NSData dataWithContentsOfFile:[NSString stringWithUTF8String:argv[3]]];

        NSError *error = nil;
        if (![client authenticate:&error]) {
            NSLog(@"Elation login failed: %@", error);
            return 1;
        }
        NSDictionary *patient = [client patientWithID:patientID error:&error];
        if (!patient) {
            NSLog(@"patient %@ not found: %@", patientID, error);
            return 1;
        }
        if (photo && ![client uploadPhoto:photo forPatient:patientID error:&error])
            NSLog(@"photo upload failed (continuing): %@", error);
        if (![client checkInAppointment:appointmentID error:&error]) {
            NSLog(@"check-in failed: %@", error);
            return 1;
        }
        ELPrintBadge(patient);
        NSLog(@"checked in %@ %@", patient[@"first_name"], patient[@"last_name"]);
    }
    return 0;
}

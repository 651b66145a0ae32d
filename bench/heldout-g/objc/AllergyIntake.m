//
//  AllergyIntake.m
//  Moves allergy answers from the FormFlow pre-visit questionnaire into the
//  Elation chart. New allergies are added; "no known drug allergies" is
//  documented as NKDA when the chart has nothing yet. When a reviewing nurse
//  is configured, everything is written on her behalf so it shows up in her
//  review queue.
//
//  usage: allergy-intake <elation-host> [reviewer-user-id]
//  env:   ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, FORMFLOW_API_KEY
//

#import <Foundation/Foundation.h>

static NSString *const ELScopeAllergiesRead = @"system/allergies.read";
static NSString *const ELScopeAllergiesWrite = @"system/allergies.write";
static NSString *const ELScopeAllergyDocumentationWrite = @"system/allergy_documentation.write";
static NSString *const ELScopeDrugIntolerancesRead = @"system/drug_intolerances.read";
static NSString *const ELScopeActAsUser = @"act_as_user";

static NSString *const FFSubmissionsURL = @"https://api.formflow.com/v2/forms/allergy-intake/submissions";

typedef void (^ELListCompletion)(NSArray *results, NSError *error);
typedef void (^ELDoneCompletion)(BOOL ok);

@interface ELAllergyIntakeClient : NSObject
@property (nonatomic, copy) NSString *reviewerUserID;
- (instancetype)initWithHost:(NSString *)host;
- (void)authenticateWithCompletion:(ELDoneCompletion)completion;
- (void)allergiesForPatient:(NSNumber *)patientID completion:(ELListCompletion)completion;
- (void)drugIntolerancesForPatient:(NSNumber *)patientID completion:(ELListCompletion)completion;
- (void)addAllergy:(NSDictionary *)allergy patient:(NSNumber *)patientID completion:(ELDoneCompletion)completion;
- (void)documentNKDAForPatient:(NSNumber *)patientID completion:(ELDoneCompletion)completion;
@end

@implementation ELAllergyIntakeClient {
    NSString *_host;
    NSString *_token;
    NSURLSession *_session;
}

- (instancetype)initWithHost:(NSString *)host
{
    if ((self = [super init])) {
        _host = [host copy];
        _session = [NSURLSession sessionWithConfiguration:[NSURLSessionConfiguration defaultSessionConfiguration]];
    }
    return self;
}

- (NSURL *)URLForPath:(NSString *)path query:(NSArray<NSURLQueryItem *> *)query
{
    NSURLComponents *components = [[NSURLComponents alloc] init];
    components.scheme = @"https";
    components.host = _host;
    components.path = [@"/api/2.0" stringByAppendingString:path];
    components.queryItems = query;
    return components.URL;
}

- (NSMutableURLRequest *)requestWithURL:(NSURL *)url method:(NSString *)method
{
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url];
    [request setHTTPMethod:method];
    [request setValue:[@"Bearer " stringByAppendingString:_token] forHTTPHeaderField:@"Authorization"];
    [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
    if (self.reviewerUserID)
        [request setValue:self.reviewerUserID forHTTPHeaderField:@"X-On-Behalf-Of"];
    return request;
}

- (void)authenticateWithCompletion:(ELDoneCompletion)completion
{
    NSMutableArray<NSString *> *scopes = [NSMutableArray arrayWithObjects:ELScopeAllergiesRead, ELScopeAllergiesWrite,
                                                                          ELScopeAllergyDocumentationWrite,
                                                                          ELScopeDrugIntolerancesRead, nil];
    if (self.reviewerUserID)
        [scopes addObject:ELScopeActAsUser];

    NSDictionary *env = [[NSProcessInfo processInfo] environment];
    NSURLComponents *form = [[NSURLComponents alloc] init];
    form.queryItems = @[
        [NSURLQueryItem queryItemWithName:@"grant_type" value:@"client_credentials"],
        [NSURLQueryItem queryItemWithName:@"client_id" value:env[@"ELATION_CLIENT_ID"]],
        [NSURLQueryItem queryItemWithName:@"client_secret" value:env[@"ELATION_CLIENT_SECRET"]],
        [NSURLQueryItem queryItemWithName:@"scope" value:[scopes componentsJoinedByString:@" "]],
    ];
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[self URLForPath:@"/oauth2/token/" query:nil]];
    [request setHTTPMethod:@"POST"];
    [request setValue:@"application/x-www-form-urlencoded" forHTTPHeaderField:@"Content-Type"];
    [request setHTTPBody:[form.percentEncodedQuery dataUsingEncoding:NSUTF8StringEncoding]];

    [[_session dataTaskWithRequest:request completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {
        NSDictionary *json = data ? [NSJSONSerialization JSONObjectWithData:data options:0 error:NULL] : nil;
        self->_token = [json[@"access_token"] copy];
        completion(self->_token != nil);
    }] resume];
}

- (void)allergiesForPatient:(NSNumber *)patientID completion:(ELListCompletion)completion
{
    NSURL *url = [self URLForPath:@"/allergies/"
                            query:@[ [NSURLQueryItem queryItemWithName:@"patient" value:patientID.stringValue] ]];
    [[_session dataTaskWithRequest:[self requestWithURL:url method:@"GET"] completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) { // api: GET /api/2.0/allergies/
        NSDictionary *page = data ? [NSJSONSerialization JSONObjectWithData:data options:0 error:NULL] : nil;
        completion(page[@"results"], error);
    }] resume];
}

- (void)drugIntolerancesForPatient:(NSNumber *)patientID completion:(ELListCompletion)completion
{
    NSURL *url = [self URLForPath:@"/drug_intolerances/"
                            query:@[ [NSURLQueryItem queryItemWithName:@"patient" value:patientID.stringValue] ]];
    [[_session dataTaskWithRequest:[self requestWithURL:url method:@"GET"] completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) { // api: GET /api/2.0/drug_intolerances/
        NSDictionary *page = data ? [NSJSONSerialization JSONObjectWithData:data options:0 error:NULL] : nil;
        completion(page[@"results"], error);
    }] resume];
}

- (void)addAllergy:(NSDictionary *)allergy patient:(NSNumber *)patientID completion:(ELDoneCompletion)completion
{
    NSMutableURLRequest *request = [self requestWithURL:[self URLForPath:@"/allergies/" query:nil] method:@"POST"];
    NSDictionary *body = @{
        @"patient" : patientID,
        @"name" : allergy[@"substance"] ?: @"",
        @"reaction" : allergy[@"reaction"] ?: @"",
        @"severity" : allergy[@"severity"] ?: @"unknown",
        @"status" : @"Active",
    };
    [request setHTTPBody:[NSJSONSerialization dataWithJSONObject:body options:0 error:NULL]];
    [[_session dataTaskWithRequest:request completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) { // api: POST /api/2.0/allergies/
        completion(!error && [(NSHTTPURLResponse *)response statusCode] == 201);
    }] resume];
}

- (void)documentNKDAForPatient:(NSNumber *)patientID completion:(ELDoneCompletion)completion
{
    NSMutableURLRequest *request = [self requestWithURL:[self URLForPath:@"/allergy_documentation/" query:nil] method:@"POST"];
    [request setHTTPBody:[NSJSONSerialization dataWithJSONObject:@{ @"patient" : patientID, @"nkda" : @(YES) } options:0 error:NULL]];
    [[_session dataTaskWithRequest:request completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) { // api: POST /api/2.0/allergy_documentation/
        completion(!error && [(NSHTTPURLResponse *)response statusCode] / 100 == 2);
    }] resume];
}

@end

static NSMutableURLRequest *FFRequest(NSURL *url, NSString *method)
{
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url];
    [request setHTTPMethod:method];
    [request setValue:[[NSProcessInfo processInfo] environment][@"FORMFLOW_API_KEY"] forHTTPHeaderField:@"X-FormFlow-Key"];
    return request;
}

int main(int argc, const char *argv[])
{
    @autoreleasepool {
        if (argc < 2) {
            fprintf(stderr, "usage: allergy-intake <elation-host> [reviewer-user-id]\n");
            return 2;
        }
        ELAllergyIntakeClient *elation = [[ELAllergyIntakeClient alloc] initWithHost:@(argv[1])];
        if (argc > 2)
            elation.reviewerUserID = @(argv[2]);

        __block NSInteger pending = 1;
        NSURLSession *ff = [NSURLSession sharedSession];
        [elation authenticateWithCompletion:^(BOOL ok) {
            if (!ok) {
                NSLog(@"Elation login failed");
                pending = 0;
                return;
            }
            NSURLComponents *list = [NSURLComponents componentsWithString:FFSubmissionsURL];
            list.queryItems = @[ [NSURLQueryItem queryItemWithName:@"status" value:@"new"] ];
            [[ff dataTaskWithRequest:FFRequest(list.URL, @"GET") completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {
                NSArray *submissions = data ? [NSJSONSerialization JSONObjectWithData:data options:0 error:NULL][@"submissions"] : @[];
                pending += submissions.count;
                pending -= 1;
                for (NSDictionary *submission in submissions) {
                    NSNumber *patient = @([submission[@"hidden"][@"elation_patient_id"] longLongValue]);
                    NSArray *reported = submission[@"answers"][@"allergies"] ?: @[];
                    [elation allergiesForPatient:patient completion:^(NSArray *charted, NSError *err1) {
                        [elation drugIntolerancesForPatient:patient completion:^(NSArray *intolerances, NSError *err2) {
                            NSMutableSet *known = [NSMutableSet set];
                            for (NSDictionary *a in [charted arrayByAddingObjectsFromArray:intolerances ?: @[]])
                                [known addObject:[a[@"name"] lowercaseString] ?: @""];

                            if (reported.count == 0 && charted.count == 0) {
                                [elation documentNKDAForPatient:patient completion:^(BOOL ok) { NSLog(@"%@: NKDA %@", patient, ok ? @"documented" : @"FAILED"); }];
                            }
                            for (NSDictionary *allergy in reported) {
                                if ([known containsObject:[allergy[@"substance"] lowercaseString]])
                                    continue;
                                [elation addAllergy:allergy patient:patient completion:^(BOOL ok) {
                                    NSLog(@"%@: %@ %@", patient, allergy[@"substance"], ok ? @"added" : @"FAILED");
                                }];
                            }
                            NSURL *done = [NSURL URLWithString:[NSString stringWithFormat:@"%@/%@", FFSubmissionsURL, submission[@"id"]]];
                            NSMutableURLRequest *mark = FFRequest(done, @"PATCH");
                            [mark setHTTPBody:[@"{\"status\":\"processed\"}" dataUsingEncoding:NSUTF8StringEncoding]];
                            [[ff dataTaskWithRequest:mark completionHandler:^(NSData *d, NSURLResponse *r, NSError *e) {
                                pending -= 1;
                            }] resume];
                        }];
                    }];
                }
            }] resume];
        }];

        while (pending > 0)
            [[NSRunLoop currentRunLoop] runMode:NSDefaultRunLoopMode beforeDate:[NSDate dateWithTimeIntervalSinceNow:0.2]];
    }
    return 0;
}

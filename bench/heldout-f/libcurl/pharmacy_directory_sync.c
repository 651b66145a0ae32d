/* pharmacy_directory_sync: looks up the pharmacies around a clinic's ZIP code,
 * writes them to pharmacies.csv for the front desk, and fills in the preferred
 * pharmacy for the listed patients that have none on file.
 *
 * usage: pharmacy_directory_sync <api-base-url> <zip> <patient-id>...
 * Credentials (legacy password grant): ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
 * ELATION_USERNAME, ELATION_PASSWORD.
 */
#include <curl/curl.h>
#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pharmacies.write: ops wants to fix stale fax numbers from here one day. */
static const char *const kScopes[] = {
    "system/pharmacies.read",
    "system/pharmacies.write",
    "system/patients.read",
    "system/patients.write",
};

struct client {
    CURL *curl;
    const char *base;
    char bearer[1024];
};

struct api_request {
    const char *method;
    char path[256];
    const char *body; /* JSON, or NULL */
};

struct api_response {
    long status;
    json_t *json;
};

struct sink {
    char *data;
    size_t len;
};

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *userdata) {
    struct sink *s = userdata;
    size_t n = size * nmemb;
    char *p = realloc(s->data, s->len + n + 1);
    if (!p)
        return 0;
    memcpy(p + s->len, ptr, n);
    s->data = p;
    s->len += n;
    s->data[s->len] = '\0';
    return n;
}

static int login(struct client *c) {
    char url[512], userpwd[512], scope[512] = "", form[1024];
    struct sink resp = {0};
    size_t i;

    for (i = 0; i < sizeof kScopes / sizeof kScopes[0]; i++) {
        if (i > 0)
            strncat(scope, "%20", sizeof scope - strlen(scope) - 1);
        strncat(scope, kScopes[i], sizeof scope - strlen(scope) - 1);
    }
    char *user = curl_easy_escape(c->curl, getenv("ELATION_USERNAME") ? getenv("ELATION_USERNAME") : "", 0);
    char *pass = curl_easy_escape(c->curl, getenv("ELATION_PASSWORD") ? getenv("ELATION_PASSWORD") : "", 0);
    snprintf(form, sizeof form, "grant_type=password&username=%s&password=%s&scope=%s", user, pass, scope);
    curl_free(user);
    curl_free(pass);
    snprintf(userpwd, sizeof userpwd, "%s:%s", getenv("ELATION_CLIENT_ID") ? getenv("ELATION_CLIENT_ID") : "",
             getenv("ELATION_CLIENT_SECRET") ? getenv("ELATION_CLIENT_SECRET") : "");
    snprintf(url, sizeof url, "%s/oauth2/token/", c->base);

    curl_easy_reset(c->curl);
    curl_easy_setopt(c->curl, CURLOPT_URL, url);
    curl_easy_setopt(c->curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c->curl, CURLOPT_USERPWD, userpwd);
    curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, &resp);
    CURLcode rc = curl_easy_perform(c->curl);  // expect-error [read-only-scope] {{system/pharmacies.write}}

    int ok = 0;
    if (rc == CURLE_OK && resp.data) {
        json_t *doc = json_loads(resp.data, 0, NULL);
        const char *tok = json_string_value(json_object_get(doc, "access_token"));
        if (tok) {
            snprintf(c->bearer, sizeof c->bearer, "Authorization: Bearer %s", tok);
            ok = 1;
        }
        json_decref(doc);
    }
    free(resp.data);
    return ok;
}

static int dispatch(struct client *c, const struct api_request *req, struct api_response *out) {
    char url[768];
    struct sink resp = {0};
    struct curl_slist *headers = NULL;

    snprintf(url, sizeof url, "%s%s", c->base, req->path);
    headers = curl_slist_append(headers, c->bearer);
    headers = curl_slist_append(headers, "Content-Type: application/json");

    curl_easy_reset(c->curl);
    curl_easy_setopt(c->curl, CURLOPT_URL, url);
    curl_easy_setopt(c->curl, CURLOPT_CUSTOMREQUEST, req->method);
    curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, headers);
    if (req->body)
        curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, req->body);
    curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, &resp);

    CURLcode rc = curl_easy_perform(c->curl);  // api: GET /api/2.0/pharmacies/ // api: GET /api/2.0/pharmacies/{id}/ // api: GET /api/2.0/patients/{id}/ // api: PATCH /api/2.0/patients/{id}/
    curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &out->status);
    out->json = (rc == CURLE_OK && resp.data) ? json_loads(resp.data, 0, NULL) : NULL;
    curl_slist_free_all(headers);
    free(resp.data);
    return rc == CURLE_OK && out->status / 100 == 2;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s <api-base-url> <zip> <patient-id>...\n", argv[0]);
        return 2;
    }
    struct client c = {.base = argv[1]};
    curl_global_init(CURL_GLOBAL_DEFAULT);
    c.curl = curl_easy_init();
    if (!c.curl || !login(&c)) {
        fprintf(stderr, "login failed\n");
        return 1;
    }

    struct api_request req = {.method = "GET"};
    struct api_response res = {0};
    snprintf(req.path, sizeof req.path, "/pharmacies/?zip=%s&limit=25", argv[2]);
    if (!dispatch(&c, &req, &res)) {
        fprintf(stderr, "pharmacy search failed: HTTP %ld\n", res.status);
        return 1;
    }

    FILE *csv = fopen("pharmacies.csv", "w");
    const char *preferred = NULL;
    size_t i;
    json_t *ph;
    json_array_foreach(json_object_get(res.json, "results"), i, ph) {
        const char *ncpdpid = json_string_value(json_object_get(ph, "ncpdpid"));
        if (!ncpdpid)
            continue;
        struct api_request detail = {.method = "GET"};
        struct api_response d = {0};
        snprintf(detail.path, sizeof detail.path, "/pharmacies/%s/", ncpdpid);
        if (!dispatch(&c, &detail, &d))
            continue;
        if (csv)
            fprintf(csv, "%s,\"%s\",%s,%s\n", ncpdpid, json_string_value(json_object_get(d.json, "store_name")),
                    json_string_value(json_object_get(d.json, "phone_primary")),
                    json_string_value(json_object_get(d.json, "fax")));
        if (!preferred && json_is_true(json_object_get(d.json, "twenty_four_hour_flag")))
            preferred = ncpdpid;
        json_decref(d.json);
    }
    if (csv)
        fclose(csv);

    for (int a = 3; preferred && a < argc; a++) {
        struct api_request get = {.method = "GET"};
        struct api_response p = {0};
        snprintf(get.path, sizeof get.path, "/patients/%s/", argv[a]);
        if (!dispatch(&c, &get, &p))
            continue;
        const char *current = json_string_value(json_object_get(p.json, "preferred_pharmacy_1"));
        if (!current || !*current) {
            char body[128];
            struct api_request patch = {.method = "PATCH", .body = body};
            struct api_response r = {0};
            snprintf(body, sizeof body, "{\"preferred_pharmacy_1\": \"%s\"}", preferred);
            snprintf(patch.path, sizeof patch.path, "/patients/%s/", argv[a]);
            printf("patient %s -> %s: HTTP %ld\n", argv[a], preferred, (dispatch(&c, &patch, &r), r.status));
            json_decref(r.json);
        }
        json_decref(p.json);
    }

    json_decref(res.json);
    curl_easy_cleanup(c.curl);
    curl_global_cleanup();
    return 0;
}

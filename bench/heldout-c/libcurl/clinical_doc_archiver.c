/*
 * clinical_doc_archiver -- weekly copy of the practice's documents for the
 * records-retention archive.
 *
 * Lists clinical documents and reports changed since the last run, pulls the
 * file list of each report, and PUTs a manifest per week into the archive
 * bucket. Uses the old integration user (password grant).
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define API_ROOT "https://app.elationemr.com/api/2.0"
#define ARCHIVE_ROOT "https://archive.records.internal:8443/retention"

typedef struct {
    char *ptr;
    size_t len;
} Buffer;

typedef struct {
    const char *path;   /* list endpoint under API_ROOT */
    const char *label;  /* manifest section */
} Listing;

static const Listing LISTINGS[] = {
    {"/clinical_documents/", "clinical_documents"},
    {"/reports/", "reports"},
    {"/document_tags/", "tags"},
};

static char auth_header[600];

static size_t on_body(void *data, size_t size, size_t nmemb, void *user) {
    Buffer *b = (Buffer *)user;
    size_t add = size * nmemb;
    char *p = realloc(b->ptr, b->len + add + 1);
    if (p == NULL) return 0;
    b->ptr = p;
    memcpy(b->ptr + b->len, data, add);
    b->len += add;
    b->ptr[b->len] = 0;
    return add;
}

static size_t discard(void *data, size_t size, size_t nmemb, void *user) {
    (void)data;
    (void)user;
    return size * nmemb;
}

static int api_get(CURL *curl, const char *url, Buffer *out) {
    struct curl_slist *h = curl_slist_append(NULL, auth_header);
    long code = 0;
    out->len = 0;
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
    CURLcode rc = curl_easy_perform(curl);  // api: GET /api/2.0/clinical_documents/ // api: GET /api/2.0/reports/ // api: GET /api/2.0/document_tags/ // api: GET /api/2.0/reports/{id}/files/
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(h);
    return rc == CURLE_OK && code == 200;
}

/* Finds "key": "value" or "key": null; copies value into out (empty for null). */
static void json_str(const char *json, const char *key, char *out, size_t cap) {
    char pat[48];
    const char *p;
    size_t n = 0;
    out[0] = 0;
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    if ((p = strstr(json, pat)) == NULL) return;
    p += strlen(pat);
    if (*p != '"') return;
    for (++p; *p && *p != '"' && n + 1 < cap; ++p) out[n++] = *p;
    out[n] = 0;
}

static int login(CURL *curl, const char *user, const char *pass) {
    Buffer out = {NULL, 0};
    char body[512], *u = curl_easy_escape(curl, user, 0), *pw = curl_easy_escape(curl, pass, 0);
    char userpwd[256], token[512];
    snprintf(body, sizeof body, "grant_type=password&username=%s&password=%s", u, pw);
    // expect-warning [global-scope] {{apiv2}}
    snprintf(userpwd, sizeof userpwd, "%s:%s", getenv("ELATION_CLIENT_ID"), getenv("ELATION_CLIENT_SECRET"));
    curl_free(u);
    curl_free(pw);
    curl_easy_setopt(curl, CURLOPT_URL, API_ROOT "/oauth2/token/");
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERPWD, userpwd);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out);
    if (curl_easy_perform(curl) != CURLE_OK || out.ptr == NULL) return 0;
    json_str(out.ptr, "access_token", token, sizeof token);
    snprintf(auth_header, sizeof auth_header, "Authorization: Bearer %s", token);
    free(out.ptr);
    curl_easy_reset(curl);
    return token[0] != 0;
}

static void put_manifest(CURL *curl, const char *week, const char *section, const char *json) {
    char url[512];
    snprintf(url, sizeof url, "%s/%s/%s.json", ARCHIVE_ROOT, week, section);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, NULL);
}

int main(int argc, char **argv) {
    const char *since = argc > 1 ? argv[1] : "2026-01-01";
    const char *week = argc > 2 ? argv[2] : "current";
    CURL *curl;
    Buffer page = {NULL, 0};
    char url[1024], next[1024];
    size_t i;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl = curl_easy_init();
    if (!curl || !login(curl, getenv("ELATION_USER"), getenv("ELATION_PASSWORD"))) return 1;

    for (i = 0; i < sizeof LISTINGS / sizeof LISTINGS[0]; ++i) {
        snprintf(url, sizeof url, "%s%s?last_modified_gt=%s", API_ROOT, LISTINGS[i].path, since);
        while (url[0] && api_get(curl, url, &page)) {
            put_manifest(curl, week, LISTINGS[i].label, page.ptr);
            if (strcmp(LISTINGS[i].label, "reports") == 0) {
                /* one files listing per report on this page */
                const char *p = page.ptr;
                Buffer files = {NULL, 0};
                while ((p = strstr(p, "{\"id\": ")) != NULL) {
                    char files_url[256];
                    long id = atol(p + 7);
                    snprintf(files_url, sizeof files_url, API_ROOT "/reports/%ld/files/", id);
                    if (api_get(curl, files_url, &files)) put_manifest(curl, week, "report_files", files.ptr);
                    p += 7;
                }
                free(files.ptr);
            }
            json_str(page.ptr, "next", next, sizeof next);
            strcpy(url, next);
        }
    }
    free(page.ptr);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return 0;
}

/*
 * document_upload: pushes scanned paperwork from the front-desk scanner share
 * into Elation as incoming files, tagged and attached to the right patient.
 *
 * The scanner names files LAST_FIRST_YYYYMMDD_TAG.pdf, e.g.
 * GARCIA_ELENA_19780412_CONSENT.pdf. Files that upload are moved into
 * <inbox>/done, files that don't match a patient go to <inbox>/unmatched.
 *
 * usage: document_upload <api-base-url> <inbox-dir>
 * env:   ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
 *        ELATION_USERNAME, ELATION_PASSWORD (the scanner service account)
 */
#define _DEFAULT_SOURCE
#include <curl/curl.h>
#include <cjson/cJSON.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The service account was set up for the "tag and file" workflow in 2023;
 * the scope list has not changed since. */
#define UPLOAD_SCOPES "system/patients.read system/incoming_files.write system/document_tags.read system/document_tags.write"

enum call_kind { CALL_LIST_TAGS, CALL_FIND_PATIENT, CALL_UPLOAD };

struct api_req {
    enum call_kind kind;
    char query[512];
    curl_mime *mime; /* CALL_UPLOAD only */
};

struct session {
    CURL *curl;
    const char *base;
    char bearer[2100];
};

struct tag { char code[32]; long id; };
static struct tag g_tags[128];
static size_t g_ntags;

static size_t collect(char *p, size_t sz, size_t n, void *ud)
{
    FILE *mem = ud;
    return fwrite(p, sz, n, mem) * sz;
}

static const char *path_for(enum call_kind k)
{
    switch (k) {
    case CALL_LIST_TAGS:    return "/document_tags/";
    case CALL_FIND_PATIENT: return "/patients/";
    case CALL_UPLOAD:       return "/incoming_files/";
    }
    return NULL;
}

static const char *method_for(enum call_kind k)
{
    return k == CALL_UPLOAD ? "POST" : "GET";
}

static int login(struct session *s)
{
    const char *cid = getenv("ELATION_CLIENT_ID"), *csec = getenv("ELATION_CLIENT_SECRET");
    const char *user = getenv("ELATION_USERNAME"), *pass = getenv("ELATION_PASSWORD");
    if (!cid || !csec || !user || !pass) {
        fprintf(stderr, "missing ELATION_* credentials\n");
        return -1;
    }
    char url[512], basic[512], form[1024];
    snprintf(url, sizeof url, "%s/oauth2/token/", s->base);
    snprintf(basic, sizeof basic, "%s:%s", cid, csec);
    char *e_user = curl_easy_escape(s->curl, user, 0), *e_pass = curl_easy_escape(s->curl, pass, 0);
    char *e_scope = curl_easy_escape(s->curl, UPLOAD_SCOPES, 0);
    snprintf(form, sizeof form, "grant_type=password&username=%s&password=%s&scope=%s", e_user, e_pass, e_scope);
    curl_free(e_user);
    curl_free(e_pass);
    curl_free(e_scope);

    char *resp = NULL;
    size_t resp_len = 0;
    FILE *mem = open_memstream(&resp, &resp_len);
    curl_easy_reset(s->curl);
    curl_easy_setopt(s->curl, CURLOPT_URL, url);
    curl_easy_setopt(s->curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(s->curl, CURLOPT_USERPWD, basic);
    curl_easy_setopt(s->curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(s->curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(s->curl, CURLOPT_WRITEDATA, mem);
    CURLcode rc = curl_easy_perform(s->curl); // expect-warning [unused-scope] {{system/document_tags.write}}
    fclose(mem);
    cJSON *doc = rc == CURLE_OK ? cJSON_Parse(resp) : NULL;
    const char *tok = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "access_token"));
    if (tok)
        snprintf(s->bearer, sizeof s->bearer, "Authorization: Bearer %s", tok);
    cJSON_Delete(doc);
    free(resp);
    return tok ? 0 : -1;
}

static cJSON *dispatch(struct session *s, const struct api_req *r)
{
    char url[1024];
    snprintf(url, sizeof url, "%s%s%s%s", s->base, path_for(r->kind), r->query[0] ? "?" : "", r->query);

    struct curl_slist *hdrs = curl_slist_append(NULL, s->bearer);
    char *resp = NULL;
    size_t resp_len = 0;
    FILE *mem = open_memstream(&resp, &resp_len);
    curl_easy_reset(s->curl);
    curl_easy_setopt(s->curl, CURLOPT_URL, url);
    curl_easy_setopt(s->curl, CURLOPT_CUSTOMREQUEST, method_for(r->kind));
    curl_easy_setopt(s->curl, CURLOPT_HTTPHEADER, hdrs);
    if (r->mime)
        curl_easy_setopt(s->curl, CURLOPT_MIMEPOST, r->mime);
    curl_easy_setopt(s->curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(s->curl, CURLOPT_WRITEDATA, mem);
    CURLcode rc = curl_easy_perform(s->curl); // api: GET /api/2.0/document_tags/ // api: GET /api/2.0/patients/ // api: POST /api/2.0/incoming_files/
    fclose(mem);
    curl_slist_free_all(hdrs);

    long status = 0;
    curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &status);
    cJSON *doc = NULL;
    if (rc == CURLE_OK && status / 100 == 2)
        doc = cJSON_Parse(resp);
    else
        fprintf(stderr, "%s %s -> %ld\n", method_for(r->kind), url, status);
    free(resp);
    return doc;
}

static int load_tags(struct session *s)
{
    struct api_req r = {.kind = CALL_LIST_TAGS};
    snprintf(r.query, sizeof r.query, "limit=200");
    cJSON *doc = dispatch(s, &r);
    if (!doc)
        return -1;
    const cJSON *t;
    cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(doc, "results")) {
        if (g_ntags == sizeof g_tags / sizeof g_tags[0])
            break;
        const char *code = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "code"));
        if (!code)
            continue;
        snprintf(g_tags[g_ntags].code, sizeof g_tags[g_ntags].code, "%s", code);
        g_tags[g_ntags++].id = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(t, "id"));
    }
    cJSON_Delete(doc);
    return 0;
}

static long tag_id(const char *code)
{
    for (size_t i = 0; i < g_ntags; i++)
        if (strcasecmp(g_tags[i].code, code) == 0)
            return g_tags[i].id;
    return 0;
}

static long find_patient(struct session *s, const char *last, const char *first, const char *dob8)
{
    struct api_req r = {.kind = CALL_FIND_PATIENT};
    snprintf(r.query, sizeof r.query, "last_name=%s&first_name=%s&dob=%.4s-%.2s-%.2s",
             last, first, dob8, dob8 + 4, dob8 + 6);
    cJSON *doc = dispatch(s, &r);
    long id = 0;
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(doc, "results");
    if (cJSON_GetArraySize(results) == 1)
        id = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(results, 0), "id"));
    cJSON_Delete(doc);
    return id;
}

static int upload(struct session *s, const char *file, long patient, long tag)
{
    char num[32];
    struct api_req r = {.kind = CALL_UPLOAD, .mime = curl_mime_init(s->curl)};
    curl_mimepart *part = curl_mime_addpart(r.mime);
    curl_mime_name(part, "patient");
    snprintf(num, sizeof num, "%ld", patient);
    curl_mime_data(part, num, CURL_ZERO_TERMINATED);
    if (tag) {
        part = curl_mime_addpart(r.mime);
        curl_mime_name(part, "document_tags");
        snprintf(num, sizeof num, "%ld", tag);
        curl_mime_data(part, num, CURL_ZERO_TERMINATED);
    }
    part = curl_mime_addpart(r.mime);
    curl_mime_name(part, "file");
    curl_mime_filedata(part, file);
    curl_mime_type(part, "application/pdf");

    cJSON *doc = dispatch(s, &r);
    curl_mime_free(r.mime);
    int ok = doc ? 0 : -1;
    cJSON_Delete(doc);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s <api-base-url> <inbox-dir>\n", argv[0]);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    struct session s = {.curl = curl_easy_init(), .base = argv[1]};
    if (login(&s) != 0 || load_tags(&s) != 0)
        return 1;

    DIR *dir = opendir(argv[2]);
    if (!dir)
        return 1;
    int uploaded = 0, skipped = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        char last[64], first[64], dob[9], tag[32];
        if (sscanf(de->d_name, "%63[^_]_%63[^_]_%8[0-9]_%31[^.].pdf", last, first, dob, tag) != 4)
            continue;
        char src[1024], dst[1024];
        snprintf(src, sizeof src, "%s/%s", argv[2], de->d_name);
        long patient = find_patient(&s, last, first, dob);
        if (patient && upload(&s, src, patient, tag_id(tag)) == 0) {
            snprintf(dst, sizeof dst, "%s/done/%s", argv[2], de->d_name);
            ++uploaded;
        } else {
            snprintf(dst, sizeof dst, "%s/unmatched/%s", argv[2], de->d_name);
            ++skipped;
        }
        if (rename(src, dst) != 0)
            perror(dst);
    }
    closedir(dir);
    printf("uploaded %d, unmatched %d\n", uploaded, skipped);
    curl_easy_cleanup(s.curl);
    curl_global_cleanup();
    return skipped ? 3 : 0;
}

/*
 * care_gap_report: monthly care-gap worksheet for one physician's panel.
 *
 * For every patient on the panel it checks three measures the quality team
 * tracks (flu shot this season, diabetics with an active E11 problem, last BP
 * over 140/90), writes a CSV and uploads it to the quality dashboard.
 *
 * usage: care_gap_report <physician-id> <season-start YYYY-MM-DD> <out.csv>
 * env:   ELATION_BASE_URL (defaults to sandbox), ELATION_CLIENT_ID,
 *        ELATION_CLIENT_SECRET, QDASH_API_KEY
 */
#define _POSIX_C_SOURCE 200809L
#include <curl/curl.h>
#include <cjson/cJSON.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_BASE       "https://sandbox.elationemr.com/api/2.0"
#define TOKEN_PATH         "/oauth2/token/"
#define PATIENTS_PATH      "/patients/"
#define IMMUNIZATIONS_PATH "/immunizations/"
#define PROBLEMS_PATH      "/problems/"
#define VITALS_PATH        "/vitals/"

#define SCOPE_PATIENTS_READ      "system/patients.read"
#define SCOPE_IMMUNIZATIONS_READ "system/immunizations.read"
#define SCOPE_PROBLEMS_READ      "system/problems.read"
#define SCOPE_VITALS_READ        "system/vitals.read"

#define QDASH_UPLOAD_URL "https://qdash.internal.valleyprimary.org/api/v1/reports/care-gaps"

/* What the token asks for. Keep in sync with the feeds below. */
static const char *const k_scopes[] = {
    SCOPE_PATIENTS_READ,
    SCOPE_IMMUNIZATIONS_READ,
    SCOPE_PROBLEMS_READ,
};

struct buf {
    char *data;
    size_t len;
};

struct ctx {
    CURL *curl;
    char base[256];
    char token[2048];
};

struct patient_row {
    long id;
    char name[128];
    bool flu_done;
    bool diabetic;
    bool bp_high;
};

struct panel {
    struct patient_row *rows;
    size_t count, cap;
};

static size_t on_body(char *p, size_t sz, size_t n, void *ud)
{
    struct buf *b = ud;
    size_t add = sz * n;
    char *grown = realloc(b->data, b->len + add + 1);
    if (!grown)
        return 0;
    memcpy(grown + b->len, p, add);
    b->data = grown;
    b->len += add;
    b->data[b->len] = '\0';
    return add;
}

static int get_token(struct ctx *cx, const char *client_id, const char *client_secret)
{
    char scope[512] = "";
    for (size_t i = 0; i < sizeof k_scopes / sizeof k_scopes[0]; i++) {
        if (i)
            strncat(scope, " ", sizeof scope - strlen(scope) - 1);
        strncat(scope, k_scopes[i], sizeof scope - strlen(scope) - 1);
    }

    char *e_id = curl_easy_escape(cx->curl, client_id, 0);
    char *e_secret = curl_easy_escape(cx->curl, client_secret, 0);
    char *e_scope = curl_easy_escape(cx->curl, scope, 0);
    char form[1024], url[512];
    snprintf(form, sizeof form, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s",
             e_id, e_secret, e_scope);
    snprintf(url, sizeof url, "%s%s", cx->base, TOKEN_PATH);
    curl_free(e_id);
    curl_free(e_secret);
    curl_free(e_scope);

    struct buf body = {0};
    curl_easy_reset(cx->curl);
    curl_easy_setopt(cx->curl, CURLOPT_URL, url);
    curl_easy_setopt(cx->curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(cx->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(cx->curl, CURLOPT_WRITEDATA, &body);
    CURLcode rc = curl_easy_perform(cx->curl); // expect-error [missing-scope] {{system/vitals.read}}
    long status = 0;
    curl_easy_getinfo(cx->curl, CURLINFO_RESPONSE_CODE, &status);
    if (rc != CURLE_OK || status != 200) {
        fprintf(stderr, "token: %s (HTTP %ld)\n", curl_easy_strerror(rc), status);
        free(body.data);
        return -1;
    }
    cJSON *doc = cJSON_Parse(body.data);
    const cJSON *tok = cJSON_GetObjectItemCaseSensitive(doc, "access_token");
    int ok = cJSON_IsString(tok) ? 0 : -1;
    if (ok == 0)
        snprintf(cx->token, sizeof cx->token, "%s", tok->valuestring);
    cJSON_Delete(doc);
    free(body.data);
    return ok;
}

/* GET an absolute Elation URL; returns the parsed body or NULL. */
static cJSON *http_get(struct ctx *cx, const char *url)
{
    char auth[2100];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", cx->token);
    struct curl_slist *hdrs = curl_slist_append(NULL, auth);
    hdrs = curl_slist_append(hdrs, "Accept: application/json");

    struct buf body = {0};
    curl_easy_reset(cx->curl);
    curl_easy_setopt(cx->curl, CURLOPT_URL, url);
    curl_easy_setopt(cx->curl, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(cx->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(cx->curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(cx->curl, CURLOPT_TIMEOUT, 30L);
    CURLcode rc = curl_easy_perform(cx->curl); // api: GET /api/2.0/patients/ // api: GET /api/2.0/immunizations/ // api: GET /api/2.0/problems/ // api: GET /api/2.0/vitals/
    long status = 0;
    curl_easy_getinfo(cx->curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hdrs);
    cJSON *doc = NULL;
    if (rc == CURLE_OK && status == 200)
        doc = cJSON_Parse(body.data);
    else
        fprintf(stderr, "GET %s: %s (HTTP %ld)\n", url, curl_easy_strerror(rc), status);
    free(body.data);
    return doc;
}

typedef void (*item_fn)(const cJSON *item, void *user);

/* Walks every page of a list endpoint by following "next". */
static int fetch_all(struct ctx *cx, const char *path, item_fn fn, void *user, const char *query_fmt, ...)
{
    char query[256], url[1024];
    va_list ap;
    va_start(ap, query_fmt);
    vsnprintf(query, sizeof query, query_fmt, ap);
    va_end(ap);
    snprintf(url, sizeof url, "%s%s?%s", cx->base, path, query);

    for (;;) {
        cJSON *page = http_get(cx, url);
        if (!page)
            return -1;
        const cJSON *item;
        cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(page, "results"))
            fn(item, user);
        const cJSON *next = cJSON_GetObjectItemCaseSensitive(page, "next");
        bool more = cJSON_IsString(next) && next->valuestring[0];
        if (more)
            snprintf(url, sizeof url, "%s", next->valuestring);
        cJSON_Delete(page);
        if (!more)
            return 0;
    }
}

static void add_patient(const cJSON *p, void *user)
{
    struct panel *pn = user;
    if (pn->count == pn->cap) {
        pn->cap = pn->cap ? pn->cap * 2 : 64;
        pn->rows = realloc(pn->rows, pn->cap * sizeof *pn->rows);
    }
    struct patient_row *row = &pn->rows[pn->count++];
    memset(row, 0, sizeof *row);
    row->id = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(p, "id"));
    snprintf(row->name, sizeof row->name, "%s, %s",
             cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "last_name")),
             cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "first_name")));
}

static const char *g_season_start;

static void check_flu(const cJSON *imm, void *user)
{
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(imm, "name"));
    const char *date = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(imm, "administered_date"));
    if (name && date && strstr(name, "nfluenza") && strcmp(date, g_season_start) >= 0)
        ((struct patient_row *)user)->flu_done = true;
}

static void check_diabetes(const cJSON *prob, void *user)
{
    const cJSON *dx;
    cJSON_ArrayForEach(dx, cJSON_GetObjectItemCaseSensitive(prob, "dx")) {
        const char *icd = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(dx, "icd10"));
        if (icd && strncmp(icd, "E11", 3) == 0)
            ((struct patient_row *)user)->diabetic = true;
    }
}

static void check_bp(const cJSON *vit, void *user)
{
    const cJSON *bp = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(vit, "bp"), 0);
    double sys = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(bp, "systolic"));
    double dia = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(bp, "diastolic"));
    /* any elevated reading since the season start flags the patient */
    struct patient_row *row = user;
    if (sys >= 140 || dia >= 90)
        row->bp_high = true;
}

static int upload_csv(const char *csv_path)
{
    const char *key = getenv("QDASH_API_KEY");
    if (!key)
        return 0; /* local runs just keep the file */
    char hdr[256];
    snprintf(hdr, sizeof hdr, "X-Api-Key: %s", key);
    CURL *c = curl_easy_init();
    curl_mime *mime = curl_mime_init(c);
    curl_mimepart *part = curl_mime_addpart(mime);
    curl_mime_name(part, "report");
    curl_mime_filedata(part, csv_path);
    struct curl_slist *hdrs = curl_slist_append(NULL, hdr);
    curl_easy_setopt(c, CURLOPT_URL, QDASH_UPLOAD_URL);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(hdrs);
    curl_mime_free(mime);
    curl_easy_cleanup(c);
    return rc == CURLE_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s <physician-id> <season-start> <out.csv>\n", argv[0]);
        return 2;
    }
    g_season_start = argv[2];

    curl_global_init(CURL_GLOBAL_DEFAULT);
    struct ctx cx = {.curl = curl_easy_init()};
    const char *base = getenv("ELATION_BASE_URL");
    snprintf(cx.base, sizeof cx.base, "%s", base && *base ? base : DEFAULT_BASE);

    const char *id = getenv("ELATION_CLIENT_ID"), *secret = getenv("ELATION_CLIENT_SECRET");
    if (!id || !secret || get_token(&cx, id, secret) != 0)
        return 1;

    struct panel pn = {0};
    if (fetch_all(&cx, PATIENTS_PATH, add_patient, &pn, "physician=%s&limit=100", argv[1]) != 0)
        return 1;

    FILE *out = fopen(argv[3], "w");
    if (!out)
        return 1;
    fprintf(out, "patient_id,name,flu_gap,diabetic,bp_gap\n");
    for (size_t i = 0; i < pn.count; i++) {
        struct patient_row *row = &pn.rows[i];
        fetch_all(&cx, IMMUNIZATIONS_PATH, check_flu, row, "patient=%ld", row->id);
        fetch_all(&cx, PROBLEMS_PATH, check_diabetes, row, "patient=%ld&status=Active", row->id);
        fetch_all(&cx, VITALS_PATH, check_bp, row, "patient=%ld&from_date=%s", row->id, g_season_start);
        fprintf(out, "%ld,\"%s\",%d,%d,%d\n", row->id, row->name, !row->flu_done, row->diabetic, row->bp_high);
    }
    fclose(out);

    int rc = upload_csv(argv[3]);
    free(pn.rows);
    curl_easy_cleanup(cx.curl);
    curl_global_cleanup();
    return rc == 0 ? 0 : 1;
}

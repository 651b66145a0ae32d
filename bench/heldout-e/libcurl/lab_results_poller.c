/*
 * lab_results_poller.c
 *
 * Nightly job: pulls lab reports filed in Elation since the last run, copies
 * them to the quality-measures results warehouse and leaves an internal note
 * on each report so the care team can see it was exported.
 *
 *   cc -std=c99 -o lab_results_poller lab_results_poller.c -lcurl
 *
 * Environment: ELATION_BASE_URL (default: sandbox), ELATION_CLIENT_ID,
 * ELATION_CLIENT_SECRET, WAREHOUSE_URL, SINCE (YYYY-MM-DD).
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elation_paths.h"

#define DEFAULT_WAREHOUSE "http://results-warehouse.internal:8080/v1/lab-results"

struct buf { char *data; size_t len; };

struct poller {
    CURL *curl;
    const char *base;
    char auth_header[2048];
};

static const char *const kScopes[] = {
    "system/reports.read",
    "system/reports.write",
    "system/lab_orders.read",
    "act_as_user",
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    struct buf *b = userdata;
    size_t n = size * nmemb;
    char *grown = realloc(b->data, b->len + n + 1);
    if (!grown)
        return 0;
    memcpy(grown + b->len, ptr, n);
    b->data = grown;
    b->len += n;
    b->data[b->len] = '\0';
    return n;
}

/* crude field extraction; the payloads we read are flat enough for this */
static long json_long(const char *json, const char *key)
{
    char pat[64];
    const char *p;
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    p = json ? strstr(json, pat) : NULL;
    return p ? strtol(p + strlen(pat), NULL, 10) : 0;
}

static int fetch_token(struct poller *p)
{
    char scope[512] = "", body[1536], url[512], *enc_scope;
    struct buf resp = {0};
    const char *tok;
    size_t i;
    CURLcode rc;
    CURL *curl = curl_easy_init();

    for (i = 0; i < sizeof kScopes / sizeof kScopes[0]; i++) {
        if (i)
            strcat(scope, " ");
        strcat(scope, kScopes[i]);
    }
    enc_scope = curl_easy_escape(curl, scope, 0);
    snprintf(body, sizeof body, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s",
             getenv("ELATION_CLIENT_ID"), getenv("ELATION_CLIENT_SECRET"), enc_scope);
    curl_free(enc_scope);

    snprintf(url, sizeof url, "%s%s", p->base, ELATION_TOKEN_PATH);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &resp);
    rc = curl_easy_perform(curl);  // expect-warning [unused-scope] {{act_as_user}}
    curl_easy_cleanup(curl);

    tok = resp.data ? strstr(resp.data, "\"access_token\": \"") : NULL;
    if (rc != CURLE_OK || !tok) {
        free(resp.data);
        return -1;
    }
    tok += strlen("\"access_token\": \"");
    snprintf(p->auth_header, sizeof p->auth_header, "Authorization: Bearer %.*s", (int)strcspn(tok, "\""), tok);
    free(resp.data);
    return 0;
}

static long elation_call(struct poller *p, const char *method, const char *path,
                         const char *query, const char *json, struct buf *out)
{
    char url[1024];
    long status = 0;
    struct curl_slist *hdrs = NULL;

    snprintf(url, sizeof url, "%s%s%s%s", p->base, path, query ? "?" : "", query ? query : "");
    hdrs = curl_slist_append(hdrs, p->auth_header);
    hdrs = curl_slist_append(hdrs, "Accept: application/json");
    if (json)
        hdrs = curl_slist_append(hdrs, "Content-Type: application/json");

    curl_easy_reset(p->curl);
    curl_easy_setopt(p->curl, CURLOPT_URL, url);
    curl_easy_setopt(p->curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(p->curl, CURLOPT_HTTPHEADER, hdrs);
    if (json)
        curl_easy_setopt(p->curl, CURLOPT_POSTFIELDS, json);
    curl_easy_setopt(p->curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(p->curl, CURLOPT_WRITEDATA, out);
    if (curl_easy_perform(p->curl) == CURLE_OK)  // api: GET /api/2.0/reports/ // api: GET /api/2.0/lab_orders/{id}/ // api: POST /api/2.0/reports/{id}/internal_notes/
        curl_easy_getinfo(p->curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hdrs);
    return status;
}

static int push_to_warehouse(const char *report_json, const char *order_json)
{
    const char *url = getenv("WAREHOUSE_URL") ? getenv("WAREHOUSE_URL") : DEFAULT_WAREHOUSE;
    size_t n = strlen(report_json) + strlen(order_json) + 32;
    char *doc = malloc(n);
    struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: application/json");
    long status = 0;
    CURL *h = curl_easy_init();

    snprintf(doc, n, "{\"report\": %s, \"order\": %s}", report_json, order_json);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, doc);
    if (curl_easy_perform(h) == CURLE_OK)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(h);
    curl_slist_free_all(hdrs);
    free(doc);
    return status == 200 || status == 201;
}

int main(void)
{
    struct poller p = {0};
    const char *since = getenv("SINCE") ? getenv("SINCE") : "1970-01-01";
    char query[256], path[128], note[256];
    int offset = 0, exported = 0;

    p.base = getenv("ELATION_BASE_URL") ? getenv("ELATION_BASE_URL") : ELATION_SANDBOX_BASE;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    p.curl = curl_easy_init();
    if (fetch_token(&p) != 0) {
        fprintf(stderr, "token request failed\n");
        return 1;
    }

    for (;;) {
        struct buf page = {0};
        const char *r;
        snprintf(query, sizeof query, "report_type=Lab&document_date__gte=%s&limit=%d&offset=%d",
                 since, ELATION_PAGE_SIZE, offset);
        if (elation_call(&p, "GET", EP_REPORTS, query, NULL, &page) != 200 || !page.data) {
            free(page.data);
            break;
        }
        for (r = strstr(page.data, "{\"id\": "); r; r = strstr(r + 1, "{\"id\": ")) {
            long report_id = json_long(r, "id");
            long order_id = json_long(r, "lab_order");
            struct buf order = {0}, ack = {0};
            if (!order_id)
                continue;
            snprintf(path, sizeof path, EP_LAB_ORDER_FMT, order_id);
            if (elation_call(&p, "GET", path, NULL, NULL, &order) == 200 && push_to_warehouse(r, order.data)) {
                snprintf(path, sizeof path, EP_REPORT_NOTES_FMT, report_id);
                snprintf(note, sizeof note, "{\"text\": \"Exported to QM warehouse (order %ld)\"}", order_id);
                elation_call(&p, "POST", path, NULL, note, &ack);
                exported++;
            }
            free(order.data);
            free(ack.data);
        }
        if (strstr(page.data, "\"next\": null")) {
            free(page.data);
            break;
        }
        free(page.data);
        offset += ELATION_PAGE_SIZE;
    }

    printf("exported %d lab reports\n", exported);
    curl_easy_cleanup(p.curl);
    curl_global_cleanup();
    return 0;
}

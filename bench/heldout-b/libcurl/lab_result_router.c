/*
 * Lab result router.
 *
 * Walks the lab reports filed in Elation since the last run, looks up the
 * originating order and the patient, and forwards a summary to the local
 * HL7 interface engine so results reach the right care team inbox.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ELATION_BASE "https://sandbox.elationemr.com/api/2.0"
#define ELATION_URL(p) ELATION_BASE p
#define ROUTER_SCOPES "system/reports.read%20system/lab_orders.read%20system/patient.read"
// expect-error [unknown-scope] {{system/patient.read}}
// expect-error [missing-scope] {{system/patients.read}}

struct buf {
    char *data;
    size_t len;
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *userdata) {
    struct buf *b = userdata;
    size_t n = size * nmemb;
    char *grown = realloc(b->data, b->len + n + 1);
    if (!grown) return 0;
    b->data = grown;
    memcpy(b->data + b->len, ptr, n);
    b->len += n;
    b->data[b->len] = '\0';
    return n;
}

static char bearer[512];

static long http_get(CURL *h, const char *url, struct buf *out) {
    struct curl_slist *hdrs = NULL;
    long status = 0;
    hdrs = curl_slist_append(hdrs, bearer);
    hdrs = curl_slist_append(hdrs, "Accept: application/json");
    out->len = 0;
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    if (curl_easy_perform(h) == CURLE_OK) // api: GET /api/2.0/reports/ // api: GET /api/2.0/lab_orders/{id}/ // api: GET /api/2.0/patients/{id}/
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hdrs);
    return status;
}

/* Crude field extraction; the payloads are small and well-formed. */
static int json_string(const char *json, const char *key, char *out, size_t cap) {
    char pat[64];
    const char *p, *end;
    snprintf(pat, sizeof pat, "\"%s\": \"", key);
    p = strstr(json, pat);
    if (!p) return 0;
    p += strlen(pat);
    end = strchr(p, '"');
    if (!end || (size_t)(end - p) >= cap) return 0;
    memcpy(out, p, (size_t)(end - p));
    out[end - p] = '\0';
    return 1;
}

static long json_long(const char *json, const char *key) {
    char pat[64];
    const char *p;
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    p = strstr(json, pat);
    return p ? atol(p + strlen(pat)) : 0;
}

static int fetch_token(CURL *h, const char *id, const char *secret) {
    char form[1024];
    struct buf out = {NULL, 0};
    char token[400];
    snprintf(form, sizeof form,
             "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s",
             id, secret, ROUTER_SCOPES);
    curl_easy_setopt(h, CURLOPT_URL, ELATION_URL("/oauth2/token/"));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &out);
    if (curl_easy_perform(h) != CURLE_OK || !out.data) return 0;
    if (!json_string(out.data, "access_token", token, sizeof token)) return 0;
    snprintf(bearer, sizeof bearer, "Authorization: Bearer %s", token);
    free(out.data);
    return 1;
}

static void forward(CURL *h, const char *summary) {
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, "http://127.0.0.1:8700/inbound/results");
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, summary);
    curl_easy_perform(h);
}

int main(void) {
    CURL *h;
    struct buf page = {NULL, 0}, order = {NULL, 0}, patient = {NULL, 0};
    char url[1024] = ELATION_URL("/reports/?document_type=Lab&limit=50");
    char summary[2048];

    curl_global_init(CURL_GLOBAL_DEFAULT);
    h = curl_easy_init();
    if (!h || !fetch_token(h, getenv("ELATION_CLIENT_ID"), getenv("ELATION_CLIENT_SECRET")))
        return 1;

    for (;;) {
        char next[1024];
        char tmp[256];
        if (http_get(h, url, &page) != 200) break;

        long order_id = json_long(page.data, "order");
        long patient_id = json_long(page.data, "patient");
        snprintf(tmp, sizeof tmp, ELATION_URL("/lab_orders/%ld/"), order_id);
        http_get(h, tmp, &order);
        snprintf(tmp, sizeof tmp, ELATION_URL("/patients/%ld/"), patient_id);
        http_get(h, tmp, &patient);

        snprintf(summary, sizeof summary, "{\"order\": %ld, \"patient\": %ld, \"provider\": %ld}",
                 order_id, patient_id, json_long(order.data ? order.data : "", "ordering_physician"));
        forward(h, summary);

        /* follow the paginated "next" link until the last page */
        if (!json_string(page.data, "next", next, sizeof next)) break;
        strcpy(url, next);
    }

    free(page.data);
    free(order.data);
    free(patient.data);
    curl_easy_cleanup(h);
    curl_global_cleanup();
    return 0;
}

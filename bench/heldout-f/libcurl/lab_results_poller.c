/* lab_results_poller: pulls newly filed lab reports out of Elation and forwards
 * them to the internal results router, which feeds the care-team dashboards.
 * Runs every 10 minutes from a systemd timer.
 *
 * Environment: ELATION_BASE_URL (defaults to the sandbox), ELATION_CLIENT_ID,
 *              ELATION_CLIENT_SECRET, RESULTS_ROUTER_URL, POLLER_SINCE (YYYY-MM-DD)
 */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <curl/curl.h>
#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elation_api.h"

struct buffer {
    char *data;
    size_t len;
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *userdata) {
    struct buffer *b = userdata;
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

static const char *env_or(const char *name, const char *fallback) {
    const char *v = getenv(name);
    return (v && *v) ? v : fallback;
}

static char *fetch_token(CURL *curl, const char *base) {
    char url[ELATION_URL_MAX];
    char form[1024];
    struct buffer resp = {0};
    char *token = NULL;

    char *scope = curl_easy_escape(curl, LAB_POLLER_SCOPES, 0);
    snprintf(url, sizeof url, "%s%s", base, ELATION_TOKEN_PATH);
    snprintf(form, sizeof form, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s",
             env_or("ELATION_CLIENT_ID", ""), env_or("ELATION_CLIENT_SECRET", ""), scope);
    curl_free(scope);

    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &resp);
    if (curl_easy_perform(curl) == CURLE_OK) {
        json_t *root = json_loads(resp.data ? resp.data : "", 0, NULL);
        const char *tok = json_string_value(json_object_get(root, "access_token"));
        if (tok)
            token = strdup(tok);
        json_decref(root);
    }
    free(resp.data);
    return token;
}

/* GET an absolute URL with the bearer token; returns parsed JSON or NULL. */
static json_t *http_get(CURL *curl, const char *bearer, const char *url) {
    char auth[2048];
    struct buffer resp = {0};
    long status = 0;
    json_t *doc = NULL;

    snprintf(auth, sizeof auth, "Authorization: Bearer %s", bearer);
    struct curl_slist *headers = curl_slist_append(NULL, auth);
    headers = curl_slist_append(headers, "Accept: application/json");

    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &resp);
    CURLcode rc = curl_easy_perform(curl);  // api: GET /api/2.0/reports/ // api: GET /api/2.0/lab_orders/{id}/ // api: GET /api/2.0/patients/{id}/
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (rc == CURLE_OK && status == 200)
        doc = json_loads(resp.data, 0, NULL);
    else
        fprintf(stderr, "GET %s -> %s / HTTP %ld\n", url, curl_easy_strerror(rc), status);

    curl_slist_free_all(headers);
    free(resp.data);
    return doc;
}

/* Internal results router -- not Elation; authenticates with mTLS at the proxy. */
static int forward_to_router(CURL *curl, const char *router, const char *payload) {
    long status = 0;
    struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, router);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload);
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    return rc == CURLE_OK && status / 100 == 2;
}

int main(void) {
    const char *base = env_or("ELATION_BASE_URL", ELATION_DEFAULT_BASE);
    const char *router = env_or("RESULTS_ROUTER_URL", "http://results-router.internal:8080/v1/lab-results");
    const char *since = env_or("POLLER_SINCE", "2024-01-01");
    char url[ELATION_URL_MAX];
    int forwarded = 0;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *curl = curl_easy_init();
    char *bearer = curl ? fetch_token(curl, base) : NULL;
    if (!bearer) {
        fprintf(stderr, "could not obtain an Elation token\n");
        return 1;
    }

    snprintf(url, sizeof url, "%s%s?document_type=%s&from_date=%s&limit=%d", base, ELATION_PATH_REPORTS,
             ELATION_LAB_DOCUMENT_TYPE, since, ELATION_PAGE_SIZE);

    for (;;) {
        json_t *page = http_get(curl, bearer, url);
        if (!page)
            break;

        size_t i;
        json_t *report;
        json_array_foreach(json_object_get(page, "results"), i, report) {
            json_int_t report_id = json_integer_value(json_object_get(report, "id"));
            json_int_t patient_id = json_integer_value(json_object_get(report, "patient"));
            json_t *order_ref = json_object_get(report, "lab_order");

            char item_url[ELATION_URL_MAX];
            snprintf(item_url, sizeof item_url, "%s%s%lld/", base, ELATION_PATH_PATIENTS, (long long)patient_id);
            json_t *patient = http_get(curl, bearer, item_url);

            json_t *order = NULL;
            if (json_is_integer(order_ref)) {
                snprintf(item_url, sizeof item_url, "%s%s%lld/", base, ELATION_PATH_LAB_ORDERS,
                         (long long)json_integer_value(order_ref));
                order = http_get(curl, bearer, item_url);
            }

            json_t *out = json_pack("{s:I, s:O, s:O, s:O}", "report_id", report_id, "report", report,
                                    "patient", patient ? patient : json_null(),
                                    "order", order ? order : json_null());
            char *payload = json_dumps(out, JSON_COMPACT);
            if (payload && forward_to_router(curl, router, payload))
                forwarded++;
            free(payload);
            json_decref(out);
            json_decref(order);
            json_decref(patient);
        }

        const char *next = json_string_value(json_object_get(page, "next"));
        if (!next) {
            json_decref(page);
            break;
        }
        snprintf(url, sizeof url, "%s", next);
        json_decref(page);
    }

    printf("forwarded %d lab report(s) since %s\n", forwarded, since);
    free(bearer);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return 0;
}

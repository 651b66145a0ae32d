/*
 * rx_refill_sync.c
 *
 * Walks the open refill requests in Elation. When the pharmacy on a request
 * is no longer active (closed / merged), the medication is recorded as
 * discontinued on behalf of the prescriber so the request drops off the
 * refill queue and the physician gets the follow-up task.
 *
 * usage: rx_refill_sync [-b base_url] [-u username] [-p password] [-n]
 *   -n   dry run (read only)
 */
#define _POSIX_C_SOURCE 200809L
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elation_paths.h"

#define RX_SCOPES                                                  \
    "system/medication_refills.read%20system/medications.read%20" \
    "system/pharmacies.read%20system/discontinued_medications.write"

#define RESP_MAX 262144

struct config {
    const char *base_url;
    const char *client_id;
    const char *client_secret;
    const char *username;
    const char *password;
    int dry_run;
};

struct response {
    char body[RESP_MAX];
    size_t len;
};

static char g_bearer[1024];

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    struct response *r = userdata;
    size_t n = size * nmemb;
    size_t room = RESP_MAX - 1 - r->len;
    memcpy(r->body + r->len, ptr, n < room ? n : room);
    r->len += n < room ? n : room;
    r->body[r->len] = '\0';
    return n;
}

static CURL *prepare(const struct config *cfg, const char *path, struct response *out)
{
    char url[1024];
    CURL *h = curl_easy_init();
    snprintf(url, sizeof url, "%s%s", cfg->base_url, path);
    out->len = 0;
    out->body[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
    return h;
}

static int get_token(const struct config *cfg)
{
    static struct response resp;
    char post[1024], userpwd[512];
    const char *tok;
    CURLcode rc;
    CURL *h = prepare(cfg, ELATION_TOKEN_PATH, &resp);

    snprintf(userpwd, sizeof userpwd, "%s:%s", cfg->client_id, cfg->client_secret);
    snprintf(post, sizeof post, "grant_type=password&username=%s&password=%s&scope=%s",
             cfg->username, cfg->password, RX_SCOPES);
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERPWD, userpwd);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, post);
    rc = curl_easy_perform(h);  // expect-error [missing-scope] {{act_as_user}}
    curl_easy_cleanup(h);
    if (rc != CURLE_OK || !(tok = strstr(resp.body, "\"access_token\":")))
        return -1;
    tok = strchr(tok + 15, '"') + 1;
    snprintf(g_bearer, sizeof g_bearer, "Authorization: Bearer %.*s", (int)strcspn(tok, "\""), tok);
    return 0;
}

static long do_get(const struct config *cfg, const char *path, struct response *out)
{
    long status = 0;
    struct curl_slist *hdrs = curl_slist_append(NULL, g_bearer);
    CURL *h = prepare(cfg, path, out);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    if (curl_easy_perform(h) == CURLE_OK)  // api: GET /api/2.0/medication_refills/ // api: GET /api/2.0/medications/{id}/ // api: GET /api/2.0/pharmacies/{id}/
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(h);
    curl_slist_free_all(hdrs);
    return status;
}

static long do_post_json(const struct config *cfg, const char *path, const char *json,
                         long on_behalf_of, struct response *out)
{
    char obo[64];
    long status = 0;
    struct curl_slist *hdrs = NULL;
    CURL *h = prepare(cfg, path, out);

    snprintf(obo, sizeof obo, "X-On-Behalf-Of: %ld", on_behalf_of);
    hdrs = curl_slist_append(hdrs, g_bearer);
    hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    hdrs = curl_slist_append(hdrs, obo);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
    if (curl_easy_perform(h) == CURLE_OK)  // api: POST /api/2.0/discontinued_medications/
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(h);
    curl_slist_free_all(hdrs);
    return status;
}

static long field_long(const char *obj, const char *key)
{
    char pat[64];
    const char *p;
    snprintf(pat, sizeof pat, "\"%s\":", key);
    return (p = strstr(obj, pat)) ? strtol(p + strlen(pat), NULL, 10) : 0;
}

int main(int argc, char **argv)
{
    static struct response page, med, pharmacy, out;
    struct config cfg = {0};
    char path[256], body[512], ncpdp[32];
    int opt, offset = 0, closed = 0;

    cfg.base_url = getenv("ELATION_BASE_URL") ? getenv("ELATION_BASE_URL") : ELATION_PROD_BASE;
    cfg.client_id = getenv("ELATION_CLIENT_ID");
    cfg.client_secret = getenv("ELATION_CLIENT_SECRET");
    while ((opt = getopt(argc, argv, "b:u:p:n")) != -1) {
        switch (opt) {
        case 'b': cfg.base_url = optarg; break;
        case 'u': cfg.username = optarg; break;
        case 'p': cfg.password = optarg; break;
        case 'n': cfg.dry_run = 1; break;
        default: fprintf(stderr, "usage: %s [-b url] -u user -p pass [-n]\n", argv[0]); return 2;
        }
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (!cfg.username || get_token(&cfg) != 0) {
        fprintf(stderr, "could not authenticate against %s\n", cfg.base_url);
        return 1;
    }

    do {
        const char *r;
        snprintf(path, sizeof path, EP_MED_REFILLS "?status=pending&limit=%d&offset=%d", ELATION_PAGE_SIZE, offset);
        if (do_get(&cfg, path, &page) != 200)
            break;
        for (r = strstr(page.body, "\"medication\":"); r; r = strstr(r + 1, "\"medication\":")) {
            long med_id = field_long(r, "medication");
            const char *np = strstr(r, "\"pharmacy_ncpdpid\": \"");
            if (!np || sscanf(np + 21, "%31[^\"]", ncpdp) != 1)
                continue;
            snprintf(path, sizeof path, EP_PHARMACY_FMT, ncpdp);
            if (do_get(&cfg, path, &pharmacy) != 200 || !strstr(pharmacy.body, "\"is_active\": false"))
                continue;
            snprintf(path, sizeof path, EP_MEDICATION_FMT, med_id);
            if (do_get(&cfg, path, &med) != 200 || cfg.dry_run)
                continue;
            snprintf(body, sizeof body,
                     "{\"patient\": %ld, \"medication\": %ld, \"reason\": \"pharmacy %s inactive\"}",
                     field_long(med.body, "patient"), med_id, ncpdp);
            if (do_post_json(&cfg, EP_DISCONTINUED_MEDS, body, field_long(med.body, "prescribing_physician"), &out) == 201)
                closed++;
        }
        offset += ELATION_PAGE_SIZE;
    } while (!strstr(page.body, "\"next\": null"));

    printf("%s: %d refill requests closed\n", cfg.dry_run ? "dry run" : "done", closed);
    curl_global_cleanup();
    return 0;
}

/*
 * refill_queue_worker: works the pharmacy refill-request queue.
 *
 * Pending refill requests whose medication is on the practice's "auto-renew"
 * list (maintenance drugs, stable patients) are renewed by posting a new
 * prescription as the patient's PCP. Everything else stays in the queue for a
 * human. Configuration comes from the environment.
 */
#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCOPE_FMT "system/%s.read system/%s.write system/%s.read system/%s.write system/%s.read"

typedef struct {
    const char *base; /* https://host/api/2.0 */
    char bearer[512];
    CURL *curl;
} worker_t;

typedef struct {
    char *data;
    size_t size;
} body_t;

static const char *const AUTO_RENEW[] = {"lisinopril", "atorvastatin", "levothyroxine", "metformin", NULL};

static size_t sink(char *ptr, size_t sz, size_t n, void *ud) {
    body_t *b = ud;
    char *grown = realloc(b->data, b->size + sz * n + 1);
    if (!grown) return 0;
    memcpy(grown + b->size, ptr, sz * n);
    b->data = grown;
    b->size += sz * n;
    b->data[b->size] = '\0';
    return sz * n;
}

/* One request; `acting_user` adds the impersonation header when non-NULL. */
static long request(worker_t *w, const char *method, const char *url, const char *json, const char *acting_user,
                    body_t *out) {
    struct curl_slist *hdr = NULL;
    char obo[64];
    long status = 0;
    hdr = curl_slist_append(hdr, w->bearer);
    hdr = curl_slist_append(hdr, "Content-Type: application/json");
    if (acting_user) {
        snprintf(obo, sizeof obo, "X-On-Behalf-Of: %s", acting_user);
        hdr = curl_slist_append(hdr, obo);
    }
    curl_easy_reset(w->curl);
    curl_easy_setopt(w->curl, CURLOPT_URL, url);
    curl_easy_setopt(w->curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(w->curl, CURLOPT_HTTPHEADER, hdr);
    if (json) curl_easy_setopt(w->curl, CURLOPT_POSTFIELDS, json);
    curl_easy_setopt(w->curl, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(w->curl, CURLOPT_WRITEDATA, out);
    if (curl_easy_perform(w->curl) == CURLE_OK)  // api: GET /api/2.0/medication_refills/ // api: GET /api/2.0/medications/{id}/ // api: GET /api/2.0/pharmacies/{ncpdpid}/ // api: POST /api/2.0/medications/
        curl_easy_getinfo(w->curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hdr);
    return status;
}

static bool get_token(worker_t *w, const char *id, const char *secret) {
    char scope[256], form[1024], url[256], *tok, *end;
    body_t out = {NULL, 0};
    snprintf(scope, sizeof scope, SCOPE_FMT, "medication_refills", "medication_refills", "medications",
             "medications", "pharmacies");
    // expect-warning [unused-scope] {{system/medication_refills.write}}
    char *esc = curl_easy_escape(w->curl, scope, 0);
    snprintf(form, sizeof form, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s", id, secret,
             esc);
    curl_free(esc);
    snprintf(url, sizeof url, "%s/oauth2/token/", w->base);
    if (request(w, "POST", url, form, NULL, &out) != 200) return false;
    tok = strstr(out.data, "\"access_token\":\"");
    if (!tok) tok = strstr(out.data, "\"access_token\": \"");
    if (!tok) return false;
    tok = strchr(tok + 15, '"') + 1;
    end = strchr(tok, '"');
    snprintf(w->bearer, sizeof w->bearer, "Authorization: Bearer %.*s", (int)(end - tok), tok);
    free(out.data);
    return true;
}

static bool auto_renewable(const char *json) {
    for (const char *const *d = AUTO_RENEW; *d; ++d)
        if (strstr(json, *d)) return true;
    return false;
}

int main(void) {
    worker_t w = {0};
    const char *base = getenv("ELATION_API_BASE");
    const char *pcp_user = getenv("RENEWING_PHYSICIAN_USER_ID");
    char url[512], payload[1024];
    body_t queue = {NULL, 0}, med = {NULL, 0}, pharm = {NULL, 0}, created = {NULL, 0};

    w.base = base ? base : "https://sandbox.elationemr.com/api/2.0";
    w.curl = curl_easy_init();
    if (!w.curl || !get_token(&w, getenv("ELATION_CLIENT_ID"), getenv("ELATION_CLIENT_SECRET"))) return 1;

    snprintf(url, sizeof url, "%s/medication_refills/?status=pending&limit=50", w.base);
    if (request(&w, "GET", url, NULL, NULL, &queue) != 200) return 1;

    for (const char *p = queue.data; (p = strstr(p, "\"medication\": ")) != NULL; ++p) {
        long med_id = atol(p + 14);
        const char *ncpdp = strstr(p, "\"pharmacy_ncpdpid\": \"");
        med.size = pharm.size = created.size = 0;
        snprintf(url, sizeof url, "%s/medications/%ld/", w.base, med_id);
        if (request(&w, "GET", url, NULL, NULL, &med) != 200 || !auto_renewable(med.data)) continue;
        if (ncpdp) {
            snprintf(url, sizeof url, "%s/pharmacies/%.7s/", w.base, ncpdp + 21);
            if (request(&w, "GET", url, NULL, NULL, &pharm) != 200) continue; /* pharmacy closed or unknown */
        }
        snprintf(payload, sizeof payload, "{\"renewal_of\": %ld, \"qty\": 90, \"refills\": 1}", med_id);
        snprintf(url, sizeof url, "%s/medications/", w.base);
        if (request(&w, "POST", url, payload, pcp_user ? pcp_user : "0", &created) == 201)  // expect-error [missing-scope] {{act_as_user}}
            printf("renewed medication %ld\n", med_id);
    }
    free(queue.data);
    free(med.data);
    free(pharm.data);
    free(created.data);
    curl_easy_cleanup(w.curl);
    return 0;
}

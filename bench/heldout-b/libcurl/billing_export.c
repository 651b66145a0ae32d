/*
 * Nightly billing export.
 *
 * Pulls the bills Elation marked ready since yesterday, resolves their CPT
 * codes and the patient demographics, writes a flat file for the billing
 * partner, uploads it, and releases each exported bill to the PMS.
 *
 * Legacy integration: still uses the password grant with the API client
 * credentials as HTTP Basic auth.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *g_base; /* e.g. https://app.elationemr.com/api/2.0 */
static char g_auth[600];

struct sink {
    FILE *fp;
};

static size_t to_file(char *ptr, size_t size, size_t nmemb, void *ud) {
    struct sink *s = ud;
    return fwrite(ptr, size, nmemb, s->fp);
}

static int elation_request(const char *method, const char *path, const char *body, FILE *out) {
    CURL *h = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    struct sink s = {out};
    char url[1024];
    long status = 0;

    snprintf(url, sizeof url, "%s%s", g_base, path);
    hdrs = curl_slist_append(hdrs, g_auth);
    hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    if (body) curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    if (out) {
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_file);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);
    }
    if (curl_easy_perform(h) == CURLE_OK) // api: GET /api/2.0/bills/ // api: GET /api/2.0/billing_codes/ // api: GET /api/2.0/patients/{id}/ // api: PATCH /api/2.0/bills/{id}/actions/release-to-pms/
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(h);
    return (int)status;
}

static int login(const char *client_id, const char *client_secret, const char *user, const char *pass) {
    CURL *h = curl_easy_init();
    char url[512], form[512], userpwd[256];
    FILE *tok = tmpfile();
    struct sink s = {tok};
    char line[1024] = {0};
    char *p;

    snprintf(url, sizeof url, "%s/oauth2/token/", g_base);
    snprintf(userpwd, sizeof userpwd, "%s:%s", client_id, client_secret);
    snprintf(form, sizeof form, "grant_type=password&username=%s&password=%s", user, pass);
    // expect-warning [global-scope] {{system/bills.read}}
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERPWD, userpwd);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_file);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);
    if (curl_easy_perform(h) != CURLE_OK) return 0;
    curl_easy_cleanup(h);
    rewind(tok);
    if (!fgets(line, sizeof line, tok)) return 0;
    fclose(tok);
    p = strstr(line, "\"access_token\": \"");
    if (!p) return 0;
    p += strlen("\"access_token\": \"");
    *strchr(p, '"') = '\0';
    snprintf(g_auth, sizeof g_auth, "Authorization: Bearer %s", p);
    return 1;
}

static void upload(const char *file) {
    CURL *h = curl_easy_init();
    FILE *fp = fopen(file, "rb");
    curl_easy_setopt(h, CURLOPT_URL, "https://upload.claimsbridge-partner.com/v2/batches");
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READDATA, fp);
    curl_easy_perform(h);
    fclose(fp);
    curl_easy_cleanup(h);
}

int main(int argc, char **argv) {
    char path[256];
    FILE *bills, *out;
    long bill_id, patient_id;

    g_base = getenv("ELATION_API_BASE");
    if (!g_base) g_base = "https://app.elationemr.com/api/2.0";
    if (argc < 2) return 2;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (!login(getenv("ELATION_CLIENT_ID"), getenv("ELATION_CLIENT_SECRET"),
               getenv("ELATION_USER"), getenv("ELATION_PASSWORD")))
        return 1;

    bills = fopen("bills.json", "w+");
    out = fopen(argv[1], "w");
    snprintf(path, sizeof path, "/bills/?last_modified_gt=%s", argc > 2 ? argv[2] : "2024-01-01");
    elation_request("GET", path, NULL, bills);
    elation_request("GET", "/billing_codes/?practice=65540", NULL, out);

    rewind(bills);
    /* one "bill_id patient_id" pair per line, produced by the jq step in cron */
    while (fscanf(bills, "%ld %ld", &bill_id, &patient_id) == 2) {
        snprintf(path, sizeof path, "/patients/%ld/", patient_id);
        elation_request("GET", path, NULL, out);
        snprintf(path, sizeof path, "/bills/%ld/actions/release-to-pms/", bill_id);
        elation_request("PATCH", path, "{}", NULL);
    }
    fclose(bills);
    fclose(out);
    upload(argv[1]);
    curl_global_cleanup();
    return 0;
}

/*
 * appointment_reminder: nightly job that reads tomorrow's appointments and
 * drops a reminder into each patient's message thread.
 *
 * Settings come from a small key=value file (default /etc/elation/reminder.conf):
 *   base_url=https://sandbox.elationemr.com/api/2.0
 *   client_id=...
 *   client_secret=...
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define APPT_PATH "/appointments/"
#define PATIENT_PATH_FMT "%s/patients/%ld/"
#define PAGE_LIMIT 50

typedef struct {
    char base_url[256];
    char client_id[128];
    char client_secret[128];
} reminder_conf;

typedef struct {
    char *buf;
    size_t len;
} chunk;

static const char *const RESOURCES[] = {"appointments", "patients", "message_threads"};

static size_t collect(char *p, size_t s, size_t n, void *ud) {
    chunk *c = ud;
    char *g = realloc(c->buf, c->len + s * n + 1);
    if (!g) return 0;
    memcpy(g + c->len, p, s * n);
    c->buf = g;
    c->len += s * n;
    c->buf[c->len] = 0;
    return s * n;
}

static int load_conf(const char *path, reminder_conf *cf) {
    char line[512];
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    while (fgets(line, sizeof line, f)) {
        char *eq = strchr(line, '=');
        if (!eq) continue;
        *eq = 0;
        eq[strcspn(eq + 1, "\r\n") + 1] = 0;
        if (!strcmp(line, "base_url")) snprintf(cf->base_url, sizeof cf->base_url, "%s", eq + 1);
        else if (!strcmp(line, "client_id")) snprintf(cf->client_id, sizeof cf->client_id, "%s", eq + 1);
        else if (!strcmp(line, "client_secret")) snprintf(cf->client_secret, sizeof cf->client_secret, "%s", eq + 1);
    }
    fclose(f);
    return 0;
}

static long http(CURL *h, const char *auth, const char *url, const char *post, chunk *out) {
    struct curl_slist *hs = NULL;
    long code = 0;
    if (auth) hs = curl_slist_append(hs, auth);
    hs = curl_slist_append(hs, "Accept: application/json");
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hs);
    if (post) curl_easy_setopt(h, CURLOPT_POSTFIELDS, post);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    if (curl_easy_perform(h) == CURLE_OK)  // api: GET /api/2.0/appointments/ // api: GET /api/2.0/patients/{id}/ // api: POST /api/2.0/thread_messages/ // expect-error [missing-scope] {{system/thread_messages.write}}
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(hs);
    return code;
}

static int fetch_token(CURL *h, const reminder_conf *cf, char *bearer, size_t cap) {
    char scope[256] = "", form[768], url[300];
    chunk out = {NULL, 0};
    size_t i;
    for (i = 0; i < sizeof RESOURCES / sizeof RESOURCES[0]; i++) {
        char one[64];
        snprintf(one, sizeof one, "%ssystem/%s.read", i ? "+" : "", RESOURCES[i]);
        strncat(scope, one, sizeof scope - strlen(scope) - 1);
    }
    strncat(scope, "+system/message_threads.write", sizeof scope - strlen(scope) - 1);
    snprintf(form, sizeof form, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s",
             cf->client_id, cf->client_secret, scope);
    snprintf(url, sizeof url, "%s/oauth2/token/", cf->base_url);
    if (http(h, NULL, url, form, &out) != 200 || !out.buf) return -1;  // expect-warning [unused-scope] {{system/message_threads.read}} // expect-warning [unused-scope] {{system/message_threads.write}}
    char *t = strstr(out.buf, "\"access_token\":\"");
    if (!t) { free(out.buf); return -1; }
    t += 16;
    snprintf(bearer, cap, "Authorization: Bearer %.*s", (int)strcspn(t, "\""), t);
    free(out.buf);
    return 0;
}

int main(int argc, char **argv) {
    reminder_conf cf = {"https://sandbox.elationemr.com/api/2.0", "", ""};
    char bearer[600], url[512], msg[512];
    long offset = 0;
    if (load_conf(argc > 1 ? argv[1] : "/etc/elation/reminder.conf", &cf) != 0) return 2;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *h = curl_easy_init();
    if (!h || fetch_token(h, &cf, bearer, sizeof bearer) != 0) return 1;
    for (;;) {
        chunk page = {NULL, 0};
        snprintf(url, sizeof url, "%s" APPT_PATH "?limit=%d&offset=%ld", cf.base_url, PAGE_LIMIT, offset);
        if (http(h, bearer, url, NULL, &page) != 200) break;
        for (char *p = page.buf; (p = strstr(p, "\"patient\":")); p++) {
            long pid = strtol(p + 10, NULL, 10);
            chunk pt = {NULL, 0};
            snprintf(url, sizeof url, PATIENT_PATH_FMT, cf.base_url, pid);
            http(h, bearer, url, NULL, &pt);
            snprintf(msg, sizeof msg, "{\"patient\":%ld,\"body\":\"Reminder: you have a visit tomorrow.\"}", pid);
            snprintf(url, sizeof url, "%s/thread_messages/", cf.base_url);
            chunk ack = {NULL, 0};
            http(h, bearer, url, msg, &ack);
            free(pt.buf);
            free(ack.buf);
        }
        int more = page.buf && strstr(page.buf, "\"next\":null") == NULL;
        free(page.buf);
        if (!more) break;
        offset += PAGE_LIMIT;
    }
    curl_easy_cleanup(h);
    curl_global_cleanup();
    return 0;
}

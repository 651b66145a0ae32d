/*
 * insurance_card_upload: front-desk scanner hook. The scanning station
 * drops a JPEG and calls us with the patient id and the id of the staff
 * user at the desk; we attach the card image on that user's behalf and
 * check the payer exists in the practice's insurance company list.
 *
 *   insurance_card_upload --host app.elationemr.com --user 4411 --patient 9120 --file card.jpg
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define API_ROOT_FMT "https://%s/api/2.0"
#define TOKEN_SCOPE                                                                              \
    "system/patients.read system/patients.write system/insurance_companies.read "               \
    "system/insurance_plans.read act_as_user"

struct opts {
    const char *host;
    const char *user;
    const char *patient;
    const char *file;
    const char *payer;
};

struct sink {
    char data[16384];
    size_t used;
};

static size_t keep(char *p, size_t s, size_t n, void *ud) {
    struct sink *k = ud;
    size_t take = s * n;
    if (k->used + take >= sizeof k->data) take = sizeof k->data - k->used - 1;
    memcpy(k->data + k->used, p, take);
    k->used += take;
    k->data[k->used] = 0;
    return s * n;
}

static void parse_args(int argc, char **argv, struct opts *o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--host")) o->host = argv[i + 1];
        else if (!strcmp(argv[i], "--user")) o->user = argv[i + 1];
        else if (!strcmp(argv[i], "--patient")) o->patient = argv[i + 1];
        else if (!strcmp(argv[i], "--file")) o->file = argv[i + 1];
        else if (!strcmp(argv[i], "--payer")) o->payer = argv[i + 1];
    }
}

static int get_token(CURL *c, const char *root, char *hdr, size_t cap) {
    struct sink out = {{0}, 0};
    char url[256], *form, *enc;
    const char *id = getenv("ELATION_CLIENT_ID"), *secret = getenv("ELATION_CLIENT_SECRET");
    if (!id || !secret) return -1;
    enc = curl_easy_escape(c, TOKEN_SCOPE, 0);
    form = malloc(strlen(enc) + strlen(id) + strlen(secret) + 96);
    sprintf(form, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s", id, secret, enc);
    snprintf(url, sizeof url, "%s/oauth2/token/", root);
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
    CURLcode rc = curl_easy_perform(c);  // expect-warning [unused-scope] {{system/insurance_plans.read}} // expect-warning [unused-scope] {{system/patients.read}}
    curl_free(enc);
    free(form);
    char *t = rc == CURLE_OK ? strstr(out.data, "access_token\": \"") : NULL;
    if (!t) return -1;
    t += 16;
    snprintf(hdr, cap, "Authorization: Bearer %.*s", (int)strcspn(t, "\""), t);
    return 0;
}

static int payer_known(CURL *c, const char *root, const char *bearer, const char *payer) {
    struct sink out = {{0}, 0};
    char url[300];
    struct curl_slist *h = curl_slist_append(NULL, bearer);
    snprintf(url, sizeof url, "%s/insurance_companies/?name=%s", root, payer);
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
    CURLcode rc = curl_easy_perform(c);  // api: GET /api/2.0/insurance_companies/
    curl_slist_free_all(h);
    return rc == CURLE_OK && strstr(out.data, "\"count\": 0") == NULL;
}

static long upload_card(CURL *c, const char *root, const char *bearer, const struct opts *o) {
    char url[300], obo[80];
    long status = 0;
    struct curl_slist *h = curl_slist_append(NULL, bearer);
    snprintf(obo, sizeof obo, "X-On-Behalf-Of: %s", o->user);
    h = curl_slist_append(h, obo);
    curl_mime *mime = curl_mime_init(c);
    curl_mimepart *part = curl_mime_addpart(mime);
    curl_mime_name(part, "image");
    curl_mime_filedata(part, o->file);
    snprintf(url, sizeof url, "%s/patients/%s/insurance_cards/", root, o->patient);
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
    if (curl_easy_perform(c) == CURLE_OK)  // api: POST /api/2.0/patients/{id}/insurance_cards/
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_mime_free(mime);
    curl_slist_free_all(h);
    return status;
}

int main(int argc, char **argv) {
    struct opts o = {"sandbox.elationemr.com", NULL, NULL, NULL, "Aetna"};
    char root[200], bearer[512];
    parse_args(argc, argv, &o);
    if (!o.user || !o.patient || !o.file) {
        fprintf(stderr, "usage: %s --user ID --patient ID --file PATH [--host H] [--payer NAME]\n", argv[0]);
        return 2;
    }
    snprintf(root, sizeof root, API_ROOT_FMT, o.host);
    curl_global_init(CURL_GLOBAL_ALL);
    CURL *c = curl_easy_init();
    if (get_token(c, root, bearer, sizeof bearer) != 0) return 1;
    if (!payer_known(c, root, bearer, o.payer)) fprintf(stderr, "warning: payer %s not on file\n", o.payer);
    long st = upload_card(c, root, bearer, &o);
    printf("upload: HTTP %ld\n", st);
    curl_easy_cleanup(c);
    curl_global_cleanup();
    return st == 201 ? 0 : 1;
}

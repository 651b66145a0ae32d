/* nightly_export: writes each patient's clinical documents to the export share.
 * Base URL, credentials and the patient id list come from the environment. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ELATION_TOKEN_PATH "/api/2.0/oauth2/token/"

struct buffer {
  char *data;
  size_t len;
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *userdata) {
  struct buffer *b = (struct buffer *)userdata;
  size_t n = size * nmemb;
  char *grown = realloc(b->data, b->len + n + 1);
  if (!grown) return 0;
  b->data = grown;
  memcpy(b->data + b->len, ptr, n);
  b->len += n;
  b->data[b->len] = '\0';
  return n;
}

static int get_token(CURL *h, const char *base, char *token, size_t token_len) {
  char url[512], body[1024];
  struct buffer out = {0};
  snprintf(url, sizeof url, "%s" ELATION_TOKEN_PATH, base);
  snprintf(body, sizeof body,
           "grant_type=client_credentials&client_id=%s&client_secret=%s"
           "&scope=system/clinical_documents.read%%20system/patients.read",
           getenv("ELATION_CLIENT_ID"), getenv("ELATION_CLIENT_SECRET"));
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &out);
  CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK || !out.data) return -1;
  char *p = strstr(out.data, "\"access_token\":\"");
  if (!p) return -1;
  p += 16;
  size_t n = strcspn(p, "\"");
  if (n >= token_len) n = token_len - 1;
  memcpy(token, p, n);
  token[n] = '\0';
  free(out.data);
  curl_easy_reset(h);
  return 0;
}

static int fetch(CURL *h, const char *url, const char *token, FILE *sink) {
  char auth[1200];
  struct curl_slist *hdrs = NULL;
  snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
  hdrs = curl_slist_append(hdrs, auth);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, sink);
  CURLcode rc = curl_easy_perform(h); /* api: GET /api/2.0/patients/{id}/ */ /* api: GET /api/2.0/clinical_documents/ */
  curl_slist_free_all(hdrs);
  return rc == CURLE_OK ? 0 : -1;
}

int main(int argc, char **argv) {
  const char *base = getenv("ELATION_BASE_URL");
  char token[1024], url[512];
  if (!base) base = "https://app.elationemr.com";
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL *h = curl_easy_init();
  if (!h || get_token(h, base, token, sizeof token) != 0) {
    fprintf(stderr, "could not get a token\n");
    return 1;
  }
  for (int i = 1; i < argc; ++i) {
    long patient = strtol(argv[i], NULL, 10);
    char path[64];
    snprintf(path, sizeof path, "export/%ld.json", patient);
    FILE *out = fopen(path, "w");
    if (!out) continue;
    snprintf(url, sizeof url, "%s/api/2.0/patients/%ld/", base, patient);
    fetch(h, url, token, out);
    snprintf(url, sizeof url, "%s/api/2.0/clinical_documents/?patient=%ld", base, patient);
    fetch(h, url, token, out);
    fclose(out);
  }
  curl_easy_cleanup(h);
  curl_global_cleanup();
  return 0;
}

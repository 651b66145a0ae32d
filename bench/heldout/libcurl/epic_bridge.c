/* epic_bridge: copies new patients from the hospital's Epic FHIR endpoint into Elation.
 * Epic uses its own OAuth server; Elation is reached with the older password grant. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#define EPIC_TOKEN_URL "https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"
#define EPIC_FHIR_BASE "https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"
#define ELATION_BASE "https://sandbox.elationemr.com/api/2.0"

static size_t to_buf(char *ptr, size_t size, size_t nmemb, void *ud) {
  char *buf = (char *)ud;
  size_t have = strlen(buf), n = size * nmemb;
  if (have + n >= 65536) n = 65535 - have;
  memcpy(buf + have, ptr, n);
  buf[have + n] = '\0';
  return size * nmemb;
}

static char response[65536];

static int epic_token(CURL *h, const char *assertion) {
  char form[4096];
  snprintf(form, sizeof form,
           "grant_type=client_credentials&client_assertion_type=urn%%3Aietf%%3Aparams%%3Aoauth"
           "%%3Aclient-assertion-type%%3Ajwt-bearer&client_assertion=%s&scope=system/Patient.read",
           assertion);
  curl_easy_setopt(h, CURLOPT_URL, EPIC_TOKEN_URL);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, form);
  return curl_easy_perform(h) == CURLE_OK ? 0 : -1;
}

static int elation_token(CURL *h, const char *client, const char *user, const char *password) {
  char form[1024];
  snprintf(form, sizeof form, "grant_type=password&username=%s&password=%s&scope=system/patients.write",
           user, password);
  curl_easy_setopt(h, CURLOPT_URL, ELATION_BASE "/oauth2/token/");
  curl_easy_setopt(h, CURLOPT_USERPWD, client);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, form);
  /* expect-error [missing-scope] {{system/patients.read}} */
  return curl_easy_perform(h) == CURLE_OK ? 0 : -1;
}

int main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: epic_bridge ASSERTION CLIENT_ID:SECRET USER PASSWORD SINCE\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_buf);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, response);
  if (epic_token(h, argv[1]) != 0) return 1;

  char url[512];
  snprintf(url, sizeof url, EPIC_FHIR_BASE "/Patient?_lastUpdated=gt%s", argv[5]);
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(h, CURLOPT_URL, url);
  response[0] = '\0';
  if (curl_easy_perform(h) != CURLE_OK) return 1;

  response[0] = '\0';
  if (elation_token(h, argv[2], argv[3], argv[4]) != 0) return 1;
  char auth[1100];
  const char *at = strstr(response, "\"access_token\": \"");
  if (!at) return 1;
  at += 17;
  snprintf(auth, sizeof auth, "Authorization: Bearer %.*s", (int)strcspn(at, "\""), at);
  struct curl_slist *hdrs = curl_slist_append(NULL, auth);
  hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
  curl_easy_setopt(h, CURLOPT_USERPWD, NULL);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);

  /* Skip patients that already exist in Elation (matched by last name + dob). */
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(h, CURLOPT_URL, ELATION_BASE "/patients/?last_name=Doe&dob=1980-01-01");
  response[0] = '\0';
  curl_easy_perform(h); /* api: GET /api/2.0/patients/ */
  if (strstr(response, "\"count\": 0") == NULL) return 0;

  curl_easy_setopt(h, CURLOPT_URL, ELATION_BASE "/patients/");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "{\"first_name\": \"Jane\", \"last_name\": \"Doe\", \"dob\": \"1980-01-01\"}");
  curl_easy_perform(h); /* api: POST /api/2.0/patients/ */

  curl_slist_free_all(hdrs);
  curl_easy_cleanup(h);
  curl_global_cleanup();
  return 0;
}

/* elation_api.h -- shared constants for the lab-results integration.
 *
 * Paths are relative to the API root (ELATION_BASE_URL, which already ends in
 * /api/2.0).  Keep the scope list in sync with what lab_results_poller.c calls;
 * the security review only signs off on what is written here.
 */
#ifndef ELATION_API_H
#define ELATION_API_H

#define ELATION_DEFAULT_BASE "https://sandbox.elationemr.com/api/2.0"
#define ELATION_TOKEN_PATH "/oauth2/token/"

#define ELATION_PATH_REPORTS "/reports/"
#define ELATION_PATH_LAB_ORDERS "/lab_orders/"
#define ELATION_PATH_PATIENTS "/patients/"

/* Report document types we care about (Elation "Lab" reports). */
#define ELATION_LAB_DOCUMENT_TYPE "28"

#define LAB_POLLER_SCOPES \
    "system/reports.read system/lab_orders.read system/patients.read"

#define ELATION_PAGE_SIZE 50
#define ELATION_URL_MAX 1024

#endif /* ELATION_API_H */

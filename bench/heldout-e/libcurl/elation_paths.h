/* elation_paths.h - shared constants for the C batch jobs that talk to Elation. */
#ifndef ELATION_PATHS_H
#define ELATION_PATHS_H

#define ELATION_SANDBOX_BASE "https://sandbox.elationemr.com/api/2.0"
#define ELATION_PROD_BASE    "https://app.elationemr.com/api/2.0"
#define ELATION_TOKEN_PATH   "/oauth2/token/"

/* reports / lab results */
#define EP_REPORTS            "/reports/"
#define EP_REPORT_NOTES_FMT   "/reports/%ld/internal_notes/"
#define EP_LAB_ORDER_FMT      "/lab_orders/%ld/"

/* medications */
#define EP_MED_REFILLS        "/medication_refills/"
#define EP_MEDICATION_FMT     "/medications/%ld/"
#define EP_PHARMACY_FMT       "/pharmacies/%s/"
#define EP_DISCONTINUED_MEDS  "/discontinued_medications/"

#define ELATION_PAGE_SIZE 50

#endif /* ELATION_PATHS_H */

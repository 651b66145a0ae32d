// Paths and scopes of the document-tagging job, shared with its tests.
#pragma once

namespace elation {

inline constexpr char kApiRoot[] = "https://app.elationemr.com/api/2.0";
inline constexpr char kTokenPath[] = "/oauth2/token/";
inline constexpr char kDocumentTags[] = "/document_tags/";
inline constexpr char kReports[] = "/reports/";

// Scopes the tagging job asks for.
inline constexpr char kScopes[] =
    "system/document_tags.read system/document_tag.write system/reports.read system/reports.write";

}  // namespace elation

// Configuration for the document auto-tagger.
#pragma once

#include <string>
#include <vector>

namespace tagger {

struct Config {
    std::string api_base = "https://sandbox.elationemr.com/api/2.0";
    std::string client_id;
    std::string client_secret;
    int page_size = 25;
};

// Resources this service touches; the scope string is derived from it.
inline const std::vector<std::pair<std::string, std::string>> kGrants = {
    {"clinical_documents", "read"},
    {"clinical_documents", "write"},
    {"document_tags", "read"},
    {"document_tags", "write"},
};

}  // namespace tagger

// chart_export: dumps a patient's chart (demographics, C-CDA, allergies,
// medications, problems) into one folder per patient, for records requests.
//
// usage: chart_export [--sandbox] <out-dir> <patient-id>...
// Environment: ELATION_CLIENT_ID, ELATION_CLIENT_SECRET
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

using json = nlohmann::json;
namespace fs = std::filesystem;

struct ExportConfig {
    std::string base = "https://app.elationemr.com/api/2.0";
    std::string client_id;
    std::string client_secret;
    fs::path out_dir;
    std::vector<std::string> patients;
    int max_attempts = 3;
};

static ExportConfig parse_args(int argc, char** argv) {
    ExportConfig cfg;
    int i = 1;
    if (i < argc && std::string(argv[i]) == "--sandbox") {
        cfg.base = "https://sandbox.elationemr.com/api/2.0";
        ++i;
    }
    if (i >= argc)
        throw std::invalid_argument("usage: chart_export [--sandbox] <out-dir> <patient-id>...");
    cfg.out_dir = argv[i++];
    for (; i < argc; ++i)
        cfg.patients.emplace_back(argv[i]);
    if (const char* v = std::getenv("ELATION_CLIENT_ID")) cfg.client_id = v;
    if (const char* v = std::getenv("ELATION_CLIENT_SECRET")) cfg.client_secret = v;
    return cfg;
}

class ElationSession {
public:
    explicit ElationSession(const ExportConfig& cfg) : cfg_(cfg) {}

    void authenticate() {
        // Same form the old PHP exporter used; it never sent a scope either.
        cpr::Response r = cpr::Post(cpr::Url{cfg_.base + "/oauth2/token/"},  // expect-warning [global-scope] {{apiv2}}
                                    cpr::Payload{{"grant_type", "client_credentials"},
                                                 {"client_id", cfg_.client_id},
                                                 {"client_secret", cfg_.client_secret}},
                                    cpr::Timeout{10000});
        if (r.status_code != 200)
            throw std::runtime_error("token request failed: HTTP " + std::to_string(r.status_code));
        token_ = json::parse(r.text).at("access_token").get<std::string>();
    }

    template <class T>
    T get(const std::string& path, const cpr::Parameters& params = {}) {
        for (int attempt = 1;; ++attempt) {
            cpr::Response r = cpr::Get(cpr::Url{cfg_.base + path}, cpr::Bearer{token_}, params, cpr::Timeout{30000});  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/ccda/{id}/ // api: GET /api/2.0/allergies/ // api: GET /api/2.0/medications/ // api: GET /api/2.0/problems/
            if (r.status_code == 200) {
                if constexpr (std::is_same_v<T, std::string>)
                    return r.text;
                else
                    return json::parse(r.text).get<T>();
            }
            bool retryable = r.status_code == 0 || r.status_code == 429 || r.status_code >= 500;
            if (!retryable || attempt >= cfg_.max_attempts)
                throw std::runtime_error("GET " + path + ": HTTP " + std::to_string(r.status_code));
            std::this_thread::sleep_for(std::chrono::milliseconds(750 * attempt));
        }
    }

private:
    const ExportConfig& cfg_;
    std::string token_;
};

int main(int argc, char** argv) {
    ExportConfig cfg;
    try {
        cfg = parse_args(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }

    ElationSession elation(cfg);
    try {
        elation.authenticate();
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }

    // Patient-scoped lists; each is filtered with ?patient=<id>.
    const std::map<std::string, std::string> sections = {
        {"allergies", "/allergies/"},
        {"medications", "/medications/"},
        {"problems", "/problems/"},
    };

    int failures = 0;
    for (const auto& id : cfg.patients) {
        const fs::path dir = cfg.out_dir / ("patient-" + id);
        fs::create_directories(dir);

        auto save = [&dir](const std::string& file, const auto& payload) {
            std::ofstream out(dir / file);
            out << payload;
        };

        try {
            json patient = elation.get<json>("/patients/" + id + "/");
            save("patient.json", patient.dump(2));

            std::string ccda = elation.get<std::string>("/ccda/" + id + "/", cpr::Parameters{{"template", "ccd"}});
            save("ccda.json", ccda);

            for (const auto& [name, path] : sections) {
                json all = json::array();
                for (int offset = 0;; offset += 100) {
                    json page = elation.get<json>(path, cpr::Parameters{{"patient", id},
                                                                        {"limit", "100"},
                                                                        {"offset", std::to_string(offset)}});
                    for (auto& item : page["results"])
                        all.push_back(std::move(item));
                    if (page.value("next", json()).is_null())
                        break;
                }
                save(name + ".json", all.dump(2));
            }
            std::cout << id << ": exported to " << dir << "\n";
        } catch (const std::exception& e) {
            std::cerr << id << ": " << e.what() << "\n";
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}

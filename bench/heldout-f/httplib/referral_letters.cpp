// referral_letters: for every open referral order, writes a referral letter to
// the receiving specialist in Elation, faxes it through FaxBridge, and marks the
// referral as sent.
//
// usage: referral_letters <elation-host> [practice-id]
//   e.g. referral_letters https://sandbox.elationemr.com 65540
// Environment: ELATION_CLIENT_ID, ELATION_CLIENT_SECRET,
//              FAXBRIDGE_CLIENT_ID, FAXBRIDGE_CLIENT_SECRET
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

using json = nlohmann::json;

static std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

class ReferralDesk {
public:
    ReferralDesk(const std::string& host, std::string practice)
        : cli_(host), practice_(std::move(practice)) {
        cli_.set_connection_timeout(10);
        cli_.set_read_timeout(30);
    }

    void login() {
        // Referral orders are not covered by any system/... scope, so this
        // integration has to run with the global apiv2 scope.
        httplib::Params form{{"grant_type", "client_credentials"},
                             {"client_id", env("ELATION_CLIENT_ID")},
                             {"client_secret", env("ELATION_CLIENT_SECRET")},
                             {"scope", "apiv2"}};
        auto res = cli_.Post(url("/oauth2/token/"), form);
        if (!res || res->status != 200)
            throw std::runtime_error("Elation token request failed");
        cli_.set_bearer_token_auth(json::parse(res->body).at("access_token").get<std::string>());
    }

    json openReferrals() {
        httplib::Params q{{"practice", practice_}, {"resolution_state", "unresolved"}, {"limit", "100"}};
        auto res = cli_.Get(url(paths_.at("referrals")), q, httplib::Headers{});  // api: GET /api/2.0/referral_orders/
        return check(res, "list referrals").value("results", json::array());
    }

    json contact(long id) {
        auto res = cli_.Get(url(paths_.at("contacts") + std::to_string(id) + "/"));  // api: GET /api/2.0/contacts/{id}/
        return check(res, "contact " + std::to_string(id));
    }

    json createLetter(const json& referral, const json& specialist) {
        json body = {{"patient", referral.at("patient")},
                     {"practice", std::stol(practice_)},
                     {"send_to_contact", specialist.at("id")},
                     {"letter_type", "referral"},
                     {"subject", "Referral: " + referral.value("specialty", std::string("specialist"))},
                     {"body", referral.value("body", "")},
                     {"is_processed", true}};
        auto res = cli_.Post(url(paths_.at("letters")), body.dump(), "application/json");  // api: POST /api/2.0/letters/
        return check(res, "create letter");
    }

    void markSent(long referralId, long letterId) {
        json patch = {{"resolution", {{"state", "fulfilled"}, {"note", "Letter " + std::to_string(letterId)}}}};
        auto res = cli_.Patch(url(paths_.at("referrals") + std::to_string(referralId) + "/"), patch.dump(),  // api: PATCH /api/2.0/referral_orders/{id}/
                              "application/json");
        check(res, "update referral " + std::to_string(referralId));
    }

private:
    static std::string url(const std::string& path) { return "/api/2.0" + path; }

    static json check(const httplib::Result& res, const std::string& what) {
        if (!res)
            throw std::runtime_error(what + ": " + httplib::to_string(res.error()));
        if (res->status / 100 != 2)
            throw std::runtime_error(what + ": HTTP " + std::to_string(res->status));
        return json::parse(res->body);
    }

    httplib::Client cli_;
    std::string practice_;
    const std::map<std::string, std::string> paths_ = {
        {"referrals", "/referral_orders/"},
        {"contacts", "/contacts/"},
        {"letters", "/letters/"},
    };
};

// FaxBridge: third-party fax vendor with its own OAuth server.
static bool fax_letter(const std::string& faxNumber, const std::string& text) {
    httplib::Client auth("https://auth.faxbridge.io");
    auto tok = auth.Post("/oauth/token", httplib::Params{{"grant_type", "client_credentials"},
                                                           {"client_id", env("FAXBRIDGE_CLIENT_ID")},
                                                           {"client_secret", env("FAXBRIDGE_CLIENT_SECRET")},
                                                           {"scope", "fax:send fax:status"}});
    if (!tok || tok->status != 200)
        return false;
    httplib::Client api("https://api.faxbridge.io");
    api.set_bearer_token_auth(json::parse(tok->body).value("access_token", ""));
    json job = {{"to", faxNumber}, {"content_type", "text/plain"}, {"content", text}};
    auto res = api.Post("/v2/faxes", job.dump(), "application/json");
    return res && res->status == 202;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: referral_letters <elation-host> [practice-id]\n";
        return 2;
    }
    ReferralDesk desk(argv[1], argc > 2 ? argv[2] : "65540");
    int sent = 0, skipped = 0;
    try {
        desk.login();
        for (const auto& ref : desk.openReferrals()) {
            if (!ref.contains("referral_to") || ref["referral_to"].is_null()) {
                ++skipped;
                continue;
            }
            json specialist = desk.contact(ref["referral_to"].get<long>());
            const std::string fax = specialist.value("fax", "");
            if (fax.empty()) {
                ++skipped;
                continue;
            }
            json letter = desk.createLetter(ref, specialist);
            if (!fax_letter(fax, letter.value("body", ""))) {
                std::cerr << "fax to " << fax << " failed; referral " << ref["id"] << " left open\n";
                continue;
            }
            desk.markSent(ref["id"].get<long>(), letter["id"].get<long>());
            ++sent;
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    std::cout << sent << " referral letter(s) sent, " << skipped << " skipped\n";
    return 0;
}

// referral_router: routes outgoing referral orders that have no electronic
// destination to the fax gateway, then marks them as sent in Elation.
//
// Uses the legacy password-grant service account.
#include <cpr/cpr.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#define ELATION_API "https://app.elationemr.com/api/2.0"
#define FAX_GATEWAY "https://faxgw.northbay-clinics.net/v3/outbound"

namespace {

enum class Verb { Get, Patch };

const std::map<std::string, std::string> kPaths = {
    {"referrals", "/referral_orders/"},
    {"contact_search", "/contacts/search/"},
};

std::string between(const std::string& s, const std::string& key, size_t from = 0) {
    auto p = s.find("\"" + key + "\": ", from);
    if (p == std::string::npos) return {};
    p += key.size() + 4;
    if (s[p] == '"') return s.substr(p + 1, s.find('"', p + 1) - p - 1);
    return s.substr(p, s.find_first_of(",}", p) - p);
}

class Elation {
public:
    Elation(const std::string& user, const std::string& pass) {
        cpr::Response r = cpr::Post(  // expect-warning [global-scope] {{apiv2}}
            cpr::Url{ELATION_API "/oauth2/token/"},
            cpr::Authentication{getenv("ELATION_CLIENT_ID"), getenv("ELATION_CLIENT_SECRET"), cpr::AuthMode::BASIC},
            cpr::Payload{{"grant_type", "password"}, {"username", user}, {"password", pass}});
        bearer_ = "Bearer " + between(r.text, "access_token");
    }

    cpr::Response call(Verb v, const std::string& path, const cpr::Parameters& q = {}, const std::string& body = "") {
        session_.SetUrl(cpr::Url{ELATION_API + path});
        session_.SetHeader(cpr::Header{{"Authorization", bearer_}, {"Content-Type", "application/json"}});
        session_.SetParameters(q);
        switch (v) {
            case Verb::Get:
                return session_.Get();  // api: GET /api/2.0/referral_orders/ // api: GET /api/2.0/contacts/search/
            case Verb::Patch:
                session_.SetBody(cpr::Body{body});
                return session_.Patch();  // api: PATCH /api/2.0/referral_orders/{id}/
        }
        return {};
    }

private:
    cpr::Session session_;
    std::string bearer_;
};

bool fax(const std::string& number, const std::string& referralId) {
    cpr::Response r = cpr::Post(cpr::Url{FAX_GATEWAY}, cpr::Header{{"X-Api-Key", getenv("FAXGW_KEY")}},
                                cpr::Payload{{"to", number}, {"document_ref", "referral-" + referralId}});
    return r.status_code == 202;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: referral_router USER PASSWORD\n";
        return 2;
    }
    Elation api(argv[1], argv[2]);
    std::vector<std::string> sent;
    int offset = 0;
    for (;;) {
        cpr::Response page = api.call(Verb::Get, kPaths.at("referrals"),
                                      cpr::Parameters{{"status", "pending"}, {"limit", "25"}, {"offset", std::to_string(offset)}});
        if (page.status_code != 200) break;
        for (auto p = page.text.find("\"id\": "); p != std::string::npos; p = page.text.find("\"id\": ", p + 1)) {
            std::string id = between(page.text, "id", p);
            std::string npi = between(page.text, "specialist_npi", p);
            cpr::Response contact = api.call(Verb::Get, kPaths.at("contact_search"), cpr::Parameters{{"npi", npi}});
            std::string faxNumber = between(contact.text, "fax");
            if (faxNumber.empty() || !fax(faxNumber, id)) continue;
            api.call(Verb::Patch, kPaths.at("referrals") + id + "/", {}, "{\"resolution\": {\"state\": \"sent\"}}");
            sent.push_back(id);
        }
        if (page.text.find("\"next\": null") != std::string::npos) break;
        offset += 25;
    }
    std::cout << "faxed " << sent.size() << " referrals\n";
    return 0;
}

// appointment_reminders: sends a text reminder for every appointment booked
// for tomorrow (or the day given with --date), with the clinic address.
// Texts go out through TextLane, which has its own OAuth server.
//
// usage: appointment_reminders <practice-id> [--date YYYY-MM-DD] [--dry-run]
// env:   ELATION_BASE (default https://app.elationemr.com/api/2.0),
//        ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, TEXTLANE_CLIENT_ID, TEXTLANE_CLIENT_SECRET
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/Thread.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using Poco::JSON::Object;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPSClientSession;

static const std::vector<std::string> kReminderScopes = {
    "system/appointments.read",
    "system/patients.read",
    "system/service_locations.read",
    "system/appointment_types.read",
};

class ElationReader {
public:
    explicit ElationReader(const std::string& base) : base_(base) {}

    void authenticate(const std::string& id, const std::string& secret) {
        std::ostringstream scope;
        for (const auto& s : kReminderScopes)
            scope << (scope.tellp() > 0 ? " " : "") << s;
        std::string encodedScope;
        Poco::URI::encode(scope.str(), "&=+ ", encodedScope);
        const std::string body = "grant_type=client_credentials&client_id=" + id +
                                 "&client_secret=" + secret + "&scope=" + encodedScope;

        HTTPSClientSession session(base_.getHost(), base_.getPort());
        HTTPRequest req(HTTPRequest::HTTP_POST, base_.getPath() + "/oauth2/token/", HTTPRequest::HTTP_1_1);
        req.setContentType("application/x-www-form-urlencoded");
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(req) << body; // expect-warning [unused-scope] {{system/appointment_types.read}}
        HTTPResponse res;
        std::string text;
        Poco::StreamCopier::copyToString(session.receiveResponse(res), text);
        if (res.getStatus() != HTTPResponse::HTTP_OK)
            throw std::runtime_error("token: " + text);
        token_ = Poco::JSON::Parser().parse(text).extract<Object::Ptr>()->getValue<std::string>("access_token");
    }

    Poco::URI uri(const std::string& path) const {
        Poco::URI u(base_);
        u.setPath(base_.getPath() + path);
        return u;
    }

    // GET with up to four attempts on 429/503; Elation rate limits bursts.
    Object::Ptr get(const Poco::URI& u) {
        for (int attempt = 1;; ++attempt) {
            HTTPSClientSession session(u.getHost(), u.getPort());
            session.setTimeout(Poco::Timespan(20, 0));
            HTTPRequest req(HTTPRequest::HTTP_GET, u.getPathAndQuery(), HTTPRequest::HTTP_1_1);
            req.set("Authorization", "Bearer " + token_);
            session.sendRequest(req); // api: GET /api/2.0/appointments/ // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/service_locations/{id}/
            HTTPResponse res;
            std::string text;
            Poco::StreamCopier::copyToString(session.receiveResponse(res), text);
            const int status = res.getStatus();
            if (status == 200)
                return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
            if ((status != 429 && status != 503) || attempt == 4)
                throw std::runtime_error(u.toString() + ": HTTP " + std::to_string(status));
            Poco::Thread::sleep(1000 * attempt);
        }
    }

    void for_each(Poco::URI u, const std::function<void(const Object::Ptr&)>& fn) {
        for (;;) {
            Object::Ptr page = get(u);
            auto results = page->getArray("results");
            for (size_t i = 0; results && i < results->size(); ++i)
                fn(results->getObject(static_cast<unsigned>(i)));
            if (page->isNull("next") || !page->has("next"))
                break;
            u = Poco::URI(page->getValue<std::string>("next"));
        }
    }

private:
    Poco::URI base_;
    std::string token_;
};

class TextLane {
public:
    void authenticate(const std::string& id, const std::string& secret) {
        const std::string body = "grant_type=client_credentials&scope=messages%3Asend&client_id=" + id +
                                 "&client_secret=" + secret;
        HTTPSClientSession session("auth.textlane.com", 443);
        HTTPRequest req(HTTPRequest::HTTP_POST, "/oauth/token", HTTPRequest::HTTP_1_1);
        req.setContentType("application/x-www-form-urlencoded");
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(req) << body;
        HTTPResponse res;
        std::string text;
        Poco::StreamCopier::copyToString(session.receiveResponse(res), text);
        token_ = Poco::JSON::Parser().parse(text).extract<Object::Ptr>()->getValue<std::string>("access_token");
    }

    bool send(const std::string& to, const std::string& message) {
        Object msg;
        msg.set("to", to);
        msg.set("body", message);
        msg.set("sender_id", "RIVERBEND");
        std::ostringstream body;
        msg.stringify(body);
        HTTPSClientSession session("api.textlane.com", 443);
        HTTPRequest req(HTTPRequest::HTTP_POST, "/v2/messages", HTTPRequest::HTTP_1_1);
        req.set("Authorization", "Bearer " + token_);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(body.str().size()));
        session.sendRequest(req) << body.str();
        HTTPResponse res;
        session.receiveResponse(res);
        return res.getStatus() == HTTPResponse::HTTP_ACCEPTED;
    }

private:
    std::string token_;
};

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: appointment_reminders <practice-id> [--date YYYY-MM-DD] [--dry-run]\n";
        return 2;
    }
    const std::string practice = argv[1];
    Poco::DateTime tomorrow;
    tomorrow += Poco::Timespan(1, 0, 0, 0, 0);
    std::string day = Poco::DateTimeFormatter::format(tomorrow, "%Y-%m-%d");
    bool dry_run = false;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--date" && i + 1 < argc) day = argv[++i];
        else if (a == "--dry-run") dry_run = true;
    }

    ElationReader elation(Poco::Environment::get("ELATION_BASE", "https://app.elationemr.com/api/2.0"));
    TextLane sms;
    try {
        elation.authenticate(Poco::Environment::get("ELATION_CLIENT_ID"), Poco::Environment::get("ELATION_CLIENT_SECRET"));
        if (!dry_run)
            sms.authenticate(Poco::Environment::get("TEXTLANE_CLIENT_ID"), Poco::Environment::get("TEXTLANE_CLIENT_SECRET"));
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }

    std::map<long, std::string> addresses;  // service location id -> one-line address
    Poco::URI list = elation.uri("/appointments/");
    list.addQueryParameter("practice", practice);
    list.addQueryParameter("from_date", day + "T00:00:00");
    list.addQueryParameter("to_date", day + "T23:59:59");

    int sent = 0, skipped = 0;
    elation.for_each(list, [&](const Object::Ptr& appt) {
        if (appt->optValue<std::string>("status", "") == "Cancelled")
            return;
        const long patient_id = appt->getValue<long>("patient");
        Object::Ptr patient = elation.get(elation.uri("/patients/" + std::to_string(patient_id) + "/"));
        auto phones = patient->getArray("phones");
        if (!phones || phones->size() == 0 || patient->optValue<bool>("sms_opt_out", false)) {
            ++skipped;
            return;
        }
        const long loc = appt->optValue<long>("service_location", 0);
        if (loc && !addresses.count(loc)) {
            Object::Ptr sl = elation.get(elation.uri("/service_locations/" + std::to_string(loc) + "/"));
            addresses[loc] = sl->optValue<std::string>("address_line1", "") + ", " + sl->optValue<std::string>("city", "");
        }
        const std::string when = appt->getValue<std::string>("scheduled_date").substr(11, 5);
        const std::string text = "Reminder: " + patient->optValue<std::string>("first_name", "") +
                                 ", you have an appointment tomorrow at " + when +
                                 (loc ? " at " + addresses[loc] : std::string()) + ". Reply C to confirm.";
        const std::string to = phones->getObject(0)->getValue<std::string>("phone");
        if (dry_run)
            std::cout << to << ": " << text << "\n";
        else if (sms.send(to, text))
            ++sent;
    });
    std::cout << sent << " reminders sent, " << skipped << " skipped\n";
    return 0;
}

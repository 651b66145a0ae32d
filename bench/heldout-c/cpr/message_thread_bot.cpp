// Out-of-office auto-responder for the patient messaging inbox.
//
// While a physician is away, patients who write to them get a short reply
// (sent as the physician, so it lands in the same thread under their name) and
// the covering nurse is pinged in Slack. Runs every 15 minutes from cron.
#include <cpr/cpr.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using json = nlohmann::json;

static std::string env(const char* name, const char* fallback = "") {
    const char* v = std::getenv(name);
    return v ? v : fallback;
}

class InboxBot {
public:
    InboxBot(std::string host, long physicianUserId)
        : base_("https://" + std::move(host) + "/api/2.0"), actingUser_(physicianUserId) {}

    // Legacy integration: password grant with the app's credentials in Basic auth.
    bool login(const std::string& clientId, const std::string& clientSecret,
               const std::string& username, const std::string& password) {
        std::ostringstream scope;
        scope << "system/message_threads.read"
              << ' ' << "system/thread_messages.read"
              << ' ' << "system/thread_messages.write"
              << ' ' << "system/thread_members.read"
              << ' ' << "system/thread_members.write"
              << ' ' << "act_as_user";
        // expect-warning [unused-scope] {{system/thread_members.write}}
        cpr::Response r = cpr::Post(cpr::Url{base_ + "/oauth2/token/"},
                                    cpr::Authentication{clientId, clientSecret, cpr::AuthMode::BASIC},
                                    cpr::Payload{{"grant_type", "password"},
                                                 {"username", username},
                                                 {"password", password},
                                                 {"scope", scope.str()}});
        if (r.status_code != 200) return false;
        token_ = json::parse(r.text).value("access_token", "");
        session_.SetHeader(cpr::Header{{"Authorization", "Bearer " + token_},
                                       {"X-On-Behalf-Of", std::to_string(actingUser_)},
                                       {"Content-Type", "application/json"}});
        return true;
    }

    std::vector<json> openThreadsSince(const std::string& isoTime) {
        std::vector<json> threads;
        std::string url = base_ + "/message_threads/?is_closed=false&modified_after=" + isoTime;
        while (!url.empty()) {
            session_.SetUrl(cpr::Url{url});
            cpr::Response r = session_.Get();  // api: GET /api/2.0/message_threads/
            if (r.status_code != 200) break;
            json page = json::parse(r.text);
            for (auto& t : page["results"]) threads.push_back(t);
            url = page["next"].is_string() ? page["next"].get<std::string>() : "";
        }
        return threads;
    }

    bool physicianIsMember(long threadId) {
        session_.SetUrl(cpr::Url{base_ + "/thread_members/"});
        session_.SetParameters(cpr::Parameters{{"thread", std::to_string(threadId)}});
        cpr::Response r = session_.Get();  // api: GET /api/2.0/thread_members/
        session_.SetParameters(cpr::Parameters{});
        for (const auto& m : json::parse(r.text).value("results", json::array()))
            if (m.value("user", 0L) == actingUser_) return true;
        return false;
    }

    bool alreadyAnswered(long threadId) {
        session_.SetUrl(cpr::Url{base_ + "/thread_messages/?thread=" + std::to_string(threadId)});
        cpr::Response r = session_.Get();  // api: GET /api/2.0/thread_messages/
        for (const auto& m : json::parse(r.text).value("results", json::array()))
            if (m.value("body", "").find("[auto-reply]") != std::string::npos) return true;
        return false;
    }

    void reply(long threadId, const std::string& text) {
        json body = {{"thread", threadId}, {"body", "[auto-reply] " + text}, {"sender", actingUser_}};
        session_.SetUrl(cpr::Url{base_ + "/thread_messages/"});
        session_.SetBody(cpr::Body{body.dump()});
        cpr::Response r = session_.Post();  // api: POST /api/2.0/thread_messages/
        if (r.status_code >= 300) std::cerr << "reply to " << threadId << " failed: " << r.text << "\n";
    }

private:
    std::string base_;
    long actingUser_;
    std::string token_;
    cpr::Session session_;
};

static void notifySlack(const std::string& hook, const std::string& text) {
    cpr::Post(cpr::Url{hook}, cpr::Header{{"Content-Type", "application/json"}},
              cpr::Body{json{{"text", text}}.dump()});
}

int main() {
    InboxBot bot(env("ELATION_HOST", "app.elationemr.com"), std::atol(env("OOO_PHYSICIAN_USER_ID", "0").c_str()));
    if (!bot.login(env("ELATION_CLIENT_ID"), env("ELATION_CLIENT_SECRET"), env("ELATION_USERNAME"),
                   env("ELATION_PASSWORD"))) {
        std::cerr << "login failed\n";
        return 1;
    }
    std::time_t since = std::time(nullptr) - 15 * 60;
    char iso[32];
    std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&since));

    const std::string message = env("OOO_MESSAGE", "Dr. is out of the office this week; the care team will follow up.");
    int answered = 0;
    for (const json& t : bot.openThreadsSince(iso)) {
        long id = t.value("id", 0L);
        if (!bot.physicianIsMember(id) || bot.alreadyAnswered(id)) continue;
        bot.reply(id, message);
        ++answered;
    }
    if (answered > 0)
        notifySlack(env("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXX"),
                    std::to_string(answered) + " patient message(s) got the out-of-office reply");
    return 0;
}

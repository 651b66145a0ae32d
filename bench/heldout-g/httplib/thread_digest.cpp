// thread_digest: morning digest of open patient message threads, grouped by
// provider, posted to each care team's chat channel. Threads untouched for
// more than two days are flagged.
//
// usage: thread_digest [/etc/thread-digest.conf]
// The config file is key=value lines:
//   elation_host=https://app.elationemr.com
//   practice=65540
//   client_id=... client_secret=... username=... password=...
//   chat_host=https://chat.internal.riverbend.health
//   chat_hook=/hooks/8f2c1d0e
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using json = nlohmann::json;

struct DigestConfig {
    std::string elation_host = "https://app.elationemr.com";
    std::string practice;
    std::string client_id, client_secret, username, password;
    std::string chat_host, chat_hook;
    int stale_days = 2;
};

static DigestConfig load_config(const std::string& path) {
    DigestConfig cfg;
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::map<std::string, std::string*> fields = {
        {"elation_host", &cfg.elation_host}, {"practice", &cfg.practice},
        {"client_id", &cfg.client_id},       {"client_secret", &cfg.client_secret},
        {"username", &cfg.username},         {"password", &cfg.password},
        {"chat_host", &cfg.chat_host},       {"chat_hook", &cfg.chat_hook},
    };
    for (std::string line; std::getline(in, line);) {
        auto eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos)
            continue;
        auto it = fields.find(line.substr(0, eq));
        if (it != fields.end())
            *it->second = line.substr(eq + 1);
        else if (line.compare(0, eq, "stale_days") == 0)
            cfg.stale_days = std::stoi(line.substr(eq + 1));
    }
    return cfg;
}

static std::string days_ago_iso(int days) {
    std::time_t t = std::time(nullptr) - days * 86400;
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", std::gmtime(&t));
    return buf;
}

int main(int argc, char** argv) {
    DigestConfig cfg;
    try {
        cfg = load_config(argc > 1 ? argv[1] : "/etc/thread-digest.conf");
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }

    httplib::Client elation(cfg.elation_host);
    elation.set_read_timeout(30);

    // Password grant with the digest service user; this predates client credentials here.
    elation.set_basic_auth(cfg.client_id, cfg.client_secret);
    auto tok = elation.Post("/api/2.0/oauth2/token/", // expect-warning [global-scope] {{apiv2}}
                            httplib::Params{{"grant_type", "password"},
                                            {"username", cfg.username},
                                            {"password", cfg.password}});
    if (!tok || tok->status != 200) {
        std::cerr << "login failed\n";
        return 1;
    }
    const std::string token = json::parse(tok->body).at("access_token").get<std::string>();
    const httplib::Headers auth{{"Authorization", "Bearer " + token}};

    // Every list endpoint pages the same way; "next" is an absolute URL on the same host.
    auto fetch_all = [&](std::string path, auto&& on_item) {
        while (!path.empty()) {
            auto res = elation.Get(path, auth); // api: GET /api/2.0/physicians/ // api: GET /api/2.0/message_threads/ // api: GET /api/2.0/thread_members/ // api: GET /api/2.0/thread_messages/
            if (!res || res->status != 200)
                throw std::runtime_error("GET " + path + " failed");
            json page = json::parse(res->body);
            for (const auto& item : page["results"])
                on_item(item);
            path.clear();
            if (page["next"].is_string()) {
                std::string next = page["next"];
                path = next.substr(next.find("/api/2.0/"));
            }
        }
    };

    std::map<long, std::string> provider_names;
    std::map<long, std::vector<std::string>> lines_by_provider;
    const std::string stale_before = days_ago_iso(cfg.stale_days);

    try {
        fetch_all("/api/2.0/physicians/?practice=" + cfg.practice, [&](const json& doc) {
            provider_names[doc["id"].get<long>()] = "Dr. " + doc.value("last_name", std::string("?"));
        });

        std::vector<json> threads;
        fetch_all("/api/2.0/message_threads/?practice=" + cfg.practice + "&is_completed=false",
                  [&](const json& t) { threads.push_back(t); });

        for (const auto& thread : threads) {
            const std::string tid = std::to_string(thread["id"].get<long>());
            long provider = 0;
            fetch_all("/api/2.0/thread_members/?thread=" + tid, [&](const json& m) {
                if (!provider && provider_names.count(m.value("user", 0L)))
                    provider = m["user"].get<long>();
            });

            std::string last_at, last_body;
            fetch_all("/api/2.0/thread_messages/?thread=" + tid + "&limit=50", [&](const json& msg) {
                const std::string at = msg.value("send_date", "");
                if (at > last_at) {
                    last_at = at;
                    last_body = msg.value("body", "");
                }
            });

            std::ostringstream line;
            line << (last_at < stale_before ? ":warning: " : "") << "thread " << tid << " (patient "
                 << thread.value("patient", 0L) << "), last message " << last_at.substr(0, 10) << ": "
                 << last_body.substr(0, 80);
            lines_by_provider[provider].push_back(line.str());
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }

    httplib::Client chat(cfg.chat_host);
    for (const auto& [provider, lines] : lines_by_provider) {
        std::string text = "*Open threads for " +
                           (provider ? provider_names[provider] : std::string("unassigned")) + "*\n";
        for (const auto& l : lines)
            text += "- " + l + "\n";
        json msg = {{"text", text}, {"channel", provider ? "care-team-" + std::to_string(provider) : "front-desk"}};
        auto res = chat.Post(cfg.chat_hook, msg.dump(), "application/json");
        if (!res || res->status != 200)
            std::cerr << "chat post failed for provider " << provider << "\n";
    }
    return 0;
}

// Mirrors physicians' recurring "blocked time" (admin half-days, hospital
// rounds) from the clinic's shared Google calendar into Elation recurring
// event groups, so the scheduler cannot book over them.
//
//   recurring_block_sync --physician 131 --calendar rounds@clinic.example [--elation https://...]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>

struct SyncOptions {
    QString elationRoot;  // scheme://host, the API lives under /api/2.0
    QString calendarId;
    int physicianId = 0;
};

class Elation {
public:
    explicit Elation(QString root) : api_(root + "/api/2.0") {}

    bool login() {
        QUrlQuery form;
        form.addQueryItem("grant_type", "password");
        form.addQueryItem("username", qEnvironmentVariable("ELATION_USERNAME"));
        form.addQueryItem("password", qEnvironmentVariable("ELATION_PASSWORD"));
        form.addQueryItem("client_id", qEnvironmentVariable("ELATION_CLIENT_ID"));
        form.addQueryItem("client_secret", qEnvironmentVariable("ELATION_CLIENT_SECRET"));
        form.addQueryItem("scope", "apiv2");  // expect-warning [global-scope] {{apiv2}}
        QNetworkRequest req(QUrl(api_ + "/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        const QJsonObject tok = send("POST", req, form.query(QUrl::FullyEncoded).toUtf8()).object();
        token_ = tok.value("access_token").toString().toUtf8();
        return !token_.isEmpty();
    }

    QJsonDocument call(const QByteArray& verb, const QString& path, const QJsonObject& body = {}) {
        return callUrl(verb, QUrl(api_ + path), body);
    }

    QJsonDocument callUrl(const QByteArray& verb, const QUrl& url, const QJsonObject& body = {}) {
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + token_);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return send(verb, req, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    }

private:
    QJsonDocument send(const QByteArray& verb, const QNetworkRequest& req, const QByteArray& body) {
        QNetworkReply* reply = nam_.sendCustomRequest(req, verb, body);  // api: GET /api/2.0/physicians/{id}/ // api: GET /api/2.0/recurring_event_groups/ // api: POST /api/2.0/recurring_event_groups/ // api: DELETE /api/2.0/recurring_event_groups/{id}/ // api: GET /api/2.0/appointments/
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll());
    }

    QString api_;
    QByteArray token_;
    QNetworkAccessManager nam_;
};

static QJsonArray googleRecurringEvents(QNetworkAccessManager& nam, const QString& calendarId) {
    QUrl url("https://www.googleapis.com/calendar/v3/calendars/" + QUrl::toPercentEncoding(calendarId) + "/events");
    QUrlQuery q;
    q.addQueryItem("singleEvents", "false");
    q.addQueryItem("key", qEnvironmentVariable("GOOGLE_API_KEY"));
    url.setQuery(q);
    QNetworkReply* reply = nam.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    QJsonArray recurring;
    for (const QJsonValue& e : QJsonDocument::fromJson(reply->readAll()).object()["items"].toArray())
        if (e["recurrence"].isArray()) recurring.append(e);
    return recurring;
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({"physician", "Elation physician id", "id"});
    parser.addOption({"calendar", "Google calendar id", "calendar"});
    parser.addOption({"elation", "Elation origin", "url", "https://app.elationemr.com"});
    parser.process(app);
    SyncOptions opt{parser.value("elation"), parser.value("calendar"), parser.value("physician").toInt()};
    QTextStream out(stdout);

    Elation elation(opt.elationRoot);
    if (!elation.login()) return 1;
    const QJsonObject doc = elation.call("GET", QString("/physicians/%1/").arg(opt.physicianId)).object();
    out << "syncing blocks for " << doc["last_name"].toString() << "\n";

    QNetworkAccessManager google;
    QSet<QString> wanted;
    for (const QJsonValue& e : googleRecurringEvents(google, opt.calendarId)) {
        wanted.insert(e["summary"].toString());
    }

    const QJsonArray groups =
        elation.call("GET", QString("/recurring_event_groups/?physician=%1").arg(opt.physicianId)).object()["results"].toArray();
    QSet<QString> present;
    for (const QJsonValue& g : groups) {
        const QString name = g["description"].toString();
        present.insert(name);
        if (wanted.contains(name)) continue;
        // Only drop a block nobody has been booked into since it was created.
        int booked = 0;
        QUrl page(QString("%1/api/2.0/appointments/?physician=%2&from_date=%3")
                      .arg(opt.elationRoot).arg(opt.physicianId).arg(g["start_date"].toString()));
        while (page.isValid() && !page.isEmpty()) {
            const QJsonObject res = elation.callUrl("GET", page).object();
            booked += res["results"].toArray().size();
            page = QUrl(res["next"].toString());
        }
        if (booked == 0) elation.call("DELETE", QString("/recurring_event_groups/%1/").arg(g["id"].toInt()));
    }
    for (const QString& name : wanted) {
        if (present.contains(name)) continue;
        elation.call("POST", "/recurring_event_groups/",
                     QJsonObject{{"physician", opt.physicianId}, {"description", name}, {"event_type", "block"}});
    }
    return 0;
}

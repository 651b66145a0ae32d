// provider_schedule_sync: copies each provider's weekly clinic hours from
// ShiftGrid (the staffing vendor) into Elation physician availabilities.
// Without --apply it only prints what would change.
//
// usage: provider_schedule_sync --practice ID [--base URL] [--apply]
// env:   ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, SHIFTGRID_CLIENT_ID, SHIFTGRID_CLIENT_SECRET
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>

static QByteArray envOr(const char *name, const QByteArray &fallback = {}) {
    const QByteArray v = qgetenv(name);
    return v.isEmpty() ? fallback : v;
}

class ScheduleSync {
public:
    ScheduleSync(const QUrl &base, bool apply) : base_(base), apply_(apply) {}

    bool login() {
        QStringList scopes{"system/physicians.read", "system/service_locations.read"};
        if (apply_)
            scopes << "system/physicians.write";

        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", envOr("ELATION_CLIENT_ID"));
        form.addQueryItem("client_secret", envOr("ELATION_CLIENT_SECRET"));
        form.addQueryItem("scope", scopes.join(QLatin1Char(' ')));
        QNetworkRequest req(base_.resolved(QUrl("oauth2/token/")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        elationToken_ = wait(nam_.post(req, form.query(QUrl::FullyEncoded).toUtf8()))
                            .object().value("access_token").toString().toUtf8();

        QUrlQuery vendorForm;
        vendorForm.addQueryItem("grant_type", "client_credentials");
        vendorForm.addQueryItem("client_id", envOr("SHIFTGRID_CLIENT_ID"));
        vendorForm.addQueryItem("client_secret", envOr("SHIFTGRID_CLIENT_SECRET"));
        vendorForm.addQueryItem("scope", "availability.read");
        QNetworkRequest vreq(QUrl("https://auth.shiftgrid.com/oauth/token"));
        vreq.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        vendorToken_ = wait(nam_.post(vreq, vendorForm.query(QUrl::FullyEncoded).toUtf8()))
                           .object().value("access_token").toString().toUtf8();
        return !elationToken_.isEmpty() && !vendorToken_.isEmpty();
    }

    QJsonDocument elation(const QByteArray &verb, const QString &relPath, const QJsonDocument &body = {}) {
        QNetworkRequest req(base_.resolved(QUrl(relPath)));
        req.setRawHeader("Authorization", "Bearer " + elationToken_);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = nam_.sendCustomRequest(req, verb, body.isNull() ? QByteArray() : body.toJson()); // api: GET /api/2.0/physicians/ // api: GET /api/2.0/service_locations/ // api: GET /api/2.0/physicians/{id}/availabilities/ // api: PUT /api/2.0/physicians/{id}/availabilities/
        return wait(reply);
    }

    QJsonArray vendorHours(const QString &npi) {
        QUrl url(QStringLiteral("https://api.shiftgrid.com/v2/providers/%1/availability").arg(npi));
        url.setQuery(QUrlQuery{{"template", "standard_week"}});
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + vendorToken_);
        return wait(nam_.get(req)).object().value("blocks").toArray();
    }

    int run(const QString &practice) {
        QHash<QString, int> locationByCode;
        const QJsonDocument locs = elation("GET", QStringLiteral("service_locations/?practice=%1").arg(practice));
        for (const QJsonValue &l : locs.object().value("results").toArray())
            locationByCode.insert(l.toObject().value("place_of_service_code").toString() + ":" +
                                      l.toObject().value("name").toString(),
                                  l.toObject().value("id").toInt());

        const QJsonDocument docs = elation("GET", QStringLiteral("physicians/?practice=%1").arg(practice));
        int changed = 0;
        for (const QJsonValue &p : docs.object().value("results").toArray()) {
            const QJsonObject physician = p.toObject();
            const QString npi = physician.value("npi").toString();
            if (npi.isEmpty())
                continue;

            QJsonArray wanted;
            for (const QJsonValue &b : vendorHours(npi)) {
                const QJsonObject block = b.toObject();
                const int loc = locationByCode.value(block.value("site_key").toString(), 0);
                if (!loc)
                    continue;
                wanted.append(QJsonObject{{"service_location", loc},
                                          {"day_of_week", block.value("weekday").toInt()},
                                          {"start_time", block.value("start").toString()},
                                          {"end_time", block.value("end").toString()}});
            }

            const QString path = QStringLiteral("physicians/%1/availabilities/").arg(physician.value("id").toInt());
            const QJsonArray current = elation("GET", path).array();
            if (current == wanted)
                continue;
            ++changed;
            QTextStream(stdout) << physician.value("last_name").toString() << ": " << current.size()
                                << " blocks -> " << wanted.size() << (apply_ ? "" : " (dry run)") << "\n";
            if (apply_)
                elation("PUT", path, QJsonDocument(wanted));
        }
        return changed;
    }

private:
    QJsonDocument wait(QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (reply->error() != QNetworkReply::NoError)
            QTextStream(stderr) << reply->request().url().toString() << ": " << reply->errorString() << "\n";
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        reply->deleteLater();
        return doc;
    }

    QNetworkAccessManager nam_;
    QUrl base_;
    bool apply_;
    QByteArray elationToken_, vendorToken_;
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption practiceOpt("practice", "Elation practice id", "id");
    QCommandLineOption baseOpt("base", "API base URL (must end with /)", "url", "https://app.elationemr.com/api/2.0/");
    QCommandLineOption applyOpt("apply", "write changes to Elation");
    parser.addOptions({practiceOpt, baseOpt, applyOpt});
    parser.process(app);
    if (!parser.isSet(practiceOpt))
        parser.showHelp(2);

    QString base = parser.value(baseOpt);
    if (!base.endsWith('/'))
        base += '/';
    ScheduleSync sync(QUrl(base), parser.isSet(applyOpt));
    if (!sync.login()) {
        QTextStream(stderr) << "login failed\n";
        return 1;
    }
    const int changed = sync.run(parser.value(practiceOpt));
    QTextStream(stdout) << changed << " provider schedules " << (parser.isSet(applyOpt) ? "updated" : "differ") << "\n";
    return 0;
}
